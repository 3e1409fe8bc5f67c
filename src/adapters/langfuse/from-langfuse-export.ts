/**
 * `fromLangfuseExport`: trace files downloaded from the Langfuse UI to a userscope dataset and an import report.
 * @module
 */
import type { Feedback, Trace } from '../../core/model';
import { validate } from '../../core/schema/validate';
import { createIssueLog, finishImport, type ImportResult } from '../import/import-report';
import { parseJsonInput } from '../import/text';
import { feedbackFromScore, traceFromLangfuse } from './map-langfuse';
import { langfuseExportSchema, langfuseFullTraceSchema, type LangfuseObservation } from './schemas';

/** Options of {@link fromLangfuseExport}. */
export interface LangfuseExportOptions {
  /** User of traces without a `userId` (flagged). Without it such traces are skipped. */
  defaultUserId?: string;
}

function isExportItem(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'trace' in value;
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
 * `users`, `traces` and `feedback` go straight into `createMemoryProvider`; `report` says what was skipped or
 * flagged and why.
 * @throws ProviderError `invalid-data` naming the field (e.g. `trace.latency`, `[1].trace.id`,
 * `trace.observations[0].startTime`) for text that is not JSON, wrong types, missing ids, or ids longer than 1024
 * characters; the message shows at most a short preview of the received value.
 */
export function fromLangfuseExport(input: unknown, options: LangfuseExportOptions = {}): ImportResult {
  const parsed = parseJsonInput(input);
  const docs: [unknown, string][] = Array.isArray(parsed) ? parsed.map((doc, i) => [parseJsonInput(doc, false, `[${i}]`), `[${i}]`]) : [[parsed, '']];
  const log = createIssueLog();
  const traces: Trace[] = [];
  const feedback: Feedback[] = [];
  const seen = new Set<string>();
  const seenScores = new Set<string>();
  for (const [doc, root] of docs) {
    const item = isExportItem(doc)
      ? validate(langfuseExportSchema, doc, root)
      : { trace: validate(langfuseFullTraceSchema, doc, root), observations: undefined };
    const t = item.trace;
    if (seen.has(t.id)) {
      log.skip({ traceId: t.id, reason: 'the same trace appears more than once; the first is kept' });
      continue;
    }
    seen.add(t.id);
    const observations = (item.observations && item.observations.length > 0 ? item.observations : (t.observations ?? [])).filter((o: LangfuseObservation) => {
      if (!o.traceId || o.traceId === t.id) return true;
      log.skip({ traceId: t.id, itemId: o.id, reason: `observation of another trace (${o.traceId})` });
      return false;
    });
    const trace = traceFromLangfuse(t, observations, log, options.defaultUserId);
    if (trace === null) continue;
    traces.push(trace);
    for (const score of t.scores ?? []) {
      if (seenScores.has(score.id) || (score.traceId && score.traceId !== t.id)) {
        log.skip({ traceId: t.id, itemId: score.id, reason: 'score repeated or of another trace' });
        continue;
      }
      seenScores.add(score.id);
      const f = feedbackFromScore(score, trace, new Map(), log);
      if (f !== null) feedback.push(f);
    }
  }
  return finishImport(traces, feedback, log);
}
