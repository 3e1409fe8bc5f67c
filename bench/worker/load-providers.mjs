/**
 * Bundles the memory and worker providers from source with esbuild into bench/.out/worker/ (the worker script as
 * `worker-thread.js` next to the worker entry, as in dist/), so the worker provider finds its script the way a
 * published build does: `new URL('./worker-thread.js', import.meta.url)`.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @returns {Promise<{ createMemoryProvider: Function; createWorkerProvider: Function }>} */
export async function loadProviders() {
  const outdir = join(root, 'bench', '.out', 'worker');
  await build({
    entryPoints: {
      providers: join(root, 'bench', 'worker', 'providers-entry.ts'),
      'worker-thread': join(root, 'src', 'adapters', 'worker', 'worker-thread.ts'),
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    outExtension: { '.js': '.js' },
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(join(outdir, 'providers.js')).href}?t=${Date.now()}`);
}
