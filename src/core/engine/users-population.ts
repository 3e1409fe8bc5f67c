/**
 * The population views of a range over the users list's per-range aggregates: the distribution of the active users
 * by one measure (`getUsersDistribution`) and their breakdown by a metadata key (`getUsersSegments`).
 * @module
 */
import { ProviderError } from '../errors';
import { findUserMetric, type UserMetricDef, type UserMetricValues } from '../metrics/user-metrics';
import type { MetadataValue, User } from '../model';
import type { DistributionMetric, UserSegment, UsersDistribution, UsersSegments } from '../results';
import { distributionOf } from './distribution';
import { rankSegments, segmentKey, segmentOf, segmentValue } from './segments';
import type { TraceIndex } from './trace-index';
import type { UserAggregates } from './users-aggregate';

/** The registry entries of the distribution measures that are `UserRow` metrics (all but `errorRate`). */
const ROW_MEASURES = {
  costUsd: findUserMetric('costUsd') as UserMetricDef,
  traceCount: findUserMetric('traceCount') as UserMetricDef,
  latencyP95Ms: findUserMetric('latencyP95Ms') as UserMetricDef,
} as const;

/** User `u`'s value of `metric` in `agg` (the `listUsers` row figure); `null` when unknown or without traces. */
export function userMetricValue(agg: UserAggregates, u: number, metric: DistributionMetric): number | null {
  const n = agg.traceCount[u] as number;
  if (n === 0) return null;
  if (metric === 'errorRate') return (agg.errorCount[u] as number) / n;
  const v = ROW_MEASURES[metric].fromAggregates(agg, u);
  return v === v ? v : null;
}

/** The same value from a `listUsers` row's metrics (`errorRate` = failed / all traces); `null` when unknown. */
export function rowMeasureValue(row: UserMetricValues, metric: DistributionMetric): number | null {
  if (metric === 'errorRate') return row.traceCount === 0 ? null : row.errorCount / row.traceCount;
  return row[metric];
}

/**
 * `getUsersDistribution` over `agg` (the aggregates of `idx` for the range): every active user's value of
 * `metric`, binned by `distributionOf`. With `userId`, the user's position.
 * @throws ProviderError `not-found` (field `userId`) for an unknown user.
 */
export function computeUsersDistribution(
  idx: TraceIndex,
  agg: UserAggregates,
  metric: DistributionMetric,
  binCount?: number,
  userId?: string,
): UsersDistribution {
  const values: (number | null)[] = [];
  for (let u = 0; u < agg.userCount; u++) if (agg.traceCount[u] !== 0) values.push(userMetricValue(agg, u, metric));
  if (userId === undefined) return distributionOf(metric, values, binCount);
  const u = idx.userPos.get(userId);
  if (u === undefined) throw new ProviderError('not-found', `Unknown user ${JSON.stringify(userId)}`, { field: 'userId' });
  return distributionOf(metric, values, binCount, { value: userMetricValue(agg, u, metric) });
}

/**
 * `getUsersSegments` over `agg` (the aggregates of `idx` for the range): the active users grouped by
 * `metadata[key]` (missing or `null` → the `null` segment), each segment's traces in range pooled, ranked and cut
 * at `limit`.
 */
export function computeUsersSegments(idx: TraceIndex, agg: UserAggregates, key: string, limit: number): UsersSegments {
  const groups = new Map<string, { value: MetadataValue; users: number[]; traceCount: number }>();
  for (let u = 0; u < agg.userCount; u++) {
    const n = agg.traceCount[u] as number;
    if (n === 0) continue;
    const value = segmentValue((idx.users[u] as User).metadata, key);
    const k = segmentKey(value);
    let group = groups.get(k);
    if (group === undefined) groups.set(k, (group = { value, users: [], traceCount: 0 }));
    group.users.push(u);
    group.traceCount += n;
  }
  const segments: UserSegment[] = [];
  for (const { value, users, traceCount } of groups.values()) {
    const latenciesMs = new Float64Array(traceCount);
    let k = 0;
    let errorCount = 0;
    let costUsd = 0;
    let costTraceCount = 0;
    for (const u of users) {
      errorCount += agg.errorCount[u] as number;
      costUsd += agg.costUsd[u] as number;
      costTraceCount += agg.costCount[u] as number;
      for (let r = agg.rowLo[u] as number; r < (agg.rowHi[u] as number); r++) latenciesMs[k++] = idx.latencyMs[r] as number;
    }
    segments.push(segmentOf(value, users.length, { latenciesMs, errorCount, costUsd, costTraceCount }));
  }
  return rankSegments(key, segments, limit);
}
