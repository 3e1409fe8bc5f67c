/**
 * Hand-written predicates equivalent to `userSchema` and `feedbackSchema` acceptance, like `fast-trace.ts` for
 * traces: they say yes or no without zod's per-field dispatch and without building a copy, and errors always come
 * from the schemas themselves (a record the predicate refuses is parsed by its schema), so messages are identical.
 * A predicate may refuse a record the schema accepts (rare shapes, e.g. metadata with a `constructor` key): the
 * schema then decides. Tests check that they agree on random and mutated records.
 * @module
 */
import { isId, isOptionalString, isTimestamp } from './fast-trace';

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** A record (`typeof` object, not null, not an array), as zod's object schemas require. */
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A metadata value: string, finite number, boolean or null. */
function isMetadataValue(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'boolean' || v === null || (typeof v === 'number' && Number.isFinite(v));
}

/**
 * Metadata `metadataSchema` accepts: a plain object (prototype `Object.prototype` or null) with no `__proto__` or
 * `constructor` own key, no symbol keys, no inherited enumerable keys, and a metadata value under every key.
 */
function isMetadata(v: unknown): boolean {
  if (!isRecord(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  if ((proto !== Object.prototype && proto !== null) || hasOwn(v, '__proto__') || hasOwn(v, 'constructor')) return false;
  for (const key in v) if (!hasOwn(v, key) || !isMetadataValue(v[key])) return false;
  return Object.getOwnPropertySymbols(v).length === 0;
}

/** True when `value` is a user `userSchema` accepts (see the module note on rare shapes). */
export function isValidUser(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return (
    isId(value.id) &&
    isOptionalString(value.displayName) &&
    isOptionalString(value.email) &&
    isMetadata(value.metadata) &&
    (value.firstSeen === undefined || isTimestamp(value.firstSeen)) &&
    (value.lastSeen === undefined || isTimestamp(value.lastSeen))
  );
}

/** True when `value` is a feedback record `feedbackSchema` accepts. */
export function isValidFeedback(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { value: v, score, source } = value;
  return (
    isId(value.id) &&
    isId(value.traceId) &&
    isId(value.userId) &&
    isId(value.key) &&
    (typeof v === 'boolean' || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) &&
    (score === undefined || score === null || (typeof score === 'number' && score >= 0 && score <= 1)) &&
    isOptionalString(value.comment) &&
    isTimestamp(value.createdAt) &&
    (source === undefined || source === 'user' || source === 'reviewer' || source === 'eval')
  );
}
