// @vitest-environment node
/** The import graph reader finds every kind of import, flags type-only ones and resolves relative specifiers. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readImportGraph } from './import-graph';

const root = mkdtempSync(join(tmpdir(), 'import-graph-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

it('reads static, type-only, re-exported, dynamic and type-query imports with their lines and files', () => {
  write('src/core/model.ts', 'export interface M { a: number }\n');
  write('src/core/index.ts', "export * from './model';\n");
  write(
    'src/hooks/h.tsx',
    [
      "import { useMemo } from 'react';",
      "import type { M } from '../core/model';",
      "import { type M as N } from '../core';",
      "export { type M } from '../core/model.js';",
      "import '../theme/styles.css';",
      "const lazy = () => import('./missing');",
      "type Q = import('../core/model').M;",
    ].join('\n'),
  );
  write('src/theme/styles.css', ':root {}\n');
  const edges = readImportGraph(root, ['src']).get('src/hooks/h.tsx');
  expect(edges?.map(({ line, specifier, target, typeOnly }) => [line, specifier, target, typeOnly])).toEqual([
    [1, 'react', null, false],
    [2, '../core/model', 'src/core/model.ts', true],
    [3, '../core', 'src/core/index.ts', true],
    [4, '../core/model.js', 'src/core/model.ts', true],
    [5, '../theme/styles.css', 'src/theme/styles.css', false],
    [6, './missing', null, false],
    [7, '../core/model', 'src/core/model.ts', true],
  ]);
});
