/**
 * The differential check: every DataProvider method of the SQL provider against the memory provider on the same
 * random dataset (fast-check), compared with the contract suite's `diffValues` (numbers to ~9 significant digits,
 * timestamps as instants). Cursor lists are compared as the concatenation of all their pages.
 */
import fc from 'fast-check';
import { createMemoryProvider } from 'userscope/adapters/memory';
import { binRange, toIso, type DataProvider, type DistributionMetric, type MsRange, type Page, type TimeRange } from 'userscope/core';
import { arbCohort, arbDatasetWithRange, arbGranularity } from '../../test/core/arbitraries';
import { arbUsersParams } from '../../test/core/arbitraries-users';
import { diffValues } from '../../src/testing/contract/compare';
import { createSqlProvider, ingest, type Database } from '../src/index';
import { DATA_TABLES } from '../src/schema/tables';
import { afterAll, beforeAll, it } from 'vitest';
import type { EngineCase } from './engines';

/** Empties every data table (cheaper than a new database per run, and chdb allows one per process). */
export async function truncateAll(db: Database): Promise<void> {
  for (const t of DATA_TABLES) await db.exec(`TRUNCATE TABLE ${t.name}`);
}

const iso = (r: MsRange): TimeRange => ({ from: toIso(r.from), to: toIso(r.to) });

async function allPages<T>(fetch: (cursor: string | null) => Promise<Page<T>>): Promise<T[] | string> {
  const rows: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 200; i++) {
    const page: Page<T> = await fetch(cursor);
    rows.push(...page.rows);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  return 'still paging after 200 pages';
}

/** Settles a call to a comparable value: its result, or its error's code and field. */
async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await call() };
  } catch (error) {
    const e = error as { code?: string; field?: string; message?: string };
    if (process.env.DEBUG_DIFF) console.log(error);
    return { error: { code: e.code ?? String(error), field: e.field ?? null } };
  }
}

/** The property: for one dataset and query set, both providers answer every method alike. */
export function differentialProperty(db: Database) {
  return fc.asyncProperty(
    arbDatasetWithRange({ maxUsers: 5, maxTraces: 40, maxFeedback: 20 }),
    arbUsersParams,
    arbCohort,
    fc.option(arbGranularity, { nil: undefined }),
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.record({ id: fc.constantFrom('costUsd', 'name', 'model', 'latencyMs', 'status', 'inputTokens', 'startTime'), desc: fc.boolean() }), {
      maxLength: 3,
    }),
    fc.record({
      metric: fc.constantFrom<DistributionMetric>('costUsd', 'traceCount', 'errorRate', 'latencyP95Ms'),
      binCount: fc.integer({ min: 1, max: 8 }),
      key: fc.constantFrom('plan', 'tier', 'region', 'beta', 'none'),
    }),
    fc.array(fc.boolean(), { maxLength: 40 }),
    async ({ data: generated, range: ms }, usersParams, cohort, granularity, limit, traceSorting, population, unattributed) => {
      // Some traces lose their user id (unattributed: in no user's figures, only in the summary's count).
      const traces = generated.traces.map((t, i) => (unattributed[i] ? { ...t, userId: null } : t));
      // The memory provider refuses feedback on a trace it does not hold, or on an unattributed one; the server keeps
      // feedback whose trace is missing (the trace may come later).
      const traceIds = new Set(traces.filter((t) => t.userId !== null).map((t) => t.id));
      const data = { ...generated, traces, feedback: generated.feedback.filter((f) => traceIds.has(f.traceId)) };
      await truncateAll(db);
      const report = await ingest(db, data);
      if (report.skippedCount > 0) throw new Error(`ingest skipped: ${JSON.stringify(report.skipped)}`);
      const sql: DataProvider = createSqlProvider(db, { baselineTtlMs: 0 });
      const mem: DataProvider = createMemoryProvider(data);
      const range = iso(ms);
      const userId = data.traces[0]?.userId ?? data.users[0]?.id ?? 'nobody';
      const compare = { cohort, population: true };
      const { sparkGranularity: _ignored, ...listParams } = usersParams;
      const calls: Record<string, (p: DataProvider) => Promise<unknown>> = {
        listUsers: (p) => p.listUsers({ range, ...listParams }),
        listUsersByAttention: (p) =>
          p.listUsers({ range, sorting: [{ id: 'attention', desc: limit % 2 === 0 }], pagination: { pageIndex: 0, pageSize: 1000 } }),
        // Each bin's filter lists the bin's users: the totals equal the counts, the same users on both engines.
        listUsersByBin: async (p) => {
          const { bins } = await p.getUsersDistribution!({ range, metric: population.metric, binCount: population.binCount });
          const pages = await Promise.all(
            bins.map((_, i) => p.listUsers({ range, filters: [{ id: population.metric, value: binRange(bins, i) }], sorting: [{ id: 'user', desc: false }], pagination: { pageIndex: 0, pageSize: 1000 } })),
          );
          return bins.map((bin, i) => ({ userCount: bin.userCount, total: pages[i]?.total, ids: pages[i]?.rows.map((r) => r.user.id) }));
        },
        getUsersSummary: (p) => p.getUsersSummary!({ range }),
        getUsersDistribution: (p) => p.getUsersDistribution!({ range, metric: population.metric, binCount: population.binCount, userId }),
        getUsersSegments: (p) => p.getUsersSegments!({ range, key: population.key, limit }),
        getUser: (p) => p.getUser({ userId }),
        getUserMetrics: (p) => p.getUserMetrics({ userId, range, compare }),
        getUserTrends: (p) => p.getUserTrends({ userId, range, granularity, compare }),
        getModelUsage: (p) => p.getModelUsage({ userId, range, granularity }),
        getFeedback: (p) => p.getFeedback({ userId, range, granularity }),
        listFeedbackComments: (p) => allPages((cursor) => p.listFeedbackComments({ userId, range, cursor, limit })),
        listConversations: (p) =>
          allPages((cursor) => p.listConversations({ userId, range, cursor, limit, sorting: [{ id: 'errorCount', desc: true }] })),
        listTraces: (p) => allPages((cursor) => p.listTraces({ userId, range, cursor, limit, sorting: traceSorting })),
        listTracesOfConversation: (p) => allPages((cursor) => p.listTraces({ userId, range, cursor, limit, conversationId: '(none)' })),
      };
      const problems: string[] = [];
      for (const [name, call] of Object.entries(calls)) {
        const [got, want] = [await outcome(() => call(sql)), await outcome(() => call(mem))];
        diffValues(got, want, name, problems);
      }
      const byBin = (await outcome(() => calls.listUsersByBin!(sql))) as { ok?: { userCount: number; total?: number }[] };
      for (const [i, b] of (byBin.ok ?? []).entries()) if (b.total !== b.userCount) problems.push(`listUsersByBin ${i}: userCount ${b.userCount}, total ${b.total}`);
      if (problems.length > 0) throw new Error(problems.slice(0, 15).join('\n'));
    },
  );
}

/** Registers the differential test on `engine` with `runs` runs (`RUNS` overrides, and then stops at the first failure). */
export function registerDifferential(engine: EngineCase, runs: number): void {
  let db: Database;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(() => db.close());
  it(`${engine.name}: every method equals the memory provider on random datasets`, async () => {
    const override = process.env.RUNS;
    await fc.assert(differentialProperty(db), { numRuns: Number(override ?? runs), endOnFailure: override !== undefined });
  }, 300_000);
}
