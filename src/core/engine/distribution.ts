/**
 * The population distribution's shared rules: which per-user measures can be binned, and (below) the bin edges every
 * engine uses, so the memory provider, the SQL server and the hooks' fallback bin alike.
 * @module
 */
import type { DistributionMetric } from '../results';

/** Every {@link DistributionMetric}, in the order the UI offers them. */
export const DISTRIBUTION_METRICS: readonly DistributionMetric[] = ['costUsd', 'traceCount', 'errorRate', 'latencyP95Ms'];
