/**
 * The columnar trace index. Built once from row objects; every aggregate reads typed arrays from it instead of
 * re-walking `Trace` objects. Rows are grouped by user and sorted by start time (ties by trace id) inside each user, so a user's traces
 * in a range are one contiguous slice found by binary search.
 * @module
 */
import type { Feedback, Trace, User } from '../model';
import { toMs } from './time';
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
  positionOfId: ReadonlyMap<string, number>;
  /** Start time (epoch ms) of each trace, by position. */
  startMs: Float64Array;
}

/** A string column being dictionary-encoded: the column and the code of each value seen. */
interface DictBuilder {
  col: DictColumn;
  codeOf: Map<string, number>;
}

function dictBuilder(n: number): DictBuilder {
  return { col: { codes: new Int32Array(n).fill(-1), values: [] }, codeOf: new Map() };
}

/** The code of `value` in `dict`, adding it when new. */
function codeOf(dict: DictBuilder, value: string): number {
  let code = dict.codeOf.get(value);
  if (code === undefined) {
    code = dict.col.values.length;
    dict.col.values.push(value);
    dict.codeOf.set(value, code);
  }
  return code;
}

const num = (v: number | undefined): number => (typeof v === 'number' ? v : NaN);

/** Source positions, start times and user positions of the attributed traces; unattributed start times aside. */
interface Split {
  /** Position in the source array of each attributed trace. */
  source: Int32Array;
  /** Start (epoch ms) of each attributed trace. */
  starts: Float64Array;
  /** User position of each attributed trace. */
  userOf: Int32Array;
  /** Sorted starts of the unattributed traces. */
  unattributedStartMs: Float64Array;
}

/** One pass over the traces: users (adding those only traces mention), starts, and the unattributed ones aside. */
function splitTraces(traces: readonly Trace[], allUsers: User[], userPos: Map<string, number>, startMs: Float64Array | undefined): Split {
  const total = traces.length;
  const source = new Int32Array(total);
  const starts = new Float64Array(total);
  const userOf = new Int32Array(total);
  const unattributed: number[] = [];
  let n = 0;
  for (let i = 0; i < total; i++) {
    const t = traces[i] as Trace;
    const start = startMs === undefined ? toMs(t.startTime) : (startMs[i] as number);
    const userId = t.userId;
    if (userId === null) {
      unattributed.push(start);
      continue;
    }
    let u = userPos.get(userId);
    if (u === undefined) {
      u = allUsers.length;
      userPos.set(userId, u);
      allUsers.push({ id: userId, metadata: {} });
    }
    source[n] = i;
    starts[n] = start;
    userOf[n] = u;
    n++;
  }
  return {
    source: source.subarray(0, n),
    starts: starts.subarray(0, n),
    userOf: userOf.subarray(0, n),
    unattributedStartMs: Float64Array.from(unattributed).sort(),
  };
}

/**
 * Builds the index in time linear in the traces: one pass to find users and start times, a radix order by user and
 * start (`trace-order.ts`), one pass to fill the columns. `feedback` must already carry normalised `score`s (see
 * `normaliseFeedback`); records whose trace is unknown are ignored here (they still count in feedback aggregates,
 * which read feedback records directly). `prepared` (from validation) saves re-parsing start times and re-hashing
 * trace ids: its id map becomes the index's trace lookup.
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
  const split = splitTraces(traces, allUsers, userPos, prepared?.startMs);
  const { source } = split;
  const n = source.length;
  const U = allUsers.length;
  // Ties in start time are ordered by trace id, so every engine (the SQL server too) sees the same order.
  const { order, userStart } = traceOrder(split.starts, split.userOf, U, (k) => (traces[source[k] as number] as Trace).id);

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
    unattributedStartMs: split.unattributedStartMs,
  };
  const rowOfSource = new Int32Array(traces.length).fill(-1);
  fillColumns(idx, traces, split, order, rowOfSource);
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
 * Fills every column, reading the traces in their given order (the objects sit in memory in about that order, so
 * reads stay local) and writing each to its row. Conversation ids are coded afterwards, user by user
 * ({@link conversationColumn}).
 */
function fillColumns(idx: TraceIndex, traces: readonly Trace[], split: Split, order: Int32Array, rowOfSource: Int32Array): void {
  const n = idx.size;
  const rowOf = new Int32Array(n);
  for (let row = 0; row < n; row++) {
    const k = order[row] as number;
    rowOf[k] = row;
    rowOfSource[split.source[k] as number] = row;
  }
  const model = dictBuilder(n);
  const release = dictBuilder(n);
  const errorType = dictBuilder(n);
  const conversationOfRow: (string | undefined)[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const t = traces[split.source[k] as number] as Trace;
    const row = rowOf[k] as number;
    const u = split.userOf[k] as number;
    idx.traces[row] = t;
    idx.startMs[row] = split.starts[k] as number;
    idx.latencyMs[row] = t.latencyMs;
    idx.isError[row] = t.status === 'error' ? 1 : 0;
    idx.costUsd[row] = num(t.costUsd);
    idx.inputTokens[row] = num(t.inputTokens);
    idx.outputTokens[row] = num(t.outputTokens);
    idx.userOf[row] = u;
    // `!= null`: data passed with `validate: false` may hold null where the model says absent.
    if (t.model != null) model.col.codes[row] = codeOf(model, t.model);
    if (t.release != null) release.col.codes[row] = codeOf(release, t.release);
    if (t.errorType != null) errorType.col.codes[row] = codeOf(errorType, t.errorType);
    if (t.conversationId != null) conversationOfRow[row] = t.conversationId;
  }
  idx.model = model.col;
  idx.release = release.col;
  idx.errorType = errorType.col;
  idx.conversation = conversationColumn(conversationOfRow, idx.userStart);
}

/** Distinct conversations of one user looked up by a scan (newest first) before a `Map` takes over. */
const CONVERSATION_SCAN_LIMIT = 16;

/**
 * The conversation column. Each user's rows, in start order, are matched against that user's few distinct ids (a
 * short scan from the newest, a `Map` past {@link CONVERSATION_SCAN_LIMIT} ids); only those per-user ids then go
 * through one dataset-wide table ({@link dedupeStrings}), so an id shared by two users still gets one code.
 */
function conversationColumn(conversationOfRow: readonly (string | undefined)[], userStart: Int32Array): DictColumn {
  const pairCodes = new Int32Array(conversationOfRow.length).fill(-1);
  const pairs: string[] = [];
  for (let u = 0; u + 1 < userStart.length; u++) {
    const base = pairs.length;
    let byId: Map<string, number> | null = null;
    for (let row = userStart[u] as number; row < (userStart[u + 1] as number); row++) {
      const c = conversationOfRow[row];
      if (c === undefined) continue;
      let code = -1;
      if (byId === null) {
        for (let j = pairs.length - 1; j >= base; j--) {
          if (pairs[j] === c) {
            code = j;
            break;
          }
        }
      } else code = byId.get(c) ?? -1;
      if (code < 0) {
        code = pairs.length;
        pairs.push(c);
        if (byId !== null) byId.set(c, code);
        else if (code - base >= CONVERSATION_SCAN_LIMIT) byId = new Map(pairs.slice(base).map((v, j) => [v, base + j]));
      }
      pairCodes[row] = code;
    }
  }
  const { codeOf, values } = dedupeStrings(pairs);
  for (let row = 0; row < pairCodes.length; row++) {
    const p = pairCodes[row] as number;
    if (p >= 0) pairCodes[row] = codeOf[p] as number;
  }
  return { codes: pairCodes, values };
}

/** FNV-1a over the UTF-16 code units of `s`. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The distinct strings of `strings` (first appearance order) and the code of each input: an open-addressing table
 * of typed arrays (hash, then the string compared only on equal hashes), with no per-entry allocation.
 */
function dedupeStrings(strings: readonly string[]): { codeOf: Int32Array; values: string[] } {
  const n = strings.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slotFirst = new Int32Array(size).fill(-1);
  const slotHash = new Uint32Array(size);
  const codeOf = new Int32Array(n);
  const values: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = strings[i] as string;
    const h = hashString(s);
    let slot = h & mask;
    for (;;) {
      const first = slotFirst[slot] as number;
      if (first < 0) {
        slotFirst[slot] = i;
        slotHash[slot] = h;
        codeOf[i] = values.length;
        values.push(s);
        break;
      }
      if (slotHash[slot] === h && strings[first] === s) {
        codeOf[i] = codeOf[first] as number;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { codeOf, values };
}

/** Row of a trace id, through validation's id map when there is one (else one map is built here). */
function traceLookup(traces: readonly Trace[], rowOfSource: Int32Array, positionOfId: ReadonlyMap<string, number> | undefined): TraceLookup {
  let positions = positionOfId;
  if (positions === undefined) {
    const built = new Map<string, number>();
    for (let i = 0; i < traces.length; i++) built.set((traces[i] as Trace).id, i);
    positions = built;
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
