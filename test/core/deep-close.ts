/**
 * Deep equality for engine-vs-reference checks: numbers may differ by summation order (relative 1e-9), everything
 * else must match exactly, including key sets.
 */
export function deepCloseDiff(actual: unknown, expected: unknown, path = '$'): string | null {
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (Object.is(actual, expected)) return null;
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) ? null : `${path}: ${actual} ≠ ${expected}`;
  }
  if (Array.isArray(actual) || Array.isArray(expected)) {
    if (!Array.isArray(actual) || !Array.isArray(expected)) return `${path}: array vs non-array`;
    if (actual.length !== expected.length) return `${path}: length ${actual.length} ≠ ${expected.length}`;
    for (let i = 0; i < actual.length; i++) {
      const d = deepCloseDiff(actual[i], expected[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) {
    const ka = Object.keys(actual).sort();
    const ke = Object.keys(expected).sort();
    if (ka.join('\u0000') !== ke.join('\u0000')) return `${path}: keys [${ka.join(', ')}] ≠ [${ke.join(', ')}]`;
    for (const k of ka) {
      const d = deepCloseDiff((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`);
      if (d !== null) return d;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`;
}

/** Throws with the first difference when `actual` and `expected` are not deep-close. */
export function assertDeepClose(actual: unknown, expected: unknown): void {
  const diff = deepCloseDiff(actual, expected);
  if (diff !== null) throw new Error(diff);
}
