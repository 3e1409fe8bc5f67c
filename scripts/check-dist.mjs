// Checks the built package the way a host sees it (run after `npm run build`): every JS entry of the exports map
// loads with both `import` and `require`, the React entries start with the "use client" directive (and only they),
// the stylesheet is there, and no source map ships (tsup `sourcemap: false`: maps were most of the tarball). publint and
// attw check the map and the types; this checks the code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const CLIENT_ENTRIES = new Set(['.', './hooks']);
const USE_CLIENT = /^(["'])use client\1;/;

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const require = createRequire(import.meta.url);
const problems = [];

// A pattern export (`./locales/*`) is checked once per built file it matches.
const LOCALE_FILES = existsSync('dist/locales') ? readdirSync('dist/locales').filter((f) => f.endsWith('.js')) : [];
const exportEntries = Object.entries(pkg.exports).flatMap(([subpath, target]) =>
  subpath.includes('*')
    ? LOCALE_FILES.map((file) => [subpath.replace('*', file.slice(0, -3)), JSON.parse(JSON.stringify(target).replaceAll('*', file.slice(0, -3)))])
    : [[subpath, target]],
);

for (const [subpath, target] of exportEntries) {
  if (typeof target === 'string') {
    if (!existsSync(target)) problems.push(`${subpath}: ${target} is missing`);
    continue;
  }
  const specifier = `${pkg.name}${subpath.slice(1)}`;
  for (const file of [target.import.default, target.require.default]) {
    const isClient = USE_CLIENT.test(readFileSync(file, 'utf8'));
    if (isClient !== CLIENT_ENTRIES.has(subpath)) {
      problems.push(`${file}: "use client" ${isClient ? 'present but not expected' : 'missing at the top'}`);
    }
  }
  await import(specifier).catch((error) => problems.push(`import('${specifier}'): ${error.message}`));
  try {
    require(specifier);
  } catch (error) {
    problems.push(`require('${specifier}'): ${error.message}`);
  }
}

// No source map in dist/ (so none in the tarball, whose `files` is dist), and no built file pointing at one.
for (const file of readdirSync('dist', { recursive: true })) {
  if (file.endsWith('.map')) problems.push(`dist/${file}: source maps are not shipped`);
  else if (/\.c?js$/.test(file) && readFileSync(`dist/${file}`, 'utf8').includes('//# sourceMappingURL=')) {
    problems.push(`dist/${file}: points at a source map that is not shipped`);
  }
}

// The worker provider finds and starts its built worker script (worker-thread.js / .cjs) from both formats.
const workerData = { users: [{ id: 'u', metadata: {} }], traces: [{ id: 't', userId: 'u', startTime: '2025-01-01T00:00:00.000Z', latencyMs: 1, status: 'ok' }] };
for (const [format, load] of [['import', () => import(`${pkg.name}/adapters/worker`)], ['require', async () => require(`${pkg.name}/adapters/worker`)]]) {
  const provider = (await load()).createWorkerProvider(workerData);
  const answer = await provider.getUser({ userId: 'u' }).catch((error) => error);
  provider.terminate();
  if (!provider.inWorker || answer?.id !== 'u') problems.push(`${format} adapters/worker: no answer from the worker (${answer?.message ?? JSON.stringify(answer)})`);
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`dist ok: ${Object.keys(pkg.exports).length} exports load with import and require; "use client" where expected; no source maps`);
