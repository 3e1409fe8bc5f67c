/**
 * Validation at the library's boundary: `validate` for any schema, `parseDataset` for a whole
 * `{ users, traces, feedback }` dataset with referential checks. Failures throw `ProviderError('invalid-data')`
 * naming the first bad field, e.g. `traces[12].latencyMs: expected number, got "abc"`.
 * @module
 */
import * as z from 'zod/mini';
import { ProviderError } from '../errors';
import type { Feedback, Trace, User } from '../model';
import { checkFeedbackAfterTrace, checkTraceTimes, checkUserSeen, endsBeforeStart } from './cross-field';
import { isValidFeedback, isValidUser } from './fast-records';
import { timestampMs, validTraceStartMs } from './fast-trace';
import type { PreparedTraces } from '../engine/trace-index';
import { indexStrings, type StringIndex } from '../engine/string-groups';
import { describeIssue, formatIssueMessage, formatPath } from './issue-format';
import { feedbackSchema, traceSchema, userSchema } from './records';

/**
 * A complete dataset, as `createDemoDataset` returns and the memory provider accepts. The lists are read-only, so
 * read-only data (e.g. `contractDataset`, or a host's `as const` fixtures of plain records) is a `Dataset` without a
 * copy or a cast.
 */
export interface Dataset {
  /** Users. */
  users: readonly User[];
  /** Traces, any order. */
  traces: readonly Trace[];
  /** Feedback on those traces. */
  feedback: readonly Feedback[];
}

/**
 * Report the received value, and stop at the first issue: only the first is shown, and collecting every issue of a
 * million bad rows takes seconds. `abortEarly` is zod's own flag for `z.validate` (typed `ParseContextInternal`);
 * arrays, objects and records honour it, and the first issue is the same with or without it.
 */
const PARSE_CONTEXT: z.core.ParseContextInternal<z.core.$ZodIssue> = { reportInput: true, abortEarly: true };


/**
 * Parses `data` with `schema` and returns the result, or throws `ProviderError('invalid-data')` for the first issue:
 * `field` is its path (prefixed by `rootPath`, e.g. `rows[3].latencyMs`), the message adds what was expected and a
 * preview of what was received (JSON, at most 60 characters).
 */
export function validate<T>(schema: z.core.$ZodType<T>, data: unknown, rootPath = ''): T {
  const result = z.safeParse(schema, data, PARSE_CONTEXT);
  if (result.success) return result.data;
  throw issueError(result.error.issues[0] as z.core.$ZodIssue, rootPath);
}

/**
 * Validates a dataset `{ users, traces, feedback? }` (a missing `feedback` is an empty list) and checks references:
 * user, trace and feedback ids are unique, each feedback points at a known trace of the same user (so never at an
 * unattributed trace, `userId: null`), and no record
 * contradicts itself (`cross-field.ts`: a trace ending before it starts, a user last seen before first seen, feedback
 * left before its trace started; the message names both fields).
 * Nothing is coerced or dropped; the first problem throws `ProviderError('invalid-data')` naming e.g. `traces[4].id`.
 */
export function parseDataset(input: unknown): Dataset {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidData(formatPath('', []), 'expected object', input);
  }
  const record = input as Record<string, unknown>;
  const users = parseRecords(record.users, 'users', isValidUser, userSchema);
  const traces = parseTraces(record.traces, 'traces');
  const feedback = record.feedback === undefined ? [] : parseRecords(record.feedback, 'feedback', isValidFeedback, feedbackSchema);
  checkUnique(users, 'users');
  users.forEach((u, i) => checkUserSeen(u, 'users', i));
  const traceAt = checkUnique(traces, 'traces');
  const startMs = preparedStarts.get(traces);
  if (startMs) prepared.set(traces, { positionOfId: traceAt, startMs });
  checkUnique(feedback, 'feedback');
  for (let i = 0; i < feedback.length; i++) {
    const f = feedback[i] as Feedback;
    const at = traceAt.get(f.traceId);
    if (at === undefined) {
      throw invalidData(`feedback[${i}].traceId`, 'expected the id of a trace in the dataset', f.traceId);
    }
    const owner = (traces[at] as Trace).userId;
    if (owner === null) {
      throw invalidData(`feedback[${i}].traceId`, 'expected the id of a trace with a user id (this trace is unattributed)', f.traceId);
    }
    if (owner !== f.userId) {
      throw invalidData(`feedback[${i}].userId`, `expected ${JSON.stringify(owner)}, the user of its trace`, f.userId);
    }
    checkFeedbackAfterTrace(f.createdAt, i, (traces[at] as Trace).startTime, at);
  }
  return { users, traces, feedback };
}

/** Start times parsed by {@link parseTraces}, by the array it returned. */
const preparedStarts = new WeakMap<readonly Trace[], Float64Array>();
/** What {@link parseDataset} learned about its trace array, for the index build. */
const prepared = new WeakMap<readonly Trace[], PreparedTraces>();

/**
 * Takes what `parseDataset` computed for the trace array it returned (each trace's position by id, the start times
 * in epoch ms), so the index build reuses them instead of hashing every id and parsing every timestamp again.
 * `undefined` for any other array, and on a second call (the entry is handed over once).
 */
export function takePreparedTraces(traces: readonly Trace[]): PreparedTraces | undefined {
  const found = prepared.get(traces);
  prepared.delete(traces);
  preparedStarts.delete(traces);
  return found;
}

/**
 * Validates an array of records: `isValid` (a hand-written predicate, `fast-records.ts`) accepts a record as it is;
 * a record it refuses is parsed by `schema`, which throws the error zod gives (field `<root>[i]…`) or returns its
 * parsed copy. Returns a new array: the same record objects, copies only where the schema decided.
 */
function parseRecords<T>(input: unknown, root: string, isValid: (value: unknown) => boolean, schema: z.core.$ZodType<T>): T[] {
  if (!Array.isArray(input)) throw invalidData(formatPath(root, []), 'expected array', input);
  const records = new Array<T>(input.length);
  for (let i = 0; i < input.length; i++) {
    records[i] = isValid(input[i]) ? (input[i] as T) : validate(schema, input[i], `${root}[${i}]`);
  }
  return records;
}

/**
 * Validates an array of traces. A hand-written check accepts valid traces without copying them (1M traces in
 * ≈ 0.25 s, where zod alone takes several seconds and doubles memory); any trace it rejects is parsed by
 * `traceSchema`, so the error is exactly the one zod gives. Then a trace whose `endTime` is before its
 * `startTime` is refused (field `…endTime`, the message names `…startTime`). Returns a copy of the array holding the
 * same (valid, unchanged) trace objects; their start times, parsed here once, are kept for the index build
 * ({@link takePreparedTraces}).
 */
export function parseTraces(input: unknown, rootPath = 'traces'): Trace[] {
  if (!Array.isArray(input)) throw invalidData(formatPath(rootPath, []), 'expected array', input);
  const startMs = new Float64Array(input.length);
  // The first trace ending before it starts, refused only once every trace passed its schema (as zod's checks
  // across fields run after its per-field checks), but found in the same pass.
  let endsEarly = -1;
  for (let i = 0; i < input.length; i++) {
    let ms = validTraceStartMs(input[i]);
    if (Number.isNaN(ms)) {
      validate(traceSchema, input[i], `${rootPath}[${i}]`);
      ms = timestampMs((input[i] as Trace).startTime);
    }
    startMs[i] = ms;
    if (endsEarly < 0 && endsBeforeStart(input[i] as Trace)) endsEarly = i;
  }
  if (endsEarly >= 0) checkTraceTimes(input[endsEarly] as Trace, rootPath, endsEarly);
  const traces = input.slice() as Trace[];
  preparedStarts.set(traces, startMs);
  return traces;
}

/** Throws on the first repeated `id` (field `<root>[i].id`); returns the position of each id. */
function checkUnique(rows: readonly { id: string }[], root: string): StringIndex {
  const index = indexStrings(rows.length, (i) => (rows[i] as { id: string }).id);
  const i = index.firstRepeat;
  if (i >= 0) throw invalidData(`${root}[${i}].id`, 'expected a unique id', (rows[i] as { id: string }).id);
  return index;
}

function issueError(issue: z.core.$ZodIssue, rootPath: string): ProviderError {
  return invalidData(formatPath(rootPath, issue.path), describeIssue(issue), issue.input);
}

function invalidData(field: string, description: string, received: unknown): ProviderError {
  return new ProviderError('invalid-data', formatIssueMessage(field, description, received), { field });
}
