// @vitest-environment node
/** The architecture checks fire on each kind of violation and name the file, line and import. */
import { describe, expect, it } from 'vitest';
import type { ImportEdge, ImportGraph } from './import-graph';
import { importCycles, layerOf, layerViolations, packageViolations, serverViolations } from './layer-rules';

/** A graph from `[file, [specifier, target, typeOnly?][]]` entries, every import on line 1, 2, …. */
function graphOf(files: [string, [string, string | null, boolean?][]][]): ImportGraph {
  return new Map(
    files.map(([from, imports]) => [
      from,
      imports.map(
        ([specifier, target, typeOnly = false], i): ImportEdge => ({ from, line: i + 1, specifier, relative: specifier.startsWith('.'), target, typeOnly }),
      ),
    ]),
  );
}

describe('layerOf', () => {
  it('places each src folder and the root entry', () => {
    expect(layerOf('src/core/model.ts')).toBe('core');
    expect(layerOf('src/testing/index.ts')).toBe('testing');
    expect(layerOf('src/index.ts')).toBe('pages');
    expect(layerOf('src/misc/x.ts')).toBeNull();
  });
});

describe('layerViolations', () => {
  it('reports an upward import, type-only too, and accepts downward ones', () => {
    const graph = graphOf([
      ['src/core/a.ts', [['../hooks/h', 'src/hooks/h.ts', true]]],
      ['src/hooks/h.ts', [['../core/a', 'src/core/a.ts']]],
      ['src/adapters/m.ts', [['../testing/t', 'src/testing/t.ts']]],
      ['src/components/c.tsx', [['../pages/p', 'src/pages/p.tsx']]],
      ['src/pages/p.tsx', [['../components/c', 'src/components/c.tsx']]],
    ]);
    expect(layerViolations(graph)).toEqual([
      "src/core/a.ts:1 imports '../hooks/h' (type-only) → src/hooks/h.ts: core may not depend on hooks (core may import nothing else)",
      "src/adapters/m.ts:1 imports '../testing/t' → src/testing/t.ts: adapters may not depend on testing (adapters may import core)",
      "src/components/c.tsx:1 imports '../pages/p' → src/pages/p.tsx: components may not depend on pages (components may import core, adapters, hooks)",
    ]);
  });

  it('reports unresolved imports, files outside the layers and imports of the server', () => {
    const graph = graphOf([
      ['src/core/a.ts', [['./gone', null], ['../../server/src/x', 'server/src/x.ts'], ['@userscope/server', null]]],
      ['src/extra/b.ts', []],
    ]);
    expect(layerViolations(graph)).toEqual([
      'src/extra/b.ts lies outside every layer: put it in a layer folder or add it to layer-rules.ts',
      "src/core/a.ts:1 imports './gone': resolves to no file",
      "src/core/a.ts:2 imports '../../server/src/x' → server/src/x.ts: the library never imports the server",
      "src/core/a.ts:3 imports '@userscope/server': the library never imports the server",
    ]);
  });
});

describe('packageViolations', () => {
  it('reports React and DOM-only libraries in core and adapters, test tooling outside testing, self-imports', () => {
    const graph = graphOf([
      ['src/core/a.ts', [['react', null, true], ['zod', null]]],
      ['src/adapters/b.ts', [['@visx/scale', null], ['react-dom/client', null]]],
      ['src/components/c.tsx', [['react', null], ['msw', null]]],
      ['src/testing/t.ts', [['msw', null]]],
      ['src/hooks/h.ts', [['userscope/core', null]]],
    ]);
    expect(packageViolations(graph)).toEqual([
      "src/core/a.ts:1 imports 'react' (type-only): core runs without React or a DOM",
      "src/adapters/b.ts:1 imports '@visx/scale': adapters runs without React or a DOM",
      "src/adapters/b.ts:2 imports 'react-dom/client': adapters runs without React or a DOM",
      "src/components/c.tsx:2 imports 'msw': test tooling belongs in src/testing",
      "src/hooks/h.ts:1 imports 'userscope/core': import the source by a relative path, so its layer is checked",
    ]);
  });
});

describe('serverViolations', () => {
  it('accepts core and adapter entries, reports source paths, React entries and React', () => {
    const graph = graphOf([
      [
        'server/src/a.ts',
        [
          ['userscope/core', null],
          ['userscope/adapters/rest', null],
          ['userscope/hooks', null],
          ['../../src/core/model', 'src/core/model.ts'],
          ['react', null],
          ['./b', 'server/src/b.ts'],
        ],
      ],
    ]);
    expect(serverViolations(graph)).toEqual([
      "server/src/a.ts:3 imports 'userscope/hooks': the server imports only userscope/core and userscope/adapters/*",
      "server/src/a.ts:4 imports '../../src/core/model' → src/core/model.ts: use the library's public entries",
      "server/src/a.ts:5 imports 'react': the server runs without React or a DOM",
    ]);
  });
});

describe('importCycles', () => {
  it('reports a cycle closed by a type-only import (the old users-aggregate ⇄ users-attention)', () => {
    const graph = graphOf([
      ['src/core/engine/users-aggregate.ts', [['./users-attention', 'src/core/engine/users-attention.ts']]],
      ['src/core/engine/users-attention.ts', [['./users-aggregate', 'src/core/engine/users-aggregate.ts', true]]],
    ]);
    expect(importCycles(graph, 'src/')).toEqual([
      "import cycle: src/core/engine/users-aggregate.ts:1 imports './users-attention' → src/core/engine/users-attention.ts, " +
        "src/core/engine/users-attention.ts:1 imports './users-aggregate' (type-only) → src/core/engine/users-aggregate.ts",
    ]);
  });

  it('reports a longer cycle with its files, a self-import, and nothing for a diamond', () => {
    const graph = graphOf([
      ['src/a.ts', [['./b', 'src/b.ts']]],
      ['src/b.ts', [['./c', 'src/c.ts']]],
      ['src/c.ts', [['./a', 'src/a.ts'], ['./d', 'src/d.ts']]],
      ['src/d.ts', [['./d', 'src/d.ts']]],
      ['src/e.ts', [['./f', 'src/f.ts'], ['./g', 'src/g.ts']]],
      ['src/f.ts', [['./h', 'src/h.ts']]],
      ['src/g.ts', [['./h', 'src/h.ts']]],
      ['src/h.ts', []],
    ]);
    expect(importCycles(graph, 'src/')).toEqual([
      "import cycle: src/d.ts:1 imports './d' → src/d.ts",
      "import cycle: src/a.ts:1 imports './b' → src/b.ts, src/b.ts:1 imports './c' → src/c.ts, src/c.ts:1 imports './a' → src/a.ts" +
        ' (files in the cycle: src/a.ts, src/b.ts, src/c.ts)',
    ]);
  });
});
