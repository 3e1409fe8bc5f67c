/**
 * Lenient reading of one Langfuse UI export document (`{ trace: { …, observations, scores }, observations }`, or a
 * bare `TraceWithFullDetails`): each record — the trace, each observation, each score — is validated on its own, so
 * a bad observation or score is skipped with its path while the rest of the trace imports, and a bad trace is
 * skipped together with its scores, each counted.
 * @module
 */
import { isProviderError, ProviderError } from '../../core/errors';
import { validate } from '../../core/schema/validate';
import type { IssueLog } from '../import/import-report';
import { langfuseListedTraceSchema, langfuseObservationSchema, langfuseScoreSchema, type LangfuseObservation, type LangfuseScore, type LangfuseTrace } from './schemas';

/** The readable records of one export document. */
export interface ExportRecords {
  /** The trace. */
  trace: LangfuseTrace;
  /** Its observations (the top-level list when it has any, else the trace's own), readable ones only. */
  observations: LangfuseObservation[];
  /** Its scores, readable ones only. */
  scores: LangfuseScore[];
  /** Observations that could not be read (their paths): the trace's figures may be incomplete. */
  lostObservations: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const join = (root: string, path: string): string => (root === '' ? path : `${root}.${path}`);

/** Each readable item of the list at `path`; unreadable items (and a value that is no list) are skipped as `kind`. */
function items<T>(value: unknown, path: string, kind: 'observation' | 'score', schema: Parameters<typeof validate<T>>[0], log: IssueLog, traceId: string | undefined, lost: string[]): T[] {
  if (value === undefined || value === null) return [];
  const at = traceId === undefined ? {} : { traceId };
  if (!Array.isArray(value)) {
    log.skip({ kind, ...at, path, field: path, reason: `${path}: expected a list; its ${kind}s are left out` });
    lost.push(path);
    return [];
  }
  const out: T[] = [];
  value.forEach((item: unknown, i) => {
    try {
      out.push(validate(schema, item, `${path}[${i}]`));
    } catch (error) {
      if (!isProviderError(error)) throw error;
      const itemId = isObject(item) && typeof item.id === 'string' && item.id.length <= 200 ? { itemId: item.id } : {};
      log.skip({ kind, ...at, ...itemId, path: `${path}[${i}]`, field: error.field, reason: `${error.message}; ${kind} left out` });
      lost.push(`${path}[${i}]`);
    }
  });
  return out;
}

/**
 * The records of export document `doc` at path `root` (`''` for the only document, `[i]`, `lines[i]`), or `null`
 * when its trace cannot be read: then the trace and its scores are recorded on `log` as skipped (the scores counted
 * as such), with the path and the field at fault.
 * @throws ProviderError `invalid-data` when `root` is `''` and `doc` is not an object: nothing in it can be read.
 */
export function readExportRecords(doc: unknown, root: string, log: IssueLog): ExportRecords | null {
  if (!isObject(doc)) {
    const field = root === '' ? '(root)' : root;
    const error = new ProviderError('invalid-data', `${field}: expected a Langfuse trace export (an object)`, { field });
    if (root === '') throw error;
    log.skip({ kind: 'document', path: root, field, reason: `${error.message}; document left out` });
    return null;
  }
  const exported = 'trace' in doc;
  const tracePath = exported ? join(root, 'trace') : root;
  const rawTrace = exported ? doc.trace : doc;
  const rawScores = isObject(rawTrace) ? rawTrace.scores : undefined;
  let trace: LangfuseTrace;
  try {
    trace = validate(langfuseListedTraceSchema, rawTrace, tracePath);
  } catch (error) {
    if (!isProviderError(error)) throw error;
    const id = isObject(rawTrace) && typeof rawTrace.id === 'string' && rawTrace.id !== '' && rawTrace.id.length <= 200 ? { traceId: rawTrace.id } : {};
    log.skip({ kind: 'trace', ...id, path: tracePath || '(root)', field: error.field, reason: `${error.message}; trace left out` });
    const scoreCount = Array.isArray(rawScores) ? rawScores.length : 0;
    if (scoreCount > 0) log.skip({ kind: 'score', ...id, path: join(tracePath, 'scores'), count: scoreCount, reason: `${scoreCount} score(s) of a trace that could not be read; left out` });
    return null;
  }
  const lostObservations: string[] = [];
  const lostScores: string[] = [];
  const top = exported ? items<LangfuseObservation>(doc.observations, join(root, 'observations'), 'observation', langfuseObservationSchema, log, trace.id, lostObservations) : [];
  const inline = isObject(rawTrace) ? rawTrace.observations : undefined;
  const observations = top.length > 0 ? top : items<LangfuseObservation>(inline, join(tracePath, 'observations'), 'observation', langfuseObservationSchema, log, trace.id, lostObservations);
  const scores = items<LangfuseScore>(rawScores, join(tracePath, 'scores'), 'score', langfuseScoreSchema, log, trace.id, lostScores);
  return { trace, observations, scores, lostObservations };
}
