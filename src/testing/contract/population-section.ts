/**
 * Contract tests of the population views: `getUserMetrics`' `compare.population`, and the optional
 * `getUsersDistribution` and `getUsersSegments` (skipped, passing, when the provider lacks them). Every expected
 * answer is computed here with plain loops over the dataset; only the bin edges come from core's shared rule.
 * @module
 */
import type { MetadataValue, Trace, User } from '../../core/model';
import type { CohortMetrics, DistributionMetric, UserSegment, UsersDistribution, UsersSegments } from '../../core/results';
import { userMetricsSchema, usersDistributionSchema, usersSegmentsSchema } from '../../core/schema/results';
import { DISTRIBUTION_METRICS } from '../../core/engine/distribution';
import { diffValues, shapeProblems } from './compare';
import { keyMetricsOf, span, startsIn, type Span } from './reference';
import { meanActiveDays } from './reference-groups';
import { plainDistribution, plainSegmentOrder } from './reference-population';
import type { SuiteContext } from './suite-context';
import { groupBy } from './group-by';

/** Every attributed trace in `s`, aggregated like a cohort, with the number of users they belong to. */
function populationOf(traces: readonly Trace[], s: Span): CohortMetrics {
  const inRange = traces.filter((t) => t.userId !== null && startsIn(t, s));
  const perUser = groupBy(inRange, (t) => t.userId);
  return { ...keyMetricsOf(inRange), userCount: perUser.size, activeDaysPerUser: meanActiveDays([...perUser.values()]) };
}

/** A user's value of `metric` over their traces in range; `null` when unknown. */
function valueOf(traces: readonly Trace[], metric: DistributionMetric): number | null {
  const m = keyMetricsOf(traces);
  if (metric === 'traceCount') return m.traceCount;
  if (metric === 'errorRate') return m.errorCount / m.traceCount;
  return m[metric];
}

/** The distribution with plain loops over each active user's traces in range ({@link plainDistribution}). */
function distributionOf(ctx: SuiteContext, s: Span, metric: DistributionMetric, binCount: number, userId: string): UsersDistribution {
  const values = ctx.activeUsers(s).map((u) => valueOf(ctx.tracesOf(u.id).filter((t) => startsIn(t, s)), metric));
  const own = ctx.tracesOf(userId).filter((t) => startsIn(t, s));
  return plainDistribution(metric, values, binCount, { value: own.length === 0 ? null : valueOf(own, metric) });
}

/** Segments with plain loops: active users grouped by `metadata[key]` (missing → `null`), traces pooled. */
function segmentsOf(ctx: SuiteContext, s: Span, key: string, limit: number): UsersSegments {
  const groups: { value: MetadataValue; users: User[] }[] = [];
  for (const user of ctx.activeUsers(s)) {
    const value = Object.prototype.hasOwnProperty.call(user.metadata, key) ? (user.metadata[key] as MetadataValue) : null;
    const group = groups.find((g) => g.value === value);
    if (group) group.users.push(user);
    else groups.push({ value, users: [user] });
  }
  const segments = groups.map(({ value, users }): UserSegment => {
    const m = keyMetricsOf(users.flatMap((u) => ctx.tracesOf(u.id).filter((t) => startsIn(t, s))));
    const { traceCount, latencyP50Ms, latencyP95Ms, costUsd, costPerTraceUsd } = m;
    return { value, userCount: users.length, traceCount, errorRate: m.errorCount / traceCount, latencyP50Ms, latencyP95Ms, costUsd, costPerTraceUsd };
  });
  segments.sort(plainSegmentOrder);
  return { key, segments: segments.slice(0, limit), omittedCount: Math.max(0, segments.length - limit) };
}

/** Registers the population tests. */
export function registerPopulationSection(ctx: SuiteContext): void {
  ctx.test('getUserMetrics compare.population: every attributed trace in range, like a cohort', async () => {
    const p = await ctx.provider();
    const problems: string[] = [];
    for (const userId of ['u01', 'u-single', 'u-idle']) {
      for (const [name, range] of Object.entries(ctx.ranges) as [string, { from: string; to: string }][]) {
        const label = `getUserMetrics ${userId} ${name} population`;
        const metrics = await p.getUserMetrics({ userId, range, compare: { population: true } });
        problems.push(...shapeProblems(userMetricsSchema, metrics, label));
        diffValues(metrics.population, populationOf(ctx.dataset.traces, span(range)), label, problems);
      }
    }
    return problems;
  });

  ctx.test('getUsersDistribution (optional): bins, unknown users and a user position match plain loops', async () => {
    const p = await ctx.provider();
    const distribute = p.getUsersDistribution?.bind(p);
    if (distribute === undefined) return [];
    const problems: string[] = [];
    for (const metric of DISTRIBUTION_METRICS) {
      for (const [name, range] of Object.entries(ctx.ranges) as [string, { from: string; to: string }][]) {
        for (const [binCount, userId] of [[20, 'u01'], [3, 'u-nocost'], [1, 'u-idle']] as const) {
          const label = `getUsersDistribution ${metric} ${name} ${binCount} bins ${userId}`;
          const answer = await distribute({ range, metric, binCount, userId });
          problems.push(...shapeProblems(usersDistributionSchema, answer, label));
          diffValues(answer, distributionOf(ctx, span(range), metric, binCount, userId), label, problems);
        }
      }
    }
    return problems;
  });

  ctx.test('getUsersSegments (optional): segments by metadata key, ordered and limited, match plain loops', async () => {
    const p = await ctx.provider();
    const segment = p.getUsersSegments?.bind(p);
    if (segment === undefined) return [];
    const problems: string[] = [];
    for (const key of ['plan', 'region', 'tier', 'beta', 'absent']) {
      for (const [name, range] of Object.entries(ctx.ranges) as [string, { from: string; to: string }][]) {
        for (const limit of [100, 2]) {
          const label = `getUsersSegments ${key} ${name} limit ${limit}`;
          const answer = await segment({ range, key, limit });
          problems.push(...shapeProblems(usersSegmentsSchema, answer, label));
          diffValues(answer, segmentsOf(ctx, span(range), key, limit), label, problems);
        }
      }
    }
    return problems;
  });
}
