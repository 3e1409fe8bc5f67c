/**
 * The columnar trace index. Built once from row objects; every aggregate reads typed arrays from it instead of
 * re-walking `Trace` objects. Rows are grouped by user and sorted by start time (ties by trace id) inside each user, so a user's traces
 * in a range are one contiguous slice found by binary search.
 * @module
 */
import type { Feedback, Trace, User } from '../model';
import { toMs } from './time';
import { groupStrings, indexStrings, type StringGroups } from './string-groups';
import { traceOrder } from './trace-order';

/** A string column stored as dictionary codes: `codes[row]` indexes `values`, `-1` means absent. */
export interface DictColumn {
  /** Code per row, `-1` when the row has no value. */
  codes: Int32Array;
  /** Distinct values in order of first appearance. */
  values: string[];
}

/** Columnar, user-grouped view of a trace set. Treat as read-only. */
export interface TraceIndex {
  /** Number of trace rows. */
  size: number;
  /** The trace objects in index order (grouped by user, start ascending). */
  traces: Trace[];
  /** Start time, epoch ms. */
  startMs: Float64Array;
  /** Latency in ms. */
  latencyMs: Float64Array;
  /** 1 when status is `"error"`. */
  isError: Uint8Array;
  /** Cost in USD, `NaN` when unknown. */
  costUsd: Float64Array;
  /** Input tokens, `NaN` when unknown. */
  inputTokens: Float64Array;
  /** Output tokens, `NaN` when unknown. */
  outputTokens: Float64Array;
  /** Model per row. */
  model: DictColumn;
  /** Release per row. */
  release: DictColumn;
  /** Error type per row. */
  errorType: DictColumn;
  /** Conversation id per row. */
  conversation: DictColumn;
  /** Sum of normalised feedback scores on the trace (0 when none). */
  feedbackScoreSum: Float64Array;
  /** Count of scored feedback records on the trace. */
  feedbackScoreCount: Uint32Array;
  /** User position per row. */
  userOf: Int32Array;
  /** Users by position. Users referenced by traces but not supplied get `{ id, metadata: {} }`. */
  users: User[];
  /** Position of a user id. */
  userPos: Map<string, number>;
  /** Rows of user `u` are `[userStart[u], userStart[u + 1])`. Length `users.length + 1`. */
  userStart: Int32Array;
  /** Row of a trace id (`undefined` for an unknown or unattributed trace). */
  tracePos: TraceLookup;
  /**
   * Start times (epoch ms, ascending) of the unattributed traces (`userId: null`). They are kept out of every row
   * above, so they count in no user's figures; only `UsersSummary.unattributedTraceCount` reads them.
   */
  unattributedStartMs: Float64Array;
}

/** Row of a trace id: a read-only lookup (a `Map` fits). */
export interface TraceLookup {
  /** The row of trace `id`, `undefined` when the index has no row for it. */
  get(id: string): number | undefined;
}

/**
 * What validation already computed for a trace array (see `parseDataset`), so the build neither parses a timestamp
 * nor hashes a trace id a second time.
 */
export interface PreparedTraces {
  /** Position of each trace id in the array. */
  positionOfId: TraceLookup;
  /** Start time (epoch ms) of each trace, by position. */
  startMs: Float64Array;
}

/** Distinct values a dictionary column finds by comparing with each before it switches to a `Map`. */
const SCAN_LIMIT = 16;

/**
 * A string column being dictionary-encoded: the column, and the code of each value seen once there are more than
 * {@link SCAN_LIMIT} of them (`null` before).
 */
interface DictBuilder {
  col: DictColumn;
  codeOf: Map<string, number> | null;
}

function dictBuilder(n: number): DictBuilder {
  return { col: { codes: new Int32Array(n).fill(-1), values: [] }, codeOf: null };
}

/**
 * The code of `value` in `dict`, adding it when new. A column of a few distinct values (models, releases, error
 * types) finds them by comparing with each: rows parsed from JSON or cloned hold one string object per field, which
 * a `Map` would hash on every row, while a comparison of unequal strings mostly stops at their length or first
 * characters.
 */
function codeOf(dict: DictBuilder, value: string): number {
  const values = dict.col.values;
  if (dict.codeOf === null) {
    for (let c = 0; c < values.length; c++) if (values[c] === value) return c;
    values.push(value);
    if (values.length > SCAN_LIMIT) dict.codeOf = new Map(values.map((v, c) => [v, c]));
    return values.length - 1;
  }
  let code = dict.codeOf.get(value);
  if (code === undefined) {
    code = values.length;
    values.push(value);
    dict.codeOf.set(value, code);
  }
  return code;
}

const num = (v: number | undefined): number => (typeof v === 'number' ? v : NaN);

/** Per source position: the user position (`-1` for an unattributed trace) and the start; unattributed starts aside. */
interface Attribution {
  /** User position of each trace, `-1` when unattributed (`userId: null`). */
  userOf: Int32Array;
  /** Start (epoch ms) of each trace. */
  starts: Float64Array;
  /** Sorted starts of the unattributed traces. */
  unattributedStartMs: Float64Array;
}

/**
 * Each trace's user (adding, in order of first mention, the users only traces mention) and start (parsed unless
 * given); unattributed starts aside. `userIds` groups the traces' user ids, so the user map is asked once per
 * distinct id instead of once per trace; its group column becomes the user column.
 */
function attributeTraces(
  traces: readonly Trace[],
  userIds: StringGroups,
  allUsers: User[],
  userPos: Map<string, number>,
  startMs: Float64Array | undefined,
): Attribution {
  const total = traces.length;
  const starts = startMs ?? new Float64Array(total);
  if (startMs === undefined) for (let i = 0; i < total; i++) starts[i] = toMs((traces[i] as Trace).startTime);
  const { groupOf, firstOf, keys } = userIds;
  const userOfGroup = new Int32Array(keys.length);
  const unknown: number[] = [];
  for (let g = 0; g < keys.length; g++) {
    const u = userPos.get(keys[g] as string);
    if (u === undefined) unknown.push(g);
    else userOfGroup[g] = u;
  }
  unknown.sort((a, b) => (firstOf[a] as number) - (firstOf[b] as number));
  for (const g of unknown) {
    const userId = keys[g] as string;
    userOfGroup[g] = allUsers.length;
    userPos.set(userId, allUsers.length);
    allUsers.push({ id: userId, metadata: {} });
  }
  // The group column becomes the user column (one allocation fewer).
  const userOf = groupOf;
  const unattributed: number[] = [];
  for (let i = 0; i < total; i++) {
    const g = groupOf[i] as number;
    if (g >= 0) userOf[i] = userOfGroup[g] as number;
    else unattributed.push(starts[i] as number);
  }
  return { userOf, starts, unattributedStartMs: Float64Array.from(unattributed).sort() };
}

/**
 * Builds the index in time linear in the traces: one pass to find users and start times, a radix order by user and
 * start (`trace-order.ts`), one pass to fill the columns. `feedback` must already carry normalised `score`s (see
 * `normaliseFeedback`); records whose trace is unknown are ignored here (they still count in feedback aggregates,
 * which read feedback records directly). `prepared` (from validation) saves re-parsing start times and re-hashing
 * trace ids: its start times are read as they are and its id table becomes the index's trace lookup.
 */
export function buildTraceIndex(
  users: readonly User[],
  traces: readonly Trace[],
  feedback: readonly Feedback[] = [],
  prepared?: PreparedTraces,
): TraceIndex {
  const allUsers: User[] = [...users];
  const userPos = new Map<string, number>();
  for (let u = 0; u < allUsers.length; u++) userPos.set((allUsers[u] as User).id, u);
  // User ids and conversation ids grouped in one read of the traces (string-groups.ts: no hash table).
  const [userIds, conversations] = groupStrings(traces.length, [
    (i) => (traces[i] as Trace).userId,
    (i) => (traces[i] as Trace).conversationId,
  ]) as [StringGroups, StringGroups];
  const attribution = attributeTraces(traces, userIds, allUsers, userPos, prepared?.startMs);
  // Ties in start time are ordered by trace id, so every engine (the SQL server too) sees the same order.
  const { order, userStart } = traceOrder(attribution.starts, attribution.userOf, allUsers.length, (i) => (traces[i] as Trace).id);
  const n = order.length;
  const idx: TraceIndex = {
    size: n,
    traces: new Array<Trace>(n),
    startMs: new Float64Array(n),
    latencyMs: new Float64Array(n),
    isError: new Uint8Array(n),
    costUsd: new Float64Array(n),
    inputTokens: new Float64Array(n),
    outputTokens: new Float64Array(n),
    model: { codes: new Int32Array(0), values: [] },
    release: { codes: new Int32Array(0), values: [] },
    errorType: { codes: new Int32Array(0), values: [] },
    conversation: { codes: new Int32Array(0), values: [] },
    feedbackScoreSum: new Float64Array(n),
    feedbackScoreCount: new Uint32Array(n),
    userOf: new Int32Array(n),
    users: allUsers,
    userPos,
    userStart,
    tracePos: new Map(),
    unattributedStartMs: attribution.unattributedStartMs,
  };
  // A user's rows are one run, so the user column is written run by run; the per-trace user buffer is then free
  // and becomes the row of each trace (one allocation fewer, 4 bytes per trace).
  for (let u = 0; u < allUsers.length; u++) idx.userOf.fill(u, userStart[u] as number, userStart[u + 1] as number);
  const rowOfSource = attribution.userOf.fill(-1);
  for (let row = 0; row < n; row++) rowOfSource[order[row] as number] = row;
  fillColumns(idx, traces, attribution.starts, rowOfSource, conversations);
  idx.tracePos = traceLookup(traces, rowOfSource, prepared?.positionOfId);
  for (const f of feedback) {
    const row = idx.tracePos.get(f.traceId);
    if (row === undefined || typeof f.score !== 'number') continue;
    idx.feedbackScoreSum[row] += f.score;
    idx.feedbackScoreCount[row]++;
  }
  return idx;
}

/**
 * Fills every column but the user one, reading the traces in their given order (the objects sit in memory in about that order, so
 * reads stay local) and writing each to its row (`rowOfSource`, `-1` for a trace without one). Conversation codes
 * come from `conversations`, the traces' conversation ids grouped ({@link groupStrings}); the few models, releases
 * and error types are coded by {@link codeOf}.
 */
function fillColumns(idx: TraceIndex, traces: readonly Trace[], starts: Float64Array, rowOfSource: Int32Array, conversations: StringGroups): void {
  const n = idx.size;
  const model = dictBuilder(n);
  const release = dictBuilder(n);
  const errorType = dictBuilder(n);
  const conversationOf = conversations.groupOf;
  const conversationCodes = new Int32Array(n).fill(-1);
  for (let i = 0; i < traces.length; i++) {
    const row = rowOfSource[i] as number;
    if (row < 0) continue;
    const t = traces[i] as Trace;
    idx.traces[row] = t;
    idx.startMs[row] = starts[i] as number;
    idx.latencyMs[row] = t.latencyMs;
    idx.isError[row] = t.status === 'error' ? 1 : 0;
    idx.costUsd[row] = num(t.costUsd);
    idx.inputTokens[row] = num(t.inputTokens);
    idx.outputTokens[row] = num(t.outputTokens);
    // `!= null`: data passed with `validate: false` may hold null where the model says absent.
    if (t.model != null) model.col.codes[row] = codeOf(model, t.model);
    if (t.release != null) release.col.codes[row] = codeOf(release, t.release);
    if (t.errorType != null) errorType.col.codes[row] = codeOf(errorType, t.errorType);
    conversationCodes[row] = conversationOf[i] as number;
  }
  idx.model = model.col;
  idx.release = release.col;
  idx.errorType = errorType.col;
  idx.conversation = inRowOrder(conversationCodes, conversations.keys);
}

/**
 * A dictionary column from `codes` (indexes into `values`, `-1` absent; renumbered in place) with codes renumbered
 * in order of first appearance by row: a user's conversations then get neighbouring codes, so the per-user passes
 * that mark codes (distinct conversations in a range) touch a few cache lines instead of one per row.
 */
function inRowOrder(codes: Int32Array, values: readonly string[]): DictColumn {
  const newCode = new Int32Array(values.length).fill(-1);
  // Preallocated, and cut to the values some row holds.
  const ordered = new Array<string>(values.length);
  let named = 0;
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    if (code < 0) continue;
    let renamed = newCode[code] as number;
    if (renamed < 0) {
      renamed = named++;
      newCode[code] = renamed;
      ordered[renamed] = values[code] as string;
    }
    codes[row] = renamed;
  }
  ordered.length = named;
  return { codes, values: ordered };
}

/**
 * Row of a trace id, through validation's id index when there is one (else one is built here; with repeated ids,
 * as only unvalidated data has, the last trace of an id wins).
 */
function traceLookup(traces: readonly Trace[], rowOfSource: Int32Array, positionOfId: TraceLookup | undefined): TraceLookup {
  let positions = positionOfId;
  if (positions === undefined) {
    // Indexed from the last trace back: the index answers the first position it holds for an id.
    const last = traces.length - 1;
    const fromLast = indexStrings(traces.length, (k) => (traces[last - k] as Trace).id);
    positions = {
      get(id) {
        const k = fromLast.get(id);
        return k === undefined ? undefined : last - k;
      },
    };
  }
  const byId = positions;
  return {
    get(id) {
      const position = byId.get(id);
      if (position === undefined) return undefined;
      const row = rowOfSource[position] as number;
      return row < 0 ? undefined : row;
    },
  };
}

/** Unattributed traces starting in `[from, to)`. */
export function unattributedInRange(idx: TraceIndex, from: number, to: number): number {
  const all = idx.unattributedStartMs;
  return lowerBound(all, 0, all.length, to) - lowerBound(all, 0, all.length, from);
}

/** First row in `[lo, hi)` whose start is ≥ `ms` (rows in that slice are sorted by start). */
export function lowerBound(startMs: Float64Array, lo: number, hi: number, ms: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((startMs[mid] as number) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rows `[lo, hi)` of user `u` whose start lies in `[from, to)`. */
export function userRowsInRange(idx: TraceIndex, u: number, from: number, to: number): { lo: number; hi: number } {
  const a = idx.userStart[u] as number;
  const b = idx.userStart[u + 1] as number;
  return { lo: lowerBound(idx.startMs, a, b, from), hi: lowerBound(idx.startMs, a, b, to) };
}
