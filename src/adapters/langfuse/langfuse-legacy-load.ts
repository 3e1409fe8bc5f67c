/**
 * Loads on Langfuse's legacy (v3) endpoints, for self-hosted instances without the v2 observations or v3 scores
 * endpoints (detected by a 404, never configured): `GET /api/public/traces` (`trace.yml`), `GET
 * /api/public/observations` (`legacy/observations-v1.yml`) and `GET /api/public/v2/scores` (`scores.yml`), offset-paged
 * (`meta.totalPages`). Langfuse marks them deprecated (removed from Cloud on 2026-11-16). Paths are in
 * langfuse/langfuse `fern/apis/server/definition/`.
 * @module
 */
import type { Trace } from '../../core/model';
import type { LangfuseQuery } from './langfuse-api';
import { iso, tooMany, type LoadContext, type LoadedData, type LoadWindow } from './langfuse-load';
import { feedbackFromScores } from './langfuse-scores';
import { traceFromLangfuse } from './map-langfuse';
import { langfuseListedTraceSchema, langfuseObservationSchema, langfuseScoreSchema, type LangfuseObservation } from './schemas';

/** Items per legacy page (Langfuse's maximum there). */
const LEGACY_PAGE = 100;

/** Feedback from legacy v2 scores of the window (end users and reviewers only) on `traces`. */
export async function legacyFeedback(w: LoadWindow, traces: ReadonlyMap<string, Trace>, ctx: LoadContext): Promise<LoadedData['feedback']> {
  const query: LangfuseQuery = { userId: w.userId, fromTimestamp: iso(w.from), toTimestamp: iso(w.to + w.scoreSlackMs), environment: w.environments };
  const scores = await ctx.api.offsetList({ path: '/api/public/v2/scores', query, item: langfuseScoreSchema, limit: LEGACY_PAGE }, ctx.budget, ctx.signal);
  // v2 scores filter one source at a time; automated evaluations are dropped here and never become feedback.
  const human = scores.filter((s) => s.source?.toUpperCase() !== 'EVAL');
  return feedbackFromScores(human, traces, await ctx.configs(), ctx.log);
}

/** Loads the window on the legacy endpoints: traces, all their observations (usage on every type), scores. */
export async function loadLegacy(w: LoadWindow, ctx: LoadContext): Promise<LoadedData> {
  const traceQuery: LangfuseQuery = { userId: w.userId, fromTimestamp: iso(w.from), toTimestamp: iso(w.to), fields: 'core,io,metrics', environment: w.environments };
  const listed = await ctx.api.offsetList({ path: '/api/public/traces', query: traceQuery, item: langfuseListedTraceSchema, limit: LEGACY_PAGE }, ctx.budget, ctx.signal);
  if (listed.length > ctx.maxTraces) throw tooMany(listed.length, ctx.maxTraces);
  const expected = listed.length;
  ctx.progress(0, expected);
  const observationQuery: LangfuseQuery = { userId: w.userId, fromStartTime: iso(w.from), toStartTime: iso(w.to + w.slackMs), environment: w.environments };
  const byTrace = new Map<string, LangfuseObservation[]>();
  await ctx.api.offsetList({
    path: '/api/public/observations',
    query: observationQuery,
    item: langfuseObservationSchema,
    limit: LEGACY_PAGE,
    onPage: (page) => {
      for (const o of page) {
        if (!o.traceId) continue;
        let group = byTrace.get(o.traceId);
        if (group === undefined) byTrace.set(o.traceId, (group = []));
        group.push(o);
      }
      ctx.progress(Math.min(byTrace.size, listed.length), expected);
    },
  }, ctx.budget, ctx.signal);
  const traces = new Map<string, Trace>();
  for (const t of listed) {
    const trace = traceFromLangfuse(t, byTrace.get(t.id) ?? [], ctx.log, ctx.defaultUserId);
    if (trace !== null) traces.set(trace.id, trace);
  }
  ctx.progress(traces.size, expected);
  return { traces: [...traces.values()], feedback: await legacyFeedback(w, traces, ctx) };
}
