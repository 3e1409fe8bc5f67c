/**
 * Contract tests of the optional `getUsersSummary`, for providers that implement it (skipped, passing, otherwise).
 * @module
 */
import type { Trace } from '../../core/model';
import type { UsersSummary } from '../../core/results';
import { usersSummarySchema } from '../../core/schema/results';
import { diffValues, shapeProblems } from './compare';
import type { ContractDataset } from './contract-dataset';
import { keyMetricsOf, ms, span, startsIn, type Span } from './reference';
import type { SuiteContext } from './suite-context';
import { groupBy } from './group-by';

/** True when a user's traces (already in range) trip the attention rule of docs/metrics.md against `population`. */
function needsAttention(traces: readonly Trace[], population: ReturnType<typeof keyMetricsOf>): boolean {
  const own = keyMetricsOf(traces);
  const n = own.traceCount;
  const baseRate = population.traceCount === 0 ? null : population.errorCount / population.traceCount;
  const rate = own.errorCount / n;
  const errors = n >= 5 && baseRate !== null && rate >= Math.max(2 * baseRate, baseRate + 0.1);
  const base95 = population.latencyP95Ms;
  const p95 = own.latencyP95Ms;
  const latency = n >= 5 && base95 !== null && p95 !== null && p95 >= 2 * base95 && p95 > base95;
  const costN = traces.filter((t) => t.costUsd !== undefined).length;
  const baseCost = population.costPerTraceUsd;
  const cost = own.costPerTraceUsd;
  const costly = costN >= 5 && baseCost !== null && cost !== null && cost >= 3 * baseCost && cost > baseCost;
  return errors || latency || costly;
}

/** The summary of `s` computed with plain loops over the dataset. */
function usersSummaryOf(dataset: ContractDataset, s: Span): UsersSummary {
  const inRange = dataset.traces.filter((t) => startsIn(t, s));
  const attributed = inRange.filter((t) => t.userId !== null);
  const population = keyMetricsOf(attributed);
  const byUser = groupBy(attributed, (t) => t.userId as string);
  const firstStart = new Map<string, number>();
  for (const t of dataset.traces) {
    if (t.userId !== null) firstStart.set(t.userId, Math.min(firstStart.get(t.userId) ?? Infinity, ms(t.startTime)));
  }
  const everSeen = [...firstStart.values()].filter((first) => first < s.to);
  const newUsers = [...firstStart.values()].filter((first) => first >= s.from && first < s.to);
  return {
    userCount: everSeen.length,
    activeUserCount: byUser.size,
    attentionUserCount: [...byUser.values()].filter((ts) => needsAttention(ts, population)).length,
    traceCount: population.traceCount,
    errorRate: population.traceCount === 0 ? null : population.errorCount / population.traceCount,
    costUsd: population.costUsd,
    newUserCount: newUsers.length,
    unattributedTraceCount: inRange.length - attributed.length,
  };
}

/** Registers the `getUsersSummary` tests. */
export function registerSummarySection(ctx: SuiteContext): void {
  ctx.test('getUsersSummary (optional): totals of every range match the reference and the users list', async () => {
    const p = await ctx.provider();
    const summarize = p.getUsersSummary?.bind(p);
    if (summarize === undefined) return [];
    const problems: string[] = [];
    for (const [name, range] of Object.entries(ctx.ranges) as [string, { from: string; to: string }][]) {
      const label = `getUsersSummary ${name}`;
      const summary = await summarize({ range });
      problems.push(...shapeProblems(usersSummarySchema, summary, label));
      diffValues(summary, usersSummaryOf(ctx.dataset, span(range)), label, problems);
      const listed = await p.listUsers({ range, pagination: { pageIndex: 0, pageSize: 1 } });
      if (listed.total !== summary.activeUserCount) {
        problems.push(`${label}: activeUserCount ${summary.activeUserCount}, listUsers total ${String(listed.total)}`);
      }
    }
    return problems;
  });
}
