/**
 * A hand-written predicate equivalent to `traceSchema` acceptance, without zod's per-field dispatch and without
 * building a copy: `parseTraces` checks a million traces with it in ≈ 0.25 s. It only says yes or no;
 * errors always come from `traceSchema` itself, so messages are identical on both paths. Tests check that the two
 * agree on random and mutated traces.
 * @module
 */
import { z } from 'zod';

/** The same pattern `isoTimestampSchema` (z.iso.datetime with offsets) uses. */
const ISO_TIMESTAMP = z.regexes.datetime({ offset: true });

/** True when `value` is a trace `traceSchema` accepts. */
export function isValidTrace(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const t = value as Record<string, unknown>;
  return (
    isId(t.id) &&
    (t.userId === null || isId(t.userId)) &&
    (t.conversationId === undefined || isId(t.conversationId)) &&
    isOptionalString(t.name) &&
    isTimestamp(t.startTime) &&
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
    (t.tags === undefined || isStringArray(t.tags))
  );
}

function isId(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0;
}

function isOptionalString(v: unknown): boolean {
  return v === undefined || typeof v === 'string';
}

function isTimestamp(v: unknown): boolean {
  return typeof v === 'string' && ISO_TIMESTAMP.test(v);
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
