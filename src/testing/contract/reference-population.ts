/**
 * Plain-loop references of the population views, shared by the contract suite and the engine's own tests
 * (`test/core`): the distribution of per-user values and the order of segments. Independent of the engine's
 * binning (`binIndex`, `distributionOf`); only the edges come from core's `distributionEdges`, which defines them.
 * @module
 */
import type { MetadataValue } from '../../core/model';
import type { DistributionMetric, UserSegment, UsersDistribution } from '../../core/results';
import { distributionEdges } from '../../core/engine/distribution';

/**
 * The distribution of one value per active user (`null` = unknown, counted apart) with plain loops: every known
 * value compared with every bin, the first bin open below and the last one closed. With `own` (the asked user's
 * value, `null` when unknown or without traces), the position: the value and how many known values are larger.
 */
export function plainDistribution(
  metric: DistributionMetric,
  values: readonly (number | null)[],
  binCount: number,
  own?: { value: number | null },
): UsersDistribution {
  const known = values.filter((v): v is number => v !== null);
  const out: UsersDistribution = { metric, bins: [], userCount: known.length, unknownCount: values.length - known.length };
  if (known.length > 0) {
    const edges = distributionEdges(Math.min(...known), Math.max(...known), binCount, metric);
    const last = edges.length - 2;
    out.bins = edges.slice(1).map((to, i) => ({
      from: edges[i] as number,
      to,
      userCount: known.filter((v) => (i === 0 || v >= (edges[i] as number)) && (i === last || v < to)).length,
    }));
  }
  if (own !== undefined) {
    const { value } = own;
    out.position = value === null ? { value: null, aboveCount: null } : { value, aboveCount: known.filter((v) => v > value).length };
  }
  return out;
}

/** Order of segments: most traces, then `String(value)` in code-unit order, then boolean < number < string < null. */
export function plainSegmentOrder(a: UserSegment, b: UserSegment): number {
  const rank = (v: MetadataValue): number => ['boolean', 'number', 'string', 'object'].indexOf(typeof v);
  if (a.traceCount !== b.traceCount) return b.traceCount - a.traceCount;
  const ta = String(a.value);
  const tb = String(b.value);
  return ta < tb ? -1 : ta > tb ? 1 : rank(a.value) - rank(b.value);
}
