/**
 * A hand-written predicate equivalent to `traceSchema` acceptance, without zod's per-field dispatch and without
 * building a copy: `parseTraces` checks a million traces with it, and parses their start times in the same call,
 * in ≈ 0.3 s. It only says yes or no (or the start time);
 * errors always come from `traceSchema` itself, so messages are identical on both paths. Tests check that the two
 * agree on random and mutated traces.
 * @module
 */
import { regexes } from 'zod/mini';

/** The same pattern `isoTimestampSchema` (z.iso.datetime with offsets) uses. */
const ISO_TIMESTAMP = regexes.datetime({ offset: true });

/** True when `value` is a trace `traceSchema` accepts. */
export function isValidTrace(value: unknown): boolean {
  return !Number.isNaN(validTraceStartMs(value));
}

/**
 * The start time (epoch ms) of `value` when it is a trace `traceSchema` accepts, `NaN` when it is not (or, for a
 * timestamp the pattern accepts, when `Date.parse` cannot read it): the check and the parse of `startTime` in one.
 */
export function validTraceStartMs(value: unknown): number {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return NaN;
  const t = value as Record<string, unknown>;
  if (!(isId(t.id) && (t.userId === null || isId(t.userId)) && (t.conversationId === undefined || isId(t.conversationId)) && isOptionalString(t.name))) {
    return NaN;
  }
  const startMs = typeof t.startTime === 'string' ? validTimestampMs(t.startTime) : NaN;
  const valid =
    (t.endTime === undefined || isTimestamp(t.endTime)) &&
    isNonNegative(t.latencyMs) &&
    (t.status === 'ok' || t.status === 'error') &&
    isOptionalString(t.errorType) &&
    isOptionalString(t.model) &&
    isOptionalString(t.release) &&
    (t.inputTokens === undefined || isCount(t.inputTokens)) &&
    (t.outputTokens === undefined || isCount(t.outputTokens)) &&
    (t.totalTokens === undefined || isCount(t.totalTokens)) &&
    (t.costUsd === undefined || isNonNegative(t.costUsd)) &&
    isOptionalString(t.inputPreview) &&
    isOptionalString(t.outputPreview) &&
    (t.tags === undefined || isStringArray(t.tags));
  return valid ? startMs : NaN;
}

/** A non-empty string (`idSchema`). */
export function isId(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0;
}

/** Absent or a string (`z.optional(z.string())`). */
export function isOptionalString(v: unknown): boolean {
  return v === undefined || typeof v === 'string';
}

/** A string `isoTimestampSchema` accepts. */
export function isTimestamp(v: unknown): boolean {
  return typeof v === 'string' && (!Number.isNaN(canonicalUtcMs(v)) || ISO_TIMESTAMP.test(v));
}

/** Epoch ms of `s` when `isoTimestampSchema` accepts it (see {@link timestampMs}), `NaN` when it does not. */
function validTimestampMs(s: string): number {
  const ms = canonicalUtcMs(s);
  if (!Number.isNaN(ms)) return ms;
  return ISO_TIMESTAMP.test(s) ? Date.parse(s) : NaN;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The decimal number in `s[at, at + count)`, `-1` when a character is not a digit. */
function digitsAt(s: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Epoch ms of a timestamp in the form `toISOString` writes, `YYYY-MM-DDTHH:mm:ss.sssZ`, with the calendar checks of
 * the ISO pattern (month, day of month with leap years, hour, minute, second); `NaN` for any other string, which is
 * then checked with the pattern and parsed with `Date.parse`. One pass over 24 characters, no regex.
 */
export function canonicalUtcMs(s: string): number {
  if (
    s.length !== 24 || s.charCodeAt(23) !== 90 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46
  ) {
    return NaN;
  }
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  const second = digitsAt(s, 17, 2);
  const milli = digitsAt(s, 20, 3);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || milli < 0) {
    return NaN;
  }
  const leapDay = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
  if (day > (DAYS_IN_MONTH[month - 1] as number) + leapDay) return NaN;
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + milli;
}

/** Epoch ms of a timestamp the ISO pattern accepts: {@link canonicalUtcMs}, else `Date.parse`. */
export function timestampMs(s: string): number {
  const ms = canonicalUtcMs(s);
  return Number.isNaN(ms) ? Date.parse(s) : ms;
}

function isNonNegative(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function isCount(v: unknown): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function isStringArray(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}
