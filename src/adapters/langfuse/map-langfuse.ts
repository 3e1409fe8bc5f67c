/**
 * Langfuse traces, observations and scores to userscope traces and feedback, shared by the UI-export import and the
 * API provider: latency seconds → ms, tokens and cost by Langfuse's definitions (every observation type, every
 * `input…`/`output…` usage key: see `langfuse-usage.ts`), errors from `level: "ERROR"`, sessions as conversations,
 * scores as feedback on their trace with their source.
 * @module
 */
import type { Feedback, FeedbackSource, FeedbackValue, Trace } from '../../core/model';
import type { IssueLog } from '../import/import-report';
import { clip, MAX_COMMENT_CHARS, MAX_LABEL_CHARS, MAX_TIME_MS, previewOf } from '../import/text';
import { applyUsage } from './langfuse-usage';
import type { LangfuseObservation, LangfuseScore, LangfuseScoreConfig, LangfuseTrace } from './schemas';

const byStart = (a: LangfuseObservation, b: LangfuseObservation): number => (a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : 0);

/** `value` clipped to `max` characters (flagged when clipped). */
function bounded(value: string, log: IssueLog, traceId: string, field: string, max = MAX_LABEL_CHARS): string {
  const { text, clipped } = clip(value, max);
  if (clipped) log.flag({ traceId, field, reason: `longer than ${max} characters; clipped` });
  return text;
}

/** A label: `undefined` when absent or blank, else {@link bounded}. */
function label(value: string | null | undefined, log: IssueLog, traceId: string, field: string): string | undefined {
  return value === null || value === undefined || value.trim() === '' ? undefined : bounded(value, log, traceId, field);
}

/** Seconds (Langfuse) to milliseconds, rounded to the nanosecond so 2.779 s gives 2779 ms, not 2778.9999999999995. */
function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1e9) / 1e6;
}

/** Latency in ms: the trace's `latency`, else first observation start to last observation end (flagged). */
function latencyOf(t: LangfuseTrace, observations: readonly LangfuseObservation[], log: IssueLog): number | null {
  if (typeof t.latency === 'number' && t.latency >= 0) return secondsToMs(t.latency);
  let start = Date.parse(t.timestamp);
  let end = -Infinity;
  for (const o of observations) {
    start = Math.min(start, Date.parse(o.startTime));
    if (o.endTime) end = Math.max(end, Date.parse(o.endTime));
  }
  if (end === -Infinity) return null;
  log.flag({ traceId: t.id, field: 'latency', reason: 'no trace latency; computed from the observations' });
  return Math.max(0, end - start);
}

/** The error class of an ERROR observation: its status message up to the first `:` or line break. */
function errorTypeOf(o: LangfuseObservation | undefined, log: IssueLog, traceId: string): string | undefined {
  const message = o?.statusMessage?.split(/[:\n]/, 1)[0]?.trim();
  return label(message, log, traceId, 'statusMessage');
}

/**
 * The userscope trace of Langfuse trace `t` with its `observations` (other traces' observations must be left out
 * by the caller). Without a user id it is unattributed (`userId: null`) unless `defaultUserId` is given (flagged).
 * `null`, recorded as skipped, when it has no latency at all.
 */
export function traceFromLangfuse(t: LangfuseTrace, observations: readonly LangfuseObservation[], log: IssueLog, defaultUserId?: string): Trace | null {
  // Without a user id (and no default user) the trace is kept unattributed: counted in the report, in no user's figures.
  const userId = t.userId || defaultUserId || null;
  if (!t.userId && defaultUserId) log.flag({ traceId: t.id, field: 'userId', reason: `no userId; assigned to ${JSON.stringify(defaultUserId)}` });
  const latencyMs = latencyOf(t, observations, log);
  if (latencyMs === null) return log.skip({ kind: 'trace', traceId: t.id, reason: 'no latency and no observation end time' }), null;
  const startMs = Date.parse(t.timestamp);
  if (!(startMs + latencyMs <= MAX_TIME_MS)) return log.skip({ kind: 'trace', traceId: t.id, reason: 'latency ends after the year 9999' }), null;
  const ordered = [...observations].sort(byStart);
  const trace: Trace = {
    id: t.id,
    userId,
    startTime: new Date(startMs).toISOString(),
    endTime: new Date(startMs + latencyMs).toISOString(),
    latencyMs,
    status: ordered.some((o) => o.level === 'ERROR') ? 'error' : 'ok',
  };
  if (t.sessionId) trace.conversationId = t.sessionId;
  const name = label(t.name, log, t.id, 'name');
  if (name !== undefined) trace.name = name;
  const release = label(t.release, log, t.id, 'release');
  if (release !== undefined) trace.release = release;
  const errorType = trace.status === 'error' ? errorTypeOf(ordered.find((o) => o.level === 'ERROR'), log, t.id) : undefined;
  if (errorType !== undefined) trace.errorType = errorType;

  const generations = ordered.filter((o) => o.type === 'GENERATION');
  const modelOf = (o: LangfuseObservation) => o.model ?? o.providedModelName;
  const withModel = [...generations, ...ordered.filter((o) => o.type !== 'GENERATION')];
  const models = [...new Set(withModel.map(modelOf).filter((m): m is string => typeof m === 'string' && m !== ''))];
  const model = label(models[0], log, t.id, 'model');
  if (model !== undefined) trace.model = model;
  if (models.length > 1) log.flag({ traceId: t.id, field: 'model', reason: `observations used ${models.length} models (${models.join(', ')}); the trace shows the first` });
  applyUsage(trace, ordered, log);

  const inputPreview = previewOf(t.input, 'user') ?? previewOf(generations[0]?.input, 'user');
  const outputPreview = previewOf(t.output, 'assistant') ?? previewOf(generations[generations.length - 1]?.output, 'assistant');
  if (inputPreview !== undefined) trace.inputPreview = inputPreview;
  if (outputPreview !== undefined) trace.outputPreview = outputPreview;
  const tags = (t.tags ?? []).filter((tag) => tag.length <= MAX_LABEL_CHARS);
  if (tags.length > 0) trace.tags = tags;
  return trace;
}

/** Normalised 0..1 score of a numeric value on a config's `[minValue, maxValue]`, when both bounds are known. */
function scaled(value: number, config: LangfuseScoreConfig | undefined): number | undefined {
  const min = config?.minValue;
  const max = config?.maxValue;
  if (typeof min !== 'number' || typeof max !== 'number' || !(max > min)) return undefined;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** Langfuse's score source (`API`, `ANNOTATION`, `EVAL`) as a feedback source; `API` and unknown sources are `user`. */
export function feedbackSource(source: string | null | undefined): FeedbackSource {
  const s = source?.toUpperCase();
  return s === 'EVAL' ? 'eval' : s === 'ANNOTATION' ? 'reviewer' : 'user';
}

/**
 * The feedback record of score `s` on `trace`: NUMERIC → the number (scored on its config's bounds when known,
 * else left for the engine to scale), BOOLEAN → true/false, CATEGORICAL → the label. TEXT and CORRECTION scores
 * are free text, not feedback values: skipped (recorded on `log`).
 */
export function feedbackFromScore(s: LangfuseScore, trace: Trace, configs: ReadonlyMap<string, LangfuseScoreConfig>, log: IssueLog): Feedback | null {
  const dataType = s.dataType ?? (typeof s.value === 'number' ? 'NUMERIC' : typeof s.stringValue === 'string' ? 'CATEGORICAL' : undefined);
  let value: FeedbackValue | undefined;
  let score: number | undefined;
  if (dataType === 'NUMERIC' && typeof s.value === 'number' && Number.isFinite(s.value)) {
    value = s.value;
    score = scaled(s.value, s.configId ? configs.get(s.configId) : undefined);
  } else if (dataType === 'BOOLEAN' && (typeof s.value === 'number' || typeof s.stringValue === 'string')) {
    value = typeof s.value === 'number' ? s.value === 1 : s.stringValue?.toLowerCase() === 'true';
  } else if (dataType === 'CATEGORICAL' && typeof s.stringValue === 'string' && s.stringValue !== '') {
    value = s.stringValue;
  }
  if (value === undefined) {
    log.skip({ kind: 'score', traceId: trace.id, itemId: s.id, reason: `${dataType ?? 'untyped'} score without a usable value` });
    return null;
  }
  if (trace.userId === null) {
    log.skip({ kind: 'score', traceId: trace.id, itemId: s.id, reason: 'score on an unattributed trace (no user to give the feedback to)' });
    return null;
  }
  const feedback: Feedback = {
    id: s.id,
    traceId: trace.id,
    userId: trace.userId,
    key: bounded(s.name, log, trace.id, 'score.name'),
    value: typeof value === 'string' ? bounded(value, log, trace.id, 'score.stringValue') : value,
    createdAt: new Date(Date.parse(s.timestamp)).toISOString(),
  };
  if (score !== undefined) feedback.score = score;
  feedback.source = feedbackSource(s.source);
  if (typeof s.comment === 'string') feedback.comment = bounded(s.comment, log, trace.id, 'score.comment', MAX_COMMENT_CHARS);
  return feedback;
}
