/**
 * Where the shared real-world captures live: `../shared/fixtures` next to the repository (CI clones the repo with
 * `shared/` beside it; see its README for sources and licenses).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root. */
export const REPO_ROOT = resolve(__dirname, '..');

/** `../shared/fixtures`, resolved from the repository root. */
export const FIXTURES_DIR = resolve(REPO_ROOT, '..', 'shared', 'fixtures');

/** The text of a fixture file, e.g. `readFixture('otlp/opentelemetry-proto-example.trace.json')`. */
export function readFixture(relativePath: string): string {
  return readFileSync(resolve(FIXTURES_DIR, relativePath), 'utf8');
}
