/**
 * The `getUsersDistribution` fallback: the active users' `listUsers` rows binned by one per-user measure with core's
 * own rule (`distributionOf`: `distributionEdges`, `binIndex`), so the bins equal a provider's.
 * @module
 */
import { distributionOf } from '../core/engine/distribution';
import type { DistributionMetric, UserRow, UsersDistribution } from '../core/results';

/** The row's value of `metric` (`errorRate` = failed / all traces); `null` when unknown. */
export function rowMetricValue(row: UserRow, metric: DistributionMetric): number | null {
  switch (metric) {
    case 'costUsd':
      return row.costUsd;
    case 'traceCount':
      return row.traceCount;
    case 'errorRate':
      return row.traceCount === 0 ? null : row.errorCount / row.traceCount;
    case 'latencyP95Ms':
      return row.latencyP95Ms;
  }
}

/**
 * Bins users rows by `metric` as every engine does (unknown values counted apart, never as 0). With `userId`, the
 * user's value and how many users have a larger one (`null` both when the user is not among the rows or has no
 * known value).
 */
export function binUserRows(rows: readonly UserRow[], metric: DistributionMetric, binCount?: number, userId?: string): UsersDistribution {
  const values = rows.map((row) => rowMetricValue(row, metric));
  if (userId === undefined) return distributionOf(metric, values, binCount);
  const own = rows.find((row) => row.user.id === userId);
  return distributionOf(metric, values, binCount, { value: own ? rowMetricValue(own, metric) : null });
}
