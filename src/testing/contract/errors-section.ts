/**
 * Contract tests of failures: aborted signals and invalid params reject with the documented `ProviderError`.
 * @module
 */
import type { DataProvider } from '../../core/contract';
import type { Granularity, TimeRange } from '../../core/model';
import { rejectionProblems } from './compare';
import type { SuiteContext } from './suite-context';

/** One call of every method (the optional ones the provider has) with `extra` params merged in. */
function everyMethod(p: DataProvider, userId: string, range: TimeRange, extra: object): [string, () => Promise<unknown>][] {
  const base = { userId, range, ...extra };
  const summarize = p.getUsersSummary?.bind(p);
  const distribute = p.getUsersDistribution?.bind(p);
  const segment = p.getUsersSegments?.bind(p);
  const calls: [string, () => Promise<unknown>][] = [
    ['listUsers', () => p.listUsers({ range, ...extra })],
    ['getUser', () => p.getUser({ userId, ...extra })],
    ['getUserMetrics', () => p.getUserMetrics(base)],
    ['getUserTrends', () => p.getUserTrends(base)],
    ['getModelUsage', () => p.getModelUsage(base)],
    ['getFeedback', () => p.getFeedback(base)],
    ['listFeedbackComments', () => p.listFeedbackComments(base)],
    ['listConversations', () => p.listConversations(base)],
    ['listTraces', () => p.listTraces(base)],
  ];
  if (summarize) calls.push(['getUsersSummary', () => summarize({ range, ...extra })]);
  if (distribute) calls.push(['getUsersDistribution', () => distribute({ range, metric: 'costUsd', ...extra })]);
  if (segment) calls.push(['getUsersSegments', () => segment({ range, key: 'plan', ...extra })]);
  return calls;
}

/** Methods the provider declares it answers (capability-gated ones left out when off). */
function supported(p: DataProvider, calls: [string, () => Promise<unknown>][]): [string, () => Promise<unknown>][] {
  const off = new Set<string>();
  if (!p.capabilities.feedback) off.add('getFeedback').add('listFeedbackComments');
  if (!p.capabilities.modelUsage) off.add('getModelUsage');
  if (!p.capabilities.conversations) off.add('listConversations');
  return calls.filter(([name]) => !off.has(name));
}

/** Registers the failure tests. */
export function registerErrorsSection(ctx: SuiteContext): void {
  const { ranges } = ctx;
  const userId = (): string => ctx.activeUsers({ from: Date.parse(ranges.main.from), to: Date.parse(ranges.main.to) })[0]?.id ?? 'none';

  ctx.test('an aborted signal rejects every method with ProviderError "aborted"', async () => {
    const p = await ctx.provider();
    const controller = new AbortController();
    controller.abort();
    const problems: string[] = [];
    for (const [name, call] of supported(p, everyMethod(p, userId(), ranges.main, { signal: controller.signal }))) {
      problems.push(...(await rejectionProblems(name, call, 'aborted')));
    }
    return problems;
  });

  ctx.test('a bad range (from ≥ to, empty, unparsable) rejects with "invalid-data" naming range', async () => {
    const p = await ctx.provider();
    const problems: string[] = [];
    const { from, to } = ranges.main;
    const bad: TimeRange[] = [{ from: to, to: from }, { from, to: from }, { from: 'last tuesday', to }, { from, to: '' }];
    for (const range of bad) {
      for (const [name, call] of supported(p, everyMethod(p, userId(), range, {}))) {
        if (name === 'getUser') continue;
        problems.push(...(await rejectionProblems(`${name} range ${JSON.stringify(range)}`, call, 'invalid-data', 'range')));
      }
    }
    return problems;
  });

  ctx.test('unknown sort or filter ids, bad pages, limits, cursors and granularities reject with "invalid-data" naming the param', async () => {
    const p = await ctx.provider();
    const problems: string[] = [];
    const u = userId();
    const range = ranges.main;
    const cases: [string, () => Promise<unknown>, string][] = [
      ['listUsers sorting', () => p.listUsers({ range, sorting: [{ id: 'no-such-column', desc: false }] }), 'sorting'],
      ['listUsers filters', () => p.listUsers({ range, filters: [{ id: 'no-such-filter', value: 'x' }] }), 'filters'],
      ['listUsers pageSize 0', () => p.listUsers({ range, pagination: { pageIndex: 0, pageSize: 0 } }), 'pagination'],
      ['listUsers pageIndex -1', () => p.listUsers({ range, pagination: { pageIndex: -1, pageSize: 10 } }), 'pagination'],
      ['listTraces sorting', () => p.listTraces({ userId: u, range, sorting: [{ id: 'no-such-column', desc: true }] }), 'sorting'],
      ['listTraces filters', () => p.listTraces({ userId: u, range, filters: [{ id: 'no-such-filter', value: 'x' }] }), 'filters'],
      ['listTraces limit 0', () => p.listTraces({ userId: u, range, limit: 0 }), 'limit'],
      ['listTraces limit -5', () => p.listTraces({ userId: u, range, limit: -5 }), 'limit'],
      ['listTraces cursor', () => p.listTraces({ userId: u, range, cursor: 'not a cursor' }), 'cursor'],
      ['getUserTrends granularity', () => p.getUserTrends({ userId: u, range, granularity: 'month' as Granularity }), 'granularity'],
    ];
    if (p.capabilities.conversations) {
      cases.push(
        ['listConversations sorting', () => p.listConversations({ userId: u, range, sorting: [{ id: 'no-such-column', desc: true }] }), 'sorting'],
        ['listConversations limit 0', () => p.listConversations({ userId: u, range, limit: 0 }), 'limit'],
        ['listConversations cursor', () => p.listConversations({ userId: u, range, cursor: '%%%' }), 'cursor'],
      );
    }
    if (p.capabilities.feedback) {
      cases.push(
        ['listFeedbackComments limit 0', () => p.listFeedbackComments({ userId: u, range, limit: 0 }), 'limit'],
        ['listFeedbackComments cursor', () => p.listFeedbackComments({ userId: u, range, cursor: 'not a cursor' }), 'cursor'],
        ['getFeedback granularity', () => p.getFeedback({ userId: u, range, granularity: 'year' as Granularity }), 'granularity'],
      );
    }
    const distribute = p.getUsersDistribution?.bind(p);
    if (distribute) {
      cases.push(
        ['getUsersDistribution metric', () => distribute({ range, metric: 'median' as 'costUsd' }), 'metric'],
        ['getUsersDistribution binCount 0', () => distribute({ range, metric: 'costUsd', binCount: 0 }), 'binCount'],
        ['getUsersDistribution binCount 101', () => distribute({ range, metric: 'costUsd', binCount: 101 }), 'binCount'],
      );
    }
    const segment = p.getUsersSegments?.bind(p);
    if (segment) {
      cases.push(
        ['getUsersSegments key', () => segment({ range, key: '' }), 'key'],
        ['getUsersSegments limit 0', () => segment({ range, key: 'plan', limit: 0 }), 'limit'],
        ['getUsersSegments limit 101', () => segment({ range, key: 'plan', limit: 101 }), 'limit'],
      );
    }
    if (p.capabilities.modelUsage) {
      cases.push(['getModelUsage granularity', () => p.getModelUsage({ userId: u, range, granularity: 'minute' as Granularity }), 'granularity']);
    }
    for (const [label, call, field] of cases) problems.push(...(await rejectionProblems(label, call, 'invalid-data', field)));
    return problems;
  });
}
