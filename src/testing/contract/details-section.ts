/**
 * Contract tests of the user-detail questions: `getUserMetrics`, `getUserTrends`, `getModelUsage`, `getFeedback`.
 * @module
 */
import type { Cohort, FeedbackOverview } from '../../core/results';
import type { Granularity, TimeRange, Trace, User } from '../../core/model';
import { feedbackOverviewSchema, modelUsageSchema, userMetricsSchema, userTrendsSchema } from '../../core/schema/results';
import { compareNatural, diffValues, orderProblems, shapeProblems } from './compare';
import {
  defaultGranularity,
  feedbackOverviewOf,
  keyMetricsOf,
  modelMixOf,
  modelStatsOf,
  ms,
  previousSpan,
  span,
  startsIn,
  type Span,
  trendOf,
} from './reference';
import { changesOf } from './reference-changes';
import { meanActiveDays } from './reference-groups';
import { contractAttributionRange } from './contract-dataset';
import type { SuiteContext } from './suite-context';

/** A count record as `[key, count]` pairs sorted by key, so extra or missing keys show up in a diff. */
function entries(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort(([a], [b]) => compareNatural(a, b));
}

/** The series queries: each named range with its default granularity, plus explicit ones on the unaligned range. */
function seriesCases(ctx: SuiteContext): { label: string; range: TimeRange; granularity?: Granularity }[] {
  const { main, day, long, unaligned } = ctx.ranges;
  return [
    { label: 'main', range: main },
    { label: 'day', range: day },
    { label: 'long', range: long },
    { label: 'unaligned hour', range: unaligned, granularity: 'hour' },
    { label: 'unaligned day', range: unaligned, granularity: 'day' },
    { label: 'unaligned week', range: unaligned, granularity: 'week' },
  ];
}

/** Every cohort of the dataset on its first metadata key (including `null` values), plus one matching nobody. */
function cohorts(users: readonly User[]): Cohort[] {
  const key = [...new Set(users.flatMap((u) => Object.keys(u.metadata)))].sort()[0];
  if (key === undefined) return [];
  const values = new Set(users.filter((u) => Object.prototype.hasOwnProperty.call(u.metadata, key)).map((u) => u.metadata[key]));
  return [...[...values].map((value) => ({ key, value: value ?? null })), { key, value: 'no-user-has-this-value' }];
}

/**
 * Traces in `s` of the users whose `metadata[key] === value`, how many of them have one, and the mean of their own
 * active days (distinct UTC days with a trace in `s`; `null` without such users).
 */
function cohortTraces(ctx: SuiteContext, cohort: Cohort, s: Span): { traces: Trace[]; userCount: number; activeDaysPerUser: number | null } {
  const members = ctx.dataset.users.filter((u) => Object.prototype.hasOwnProperty.call(u.metadata, cohort.key) && u.metadata[cohort.key] === cohort.value);
  const active = members.map((u) => ctx.tracesOf(u.id).filter((t) => startsIn(t, s))).filter((ts) => ts.length > 0);
  return { traces: active.flat(), userCount: active.length, activeDaysPerUser: meanActiveDays(active) };
}

/** Registers the detail tests. */
export function registerDetailsSection(ctx: SuiteContext): void {
  const { dataset, ranges } = ctx;

  ctx.test('getUserMetrics: current range and the previous period of equal length, for every user', async () => {
    const p = await ctx.provider();
    const problems: string[] = [];
    for (const [name, range] of Object.entries(ranges) as [string, TimeRange][]) {
      const s = span(range);
      for (const user of dataset.users) {
        const label = `getUserMetrics(${user.id}, ${name})`;
        const got = await p.getUserMetrics({ userId: user.id, range });
        problems.push(...shapeProblems(userMetricsSchema, got, label));
        const traces = ctx.tracesOf(user.id);
        diffValues(got.current, keyMetricsOf(traces.filter((t) => startsIn(t, s))), `${label}.current`, problems);
        diffValues(got.previous, keyMetricsOf(traces.filter((t) => startsIn(t, previousSpan(s)))), `${label}.previous`, problems);
        if (got.cohort !== undefined) problems.push(`${label}: cohort returned although none was asked for`);
      }
    }
    return problems;
  });

  ctx.test('getUserMetrics: cohort = every trace in range of the users whose metadata[key] === value (when capabilities.cohorts)', async () => {
    const p = await ctx.provider();
    if (!p.capabilities.cohorts) return [];
    const problems: string[] = [];
    const s = span(ranges.main);
    const subject = ctx.activeUsers(s)[0];
    if (subject === undefined) return ['the dataset has no user with traces in the main range'];
    for (const cohort of cohorts(dataset.users)) {
      const label = `cohort ${JSON.stringify(cohort)}`;
      const { traces, userCount, activeDaysPerUser } = cohortTraces(ctx, cohort, s);
      const got = await p.getUserMetrics({ userId: subject.id, range: ranges.main, compare: { cohort } });
      problems.push(...shapeProblems(userMetricsSchema, got, label));
      if (got.cohort === undefined) problems.push(`${label}: no cohort in the answer`);
      else diffValues(got.cohort, { ...keyMetricsOf(traces), userCount, activeDaysPerUser }, label, problems);
    }
    return problems;
  });

  ctx.test('getUserTrends: default granularity from the range length; buckets cover the range; numbers per bucket', async () => {
    const p = await ctx.provider();
    const problems: string[] = [];
    for (const c of seriesCases(ctx)) {
      const s = span(c.range);
      const granularity = c.granularity ?? defaultGranularity(s);
      for (const user of dataset.users) {
        const label = `getUserTrends(${user.id}, ${c.label})`;
        const got = await p.getUserTrends({ userId: user.id, range: c.range, ...(c.granularity ? { granularity: c.granularity } : {}) });
        problems.push(...shapeProblems(userTrendsSchema, got, label));
        diffValues(got, { granularity, buckets: trendOf(ctx.tracesOf(user.id), s, granularity) }, label, problems);
        if (got.cohort !== undefined) problems.push(`${label}: cohort returned although none was asked for`);
      }
    }
    return problems;
  });

  ctx.test('getUserTrends: an answered cohort = the trends of every trace in range of the users whose metadata[key] === value', async () => {
    const p = await ctx.provider();
    if (!p.capabilities.cohorts) return [];
    const problems: string[] = [];
    const subject = ctx.activeUsers(span(ranges.main))[0];
    if (subject === undefined) return ['the dataset has no user with traces in the main range'];
    const cases = seriesCases(ctx).filter((c) => c.label === 'main' || c.granularity !== undefined);
    for (const cohort of cohorts(dataset.users)) {
      for (const c of cases) {
        const s = span(c.range);
        const granularity = c.granularity ?? defaultGranularity(s);
        const label = `getUserTrends(${subject.id}, ${c.label}, cohort ${JSON.stringify(cohort)})`;
        const got = await p.getUserTrends({ userId: subject.id, range: c.range, granularity, compare: { cohort } });
        problems.push(...shapeProblems(userTrendsSchema, got, label));
        diffValues(got.buckets, trendOf(ctx.tracesOf(subject.id), s, granularity), `${label}.buckets`, problems);
        if (got.cohort === undefined) continue; // Optional: a provider may leave the cohort's trends out.
        const { traces, userCount } = cohortTraces(ctx, cohort, s);
        diffValues(got.cohort, { userCount, buckets: trendOf(traces, s, granularity) }, `${label}.cohort`, problems);
      }
    }
    return problems;
  });

  ctx.test('getModelUsage: models with counts, shares and metrics; model mix per bucket; changes and their windows (when capabilities.modelUsage)', async () => {
    const p = await ctx.provider();
    if (!p.capabilities.modelUsage) return [];
    const problems: string[] = [];
    for (const c of seriesCases(ctx)) {
      const s = span(c.range);
      const granularity = c.granularity ?? defaultGranularity(s);
      for (const user of dataset.users) {
        const label = `getModelUsage(${user.id}, ${c.label})`;
        const got = await p.getModelUsage({ userId: user.id, range: c.range, ...(c.granularity ? { granularity: c.granularity } : {}) });
        problems.push(...shapeProblems(modelUsageSchema, got, label));
        if (problems.length > 0) return problems;
        const byModel = (a: { model: string }, b: { model: string }) => compareNatural(a.model, b.model);
        problems.push(...orderProblems(`${label}.models (most used first)`, got.models.map((m) => m.traceCount), true, compareNatural));
        diffValues([...got.models].sort(byModel), modelStatsOf(ctx.tracesOf(user.id), s).sort(byModel), `${label}.models`, problems);
        const mix = got.mix.map((b) => ({ t: b.t, counts: entries(b.counts).filter(([, n]) => n !== 0) }));
        const wantMix = modelMixOf(ctx.tracesOf(user.id), s, granularity).map((b) => ({ t: b.t, counts: entries(b.counts) }));
        diffValues({ granularity: got.granularity, mix }, { granularity, mix: wantMix }, label, problems);
        const inRange = ctx.tracesOf(user.id).filter((t) => startsIn(t, s));
        const seen = { 'model-switch': new Set(inRange.map((t) => t.model)), release: new Set(inRange.map((t) => t.release)) };
        problems.push(...orderProblems(`${label}.changes (time order)`, got.changes.map((e) => ms(e.at)), false, compareNatural));
        for (const e of got.changes) {
          if (!(ms(e.at) >= s.from && ms(e.at) < s.to)) problems.push(`${label}: change at ${e.at} outside the range`);
          if (!seen[e.kind].has(e.to)) problems.push(`${label}: ${e.kind} to ${JSON.stringify(e.to)}, which no trace in range has`);
          if (e.regression !== e.regressedOn.length > 0) problems.push(`${label}: regression must be true exactly when regressedOn is not empty`);
        }
        // Same switches at every granularity, windows bounded by the neighbouring changes, groups said so.
        diffValues(got.changes, changesOf(ctx.tracesOf(user.id), s), `${label}.changes`, problems);
      }
    }
    return problems;
  });

  ctx.test('getModelUsage: the crafted change-attribution cases at every granularity — a regression blamed on its own change, no switch in an even model mix (when capabilities.modelUsage)', async () => {
    const p = await ctx.provider();
    const has = (id: string) => dataset.users.some((u) => u.id === id);
    if (!p.capabilities.modelUsage || !has('u-attribution') || !has('u-alternating')) return [];
    const problems: string[] = [];
    const range = contractAttributionRange;
    for (const granularity of ['hour', 'day', 'week'] as const) {
      const attributed = await p.getModelUsage({ userId: 'u-attribution', range, granularity });
      diffValues(
        attributed.changes.map((c) => ({ kind: c.kind, to: c.to, regressedOn: c.regressedOn, overlapsWith: c.overlapsWith ?? null })),
        [
          { kind: 'release', to: '1.9.0', regressedOn: [], overlapsWith: null },
          { kind: 'model-switch', to: 'gpt-4.1-2025-04-14', regressedOn: ['latencyP95Ms', 'costPerTraceUsd'], overlapsWith: null },
        ],
        `getModelUsage(u-attribution, ${granularity}).changes`,
        problems,
      );
      const alternating = await p.getModelUsage({ userId: 'u-alternating', range, granularity });
      const switches = alternating.changes.filter((c) => c.kind === 'model-switch');
      if (switches.length > 0) problems.push(`getModelUsage(u-alternating, ${granularity}): ${switches.length} phantom model switch(es) in an even mix`);
    }
    return problems;
  });

  ctx.test('getFeedback: summary, trend, histogram, keys and comment momentum (when capabilities.feedback)', async () => {
    const p = await ctx.provider();
    if (!p.capabilities.feedback) return [];
    const problems: string[] = [];
    for (const c of seriesCases(ctx)) {
      const s = span(c.range);
      const granularity = c.granularity ?? defaultGranularity(s);
      for (const user of dataset.users) {
        const label = `getFeedback(${user.id}, ${c.label})`;
        const got = await p.getFeedback({ userId: user.id, range: c.range, ...(c.granularity ? { granularity: c.granularity } : {}) });
        problems.push(...shapeProblems(feedbackOverviewSchema, got, label));
        if (problems.length > 0) return problems;
        problems.push(...orderProblems(`${label}.topKeys (most first)`, got.topKeys.map((k) => k.count), true, compareNatural));
        const want = feedbackOverviewOf(ctx.tracesOf(user.id), ctx.feedbackOf(user.id), dataset.feedback, s, granularity);
        const withEntries = (keys: FeedbackOverview['topKeys']) =>
          [...keys].sort((a, b) => compareNatural(a.key, b.key)).map((k) => ({ ...k, categories: entries(k.categories) }));
        diffValues({ ...got, topKeys: withEntries(got.topKeys) }, { ...want, topKeys: withEntries(want.topKeys) }, label, problems);
      }
    }
    return problems;
  });
}
