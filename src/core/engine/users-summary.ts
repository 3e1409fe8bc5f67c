/**
 * The population totals of a range (`getUsersSummary`) from the users list's per-range aggregates: one pass over
 * the users, no pass over the traces when the range is already cached.
 * @module
 */
import type { UsersSummary } from '../results';
import type { MsRange } from './time';
import { unattributedInRange, type TraceIndex } from './trace-index';
import { rangeEntry, type UsersCache } from './users-cache';

/** Users with at least one trace starting before `to` (rows of a user are in start order, so the first decides). */
function usersBefore(idx: TraceIndex, to: number): number {
  const { userStart, startMs } = idx;
  let n = 0;
  for (let u = 0; u < idx.users.length; u++) {
    const lo = userStart[u];
    if (lo < userStart[u + 1] && startMs[lo] < to) n++;
  }
  return n;
}

/** Users whose first trace ever starts in `[from, to)` (they are active in the range by definition). */
function newUsers(idx: TraceIndex, range: MsRange): number {
  const { userStart, startMs } = idx;
  let n = 0;
  for (let u = 0; u < idx.users.length; u++) {
    const lo = userStart[u];
    if (lo < userStart[u + 1] && startMs[lo] >= range.from && startMs[lo] < range.to) n++;
  }
  return n;
}

/**
 * Totals of `range` (half-open, epoch ms) as docs/metrics.md defines them: all-time users before `range.to`,
 * active users, new users, active users with an attention reason, traces, error rate and known cost (attributed
 * traces only), and the unattributed traces. With a `cache` (from
 * `createUsersCache` for this same `idx`) the range's aggregates are shared with `queryUsers`; the answer is the
 * same with or without it.
 */
export function summarizeUsers(idx: TraceIndex, range: MsRange, cache?: UsersCache): UsersSummary {
  if (cache && cache.idx !== idx) throw new Error('summarizeUsers: the cache belongs to another index');
  const { agg } = cache ? cache.entry(range) : rangeEntry(idx, range);
  let attention = 0;
  let cost = 0;
  for (let u = 0; u < agg.userCount; u++) {
    if (agg.traceCount[u] === 0) continue;
    if (agg.attention[u] !== 0) attention++;
    cost += agg.costUsd[u];
  }
  const { baseline } = agg;
  return {
    userCount: usersBefore(idx, range.to),
    activeUserCount: baseline.userCount,
    attentionUserCount: attention,
    traceCount: baseline.traceCount,
    errorRate: baseline.errorRate,
    costUsd: baseline.costTraceCount === 0 ? null : cost,
    newUserCount: newUsers(idx, range),
    unattributedTraceCount: unattributedInRange(idx, range.from, range.to),
  };
}
