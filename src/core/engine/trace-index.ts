/**
 * The columnar trace index. Built once from row objects; every aggregate reads typed arrays from it instead of
 * re-walking `Trace` objects. Rows are grouped by user and sorted by start time (ties by trace id) inside each user, so a user's traces
 * in a range are one contiguous slice found by binary search.
 * @module
 */
import type { AttributedTrace, Feedback, Trace, User } from '../model';
import { toMs } from './time';

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
  /** Row of a trace id. */
  tracePos: Map<string, number>;
  /**
   * Start times (epoch ms, ascending) of the unattributed traces (`userId: null`). They are kept out of every row
   * above, so they count in no user's figures; only `UsersSummary.unattributedTraceCount` reads them.
   */
  unattributedStartMs: Float64Array;
}

/** Code-unit order of two ids. */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function dictColumn(n: number): { col: DictColumn; codeOf: Map<string, number> } {
  return { col: { codes: new Int32Array(n).fill(-1), values: [] }, codeOf: new Map() };
}

function encode(dict: { col: DictColumn; codeOf: Map<string, number> }, row: number, value: string | undefined): void {
  if (value === undefined || value === null) return;
  let code = dict.codeOf.get(value);
  if (code === undefined) {
    code = dict.col.values.length;
    dict.col.values.push(value);
    dict.codeOf.set(value, code);
  }
  dict.col.codes[row] = code;
}

const num = (v: number | undefined): number => (typeof v === 'number' ? v : NaN);

/**
 * Builds the index. `feedback` must already carry normalised `score`s (see `normaliseFeedback`); records whose trace
 * is unknown are ignored here (they still count in feedback aggregates, which read feedback records directly).
 */
export function buildTraceIndex(users: readonly User[], allTraces: readonly Trace[], feedback: readonly Feedback[] = []): TraceIndex {
  const allUsers: User[] = [...users];
  const userPos = new Map<string, number>();
  allUsers.forEach((u, i) => userPos.set(u.id, i));
  const { traces, unattributedStartMs } = splitUnattributed(allTraces);
  for (const t of traces) {
    if (!userPos.has(t.userId)) {
      userPos.set(t.userId, allUsers.length);
      allUsers.push({ id: t.userId, metadata: {} });
    }
  }
  const n = traces.length;
  const U = allUsers.length;
  const starts = new Float64Array(n);
  const userOfSource = new Int32Array(n);
  const counts = new Int32Array(U + 1);
  for (let i = 0; i < n; i++) {
    const t = traces[i] as AttributedTrace;
    starts[i] = toMs(t.startTime);
    const u = userPos.get(t.userId) as number;
    userOfSource[i] = u;
    counts[u + 1]++;
  }
  const userStart = new Int32Array(U + 1);
  for (let u = 0; u < U; u++) userStart[u + 1] = (userStart[u] as number) + (counts[u + 1] as number);
  // Counting sort by user, then sort each user's slice by start time.
  const order = new Int32Array(n);
  const fill = userStart.slice(0, U);
  for (let i = 0; i < n; i++) order[fill[userOfSource[i]]++] = i;
  // Ties in start time are ordered by trace id, so every engine (the SQL server too) sees the same order.
  const byStartThenId = (a: number, b: number): number =>
    (starts[a] as number) - (starts[b] as number) || compareIds((traces[a] as Trace).id, (traces[b] as Trace).id);
  for (let u = 0; u < U; u++) {
    const slice = order.subarray(userStart[u] as number, userStart[u + 1] as number);
    let sorted = true;
    for (let k = 1; k < slice.length; k++) if (byStartThenId(slice[k - 1] as number, slice[k] as number) > 0) { sorted = false; break; }
    if (!sorted) slice.set(Array.from(slice).sort(byStartThenId));
  }

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
    unattributedStartMs,
  };
  const model = dictColumn(n);
  const release = dictColumn(n);
  const errorType = dictColumn(n);
  const conversation = dictColumn(n);
  for (let row = 0; row < n; row++) {
    const src = order[row] as number;
    const t = traces[src] as Trace;
    idx.traces[row] = t;
    idx.tracePos.set(t.id, row);
    idx.startMs[row] = starts[src] as number;
    idx.latencyMs[row] = t.latencyMs;
    idx.isError[row] = t.status === 'error' ? 1 : 0;
    idx.costUsd[row] = num(t.costUsd);
    idx.inputTokens[row] = num(t.inputTokens);
    idx.outputTokens[row] = num(t.outputTokens);
    idx.userOf[row] = userOfSource[src];
    encode(model, row, t.model);
    encode(release, row, t.release);
    encode(errorType, row, t.errorType);
    encode(conversation, row, t.conversationId);
  }
  idx.model = model.col;
  idx.release = release.col;
  idx.errorType = errorType.col;
  idx.conversation = conversation.col;
  for (const f of feedback) {
    const row = idx.tracePos.get(f.traceId);
    if (row === undefined || typeof f.score !== 'number') continue;
    idx.feedbackScoreSum[row] += f.score;
    idx.feedbackScoreCount[row]++;
  }
  return idx;
}

/** The traces with a user id, and the sorted start times of those without one. */
function splitUnattributed(traces: readonly Trace[]): {
  traces: readonly (AttributedTrace)[];
  unattributedStartMs: Float64Array;
} {
  let unattributed = 0;
  for (const t of traces) if (t.userId === null) unattributed++;
  if (unattributed === 0) return { traces: traces as readonly (AttributedTrace)[], unattributedStartMs: new Float64Array(0) };
  const attributed: (AttributedTrace)[] = [];
  const starts = new Float64Array(unattributed);
  let k = 0;
  for (const t of traces) {
    if (t.userId === null) starts[k++] = toMs(t.startTime);
    else attributed.push(t as AttributedTrace);
  }
  return { traces: attributed, unattributedStartMs: starts.sort() };
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
