import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import type { DataProvider } from '../../src/core/contract';
import { ProviderError } from '../../src/core/errors';
import { contractDataset, contractRanges } from '../../src/testing/contract/contract-dataset';
import { runProviderContractTests } from '../../src/testing/contract/run-provider-contract-tests';

runProviderContractTests(() => createMemoryProvider(contractDataset), { describe, it, name: 'createMemoryProvider: DataProvider contract' });

runProviderContractTests(() => createMemoryProvider({ ...contractDataset, latencyMs: 1, validate: false }), {
  describe,
  it,
  name: 'createMemoryProvider with latency: DataProvider contract',
});

/** The suite's tests by name, registered with a collecting `it` instead of vitest's. */
function collectSuite(makeProvider: () => DataProvider): Map<string, () => Promise<void>> {
  const tests = new Map<string, () => Promise<void>>();
  runProviderContractTests(makeProvider, { describe: (_name, body) => body(), it: (name, body) => tests.set(name, body) });
  return tests;
}

/** Runs the one suite test whose name starts with `prefix`; returns its error message, or null when it passed. */
async function outcome(broken: DataProvider, prefix: string): Promise<string | null> {
  const entry = [...collectSuite(() => broken)].find(([name]) => name.startsWith(prefix));
  if (!entry) throw new Error(`no suite test starts with ${prefix}`);
  try {
    await entry[1]();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const good = (): DataProvider => createMemoryProvider({ ...contractDataset, validate: false });

describe('the contract suite catches broken providers', () => {
  it('registers with globals when no describe/it is given, and says so when there are none', () => {
    expect(() => runProviderContractTests(good)).toThrow(/pass \{ describe, it \}/);
  });

  it('a user row with a wrong cost', async () => {
    const p = good();
    const broken = { ...p, listUsers: async (q: Parameters<DataProvider['listUsers']>[0]) => {
      const page = await p.listUsers(q);
      return { ...page, rows: page.rows.map((r) => ({ ...r, costUsd: r.costUsd === null ? null : r.costUsd * 1.001 })) };
    } };
    expect(await outcome(broken, 'listUsers: lists exactly')).toMatch(/costUsd: expected .*, got/);
  });

  it('a trace page that drops a row', async () => {
    const p = good();
    const broken = { ...p, listTraces: async (q: Parameters<DataProvider['listTraces']>[0]) => {
      const page = await p.listTraces(q);
      return page.nextCursor ? { ...page, rows: page.rows.slice(1) } : page;
    } };
    expect(await outcome(broken, 'listTraces: every trace')).toMatch(/missing/);
  });

  it('sorting in the wrong direction, unknown values first', async () => {
    const p = good();
    const flip = (s: { id: string; desc: boolean }[] | undefined) => s?.map((x) => ({ ...x, desc: !x.desc }));
    const broken = { ...p, listTraces: (q: Parameters<DataProvider['listTraces']>[0]) => p.listTraces({ ...q, sorting: flip(q.sorting) }) };
    expect(await outcome(broken, 'listTraces: sorts')).toMatch(/before/);
  });

  it('a previous period that is not the previous period', async () => {
    const p = good();
    const broken = { ...p, getUserMetrics: async (q: Parameters<DataProvider['getUserMetrics']>[0]) => {
      const m = await p.getUserMetrics(q);
      return { ...m, previous: m.current };
    } };
    expect(await outcome(broken, 'getUserMetrics: current range')).toMatch(/\.previous\./);
  });

  it("a cohort's trends over the user's traces only, or answered unasked", async () => {
    const p = good();
    const own = { ...p, getUserTrends: async (q: Parameters<DataProvider['getUserTrends']>[0]) => {
      const t = await p.getUserTrends(q);
      return t.cohort ? { ...t, cohort: { userCount: 1, buckets: t.buckets } } : t;
    } };
    expect(await outcome(own, 'getUserTrends: an answered cohort')).toMatch(/\.cohort\./);
    const unasked = { ...p, getUserTrends: (q: Parameters<DataProvider['getUserTrends']>[0]) => p.getUserTrends({ ...q, compare: { cohort: { key: 'plan', value: 'pro' } } }) };
    expect(await outcome(unasked, 'getUserTrends: default granularity')).toMatch(/cohort returned although none was asked for/);
    expect(await outcome(good(), 'getUserTrends: an answered cohort')).toBeNull();
  });

  it('trend buckets that miss the last bucket', async () => {
    const p = good();
    const broken = { ...p, getUserTrends: async (q: Parameters<DataProvider['getUserTrends']>[0]) => {
      const t = await p.getUserTrends(q);
      return { ...t, buckets: t.buckets.slice(0, -1) };
    } };
    expect(await outcome(broken, 'getUserTrends')).toMatch(/buckets: expected \d+ items/);
  });

  it('an unknown user that resolves, an ignored abort, a bad range that resolves', async () => {
    const p = good();
    const broken = {
      ...p,
      getUser: (q: Parameters<DataProvider['getUser']>[0]) => p.getUser(q).catch(() => ({ id: q.userId, metadata: {} })),
      listTraces: (q: Parameters<DataProvider['listTraces']>[0]) => p.listTraces({ ...q, signal: undefined }),
      getUserTrends: (q: Parameters<DataProvider['getUserTrends']>[0]) =>
        p.getUserTrends({ ...q, range: Date.parse(q.range.from) < Date.parse(q.range.to) ? q.range : contractRanges.main }),
    };
    expect(await outcome(broken, 'getUser:')).toMatch(/not-found/);
    expect(await outcome(broken, 'an aborted signal')).toMatch(/listTraces: expected a ProviderError "aborted", but it resolved/);
    expect(await outcome(broken, 'a bad range')).toMatch(/getUserTrends range/);
  });

  it('an error without the field it is about', async () => {
    const p = good();
    const broken = { ...p, listTraces: (q: Parameters<DataProvider['listTraces']>[0]) =>
      p.listTraces(q).catch((e: ProviderError) => Promise.reject(new ProviderError(e.code, e.message))) };
    expect(await outcome(broken, 'unknown sort or filter ids')).toMatch(/listTraces sorting: expected field "sorting…"/);
  });

  it('wrong feedback coverage, unless the provider declares no feedback', async () => {
    const p = good();
    const getFeedback = async (q: Parameters<DataProvider['getFeedback']>[0]) => {
      const f = await p.getFeedback(q);
      return { ...f, summary: { ...f.summary, tracesWithFeedback: f.summary.tracesWithFeedback + 1 } };
    };
    expect(await outcome({ ...p, getFeedback }, 'getFeedback')).toMatch(/summary\.tracesWithFeedback/);
    const off = { ...p, capabilities: { ...p.capabilities, feedback: false }, getFeedback };
    expect(await outcome(off, 'getFeedback')).toBeNull();
  });

  it('a users summary with wrong totals, and no check when the provider leaves the method out', async () => {
    const p = good();
    type SummaryParams = Parameters<NonNullable<DataProvider['getUsersSummary']>>[0];
    const summarize = async (q: SummaryParams) => {
      const s = await p.getUsersSummary!(q);
      return { ...s, attentionUserCount: s.attentionUserCount + 1 };
    };
    expect(await outcome({ ...p, getUsersSummary: summarize }, 'getUsersSummary')).toMatch(/\.attentionUserCount: expected/);
    const allUsers = async (q: SummaryParams) => ({ ...(await p.getUsersSummary!(q)), userCount: contractDataset.users.length });
    expect(await outcome({ ...p, getUsersSummary: allUsers }, 'getUsersSummary')).toMatch(/\.userCount: expected/);
    const { getUsersSummary: _left, ...without } = p;
    expect(await outcome(without, 'getUsersSummary')).toBeNull();
  });

  it('a conversation with a wrong duration', async () => {
    const p = good();
    const broken = { ...p, listConversations: async (q: Parameters<DataProvider['listConversations']>[0]) => {
      const page = await p.listConversations(q);
      return { ...page, rows: page.rows.map((c) => ({ ...c, durationMs: c.durationMs + 1 })) };
    } };
    expect(await outcome(broken, 'listConversations: every conversation')).toMatch(/durationMs/);
  });
});
