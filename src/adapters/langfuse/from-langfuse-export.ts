/**
 * `fromLangfuseExport`: trace files downloaded from the Langfuse UI to a userscope dataset and an import report.
 * @module
 */
import type { Feedback, Trace } from '../../core/model';
import { readDocuments } from '../import/documents';
import { createIssueLog, finishImport, type ImportResult } from '../import/import-report';
import { readExportRecords } from './export-records';
import { feedbackFromScore, traceFromLangfuse } from './map-langfuse';
import type { LangfuseObservation, LangfuseScore } from './schemas';

/** Options of {@link fromLangfuseExport}. */
export interface LangfuseExportOptions {
  /**
   * User of traces without a `userId` (flagged). Without it such traces are kept unattributed (`userId: null`,
   * counted in `report.unattributedTraceCount`).
   */
  defaultUserId?: string;
}

/**
 * Reads Langfuse trace files as the UI exports them — `{ trace: { …, observations, scores }, observations }`, the
 * top-level observations carrying input and output — or bare `GET /api/public/traces/{id}` answers
 * (`TraceWithFullDetails`): one decoded document, its JSON text, or an array of either.
 *
 * Per trace: user, session → conversation, name, release, tags, start (`timestamp`), latency (`latency` seconds →
 * ms), input/output previews; tokens, cost and model from GENERATION observations only — every generation once,
 * nested or not, and never a span or other wrapper around them; `error` status when an observation has
 * `level: "ERROR"` (its status message up to the first `:` as the error type); scores as feedback on the trace
 * (NUMERIC, BOOLEAN, CATEGORICAL; TEXT and CORRECTION scores are skipped). A trace repeated across files is kept once.
 *
 * Lenient and honest: a record that cannot be read (a wrong type, a missing id, an id over 1024 characters) is left
 * out and listed in `report.skipped` with its `path` and the field at fault (e.g. `[1].trace.latency`,
 * `observations[0].startTime`, `trace.scores[2].timestamp`), and the rest of the file imports: a bad observation or
 * score leaves its trace in (flagged when observations are lost); a bad or skipped trace takes its scores with it,
 * counted as skipped scores. `report.skippedCounts` counts every trace, observation, score and document left out.
 *
 * `users`, `traces` and `feedback` go straight into `createMemoryProvider`.
 * @throws ProviderError `invalid-data` only when nothing can be read: text that is not JSON at all (field
 * `(root)`), or a single document that is not an object; the message shows at most a short preview of the
 * received value.
 */
export function fromLangfuseExport(input: unknown, options: LangfuseExportOptions = {}): ImportResult {
  const log = createIssueLog();
  const traces: Trace[] = [];
  const feedback: Feedback[] = [];
  const seen = new Set<string>();
  const seenScores = new Set<string>();
  const skipScores = (traceId: string, scores: readonly LangfuseScore[], why: string): void => {
    if (scores.length > 0) log.skip({ kind: 'score', traceId, count: scores.length, reason: `${scores.length} score(s) of ${why}; left out` });
  };
  for (const { doc, path } of readDocuments(input, log)) {
    const records = readExportRecords(doc, path, log);
    if (records === null) continue;
    const { trace: t, scores } = records;
    if (seen.has(t.id)) {
      log.skip({ kind: 'trace', traceId: t.id, ...(path === '' ? {} : { path }), reason: 'the same trace appears more than once; the first is kept' });
      skipScores(t.id, scores.filter((s) => !seenScores.has(s.id)), 'a repeated trace not on its first copy');
      continue;
    }
    seen.add(t.id);
    if (records.lostObservations.length > 0) {
      log.flag({ traceId: t.id, reason: `${records.lostObservations.length} observation(s) could not be read (${records.lostObservations.slice(0, 3).join(', ')}); the trace's figures may be incomplete` });
    }
    const observations = records.observations.filter((o: LangfuseObservation) => {
      if (!o.traceId || o.traceId === t.id) return true;
      log.skip({ kind: 'observation', traceId: t.id, itemId: o.id, reason: `observation of another trace (${o.traceId})` });
      return false;
    });
    const trace = traceFromLangfuse(t, observations, log, options.defaultUserId);
    if (trace === null) {
      skipScores(t.id, scores, 'a skipped trace');
      continue;
    }
    traces.push(trace);
    for (const score of scores) {
      if (seenScores.has(score.id) || (score.traceId && score.traceId !== t.id)) {
        log.skip({ kind: 'score', traceId: t.id, itemId: score.id, reason: 'score repeated or of another trace' });
        continue;
      }
      seenScores.add(score.id);
      const f = feedbackFromScore(score, trace, new Map(), log);
      if (f !== null) feedback.push(f);
    }
  }
  return finishImport(traces, feedback, log);
}
