/**
 * `npm run bench`: runs every benchmark script in bench/ (each `*.mjs` next to this file) in its own Node process,
 * one after the other, with `--expose-gc` so runs can collect garbage between measurements.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(dir).filter((f) => f.endsWith('.mjs') && f !== 'run.mjs').sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n# ${file}\n`);
  const { status } = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=6144', join(dir, file), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
