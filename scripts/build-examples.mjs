// Packs the library (`npm pack` of the built dist, so `npm run build` first) and builds every example host app in
// examples/ from that tarball, as a host would install it: `npm ci` from the example's own lockfile, then its
// `npm run build` (typecheck against the shipped .d.ts, then the framework's production build). A broken export, a
// file missing from the tarball or a lost "use client" fails here. Prints the seconds of every step.
// EXAMPLES=vite,next builds only some.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EXAMPLES_DIR = 'examples';
/** Where the tarball goes; every example depends on `file:../.pack/userscope.tgz`. */
const PACK_DIR = join(EXAMPLES_DIR, '.pack');
const TARBALL = join(PACK_DIR, 'userscope.tgz');
const ALL_EXAMPLES = ['vite', 'next'];
const NPM_FLAGS = ['--no-audit', '--no-fund'];

const started = performance.now();
const examples = process.env.EXAMPLES ? process.env.EXAMPLES.split(',').map((name) => name.trim()) : ALL_EXAMPLES;
const unknown = examples.filter((name) => !ALL_EXAMPLES.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown EXAMPLES ${unknown.join(', ')}; use ${ALL_EXAMPLES.join(', ')}.`);
  process.exit(1);
}

timed('pack', () => {
  rmSync(PACK_DIR, { recursive: true, force: true });
  mkdirSync(PACK_DIR, { recursive: true });
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', PACK_DIR], '.'));
  renameSync(join(PACK_DIR, packed.filename), TARBALL);
  console.log(`${packed.filename}: ${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked, ${packed.files.length} files`);
});
for (const name of examples) {
  const dir = join(EXAMPLES_DIR, name);
  timed(`${name}: install`, () => install(dir));
  timed(`${name}: build`, () => npm(['run', 'build'], dir, 'inherit'));
}
console.log(`examples built from the tarball in ${seconds(started)} s`);

/**
 * Installs an example from its lockfile. The tarball changes with every build, so the lock must not pin its
 * integrity (the entry is dropped if a fresh `npm install` wrote it back). When the library's own dependencies
 * changed since the lock was written, `npm ci` cannot know them: the example is installed with `npm install`
 * instead, with a warning to commit the updated lock.
 * @param {string} dir
 */
function install(dir) {
  const lockPath = join(dir, 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  const entry = lock.packages['node_modules/userscope'];
  if (entry.integrity !== undefined) {
    delete entry.integrity;
    writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  }
  const shipped = JSON.parse(execFileSync('tar', ['-xzOf', TARBALL, 'package/package.json'], { encoding: 'utf8' }));
  if (JSON.stringify(shipped.dependencies ?? {}) === JSON.stringify(entry.dependencies ?? {})) {
    npm(['ci', ...NPM_FLAGS], dir, 'inherit');
    return;
  }
  console.warn(`${lockPath} is out of date (userscope's dependencies changed): npm install, then commit the lock.`);
  npm(['install', ...NPM_FLAGS], dir, 'inherit');
}

/**
 * Runs npm in `cwd`; returns its standard output unless `stdio` is `inherit`.
 * @param {string[]} args
 * @param {string} cwd
 * @param {'pipe' | 'inherit'} [stdio]
 * @returns {string}
 */
function npm(args, cwd, stdio = 'pipe') {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const output = execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', stdio, 'inherit'] });
  return output ?? '';
}

/**
 * Runs a step and prints how long it took.
 * @param {string} label
 * @param {() => void} run
 */
function timed(label, run) {
  const stepStarted = performance.now();
  console.log(`::: ${label}`);
  run();
  console.log(`::: ${label} took ${seconds(stepStarted)} s`);
}

/** @param {number} bytes */
function kb(bytes) {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

/** @param {number} since `performance.now()` at the start */
function seconds(since) {
  return ((performance.now() - since) / 1000).toFixed(1);
}
