/**
 * Turns the spans of one OTLP trace into a userscope `Trace`: root span duration as latency, user and conversation
 * from GenAI / OpenInference attributes, tokens and cost summed once over the innermost LLM spans, status from span
 * status codes. What is missing or odd is flagged on the import log; a trace that cannot be placed is skipped.
 * @module
 */
import type { Trace } from '../../core/model';
import type { IssueLog, UserProfile } from '../import/import-report';
import type { OtlpSpan } from './otlp-spans';
import { nanosToMs, toText, type AttrValue } from './otlp-values';
import type { PriceTable } from './prices';
import { langfuseTraceMetadata } from './otlp-metadata';
import { applySpanUsage } from './otlp-usage';
import {
  CONVERSATION_KEYS,
  ERROR_TYPE_KEY,
  INPUT_KEYS,
  MODEL_KEYS,
  OUTPUT_KEYS,
  RELEASE_KEY,
  TAGS_KEY,
  USER_EMAIL_KEYS,
  USER_ID_KEYS,
  USER_NAME_KEYS,
} from './semconv';
import { clip, MAX_ID_CHARS, MAX_LABEL_CHARS, previewOf } from '../import/text';

/** Options of {@link traceFromSpans}. */
export interface TraceAssemblyOptions {
  /** Prices for LLM spans that carry tokens but no cost. */
  prices?: PriceTable;
  /** User of traces without a user id; without it such traces are skipped. */
  defaultUserId?: string;
  /** The host's own user id attribute keys, read before the conventions'. */
  userIdKeys?: readonly string[];
  /** The host's own conversation (session) id attribute keys, read before the conventions'. */
  conversationIdKeys?: readonly string[];
}

const byStart = (a: OtlpSpan, b: OtlpSpan): number => (a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0);

/** The first value of any of `keys` on the first of `spans` (or `attrs` maps) that has one. */
function firstValue(sources: readonly ReadonlyMap<string, AttrValue>[], keys: readonly string[]): { key: string; value: AttrValue } | null {
  for (const attrs of sources) {
    for (const key of keys) {
      const value = attrs.get(key);
      if (value !== undefined && value !== null && value !== '') return { key, value };
    }
  }
  return null;
}

/** Roots: spans without a parent, or whose parent is not among the spans (flagged). A parent cycle roots its earliest span. */
function findRoots(traceId: string, spans: readonly OtlpSpan[], byId: ReadonlyMap<string, OtlpSpan>, log: IssueLog): OtlpSpan[] {
  const roots = spans.filter((s) => s.parentSpanId === null || !byId.has(s.parentSpanId));
  for (const s of roots) {
    if (s.parentSpanId !== null) log.flag({ traceId, itemId: s.spanId, reason: `parent span ${s.parentSpanId} is not in the payload; treated as a root` });
  }
  if (roots.length === 0) {
    log.flag({ traceId, reason: 'the parent links form a cycle; the earliest span is treated as the root' });
    return [spans[0] as OtlpSpan];
  }
  if (roots.length > 1) log.flag({ traceId, reason: `${roots.length} root spans; the trace runs from the first start to the last end` });
  return roots;
}

function label(value: string | null, traceId: string, field: string, log: IssueLog): string | undefined {
  if (value === null) return undefined;
  const { text, clipped } = clip(value, MAX_LABEL_CHARS);
  if (clipped) log.flag({ traceId, field, reason: `longer than ${MAX_LABEL_CHARS} characters; clipped` });
  return text;
}

/**
 * The trace made of `spans` (all of one trace id, at least one), with the user's profile; `null` when it cannot be
 * imported (no end time, ends before it starts, no user), recorded on `log` as skipped.
 */
export function traceFromSpans(traceId: string, spans: OtlpSpan[], options: TraceAssemblyOptions, log: IssueLog): { trace: Trace; profile: UserProfile } | null {
  const skip = (reason: string): null => (log.skip({ kind: 'trace', traceId, reason }), null);
  spans.sort(byStart);
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const roots = findRoots(traceId, spans, byId, log);
  const root = roots[0] as OtlpSpan;
  const ordered = [...roots, ...spans.filter((s) => !roots.includes(s))];
  const attrs = [...ordered.map((s) => s.attrs), root.resource];
  for (const s of spans) for (const key of s.unreadable) log.flag({ traceId, itemId: s.spanId, field: key, reason: 'attribute value of an unknown shape; ignored' });

  let endNs = roots.reduce<bigint | null>((max, s) => (s.endNs !== null && (max === null || s.endNs > max) ? s.endNs : max), null);
  if (endNs === null) {
    endNs = spans.reduce<bigint | null>((max, s) => (s.endNs !== null && (max === null || s.endNs > max) ? s.endNs : max), null);
    if (endNs === null) return skip('no span has an end time');
    log.flag({ traceId, field: 'endTimeUnixNano', reason: 'the root span has no end time; latency runs to the last span end' });
  }
  if (endNs < root.startNs) return skip('the trace ends before it starts');

  const userKeys = [...(options.userIdKeys ?? []), ...USER_ID_KEYS];
  const userText = toText(firstValue(attrs, userKeys)?.value);
  if (userText !== null && userText.length > MAX_ID_CHARS) return skip(`user.id is longer than ${MAX_ID_CHARS} characters`);
  if (userText === null && options.defaultUserId !== undefined) {
    log.flag({ traceId, field: 'user.id', reason: `no user id; assigned to ${JSON.stringify(options.defaultUserId)}` });
  }
  // Without a user id (and no default user) the trace is kept unattributed: counted in the report, in no user's figures.
  const userId = userText ?? options.defaultUserId ?? null;

  const trace: Trace = {
    id: traceId,
    userId,
    startTime: new Date(Math.floor(nanosToMs(root.startNs))).toISOString(),
    endTime: new Date(Math.floor(nanosToMs(endNs))).toISOString(),
    latencyMs: nanosToMs(endNs - root.startNs),
    status: spans.some((s) => s.failed) ? 'error' : 'ok',
  };
  const conversation = toText(firstValue(attrs, [...(options.conversationIdKeys ?? []), ...CONVERSATION_KEYS])?.value);
  if (conversation !== null && conversation.length > MAX_ID_CHARS) log.flag({ traceId, field: 'session.id', reason: `longer than ${MAX_ID_CHARS} characters; ignored` });
  else if (conversation !== null) trace.conversationId = conversation;
  const name = label(root.name === '' ? null : root.name, traceId, 'name', log);
  if (name !== undefined) trace.name = name;
  const release = label(toText(root.resource.get(RELEASE_KEY)), traceId, RELEASE_KEY, log);
  if (release !== undefined) trace.release = release;

  const failed = ordered.find((s) => s.failed);
  const errorType = failed === undefined ? undefined : label(toText(failed.attrs.get(ERROR_TYPE_KEY)) ?? toText(failed.exceptionType ?? null), traceId, ERROR_TYPE_KEY, log);
  if (errorType !== undefined) trace.errorType = errorType;

  const { counted, models: modelsSeen } = applySpanUsage(trace, spans, byId, options.prices, log);
  const model = label(modelsSeen[0] ?? toText(firstValue(attrs, MODEL_KEYS)?.value), traceId, 'model', log);
  if (model !== undefined) trace.model = model;
  if (modelsSeen.length > 1) log.flag({ traceId, field: 'model', reason: `spans with usage used ${modelsSeen.length} models (${modelsSeen.join(', ')}); the trace shows the first` });

  const input = firstValue([root.attrs, ...counted.map((s) => s.attrs)], INPUT_KEYS);
  const output = firstValue([root.attrs, ...[...counted].reverse().map((s) => s.attrs)], OUTPUT_KEYS);
  const inputPreview = input === null ? undefined : previewOf(input.value, 'user');
  const outputPreview = output === null ? undefined : previewOf(output.value, 'assistant');
  if (inputPreview !== undefined) trace.inputPreview = inputPreview;
  if (outputPreview !== undefined) trace.outputPreview = outputPreview;
  const tags = root.attrs.get(TAGS_KEY);
  if (Array.isArray(tags) && tags.length > 0 && tags.every((t) => typeof t === 'string' && t.length <= MAX_LABEL_CHARS)) trace.tags = tags as string[];

  const email = toText(firstValue(attrs, USER_EMAIL_KEYS)?.value);
  const displayName = toText(firstValue(attrs, USER_NAME_KEYS)?.value);
  const profile: UserProfile = {};
  if (email !== null && email.length <= MAX_LABEL_CHARS) profile.email = email;
  if (displayName !== null && displayName.length <= MAX_LABEL_CHARS) profile.displayName = displayName;
  const metadata = langfuseTraceMetadata(ordered, traceId, log);
  if (Object.keys(metadata).length > 0) profile.metadata = metadata;
  return { trace, profile };
}
