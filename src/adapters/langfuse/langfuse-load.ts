/**
 * One load of the Langfuse provider on Langfuse's current API (v4, and v3 instances that have the v2 endpoints):
 * a v2 metrics count for the estimate and the budget check (`metrics.yml`), every observation of the time window from
 * v2 observations with only the field groups needed (`observations.yml`: `core,basic,usage,model,trace_context`, plus
 * `io` for one user's page), grouped into traces, and v3 scores from end users and reviewers (`scores-v3.yml`).
 * Paths are in langfuse/langfuse `fern/apis/server/definition/`.
 * @module
 */
import { ProviderError } from '../../core/errors';
import type { Feedback, Trace } from '../../core/model';
import type { IssueLog } from '../import/import-report';
import { overBudget, type LangfuseApi, type LangfuseQuery, type RequestBudget } from './langfuse-api';
import { traceFromLangfuse } from './map-langfuse';
import { FEEDBACK_SOURCES, feedbackFromScores, scoreFromV3 } from './langfuse-scores';
import { langfuseMetricsSchema, langfuseObservationSchema, langfuseScoreV3Schema, type LangfuseObservation, type LangfuseScore, type LangfuseScoreConfig } from './schemas';
import { validate } from '../../core/schema/validate';

/** Observations per page (the v2 maximum). */
export const OBSERVATION_PAGE = 1000;
/** Scores per page (the v3 maximum). */
export const SCORE_PAGE = 100;
/** Trace ids per v3 scores request (`traceId` is a comma-separated list). */
const TRACE_IDS_PER_SCORE_REQUEST = 50;

/** What one load reads. */
export interface LoadWindow {
  /** Traces starting in `[from, to)`, epoch ms. */
  from: number;
  /** Exclusive end, epoch ms. */
  to: number;
  /** Only this user's traces. */
  userId?: string;
  /** Only these environments (none: all). */
  environments: readonly string[];
  /** Observations may start this long after `to` and still belong to a trace of the range. */
  slackMs: number;
  /** Scores are read up to this long after `to`. */
  scoreSlackMs: number;
}

/** Everything a load needs besides the window. */
export interface LoadContext {
  /** The API. */
  api: LangfuseApi;
  /** This load's request budget. */
  budget: RequestBudget;
  /** Most traces one load may hold. */
  maxTraces: number;
  /** Score configs (numeric bounds). */
  configs: () => Promise<ReadonlyMap<string, LangfuseScoreConfig>>;
  /** Progress: traces loaded so far, and expected when known. */
  progress: (loaded: number, expected: number | null) => void;
  /** Where skipped and flagged records go. */
  log: IssueLog;
  /** User of traces without one; without it they are kept unattributed (`userId: null`). */
  defaultUserId?: string;
  /** Abort signal of the load. */
  signal: AbortSignal | undefined;
}

/** A load's traces and feedback. */
export interface LoadedData {
  /** Traces starting in the window. */
  traces: Trace[];
  /** Feedback on them. */
  feedback: Feedback[];
}

export const iso = (ms: number): string => new Date(ms).toISOString();

/** The count of rows of one metrics answer row: the first number (or numeric string) that is not a dimension. */
function countOf(row: Record<string, unknown>): number {
  for (const [k, v] of Object.entries(row)) {
    if (k === 'isRootObservation') continue;
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (Number.isFinite(n)) return n;
  }
  return 0;
}

/** Root observations (≈ traces) and all observations of the window per v2 metrics; `null` when the instance has none. */
async function estimate(w: LoadWindow, ctx: LoadContext): Promise<{ traces: number; observations: number } | null> {
  const filters: object[] = [];
  if (w.userId !== undefined) filters.push({ column: 'userId', operator: '=', value: w.userId, type: 'string' });
  if (w.environments.length > 0) filters.push({ column: 'environment', operator: 'any of', value: w.environments, type: 'stringOptions' });
  const query = {
    view: 'observations',
    dimensions: [{ field: 'isRootObservation' }],
    metrics: [{ measure: 'count', aggregation: 'count' }],
    filters,
    fromTimestamp: iso(w.from),
    toTimestamp: iso(w.to + w.slackMs),
  };
  const body = await ctx.api.getOptional('/api/public/v2/metrics', { query: JSON.stringify(query) }, ctx.budget, ctx.signal);
  if (body === null) return null;
  const { data } = validate(langfuseMetricsSchema, body);
  let traces = 0;
  let observations = 0;
  for (const row of data) {
    const n = countOf(row);
    observations += n;
    if (row.isRootObservation === true || row.isRootObservation === 'true') traces += n;
  }
  return { traces, observations };
}

/** True for a trace's root: the semantic root (v2 `isRootObservation`), else an observation without a parent. */
const isRoot = (o: LangfuseObservation): boolean => o.isRootObservation ?? !o.parentObservationId;

/**
 * The trace made of one trace id's observations (v4 has no trace records: the root carries the trace context);
 * `undefined` when the root is not among them (the trace started before the window: it belongs to another range).
 */
function traceOf(traceId: string, observations: LangfuseObservation[], ctx: LoadContext): Trace | null | undefined {
  observations.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
  const root = observations.find(isRoot);
  if (root === undefined) return undefined;
  const start = Date.parse((observations[0] as LangfuseObservation).startTime);
  const ends = observations.map((o) => (o.endTime ? Date.parse(o.endTime) : NaN)).filter((e) => !Number.isNaN(e));
  const end = ends.length > 0 ? Math.max(...ends) : null;
  const first = <K extends 'userId' | 'sessionId'>(key: K) => root[key] ?? observations.find((o) => o[key])?.[key] ?? null;
  return traceFromLangfuse(
    {
      id: traceId,
      timestamp: iso(start),
      name: root.traceName ?? root.name ?? null,
      userId: first('userId'),
      sessionId: first('sessionId'),
      release: root.release ?? null,
      tags: root.tags ?? null,
      input: root.input,
      output: root.output,
      latency: end === null ? null : Math.max(0, end - start) / 1000,
    },
    observations,
    ctx.log,
    ctx.defaultUserId,
  );
}

/** v3 scores of `traces` (one user's page) or of the window (a range), end users and reviewers only. */
async function scores(w: LoadWindow, traces: readonly Trace[], ctx: LoadContext): Promise<LangfuseScore[]> {
  const base: LangfuseQuery = { fields: 'details,subject', source: FEEDBACK_SOURCES, fromTimestamp: iso(w.from), toTimestamp: iso(w.to + w.scoreSlackMs), environment: w.environments.length > 0 ? w.environments.join(',') : undefined };
  const request = (query: LangfuseQuery) => ctx.api.cursorList({ path: '/api/public/v3/scores', query: { ...base, ...query }, item: langfuseScoreV3Schema, limit: SCORE_PAGE }, ctx.budget, ctx.signal);
  if (w.userId === undefined) return (await request({})).map(scoreFromV3);
  const out: LangfuseScore[] = [];
  for (let i = 0; i < traces.length; i += TRACE_IDS_PER_SCORE_REQUEST) {
    const ids = traces.slice(i, i + TRACE_IDS_PER_SCORE_REQUEST).map((t) => t.id);
    out.push(...(await request({ traceId: ids.join(',') })).map(scoreFromV3));
  }
  return out;
}

/**
 * Loads the window on the current API. Rejects with `not-found` (status 404) when the instance has no v2
 * observations endpoint (the caller falls back to the legacy endpoints), with `invalid-data` naming `range` when the
 * window holds more than `maxTraces` traces or needs more requests than the budget (checked up front when v2 metrics
 * answer), and `http`/`network`/`aborted` as the requests do.
 */
export async function loadCurrent(w: LoadWindow, ctx: LoadContext, scoresV3: { available: boolean }): Promise<LoadedData & { legacyScores: boolean }> {
  const expected = await estimate(w, ctx);
  if (expected !== null) {
    if (expected.traces > ctx.maxTraces) throw tooMany(expected.traces, ctx.maxTraces);
    const needed = Math.max(1, Math.ceil(expected.observations / OBSERVATION_PAGE));
    if (needed > ctx.budget.remaining) throw overBudget(ctx.budget, ctx.budget.max - ctx.budget.remaining + needed);
  }
  ctx.progress(0, expected?.traces ?? null);
  const byTrace = new Map<string, LangfuseObservation[]>();
  let roots = 0;
  const fields = `core,basic,usage,model,trace_context${w.userId === undefined ? '' : ',io'}`;
  const query: LangfuseQuery = { fields, fromStartTime: iso(w.from), toStartTime: iso(w.to + w.slackMs), userId: w.userId, environment: w.environments };
  await ctx.api.cursorList({
    path: '/api/public/v2/observations',
    query,
    item: langfuseObservationSchema,
    limit: OBSERVATION_PAGE,
    onPage: (page) => {
      for (const o of page) {
        if (!o.traceId) {
          ctx.log.skip({ kind: 'observation', itemId: o.id, reason: 'observation without a traceId' });
          continue;
        }
        let group = byTrace.get(o.traceId);
        if (group === undefined) byTrace.set(o.traceId, (group = []));
        group.push(o);
        if (isRoot(o)) roots++;
      }
      if (byTrace.size > ctx.maxTraces * 2) throw tooMany(byTrace.size, ctx.maxTraces);
      ctx.progress(Math.min(roots, byTrace.size), expected?.traces ?? null);
    },
  }, ctx.budget, ctx.signal);
  const traces = new Map<string, Trace>();
  for (const [traceId, observations] of byTrace) {
    const trace = traceOf(traceId, observations, ctx);
    const start = trace ? Date.parse(trace.startTime) : NaN;
    if (trace && start >= w.from && start < w.to) traces.set(trace.id, trace);
  }
  if (traces.size > ctx.maxTraces) throw tooMany(traces.size, ctx.maxTraces);
  ctx.progress(traces.size, expected?.traces ?? null);
  let legacyScores = !scoresV3.available;
  let list: LangfuseScore[] = [];
  if (!legacyScores) {
    try {
      list = await scores(w, [...traces.values()], ctx);
    } catch (error) {
      if (!(error instanceof ProviderError && error.code === 'not-found' && error.status === 404)) throw error;
      legacyScores = true;
    }
  }
  const feedback = legacyScores ? [] : feedbackFromScores(list, traces, await ctx.configs(), ctx.log);
  return { traces: [...traces.values()], feedback, legacyScores };
}

/** `invalid-data` naming `range` for a window over `maxTraces`. */
export function tooMany(count: number, max: number): ProviderError {
  return new ProviderError('invalid-data', `range: ${count} traces match, more than the ${max} this provider loads at once (maxTraces); narrow the range or ingest into @userscope/server`, { field: 'range' });
}
