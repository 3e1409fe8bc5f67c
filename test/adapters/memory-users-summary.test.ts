import { describe, expect, it } from 'vitest';
import { createDemoDataset, DEMO_DEFAULT_NOW } from '../../src/adapters/demo/create-demo-dataset';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import type { TimeRange } from '../../src/core/model';
import { MAX_RANGE_MS } from '../../src/core/limits';
import type { UserRow } from '../../src/core/results';
import { contractDataset, contractRanges } from '../../src/testing/contract/contract-dataset';

const provider = () => createMemoryProvider({ ...contractDataset, validate: false });

/** The totals a users page derives from every row of `listUsers` (the fallback without `getUsersSummary`). */
function rowTotals(rows: readonly UserRow[]) {
  const traceCount = rows.reduce((n, r) => n + r.traceCount, 0);
  const errors = rows.reduce((n, r) => n + r.errorCount, 0);
  const costs = rows.map((r) => r.costUsd).filter((c): c is number => c !== null);
  return {
    traceCount,
    errorRate: traceCount === 0 ? null : errors / traceCount,
    costUsd: costs.length === 0 ? null : costs.reduce((a, b) => a + b, 0),
  };
}

describe('createMemoryProvider getUsersSummary', () => {
  it('gives the totals the listUsers fallback computes, for every contract range', async () => {
    const p = provider();
    for (const range of Object.values(contractRanges)) {
      const summary = await p.getUsersSummary!({ range });
      const all = await p.listUsers({ range, pagination: { pageIndex: 0, pageSize: 1000 } });
      const allTime = await p.listUsers({ range: { from: new Date(Date.parse(range.to) - MAX_RANGE_MS).toISOString(), to: range.to }, pagination: { pageIndex: 0, pageSize: 1 } });
      const attention = await p.listUsers({ range, filters: [{ id: 'attention', value: true }], pagination: { pageIndex: 0, pageSize: 1 } });
      const totals = rowTotals(all.rows);
      expect(summary).toMatchObject({
        userCount: allTime.total,
        activeUserCount: all.total,
        attentionUserCount: attention.total,
        traceCount: totals.traceCount,
        errorRate: totals.errorRate,
      });
      if (totals.costUsd === null) expect(summary.costUsd).toBeNull();
      else expect(summary.costUsd).toBeCloseTo(totals.costUsd, 9);
    }
  });

  it('rejects a bad range naming it, and an aborted signal with aborted', async () => {
    const p = provider();
    const { from, to } = contractRanges.main;
    await expect(p.getUsersSummary!({ range: { from: to, to: from } })).rejects.toMatchObject({ code: 'invalid-data', field: 'range' });
    await expect(p.getUsersSummary!({ range: { from: 'soon', to } })).rejects.toMatchObject({ code: 'invalid-data', field: 'range.from' });
    await expect(p.getUsersSummary!({ range: undefined as unknown as TimeRange })).rejects.toMatchObject({ field: 'range' });
    const controller = new AbortController();
    controller.abort();
    await expect(p.getUsersSummary!({ range: contractRanges.main, signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
    const slow = createMemoryProvider({ ...contractDataset, validate: false, latencyMs: 50 });
    const later = new AbortController();
    const pending = slow.getUsersSummary!({ range: contractRanges.main, signal: later.signal });
    later.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
  });

  it('totals 100k users exactly, past the 20,000 users the listUsers fallback scans', async () => {
    const demo = createDemoDataset({ users: 100_000, days: 7, tracesPerUser: 3 });
    const p = createMemoryProvider({ ...demo, validate: false });
    const range = { from: new Date(Date.parse(DEMO_DEFAULT_NOW) - 7 * 86_400_000).toISOString(), to: DEMO_DEFAULT_NOW };
    const page = await p.listUsers({ range });
    const summary = await p.getUsersSummary!({ range });
    expect(summary.activeUserCount).toBe(page.total);
    expect(summary.activeUserCount).toBeGreaterThan(20_000);
    expect(summary.traceCount).toBeGreaterThan(0);
    expect(summary.costUsd).not.toBeNull();
  }, 60_000);
});
