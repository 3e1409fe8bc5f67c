/**
 * Scores to feedback for the Langfuse provider: v3 scores (`GET /api/public/v3/scores`, cursor-paged,
 * langfuse/langfuse `fern/apis/server/definition/scores-v3.yml`) read into the legacy score shape, and the matching
 * of scores to loaded traces, where every score that cannot become feedback is counted in the report.
 * @module
 */
import type { Feedback, Trace } from '../../core/model';
import type { IssueLog } from '../import/import-report';
import { feedbackFromScore } from './map-langfuse';
import type { LangfuseScore, LangfuseScoreConfig, LangfuseScoreV3 } from './schemas';

/** Score sources the provider loads: `API` (end users, via the SDK) and `ANNOTATION` (reviewers); never `EVAL`. */
export const FEEDBACK_SOURCES = 'API,ANNOTATION';

/** A v3 score in the legacy shape: `value` split into `value` (number, boolean as 0/1) and `stringValue`. */
export function scoreFromV3(s: LangfuseScoreV3): LangfuseScore {
  const subject = s.subject ?? null;
  const traceId = subject?.kind === 'trace' ? subject.id : subject?.kind === 'observation' ? (subject.traceId ?? null) : null;
  const value = typeof s.value === 'number' ? s.value : typeof s.value === 'boolean' ? (s.value ? 1 : 0) : null;
  return {
    id: s.id,
    name: s.name,
    dataType: s.dataType,
    value,
    stringValue: typeof s.value === 'string' ? s.value : typeof s.value === 'boolean' ? (s.value ? 'True' : 'False') : null,
    timestamp: s.timestamp,
    comment: s.comment ?? null,
    configId: s.configId ?? null,
    source: s.source ?? null,
    traceId,
    sessionId: subject?.kind === 'session' ? subject.id : null,
  };
}

/**
 * Feedback from `scores` on `traces`. Every score left out is reported as skipped: scores on a trace that is not
 * loaded (another range or user, or a skipped trace), session-level and experiment scores (userscope feedback is per
 * trace), repeated scores, scores without a usable value and scores on an unattributed trace.
 */
export function feedbackFromScores(scores: readonly LangfuseScore[], traces: ReadonlyMap<string, Trace>, configs: ReadonlyMap<string, LangfuseScoreConfig>, log: IssueLog): Feedback[] {
  const feedback: Feedback[] = [];
  const seen = new Set<string>();
  for (const s of scores) {
    if (!s.traceId) {
      log.skip({ kind: 'score', itemId: s.id, reason: s.sessionId ? `session-level score on session ${s.sessionId}; feedback is per trace` : 'score without a trace (e.g. an experiment score)' });
      continue;
    }
    const trace = traces.get(s.traceId);
    if (trace === undefined) {
      log.skip({ kind: 'score', traceId: s.traceId, itemId: s.id, reason: 'its trace was not loaded (outside the range, or skipped)' });
      continue;
    }
    if (seen.has(s.id)) {
      log.skip({ kind: 'score', traceId: s.traceId, itemId: s.id, reason: 'the same score appears more than once; the first is kept' });
      continue;
    }
    seen.add(s.id);
    const f = feedbackFromScore(s, trace, configs, log);
    if (f !== null) feedback.push(f);
  }
  return feedback;
}
