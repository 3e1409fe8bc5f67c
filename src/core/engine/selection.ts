/**
 * Row selections over a {@link TraceIndex}: a list of contiguous `[lo, hi)` slices. A user's traces in a range are
 * one slice; a cohort is one slice per member. Every aggregate takes slices, so the same code serves a user, a
 * cohort and a previous period.
 * @module
 */
import type { MsRange } from './time';
import { userRowsInRange, type TraceIndex } from './trace-index';

/** Rows `[lo, hi)` of a TraceIndex. */
export interface RowSlice {
  /** First row (inclusive). */
  lo: number;
  /** Last row (exclusive). */
  hi: number;
}

/** Slices of the given users' traces whose start lies in `range`; empty slices are left out. */
export function userSlices(idx: TraceIndex, userPositions: Iterable<number>, range: MsRange): RowSlice[] {
  const out: RowSlice[] = [];
  for (const u of userPositions) {
    const s = userRowsInRange(idx, u, range.from, range.to);
    if (s.hi > s.lo) out.push(s);
  }
  return out;
}

/** Number of rows covered by `slices`. */
export function sliceRowCount(slices: readonly RowSlice[]): number {
  let n = 0;
  for (const s of slices) n += s.hi - s.lo;
  return n;
}

/** Positions of the users whose `metadata[key] === value` (strict equality). */
export function cohortUserPositions(idx: TraceIndex, key: string, value: unknown): number[] {
  const out: number[] = [];
  idx.users.forEach((user, u) => {
    if (Object.prototype.hasOwnProperty.call(user.metadata, key) && user.metadata[key] === value) out.push(u);
  });
  return out;
}
