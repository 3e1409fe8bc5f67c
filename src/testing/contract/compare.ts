/**
 * Assertion helpers of the contract suite. They collect problems as plain strings (path, expected, got) instead of
 * calling a test framework's `expect`, so the suite runs under vitest, jest, mocha or `node:test` alike.
 * @module
 */
import { isProviderError, type ProviderErrorCode } from '../../core/errors';
import { validate } from '../../core/schema/validate';
import type * as z from 'zod/mini';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const show = (v: unknown): string => (v === undefined ? 'undefined' : (JSON.stringify(v) ?? String(v)));

/** True when two numbers agree to about 9 significant digits (sums may be added in another order). */
export function closeEnough(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Differences between `actual` and `expected`, as `path: expected X, got Y` lines. Numbers compare with
 * {@link closeEnough}; two ISO timestamps compare as instants; keys absent from `expected` are ignored (providers
 * may add fields) and a key set to `undefined` equals an absent key.
 */
export function diffValues(actual: unknown, expected: unknown, path: string, out: string[] = []): string[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (!closeEnough(actual, expected)) out.push(`${path}: expected ${expected}, got ${actual}`);
  } else if (typeof expected === 'string' && typeof actual === 'string') {
    const same = actual === expected || (ISO.test(actual) && ISO.test(expected) && Date.parse(actual) === Date.parse(expected));
    if (!same) out.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) out.push(`${path}: expected an array, got ${show(actual)}`);
    else if (actual.length !== expected.length) out.push(`${path}: expected ${expected.length} items, got ${actual.length}`);
    else expected.forEach((e, i) => diffValues(actual[i], e, `${path}[${i}]`, out));
  } else if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) out.push(`${path}: expected an object, got ${show(actual)}`);
    else {
      for (const [key, e] of Object.entries(expected)) diffValues((actual as Record<string, unknown>)[key], e, `${path}.${key}`, out);
    }
  } else if (actual !== expected) {
    out.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
  }
  return out;
}

/** Problems of `value` against a result schema (at most the first), with `path` as the root. */
export function shapeProblems<T>(schema: z.ZodMiniType<T>, value: unknown, path: string): string[] {
  try {
    validate(schema, value, path);
    return [];
  } catch (error) {
    return [`shape: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** Throws one error listing every problem (at most 40 lines) when there are any. */
export function assertNoProblems(problems: readonly string[]): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 40);
  const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more` : '';
  throw new Error(`${problems.length} contract problem(s):\n${shown.join('\n')}${more}`);
}

/**
 * Problems with how `call` failed: it must reject with a ProviderError of `code`, and, when `fieldPrefix` is given,
 * a `field` equal to it or starting with it followed by `.` or `[`.
 */
export async function rejectionProblems(label: string, call: () => Promise<unknown>, code: ProviderErrorCode, fieldPrefix?: string): Promise<string[]> {
  let error: unknown;
  try {
    await call();
    return [`${label}: expected a ProviderError "${code}", but it resolved`];
  } catch (e) {
    error = e;
  }
  if (!isProviderError(error)) return [`${label}: expected a ProviderError "${code}", got ${String(error)}`];
  if (error.code !== code) return [`${label}: expected code "${code}", got "${error.code}" (${error.message})`];
  if (fieldPrefix === undefined) return [];
  const field = error.field ?? '';
  const named = field === fieldPrefix || field.startsWith(`${fieldPrefix}.`) || field.startsWith(`${fieldPrefix}[`);
  return named ? [] : [`${label}: expected field "${fieldPrefix}…", got ${show(error.field)}`];
}

/** A value that may be unknown (`null`/`undefined`) in an ordering check. */
export type SortValue = number | string | boolean | null | undefined;

/**
 * Problems with the order of `values` (one per returned row, in returned order): known values must be ordered by
 * `compare` (reversed when `desc`), and unknown values must all come after the known ones. Values of different
 * types are not compared with each other.
 */
export function orderProblems(label: string, values: readonly SortValue[], desc: boolean, compare: (a: never, b: never) => number): string[] {
  const out: string[] = [];
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    const aUnknown = a === null || a === undefined;
    const bUnknown = b === null || b === undefined;
    if (aUnknown || bUnknown) {
      if (aUnknown && !bUnknown) out.push(`${label}: unknown value at ${i - 1} sorts before known ${show(b)}`);
      continue;
    }
    if (typeof a !== typeof b) continue;
    const c = (compare as (x: SortValue, y: SortValue) => number)(a, b);
    if (desc ? c < 0 : c > 0) out.push(`${label}: ${show(a)} before ${show(b)} at ${i - 1}`);
  }
  return out;
}

/** Plain ascending comparison (numbers, booleans, strings by code units). */
export function compareNatural(a: number | string | boolean, b: number | string | boolean): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order of the `user` sort key: ICU's `en` collation with default options, as `Intl.Collator('en')`. */
export const compareUserNames: (a: string, b: string) => number = new Intl.Collator('en').compare;

/** Case-insensitive text order (lower-cased code units). */
export function compareText(a: string, b: string): number {
  return compareNatural(a.toLowerCase(), b.toLowerCase());
}

/** Problems when `ids` does not hold every id of `expected` exactly once. */
export function exactlyOnceProblems(label: string, ids: readonly string[], expected: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) out.push(`${label}: ${show(id)} returned more than once`);
    seen.add(id);
  }
  const want = new Set(expected);
  for (const id of want) if (!seen.has(id)) out.push(`${label}: ${show(id)} missing`);
  for (const id of seen) if (!want.has(id)) out.push(`${label}: ${show(id)} not expected`);
  return out;
}
