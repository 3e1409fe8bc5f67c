/**
 * Loads the engine for the benches: `dist/core.js` (built by `npm run build`) when it is present, exports the users
 * engine and is newer than every file under src/core; otherwise bundles the engine from source with esbuild's JS API
 * into bench/.out/core.js (no TypeScript runner needed).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** @returns {Promise<{ core: { buildTraceIndex: Function; queryUsers: Function }; source: string }>} */
export async function loadCore() {
  const dist = join(root, 'dist', 'core.js');
  if (existsSync(dist) && statSync(dist).mtimeMs >= newestMtime(join(root, 'src', 'core'))) {
    const core = await import(pathToFileURL(dist).href);
    if (typeof core.queryUsers === 'function' && typeof core.buildTraceIndex === 'function') return { core, source: 'dist/core.js' };
  }
  const { build } = await import('esbuild');
  const outfile = join(root, 'bench', '.out', 'core.js');
  await build({
    stdin: {
      contents: "export { buildTraceIndex } from './src/core/engine/trace-index';\nexport { queryUsers } from './src/core/engine/users';\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return { core: await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`), source: 'src/core bundled by esbuild (bench/.out/core.js)' };
}
