/**
 * How many of a range's traces carry a user id, for the totals strip and the "why is this empty?" notice.
 * @module
 */
import type { UsersOverviewTotals } from './users-overview';

/** Below this share of traces with a user id, the page explains how to attach one. */
export const LOW_ATTRIBUTED_SHARE = 0.5;

/**
 * Traces with a user id / all traces of the range (`traceCount / (traceCount + unattributedTraceCount)`); `null`
 * when either count is unknown or the range has no trace.
 */
export function attributedShare(summary: Pick<UsersOverviewTotals, 'traceCount' | 'unattributedTraceCount'>): number | null {
  const { traceCount, unattributedTraceCount } = summary;
  if (traceCount === null || unattributedTraceCount === null) return null;
  const all = traceCount + unattributedTraceCount;
  return all === 0 ? null : traceCount / all;
}

/** True when the range has traces and fewer than {@link LOW_ATTRIBUTED_SHARE} of them carry a user id. */
export function isLowAttribution(summary: Pick<UsersOverviewTotals, 'traceCount' | 'unattributedTraceCount'>): boolean {
  const share = attributedShare(summary);
  return share !== null && share < LOW_ATTRIBUTED_SHARE;
}
