/**
 * `fromOtlpJson`: OpenTelemetry trace exports (OTLP/JSON) to a userscope dataset and an import report.
 * @module
 */
import { ProviderError } from '../../core/errors';
import type { Trace } from '../../core/model';
import { createIssueLog, finishImport, type ImportResult, type UserProfile } from '../import/import-report';
import { readSpans, type OtlpSpan } from './otlp-spans';
import { checkPrices, type PriceTable } from './prices';
import { parseJsonInput, MAX_ID_CHARS } from '../import/text';
import { traceFromSpans } from './trace-from-spans';

/** Options of {@link fromOtlpJson}. */
export interface OtlpImportOptions {
  /** USD per million tokens by exact model id, for LLM spans that carry tokens but no `llm.cost.total`. */
  prices?: PriceTable;
  /** User of traces that carry no `user.id` / `enduser.id` (flagged). Without it such traces are skipped. */
  defaultUserId?: string;
}

/**
 * Reads OTLP/JSON trace exports: a decoded payload `{ resourceSpans }`, its JSON text, JSON Lines text (one payload
 * per line, as the Collector's file exporter writes), or an array of any of these. Spans of one trace may be spread
 * over several payloads.
 *
 * Per trace: the root span (no parent, or a parent missing from the payload) gives start, name and latency (its
 * duration; several roots span from the first start to the last end); user from `user.id` / `enduser.id`,
 * conversation from `gen_ai.conversation.id` / `session.id`, release from the resource's `service.version`; status
 * `error` when any span has status code 2, with `error.type` or the exception event's type; model, tokens
 * (`gen_ai.usage.*`, `llm.token_count.*`) and cost (`llm.cost.total`, else `prices`) summed over the innermost LLM
 * spans only, so a wrapper and the call inside it never count twice. Attribute values may be OTLP `AnyValue` objects
 * or plain JSON, `intValue` as a string.
 *
 * The result's `users`, `traces` and `feedback` (always empty: OTLP has no feedback) go straight into
 * `createMemoryProvider`; `report` lists skipped traces and spans and flagged data with the reason.
 * @throws ProviderError `invalid-data` naming the field for input that is not OTLP/JSON: text that is not JSON,
 * wrong types, missing or malformed ids and timestamps (never a crash, and never more than a short preview of the
 * received value in the message).
 */
export function fromOtlpJson(input: unknown, options: OtlpImportOptions = {}): ImportResult {
  if (options.prices !== undefined) checkPrices(options.prices);
  const { defaultUserId } = options;
  if (defaultUserId !== undefined && (typeof defaultUserId !== 'string' || defaultUserId === '' || defaultUserId.length > MAX_ID_CHARS)) {
    throw new ProviderError('invalid-data', 'defaultUserId: expected a non-empty string', { field: 'defaultUserId' });
  }
  const parsed = parseJsonInput(input, true);
  const spans: OtlpSpan[] = [];
  if (Array.isArray(parsed)) parsed.forEach((doc, i) => readSpans(parseJsonInput(doc, false, `[${i}]`), `[${i}]`, spans));
  else readSpans(parsed, '', spans);

  const log = createIssueLog();
  const byTrace = new Map<string, Map<string, OtlpSpan>>();
  for (const span of spans) {
    let group = byTrace.get(span.traceId);
    if (group === undefined) byTrace.set(span.traceId, (group = new Map()));
    if (group.has(span.spanId)) log.skip({ traceId: span.traceId, itemId: span.spanId, reason: 'duplicate span id; the first one is kept' });
    else group.set(span.spanId, span);
  }
  const traces: Trace[] = [];
  const profiles = new Map<string, UserProfile>();
  for (const [traceId, group] of byTrace) {
    const assembled = traceFromSpans(traceId, [...group.values()], options, log);
    if (assembled === null) continue;
    traces.push(assembled.trace);
    if (!profiles.has(assembled.trace.userId) && Object.keys(assembled.profile).length > 0) profiles.set(assembled.trace.userId, assembled.profile);
  }
  return finishImport(traces, [], log, profiles);
}
