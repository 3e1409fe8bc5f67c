/**
 * The worker script for the worker provider's tests: vitest runs the TypeScript sources, but a `worker_threads`
 * Worker needs JavaScript, so the tests bundle `src/adapters/worker/worker-thread.ts` once with esbuild (as tsup
 * does for `dist/`) into the OS temp dir.
 */
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

let built: Promise<URL> | undefined;

/** The file URL of the bundled worker script (built on the first call). */
export function workerScriptUrl(): Promise<URL> {
  built ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'userscope-worker-')), 'worker-thread.mjs');
    await build({
      entryPoints: [join(import.meta.dirname ?? __dirname, '../../src/adapters/worker/worker-thread.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile,
      logLevel: 'warning',
    });
    return pathToFileURL(outfile);
  })();
  return built;
}
