/**
 * Precomputed orders of the users list's string sort keys (`user`, `metadata.<key>`). They depend only on the users
 * of a {@link TraceIndex}, never on the range, so each is built once per index and kept: a sort by a string column is
 * then a walk along a ready order instead of a comparator sort over every user.
 * @module
 */
import type { MetadataValue, User } from '../model';
import type { TraceIndex } from './trace-index';
import { collateUserNames } from './user-name-collation';

/** A ready order of user positions for one string sort key. Treat as read-only. */
export interface StringOrder {
  /** Rank per user position (dense, from 0; equal values share a rank); `NaN` = unknown value. */
  rank: Float64Array;
  /** Every user position, by rank ascending, equal ranks by user id ascending, unknown values last (by id). */
  order: Int32Array;
  /** Positions in `order` with a known rank; `order[known..]` are the unknown ones. */
  known: number;
  /**
   * Start in `order` of each rank (length: distinct ranks + 1, last entry = `known`); `null` when every rank is
   * distinct, so the descending order is `order[0..known)` reversed.
   */
  groupStart: Int32Array | null;
}

/** Code-point order of lower-cased strings, then of the strings themselves. */
function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order of metadata values: numbers ascending, then `false` < `true`, then strings (see {@link compareText}). */
function compareMetadata(a: number | boolean | string, b: number | boolean | string): number {
  const group = (v: number | boolean | string): number => (typeof v === 'number' ? 0 : typeof v === 'boolean' ? 1 : 2);
  const ga = group(a);
  const gb = group(b);
  if (ga !== gb) return ga - gb;
  if (typeof a === 'string') return compareText(a, b as string);
  return a < b ? -1 : a > b ? 1 : 0;
}

const byIndex = new WeakMap<TraceIndex, Map<string, StringOrder>>();
const idOrders = new WeakMap<TraceIndex, Int32Array>();

/**
 * User positions by id ascending (code units). A plain array on purpose: its sort finds the sorted runs users often
 * come in (ids in order, users only traces mention appended), so this is close to linear for them.
 */
function idOrder(idx: TraceIndex): Int32Array {
  let order = idOrders.get(idx);
  if (!order) {
    const ids = idx.users.map((user) => user.id);
    const positions = ids.map((_, u) => u);
    positions.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
    order = Int32Array.from(positions);
    idOrders.set(idx, order);
  }
  return order;
}

/** By display name (or id when it has none) in the `en` collation ({@link collateUserNames}), then id: every rank distinct. */
function userOrder(users: readonly User[]): StringOrder {
  const order = collateUserNames(
    users.map((user) => user.displayName || user.id),
    users.map((user) => user.id),
  );
  const rank = new Float64Array(users.length);
  for (let i = 0; i < order.length; i++) rank[order[i]] = i;
  return { rank, order, known: users.length, groupStart: null };
}

/** The value of `metadata[key]`, `null` when missing, `null` or `NaN`. */
function metadataValue(user: User, key: string): number | boolean | string | null {
  if (!Object.prototype.hasOwnProperty.call(user.metadata, key)) return null;
  const v: MetadataValue = user.metadata[key];
  return v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : v;
}

/** By `metadata[key]` ({@link compareMetadata}), then id: a counting sort of the id order by value rank. */
function metadataOrder(idx: TraceIndex, key: string): StringOrder {
  const users = idx.users;
  const U = users.length;
  const distinct: (number | boolean | string)[] = [];
  const codeOf = new Map<number | boolean | string, number>();
  const code = new Int32Array(U);
  for (let u = 0; u < U; u++) {
    const v = metadataValue(users[u], key);
    if (v === null) {
      code[u] = -1;
      continue;
    }
    let c = codeOf.get(v);
    if (c === undefined) {
      c = distinct.length;
      distinct.push(v);
      codeOf.set(v, c);
    }
    code[u] = c;
  }
  const R = distinct.length;
  const rankOfCode = new Int32Array(R);
  distinct
    .map((_, c) => c)
    .sort((a, b) => compareMetadata(distinct[a], distinct[b]))
    .forEach((c, r) => (rankOfCode[c] = r));
  const rank = new Float64Array(U);
  const groupStart = new Int32Array(R + 2);
  for (let u = 0; u < U; u++) {
    const r = code[u] < 0 ? R : rankOfCode[code[u]];
    rank[u] = r === R ? NaN : r;
    groupStart[r + 1]++;
  }
  for (let r = 0; r <= R; r++) groupStart[r + 1] += groupStart[r];
  const fill = groupStart.slice(0, R + 1);
  const order = new Int32Array(U);
  for (const u of idOrder(idx)) order[fill[rank[u] !== rank[u] ? R : rank[u]]++] = u;
  return { rank, order, known: groupStart[R], groupStart: groupStart.subarray(0, R + 1) };
}

/** True for the sort ids that have a {@link StringOrder}: `user` and `metadata.<key>`. */
export function isStringSortId(id: string): boolean {
  return id === 'user' || (id.startsWith('metadata.') && id.length > 'metadata.'.length);
}

/**
 * The order of string sort key `id` (see {@link isStringSortId}) over the users of `idx`, built on first use and
 * kept for the life of the index (the index is immutable).
 */
export function stringOrder(idx: TraceIndex, id: string): StringOrder {
  let orders = byIndex.get(idx);
  if (!orders) byIndex.set(idx, (orders = new Map()));
  let order = orders.get(id);
  if (!order) {
    order = id === 'user' ? userOrder(idx.users) : metadataOrder(idx, id.slice('metadata.'.length));
    orders.set(id, order);
  }
  return order;
}

/**
 * The first `k` positions accepted by `include`, in the order of `so` ascending or descending (unknown values last
 * either way, equal values by id ascending), without comparing anything.
 */
export function walkStringOrder(so: StringOrder, desc: boolean, k: number, include: (u: number) => boolean): Int32Array {
  const out = new Int32Array(k);
  let n = 0;
  const take = (from: number, to: number): void => {
    for (let i = from; i < to && n < k; i++) if (include(so.order[i])) out[n++] = so.order[i];
  };
  if (!desc) take(0, so.order.length);
  else if (so.groupStart === null) {
    for (let i = so.known - 1; i >= 0 && n < k; i--) if (include(so.order[i])) out[n++] = so.order[i];
    take(so.known, so.order.length);
  } else {
    const g = so.groupStart;
    for (let r = g.length - 2; r >= 0 && n < k; r--) take(g[r], g[r + 1]);
    take(so.known, so.order.length);
  }
  return out.subarray(0, n);
}
