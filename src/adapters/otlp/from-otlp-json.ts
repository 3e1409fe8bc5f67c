/**
 * `fromOtlpJson`: OpenTelemetry trace exports (OTLP/JSON) to a userscope dataset and an import report.
 * @module
 */
import { ProviderError } from '../../core/errors';
import type { MetadataValue, Trace } from '../../core/model';
import { readDocuments } from '../import/documents';
import { createIssueLog, finishImport, type ImportResult, type IssueLog, type UserProfile } from '../import/import-report';
import { MAX_ID_CHARS } from '../import/text';
import { mergeUserMetadata } from './otlp-metadata';
import { readSpans, type OtlpSpan } from './otlp-spans';
import { checkPrices, type PriceTable } from './prices';
import { traceFromSpans } from './trace-from-spans';

/** Options of {@link fromOtlpJson}. */
export interface OtlpImportOptions {
  /** USD per million tokens by exact model id, for spans that carry tokens but no cost. */
  prices?: PriceTable;
  /**
   * User of traces that carry no user id attribute (flagged). Without it such traces are kept unattributed
   * (`userId: null`, counted in `report.unattributedTraceCount`).
   */
  defaultUserId?: string;
  /**
   * Your own attribute keys for the end-user id (e.g. `["app.customer_id"]`), read before the conventions' keys
   * (`user.id`, `enduser.id`, `langfuse.user.id`, …), on the root span, then the others, then the resource.
   */
  userIdKeys?: readonly string[];
  /** Your own attribute keys for the conversation (session) id, read before `gen_ai.conversation.id`, `session.id`, …. */
  conversationIdKeys?: readonly string[];
}

function checkId(value: unknown, field: string): void {
  if (typeof value !== 'string' || value === '' || value.length > MAX_ID_CHARS) {
    throw new ProviderError('invalid-data', `${field}: expected a non-empty string of at most ${MAX_ID_CHARS} characters`, { field });
  }
}

function checkOptions(options: OtlpImportOptions): void {
  if (options.prices !== undefined) checkPrices(options.prices);
  if (options.defaultUserId !== undefined) checkId(options.defaultUserId, 'defaultUserId');
  for (const name of ['userIdKeys', 'conversationIdKeys'] as const) {
    const keys: unknown = options[name];
    if (keys === undefined) continue;
    if (!Array.isArray(keys)) throw new ProviderError('invalid-data', `${name}: expected an array of attribute keys`, { field: name });
    keys.forEach((key: unknown, i) => checkId(key, `${name}[${i}]`));
  }
}

/** The users' profiles, metadata merged over each user's traces in start order. */
function userProfiles(assembled: readonly { trace: Trace; profile: UserProfile }[], log: IssueLog): Map<string, UserProfile> {
  const profiles = new Map<string, UserProfile>();
  const metadata = new Map<string, { traceId: string; start: string; metadata: Record<string, MetadataValue> }[]>();
  for (const { trace, profile } of assembled) {
    if (trace.userId === null) continue;
    const { metadata: own, ...identity } = profile;
    const known = profiles.get(trace.userId);
    if (known === undefined || Object.keys(known).length === 0) profiles.set(trace.userId, identity);
    if (own !== undefined) metadata.set(trace.userId, [...(metadata.get(trace.userId) ?? []), { traceId: trace.id, start: trace.startTime, metadata: own }]);
  }
  for (const [userId, list] of metadata) {
    list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.traceId < b.traceId ? -1 : 1));
    profiles.set(userId, { ...profiles.get(userId), metadata: mergeUserMetadata(userId, list, log) });
  }
  return profiles;
}

/**
 * Reads OTLP/JSON trace exports: a decoded payload `{ resourceSpans }`, its JSON text, JSON Lines text (one payload
 * per line, as the Collector's file exporter writes), or an array of any of these. Spans of one trace may be spread
 * over several payloads.
 *
 * Per trace: the root span (no parent, or a parent missing from the payload) gives start, name and latency (its
 * duration; several roots span from the first start to the last end); user and conversation from the host's
 * `userIdKeys` / `conversationIdKeys`, then every common convention (OTel, GenAI, OpenInference, Langfuse,
 * OpenLLMetry, Vercel AI SDK; see `semconv.ts`); user metadata from `langfuse.trace.metadata.*`; release from the
 * resource's `service.version`; status `error` when any span has status code 2, with `error.type` or the exception
 * event's type. Tokens and cost from every span that carries them, whatever its operation (model calls, embeddings,
 * tools), counting only the innermost of nested carriers so a wrapper and the call inside it never count twice; a
 * total-only token count is kept as `totalTokens` (flagged). Attribute values may be OTLP `AnyValue` objects or plain
 * JSON, `intValue` as a string.
 *
 * Lenient and honest: a span, scope, resource, list element or JSON line that cannot be read is left out and listed
 * in `report.skipped` with its `path` and the field at fault, and the rest imports; a trace that lost a span that way
 * is flagged. `report.skippedCounts` counts every span, trace and document left out. `feedback` is always empty
 * (OTLP has no feedback).
 * @throws ProviderError `invalid-data` naming the field only when nothing can be read: text that is not JSON at all,
 * a single document that is not an OTLP payload, or bad options (never a crash, and never more than a short
 * preview of the received value in the message).
 */
export function fromOtlpJson(input: unknown, options: OtlpImportOptions = {}): ImportResult {
  checkOptions(options);
  const log = createIssueLog();
  const spans: OtlpSpan[] = [];
  const damaged = new Map<string, string[]>();
  for (const { doc, path } of readDocuments(input, log, true)) readSpans(doc, path, spans, log, damaged);

  const byTrace = new Map<string, Map<string, OtlpSpan>>();
  for (const span of spans) {
    let group = byTrace.get(span.traceId);
    if (group === undefined) byTrace.set(span.traceId, (group = new Map()));
    if (group.has(span.spanId)) log.skip({ kind: 'span', traceId: span.traceId, itemId: span.spanId, reason: 'duplicate span id; the first one is kept' });
    else group.set(span.spanId, span);
  }
  const assembled: { trace: Trace; profile: UserProfile }[] = [];
  for (const [traceId, group] of byTrace) {
    const lost = damaged.get(traceId);
    if (lost !== undefined) log.flag({ traceId, reason: `${lost.length} span(s) of this trace could not be read (${lost.slice(0, 3).join(', ')}${lost.length > 3 ? ', …' : ''}); its figures may be incomplete` });
    const result = traceFromSpans(traceId, [...group.values()], options, log);
    if (result !== null) assembled.push(result);
  }
  return finishImport(assembled.map((a) => a.trace), [], log, userProfiles(assembled, log));
}
