import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromLangfuseExport } from '../../src/adapters/langfuse/from-langfuse-export';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';

// 20 real Langfuse UI exports (langfuse/langfuse worker/src/__tests__/chatml/framework-traces, MIT; see the folder's
// README). Expected figures computed from the files by Langfuse's own definitions: per trace, input tokens = every
// usageDetails key containing "input" over every observation, output likewise, total = usageDetails.total (else the
// sum of the keys), cost = costDetails.total over every observation. Two files (pydantic-ai, pydantic-ai-tools of
// 2025-06-06) hold the same trace 25f4bdee…: kept once. 14 traces carry no userId.
//   user_123    3 traces (autogen, llamaindex, pydantic-ai): input 85, output 180, total 265, cost 0.001904999999
//   g.aprozeanu 1 trace  (csharp-agent-with-gemini):       input 8047, output 414, total 8461, cost 0.0034491
//   demo-user   1 trace  (google-adk):                      input 67, output 9, total 76, cost 0.0000103; 2 EVAL scores
//   no user     14 traces: input 11325, output 5339 (GENERATION "output" keys only: 5095, 4.6 % less), total 17837,
//               cost 0.017254849996; 22 EVAL scores
const DIR = resolve(__dirname, 'fixtures/langfuse-framework-traces');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.trace.json')).sort().map((f) => readFileSync(resolve(DIR, f), 'utf8'));
const range = { from: '2024-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };

describe('fromLangfuseExport on 20 real framework exports: Langfuse’s own per-user figures', () => {
  it('keeps 14 traces without a user unattributed and reports what it leaves out: their 22 scores and the repeated trace', () => {
    const { report, traces, users } = fromLangfuseExport(FILES);
    expect(FILES).toHaveLength(20);
    expect(traces).toHaveLength(19);
    expect(traces.filter((t) => t.userId === null)).toHaveLength(14);
    expect(report).toMatchObject({ traceCount: 19, unattributedTraceCount: 14, userCount: users.length });
    expect(report.skipped.filter((i) => i.reason.startsWith('the same trace'))).toEqual([{ kind: 'trace', traceId: '25f4bdeebaab60e6e1bee7e8469554bc', path: '[15]', reason: 'the same trace appears more than once; the first is kept' }]);
    // The 22 EVAL scores on the 14 unattributed traces have no user to be feedback of: each is counted as skipped.
    expect(report.skippedCounts).toEqual({ document: 0, span: 0, trace: 1, observation: 0, score: 22 });
    expect(report.skipped.filter((i) => i.kind === 'score')).toHaveLength(22);
  });

  it('gives each user’s tokens and cost as Langfuse counts them', async () => {
    const provider = createMemoryProvider(fromLangfuseExport(FILES));
    const { rows } = await provider.listUsers({ range, sorting: [{ id: 'user', desc: false }] });
    expect(rows.map((r) => [r.user.id, r.traceCount, r.inputTokens, r.outputTokens])).toEqual([
      ['demo-user', 1, 67, 9],
      ['g.aprozeanu', 1, 8047, 414],
      ['user_123', 3, 85, 180],
    ]);
    expect(rows.map((r) => r.costUsd)).toEqual([expect.closeTo(0.0000103, 12), expect.closeTo(0.0034491, 12), expect.closeTo(0.001904999999, 12)]);
    const traces = await provider.listTraces({ userId: 'user_123', range });
    expect(traces.rows.map((t) => t.totalTokens).reduce((a, b) => a! + b!, 0)).toBe(265);
  });

  it('keeps unattributed traces under defaultUserId, with Langfuse’s totals (cached, reasoning, audio tokens included)', async () => {
    const { traces } = fromLangfuseExport(FILES, { defaultUserId: 'anonymous' });
    const mine = traces.filter((t) => t.userId === 'anonymous');
    expect(mine).toHaveLength(14);
    const sum = (k: 'inputTokens' | 'outputTokens' | 'totalTokens' | 'costUsd') => mine.reduce((s, t) => s + (t[k] ?? 0), 0);
    expect([sum('inputTokens'), sum('outputTokens'), sum('totalTokens')]).toEqual([11325, 5339, 17837]);
    expect(sum('costUsd')).toBeCloseTo(0.017254849996, 12);
  });

  it('keeps automated EVAL scores as eval feedback, which never counts as user feedback', async () => {
    const dataset = fromLangfuseExport(FILES, { defaultUserId: 'anonymous' });
    expect(dataset.feedback).toHaveLength(24);
    expect(dataset.feedback.every((f) => f.source === 'eval')).toBe(true);
    const provider = createMemoryProvider(dataset);
    const overview = await provider.getFeedback({ userId: 'demo-user', range });
    expect(overview.summary.count).toBe(0);
    const { rows } = await provider.listUsers({ range });
    expect(rows.every((r) => r.feedbackAvgScore === null)).toBe(true);
  });
});
