// @vitest-environment node
/**
 * What `userscope/adapters/worker` loads on the main thread: the forwarded method names are a static list that
 * must match the memory provider's methods, and the entry's initial chunks hold neither the engine nor zod (the
 * in-thread fallback loads them with a dynamic import()).
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_METHODS } from '../../src/adapters/worker/engine-surface';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';

describe('userscope/adapters/worker entry', () => {
  it('forwards exactly the memory provider methods', () => {
    const memory = createMemoryProvider({ users: [], traces: [], validate: false }) as unknown as Record<string, unknown>;
    const methods = Object.keys(memory).filter((key) => typeof memory[key] === 'function');
    expect([...ENGINE_METHODS].sort()).toEqual(methods.sort());
  });

  it('loads neither the engine nor zod until the no-worker fallback imports them', async () => {
    const root = join(import.meta.dirname, '../..');
    const result = await build({
      entryPoints: [join(root, 'src/adapters/worker/index.ts')],
      absWorkingDir: root,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      outdir: 'out',
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: ['react', 'react-dom', '@tanstack/react-query'],
    });
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint !== undefined)!;
    /** The entry and every chunk it imports statically: what loads before any dynamic import(). */
    const initial = new Set<string>();
    const visit = (path: string): void => {
      if (initial.has(path)) return;
      initial.add(path);
      for (const { path: next, kind, external } of outputs[path]!.imports) if (kind === 'import-statement' && !external) visit(next);
    };
    visit(entry);
    const inputsOf = (paths: Iterable<string>): string[] => [...paths].flatMap((path) => Object.keys(outputs[path]!.inputs));
    const engine = (input: string): boolean =>
      input.includes('node_modules/zod/') || input.startsWith('src/core/schema/') || input.startsWith('src/core/engine/') || input.startsWith('src/adapters/memory/');
    expect(inputsOf(initial).filter(engine)).toEqual([]);
    // …and the engine is there, in a chunk of its own: the marker above would pass on a bundle that lost it.
    const lazy = Object.keys(outputs).filter((path) => !initial.has(path));
    expect(inputsOf(lazy)).toEqual(expect.arrayContaining(['src/adapters/memory/create-memory-provider.ts', 'src/core/schema/validate.ts']));
    expect(inputsOf(lazy).some((input) => input.includes('node_modules/zod/'))).toBe(true);
  });
});
