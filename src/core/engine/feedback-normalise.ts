/**
 * Normalisation of feedback values to a 0..1 `score`, with a per-key numeric scale inferred from the data.
 * @module
 */
import { ProviderError } from '../errors';
import type { Feedback } from '../model';

/** How a numeric key's values map to 0..1. */
export type NumericScale =
  | { kind: 'unit' }
  | { kind: 'one-to-five' }
  | { kind: 'zero-to-ten' }
  | { kind: 'min-max'; min: number; max: number };

/**
 * The scale of a numeric key from all its observed values: all in [0, 1] → used as is; all integers in 1..5 →
 * `(v − 1) / 4`; all integers in 0..10 → `v / 10`; otherwise min–max over the observed values.
 */
export function inferNumericScale(values: readonly number[]): NumericScale {
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    if (!Number.isInteger(v)) integers = false;
  }
  return numericScale(min, max, integers);
}

/**
 * The scale of a numeric key from the summary of its values: their minimum, maximum and whether all are integers
 * (what a database answers with `min`, `max` and one aggregate, without shipping the values). Same rules as
 * {@link inferNumericScale}.
 */
export function numericScale(min: number, max: number, integers: boolean): NumericScale {
  if (min >= 0 && max <= 1) return { kind: 'unit' };
  if (integers && min >= 1 && max <= 5) return { kind: 'one-to-five' };
  if (integers && min >= 0 && max <= 10) return { kind: 'zero-to-ten' };
  return { kind: 'min-max', min, max };
}

/** Maps `v` to 0..1 on `scale`; a min–max scale with a single observed value maps it to 1. */
export function scaleValue(v: number, scale: NumericScale): number {
  switch (scale.kind) {
    case 'unit':
      return v;
    case 'one-to-five':
      return (v - 1) / 4;
    case 'zero-to-ten':
      return v / 10;
    case 'min-max':
      return scale.max === scale.min ? 1 : (v - scale.min) / (scale.max - scale.min);
  }
}

function checkRecord(f: Feedback, i: number): void {
  if (typeof f.score === 'number' && !(f.score >= 0 && f.score <= 1)) {
    throw new ProviderError('invalid-data', `feedback[${i}].score: expected a number in 0..1, got ${String(f.score)}`, {
      field: `feedback[${i}].score`,
    });
  }
  if (typeof f.value === 'number' && !Number.isFinite(f.value)) {
    throw new ProviderError('invalid-data', `feedback[${i}].value: expected a finite number, got ${String(f.value)}`, {
      field: `feedback[${i}].value`,
    });
  }
}

/**
 * Returns copies of `feedback` with `score` filled where it is absent (`undefined` or `null`): booleans → 1 / 0,
 * numbers → the key's inferred scale ({@link inferNumericScale}, over every numeric value of that key in `feedback`),
 * strings (categories) → `null`. A supplied score is kept. Never mutates the input. `knownScales` overrides the
 * inferred scale of its keys: a server that loads one user's records passes the scales of every record of the key.
 * @throws ProviderError `invalid-data` when a supplied score lies outside 0..1 (field `feedback[i].score`) or a
 * numeric value is not finite (field `feedback[i].value`).
 */
export function normaliseFeedback(feedback: readonly Feedback[], knownScales?: ReadonlyMap<string, NumericScale>): Feedback[] {
  const numericByKey = new Map<string, number[]>();
  feedback.forEach((f, i) => {
    checkRecord(f, i);
    if (typeof f.value !== 'number') return;
    let list = numericByKey.get(f.key);
    if (list === undefined) numericByKey.set(f.key, (list = []));
    list.push(f.value);
  });
  const scales = new Map<string, NumericScale>();
  for (const [key, values] of numericByKey) scales.set(key, knownScales?.get(key) ?? inferNumericScale(values));
  return feedback.map((f) => {
    if (typeof f.score === 'number') return { ...f };
    const v = f.value;
    const score = typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'number' ? scaleValue(v, scales.get(f.key) as NumericScale) : null;
    return { ...f, score };
  });
}
