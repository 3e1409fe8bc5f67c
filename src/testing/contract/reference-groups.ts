/**
 * Plain-loop reference of the per-user figures of a group (cohort or population): the mean of the members' own
 * active days.
 * @module
 */
import type { Trace } from '../../core/model';
import { ms } from './reference';

const DAY = 86_400_000;

/** Mean over the groups of traces (one per active user) of their distinct UTC days; `null` without any. */
export function meanActiveDays(perUser: readonly (readonly Trace[])[]): number | null {
  if (perUser.length === 0) return null;
  let days = 0;
  for (const traces of perUser) days += new Set(traces.map((t) => Math.floor(ms(t.startTime) / DAY))).size;
  return days / perUser.length;
}
