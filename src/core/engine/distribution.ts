/**
 * The population distribution's shared rules, so the memory provider, the SQL server and the hooks' fallback bin
 * alike: the measures that can be binned, the bin edges (`distributionEdges`), the bin of a value (`binIndex`) and
 * the whole answer from per-user values (`distributionOf`). The rule is in docs/metrics.md ("Distribution").
 * @module
 */
import type { DistributionBin, DistributionMetric, UsersDistribution } from '../results';
import { parseBinCount } from '../params';

/** Every {@link DistributionMetric}, in the order the UI offers them. */
export const DISTRIBUTION_METRICS: readonly DistributionMetric[] = ['costUsd', 'traceCount', 'errorRate', 'latencyP95Ms'];

/** Smallest bin width relative to the largest value, so edges stay distinct numbers. */
const MIN_RELATIVE_WIDTH = 1e-9;

/** Smallest bin width at all. */
const MIN_WIDTH = 1e-12;

/** Mantissas of the "nice" bin widths: 1, 2 and 5 times a power of ten. */
const NICE_MANTISSAS = [1, 2, 5] as const;

/** A nice width `mantissa × 10^exponent`, written so edges are computed from integers (exact decimals). */
interface NiceWidth {
  mantissa: number;
  exponent: number;
}

/** `n` widths from zero: `n × mantissa × 10^exponent`, dividing by an exact power of ten for negative exponents. */
function multiple(n: number, w: NiceWidth): number {
  return w.exponent >= 0 ? n * w.mantissa * 10 ** w.exponent : (n * w.mantissa) / 10 ** -w.exponent;
}

/** The width after `w` in the sequence …, 0.5, 1, 2, 5, 10, 20, …. */
function nextWidth(w: NiceWidth): NiceWidth {
  const i = NICE_MANTISSAS.indexOf(w.mantissa as 1 | 2 | 5);
  return i === NICE_MANTISSAS.length - 1 ? { mantissa: 1, exponent: w.exponent + 1 } : { mantissa: NICE_MANTISSAS[i + 1] as number, exponent: w.exponent };
}

/** The smallest nice width ≥ `raw` (> 0); at least 1 when `whole`. */
function niceWidth(raw: number, whole: boolean): NiceWidth {
  let w: NiceWidth = { mantissa: 1, exponent: whole ? 0 : Math.floor(Math.log10(raw)) - 1 };
  while (multiple(1, w) < raw) w = nextWidth(w);
  return w;
}

/**
 * The bin edges of a distribution whose known values span `[min, max]` (both ≥ 0): at most `binCount` (default 20,
 * 1..100) bins of one "nice" width — 1, 2 or 5 × 10^k, the smallest for which the bins from
 * `floor(min / width) × width` cover `max`, and at least `max × 10⁻⁹` and `10⁻¹²`; whole numbers (width ≥ 1) for
 * `traceCount`. Edges are
 * `k × width` for consecutive integers `k`, so every engine that calls this gets the same numbers. When
 * `min === max` there is one bin, `[min, max]`. Returns `bins + 1` ascending edges; bin `i` is
 * `[edges[i], edges[i + 1])`, the last one closed (see {@link binIndex}).
 * @throws ProviderError `invalid-data` (field `binCount`) for a bin count outside 1..100.
 */
export function distributionEdges(min: number, max: number, binCount: number | undefined, metric: DistributionMetric): number[] {
  const bins = parseBinCount(binCount);
  if (!(max > min)) return [min, max];
  const whole = metric === 'traceCount';
  let w = niceWidth(Math.max((max - min) / bins, max * MIN_RELATIVE_WIDTH, MIN_WIDTH), whole);
  for (;;) {
    const first = Math.floor(min / multiple(1, w));
    const count = Math.max(1, Math.ceil((max - multiple(first, w)) / multiple(1, w)));
    if (count <= bins) return Array.from({ length: count + 1 }, (_, i) => multiple(first + i, w));
    w = nextWidth(w);
  }
}

/**
 * The bin of `value` among `edges` (from {@link distributionEdges}): the last `i` with `edges[i] ≤ value`, so a
 * value on an inner edge goes to the bin it starts; the top edge belongs to the last bin, and a value outside the
 * edges goes to the nearest end bin. Binary search: the same answer as comparing with every edge.
 */
export function binIndex(edges: readonly number[], value: number): number {
  const last = edges.length - 2;
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((edges[mid] as number) <= value) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/**
 * The {@link UsersDistribution} of per-user `values` (one per active user; `null` = unknown, counted in
 * `unknownCount`, never binned). With `own` (the asked-for user's value, `null` when unknown or inactive), adds
 * `position`: its value and how many known values are strictly greater.
 */
export function distributionOf(
  metric: DistributionMetric,
  values: readonly (number | null)[],
  binCount: number | undefined,
  own?: { value: number | null },
): UsersDistribution {
  const known = values.filter((v): v is number => v !== null);
  const out: UsersDistribution = { metric, bins: [], userCount: known.length, unknownCount: values.length - known.length };
  if (known.length > 0) {
    let min = Infinity;
    let max = -Infinity;
    for (const v of known) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const edges = distributionEdges(min, max, binCount, metric);
    const bins: DistributionBin[] = edges.slice(1).map((to, i) => ({ from: edges[i] as number, to, userCount: 0 }));
    for (const v of known) (bins[binIndex(edges, v)] as DistributionBin).userCount++;
    out.bins = bins;
  }
  if (own !== undefined) {
    const value = own.value;
    out.position = value === null ? { value: null, aboveCount: null } : { value, aboveCount: known.filter((v) => v > value).length };
  }
  return out;
}
