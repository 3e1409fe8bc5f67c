/**
 * The `getUsersDistribution` fallback: the active users' `listUsers` rows binned by one per-user measure with core's
 * own rule (`distributionOf`: `distributionEdges`, `binIndex`), so the bins equal a provider's.
 * @module
 */
import { distributionOf } from '../core/engine/distribution';
import { rowMeasureValue } from '../core/engine/users-population';
import type { DistributionMetric, UserRow, UsersDistribution } from '../core/results';

/**
 * Bins users rows by `metric` as every engine does (unknown values counted apart, never as 0). With `userId`, the
 * user's value and how many users have a larger one (`null` both when the user is not among the rows or has no
 * known value).
 */
export function binUserRows(rows: readonly UserRow[], metric: DistributionMetric, binCount?: number, userId?: string): UsersDistribution {
  const values = rows.map((row) => rowMeasureValue(row, metric));
  if (userId === undefined) return distributionOf(metric, values, binCount);
  const own = rows.find((row) => row.user.id === userId);
  return distributionOf(metric, values, binCount, { value: own ? rowMeasureValue(own, metric) : null });
}
