/**
 * Key metrics of a row selection (a user, a cohort, a previous period) and the `getUserMetrics` answer.
 * @module
 */
import { ProviderError } from '../errors';
import type { Cohort, CohortMetrics, KeyMetrics, UserMetrics } from '../results';
import { cohortUserPositions, sliceRowCount, userSlices, type RowSlice } from './selection';
import { p50p95, rate } from './stats';
import { DAY_MS, previousRange, type MsRange } from './time';
import type { TraceIndex } from './trace-index';

/** The most frequent code (ties: alphabetically first value); `null` when `counts` is empty. */
function topValue(counts: ReadonlyMap<number, number>, values: readonly string[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [code, count] of counts) {
    const value = values[code];
    if (count > bestCount || (count === bestCount && best !== null && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Key metrics of the rows in `slices`: counts, distinct conversations and UTC days, success rate, the most frequent
 * error type among failed traces (ties alphabetical), latency mean/p50/p95 and known cost and token sums
 * (`null` when no row carries them).
 */
export function computeKeyMetrics(idx: TraceIndex, slices: readonly RowSlice[]): KeyMetrics {
  const n = sliceRowCount(slices);
  const latencies = new Float64Array(n);
  const days = new Set<number>();
  // Distinct conversation codes: a seen-flag per code when the rows are many next to the codes (a cohort), else a Set.
  const conversationSeen = n * 8 >= idx.conversation.values.length ? new Uint8Array(idx.conversation.values.length) : null;
  const conversations = new Set<number>();
  let conversationCount = 0;
  const errorTypes = new Map<number, number>();
  let k = 0;
  let errors = 0;
  let latencySum = 0;
  let cost = 0;
  let costN = 0;
  let inTok = 0;
  let inKnown = false;
  let outTok = 0;
  let outKnown = false;
  for (const { lo, hi } of slices) {
    for (let r = lo; r < hi; r++) {
      const lat = idx.latencyMs[r];
      latencies[k++] = lat;
      latencySum += lat;
      days.add(Math.floor(idx.startMs[r] / DAY_MS));
      const conv = idx.conversation.codes[r];
      if (conv >= 0) {
        if (conversationSeen === null) conversations.add(conv);
        else if (conversationSeen[conv] === 0) {
          conversationSeen[conv] = 1;
          conversationCount++;
        }
      }
      if (idx.isError[r]) {
        errors++;
        const type = idx.errorType.codes[r];
        if (type >= 0) errorTypes.set(type, (errorTypes.get(type) ?? 0) + 1);
      }
      const usd = idx.costUsd[r];
      if (usd === usd) {
        cost += usd;
        costN++;
      }
      const it = idx.inputTokens[r];
      if (it === it) {
        inTok += it;
        inKnown = true;
      }
      const ot = idx.outputTokens[r];
      if (ot === ot) {
        outTok += ot;
        outKnown = true;
      }
    }
  }
  const { p50, p95 } = p50p95(latencies);
  return {
    traceCount: n,
    conversationCount: conversationSeen === null ? conversations.size : conversationCount,
    activeDays: days.size,
    errorCount: errors,
    successRate: rate(n - errors, n),
    topErrorType: topValue(errorTypes, idx.errorType.values),
    latencyAvgMs: n === 0 ? null : latencySum / n,
    latencyP50Ms: p50,
    latencyP95Ms: p95,
    costUsd: costN === 0 ? null : cost,
    costPerTraceUsd: costN === 0 ? null : cost / costN,
    inputTokens: inKnown ? inTok : null,
    outputTokens: outKnown ? outTok : null,
  };
}

/** Distinct UTC days per slice, summed: each slice is one user's rows in start order, so days only move forward. */
function userDaysOf(idx: TraceIndex, slices: readonly RowSlice[]): number {
  let total = 0;
  for (const { lo, hi } of slices) {
    let last = Number.NaN;
    for (let r = lo; r < hi; r++) {
      const day = Math.floor(idx.startMs[r] / DAY_MS);
      if (day !== last) {
        total++;
        last = day;
      }
    }
  }
  return total;
}

/** Key metrics of a group of users' slices (one slice per active user), with the user count and active days per user. */
export function computeGroupMetrics(idx: TraceIndex, slices: readonly RowSlice[]): CohortMetrics {
  return {
    ...computeKeyMetrics(idx, slices),
    userCount: slices.length,
    activeDaysPerUser: slices.length === 0 ? null : userDaysOf(idx, slices) / slices.length,
  };
}

/**
 * `getUserMetrics`: the user's key metrics in `range`, in the previous period of equal length, and, when `cohort` is
 * given, the key metrics of every trace in `range` of the users whose `metadata[key] === value` (the user included
 * when they match) with `userCount` = cohort members with at least one trace in range. With `population`, the same
 * figures over every attributed trace in `range` (`userCount` = active users): the population baseline.
 * Unknown user → `ProviderError('not-found')` with `field: 'userId'`.
 */
export function computeUserMetrics(idx: TraceIndex, userId: string, range: MsRange, cohort?: Cohort, population = false): UserMetrics {
  const u = idx.userPos.get(userId);
  if (u === undefined) throw new ProviderError('not-found', `Unknown user "${userId}"`, { field: 'userId' });
  const out: UserMetrics = {
    current: computeKeyMetrics(idx, userSlices(idx, [u], range)),
    previous: computeKeyMetrics(idx, userSlices(idx, [u], previousRange(range))),
  };
  if (cohort) {
    const slices = userSlices(idx, cohortUserPositions(idx, cohort.key, cohort.value), range);
    out.cohort = computeGroupMetrics(idx, slices);
  }
  if (population) {
    const slices = userSlices(idx, idx.users.keys(), range);
    out.population = computeGroupMetrics(idx, slices);
  }
  return out;
}
