import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromLangfuseExport } from '../../src/adapters/langfuse/from-langfuse-export';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { isProviderError } from '../../src/core/errors';
import { failure } from '../provider-errors';
import { readFixture } from '../fixtures-path';

const AUTOGEN = readFixture('langfuse/autogen-2025-06-06.trace.json');
const LLAMAINDEX = readFixture('langfuse/llamaindex-2025-06-05.trace.json');

// Figures read off the two files (langfuse/langfuse worker/src/__tests__/chatml/framework-traces):
// autogen    trace 1b72c51f…, user_123, session_abc, 2025-06-06T11:31:33.965Z, latency 0.645 s → 645 ms; a SPAN
//            wrapper (totalCost 0, no usage) around one GENERATION gpt-4o: usage input 41 / output 3, cost 0.000025.
// llamaindex trace 12ea4129…, user_123, session_abc, 2025-06-05T15:45:52.971Z, latency 2.779 s → 2 779 ms; a SPAN
//            wrapper around one GENERATION gpt-4o: input 13 / output 81, costDetails.total 0.000842499999.
// user_123: 2 traces, 1 conversation, 54 input / 84 output tokens, 0.000867499999 USD, no errors, no scores;
//           p50 latency (645 + 2779) / 2 = 1712 ms, p95 645 + 0.95 × (2779 − 645) = 2672.3 ms; gpt-4o on both.

describe('fromLangfuseExport on the two Langfuse UI exports', () => {
  it('maps each trace: seconds to ms, GENERATION usage and cost only, session, previews, tags', () => {
    const { traces, users, feedback, report } = fromLangfuseExport([AUTOGEN, JSON.parse(LLAMAINDEX)]);
    expect(traces).toEqual([
      {
        id: '12ea412956f99347b0503c1144acd0ec',
        userId: 'user_123',
        conversationId: 'session_abc',
        name: 'llama-index-trace',
        startTime: '2025-06-05T15:45:52.971Z',
        endTime: '2025-06-05T15:45:55.750Z',
        latencyMs: 2779,
        status: 'ok',
        model: 'gpt-4o',
        inputTokens: 13,
        outputTokens: 81,
        totalTokens: 94,
        costUsd: 0.000842499999,
        inputPreview: 'What is Langfuse?',
        outputPreview: expect.stringMatching(/^Langfuse is a tool designed to help developers .* smooth and effective\.$/),
        tags: ['llama-index', 'rag'],
      },
      {
        id: '1b72c51fabed12ae7df83bfd4a09f545',
        userId: 'user_123',
        conversationId: 'session_abc',
        name: 'autogen-chat-trace',
        startTime: '2025-06-06T11:31:33.965Z',
        endTime: '2025-06-06T11:31:34.610Z',
        latencyMs: 645,
        status: 'ok',
        model: 'gpt-4o',
        inputTokens: 41,
        outputTokens: 3,
        totalTokens: 44,
        costUsd: 0.000025,
        inputPreview: "Say 'Hello World!'",
        outputPreview: 'Hello World!',
        tags: ['autogen', 'dev'],
      },
    ]);
    expect(users).toEqual([{ id: 'user_123', metadata: {}, firstSeen: '2025-06-05T15:45:52.971Z', lastSeen: '2025-06-06T11:31:33.965Z' }]);
    expect(feedback).toEqual([]);
    expect(report).toEqual({ traceCount: 2, unattributedTraceCount: 0, userCount: 1, feedbackCount: 0, skipped: [], skippedCounts: { document: 0, span: 0, trace: 0, observation: 0, score: 0 }, flagged: [] });
  });

  it('gives the per-user figures computed by hand through the memory provider', async () => {
    const provider = createMemoryProvider(fromLangfuseExport([AUTOGEN, LLAMAINDEX]));
    const range = { from: '2025-06-01T00:00:00Z', to: '2025-06-08T00:00:00Z' };
    const { rows, total } = await provider.listUsers({ range });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ traceCount: 2, conversationCount: 1, errorCount: 0, successRate: 1, inputTokens: 54, outputTokens: 84, latencyP50Ms: 1712 });
    expect(rows[0]!.latencyP95Ms).toBeCloseTo(2672.3, 9);
    expect(rows[0]!.costUsd).toBeCloseTo(0.000867499999, 15);
    const models = await provider.getModelUsage({ userId: 'user_123', range });
    expect(models.models.map((m) => [m.model, m.traceCount, m.share])).toEqual([['gpt-4o', 2, 1]]);
    const conversations = await provider.listConversations({ userId: 'user_123', range });
    expect(conversations.rows.map((c) => [c.id, c.traceCount])).toEqual([['session_abc', 2]]);
  });

  it('keeps a trace repeated across files once', () => {
    const { traces, report } = fromLangfuseExport([AUTOGEN, AUTOGEN]);
    expect(traces).toHaveLength(1);
    expect(report.skipped).toEqual([{ kind: 'trace', traceId: '1b72c51fabed12ae7df83bfd4a09f545', path: '[1]', reason: 'the same trace appears more than once; the first is kept' }]);
  });
});

/** A Langfuse observation with the fields the export carries. */
const obs = (o: Record<string, unknown>) => ({ traceId: 't1', startTime: '2025-06-01T10:00:00.000Z', endTime: '2025-06-01T10:00:01.000Z', level: 'DEFAULT', usageDetails: {}, costDetails: {}, totalCost: 0, ...o });

describe('fromLangfuseExport rules', () => {
  const trace = {
    id: 't1',
    timestamp: '2025-06-01T10:00:00.000Z',
    name: 'agent-run',
    userId: 'u1',
    sessionId: null,
    release: 'v2',
    tags: [],
    input: { messages: [{ role: 'user', content: 'hi' }] },
    output: null,
    latency: 4.2,
    scores: [
      { id: 's1', traceId: 't1', name: 'helpfulness', dataType: 'NUMERIC', value: 4, timestamp: '2025-06-01T10:05:00.000Z', comment: 'good' },
      { id: 's2', traceId: 't1', name: 'thumbs', dataType: 'BOOLEAN', value: 0, stringValue: 'False', timestamp: '2025-06-01T10:06:00+02:00', comment: null },
      { id: 's3', traceId: 't1', name: 'category', dataType: 'CATEGORICAL', value: 0, stringValue: 'too-slow', timestamp: '2025-06-01T10:07:00.000Z' },
      { id: 's4', traceId: 't1', name: 'note', dataType: 'TEXT', stringValue: 'free text', timestamp: '2025-06-01T10:08:00.000Z' },
    ],
  };
  const observations = [
    obs({ id: 'span', type: 'SPAN', usageDetails: { input: 999 }, costDetails: { total: 9 } }),
    obs({ id: 'agent', type: 'AGENT', parentObservationId: 'span', usageDetails: { input: 999 }, costDetails: { total: 9 } }),
    obs({ id: 'g-outer', type: 'GENERATION', parentObservationId: 'agent', model: 'gpt-4o', usageDetails: { input: 100, output: 20, total: 120 }, costDetails: { input: 0.001, output: 0.002 } }),
    obs({ id: 'g-inner', type: 'GENERATION', parentObservationId: 'g-outer', startTime: '2025-06-01T10:00:00.500Z', model: 'gpt-4o-mini', usageDetails: { input: 10, output: 5 }, costDetails: {}, calculatedTotalCost: 0.0001 }),
    obs({ id: 'tool', type: 'TOOL', level: 'ERROR', statusMessage: 'RateLimitError: 429 Too Many Requests\nretry later' }),
  ];

  it('counts usage and cost of every observation type, as Langfuse does; ERROR level fails the trace; scores become feedback', () => {
    const { traces, feedback, report } = fromLangfuseExport({ trace, observations });
    // Langfuse stores each observation's own usage, and its trace totals sum every observation (span and agent
    // included): input 999 + 999 + 100 + 10 = 2108, output 20 + 5 = 25, total 999 + 999 + 120 + (10 + 5) = 2133,
    // cost 9 + 9 + (0.001 + 0.002) + 0.0001 = 18.0031.
    expect(traces[0]).toMatchObject({ latencyMs: 4200, status: 'error', errorType: 'RateLimitError', model: 'gpt-4o', inputTokens: 2108, outputTokens: 25, totalTokens: 2133, release: 'v2', inputPreview: 'hi' });
    expect(traces[0]!.costUsd).toBeCloseTo(18.0031, 12);
    expect(feedback).toEqual([
      { id: 's1', traceId: 't1', userId: 'u1', key: 'helpfulness', value: 4, comment: 'good', createdAt: '2025-06-01T10:05:00.000Z', source: 'user' },
      { id: 's2', traceId: 't1', userId: 'u1', key: 'thumbs', value: false, createdAt: '2025-06-01T08:06:00.000Z', source: 'user' },
      { id: 's3', traceId: 't1', userId: 'u1', key: 'category', value: 'too-slow', createdAt: '2025-06-01T10:07:00.000Z', source: 'user' },
    ]);
    expect(report.skipped).toEqual([{ kind: 'score', traceId: 't1', itemId: 's4', reason: 'TEXT score without a usable value' }]);
    expect(report.flagged).toEqual([{ traceId: 't1', field: 'model', reason: 'observations used 2 models (gpt-4o, gpt-4o-mini); the trace shows the first' }]);
  });

  it('derives a missing latency from the observations, keeps traces without a user unattributed unless defaultUserId', () => {
    const noLatency = fromLangfuseExport({ trace: { ...trace, latency: null, scores: [] }, observations });
    expect(noLatency.traces[0]!.latencyMs).toBe(1000);
    expect(noLatency.report.flagged[0]).toEqual({ traceId: 't1', field: 'latency', reason: 'no trace latency; computed from the observations' });
    const anonymous = { trace: { ...trace, userId: null, scores: [] }, observations };
    const unattributed = fromLangfuseExport(anonymous);
    expect(unattributed.traces.map((t) => t.userId)).toEqual([null]);
    expect(unattributed.users).toEqual([]);
    expect(unattributed.report).toMatchObject({ traceCount: 1, unattributedTraceCount: 1, userCount: 0, skipped: [] });
    // Its scores have no user to give feedback to: each one is counted as skipped.
    const scored = fromLangfuseExport({ trace: { ...trace, userId: null }, observations }).report;
    expect(scored.feedbackCount).toBe(0);
    expect(scored.skippedCounts).toMatchObject({ trace: 0, score: 4 });
    expect(scored.skipped.every((i) => i.kind === 'score' && i.traceId === 't1')).toBe(true);
    const guest = fromLangfuseExport(anonymous, { defaultUserId: 'guest' });
    expect(guest.traces[0]!.userId).toBe('guest');
    expect(guest.report.unattributedTraceCount).toBe(0);
  });

  it('reads a bare API trace (TraceWithFullDetails) with inline observations', () => {
    const { traces } = fromLangfuseExport({ ...trace, scores: [], observations });
    expect(traces[0]).toMatchObject({ id: 't1', inputTokens: 2108 });
  });
});

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);


describe('fromLangfuseExport on malformed input', () => {
  const fixture = () => JSON.parse(AUTOGEN) as { trace: Record<string, unknown>; observations: Record<string, unknown>[] };

  it('text that is not JSON at all names (root); a file that is not JSON in a list is skipped with its path', () => {
    expect(failure(() => fromLangfuseExport(AUTOGEN.slice(0, 500)))).toMatchObject({ code: 'invalid-data', field: '(root)' });
    expect(failure(() => fromLangfuseExport('null'))).toMatchObject({ field: '(root)' });
    const { traces, report } = fromLangfuseExport([LLAMAINDEX, AUTOGEN.slice(0, -10)]);
    expect(traces.map((t) => t.id)).toEqual(['12ea412956f99347b0503c1144acd0ec']);
    expect(report.skipped).toEqual([{ kind: 'document', path: '[1]', reason: 'not valid JSON (truncated or malformed); left out' }]);
  });

  it('a bad trace is skipped with its path and field (its scores counted with it); the other file still imports', () => {
    const cases: [(f: ReturnType<typeof fixture>) => void, string][] = [
      [(f) => (f.trace.latency = 'abc'), 'trace.latency'],
      [(f) => delete f.trace.id, 'trace.id'],
      [(f) => (f.trace.timestamp = 'yesterday'), 'trace.timestamp'],
      [(f) => (f.trace.tags = 'autogen'), 'trace.tags'],
    ];
    for (const [mutate, field] of cases) {
      const f = fixture();
      mutate(f);
      f.trace.scores = [{ id: 's', name: 'x', dataType: 'NUMERIC', value: 1, timestamp: '2025-06-06T11:32:00Z' }];
      const { traces, report } = fromLangfuseExport([LLAMAINDEX, f]);
      expect(traces.map((t) => t.id), field).toEqual(['12ea412956f99347b0503c1144acd0ec']);
      expect(report.skipped, field).toEqual([
        expect.objectContaining({ kind: 'trace', path: '[1].trace', field: `[1].${field}` }),
        expect.objectContaining({ kind: 'score', path: '[1].trace.scores', count: 1 }),
      ]);
      expect(report.skippedCounts, field).toMatchObject({ trace: 1, score: 1 });
    }
  });

  it('a bad observation or score is skipped with its path; the trace imports without it, flagged', () => {
    const f = fixture();
    f.observations[1]!.usageDetails = { input: '41' }; // the GENERATION: its 41/3 tokens and cost are lost
    f.trace.scores = [
      { id: 's-bad', name: 'x', timestamp: 5 },
      { id: 's-ok', name: 'thumbs', dataType: 'BOOLEAN', value: 1, timestamp: '2025-06-06T11:32:00Z', source: 'API' },
    ];
    const { traces, feedback, report } = fromLangfuseExport(f);
    expect(traces).toEqual([expect.objectContaining({ id: '1b72c51fabed12ae7df83bfd4a09f545', userId: 'user_123', latencyMs: 645 })]);
    expect(traces[0]!.outputTokens).toBeUndefined();
    expect(feedback.map((x) => [x.id, x.value])).toEqual([['s-ok', true]]);
    expect(report.skipped).toEqual([
      expect.objectContaining({ kind: 'observation', traceId: '1b72c51fabed12ae7df83bfd4a09f545', path: 'observations[1]', field: 'observations[1].usageDetails.input' }),
      expect.objectContaining({ kind: 'score', itemId: 's-bad', path: 'trace.scores[0]', field: 'trace.scores[0].timestamp' }),
    ]);
    expect(report.flagged).toContainEqual({ traceId: '1b72c51fabed12ae7df83bfd4a09f545', reason: "1 observation(s) could not be read (observations[1]); the trace's figures may be incomplete" });
    const noId = fixture();
    delete noId.observations[0]!.id;
    expect(fromLangfuseExport(noId).report.skipped).toEqual([expect.objectContaining({ kind: 'observation', path: 'observations[0]', field: 'observations[0].id' })]);
  });

  it('10 MB strings: a huge id skips its trace with a short message; a huge name is clipped and flagged, a huge input cut', () => {
    const f = fixture();
    f.trace.id = TEN_MB;
    const skipped = fromLangfuseExport(f).report.skipped;
    expect(skipped).toEqual([expect.objectContaining({ kind: 'trace', field: 'trace.id' })]);
    expect(skipped[0]!.reason.length).toBeLessThan(200);
    expect(skipped[0]!.traceId).toBeUndefined();
    const g = fixture();
    g.trace.name = TEN_MB;
    g.trace.input = TEN_MB;
    const { traces, report } = fromLangfuseExport(g);
    expect(traces[0]!.name).toHaveLength(256);
    expect(traces[0]!.inputPreview).toHaveLength(500);
    expect(report.flagged).toEqual([{ traceId: '1b72c51fabed12ae7df83bfd4a09f545', field: 'name', reason: 'longer than 256 characters; clipped' }]);
  });

  it('never crashes: any JSON value, or the fixture with any field replaced, imports or throws ProviderError, and imports load', () => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(fixture(), []);
    const check = (input: unknown, records = 0): void => {
      let result;
      try {
        result = fromLangfuseExport(input, { defaultUserId: 'anon' });
      } catch (error) {
        if (!isProviderError(error) || error.code !== 'invalid-data' || typeof error.field !== 'string') throw error;
        return;
      }
      createMemoryProvider(result);
      // No silent drops: the file's trace is imported or counted as left out.
      expect(result.report.traceCount + result.report.skippedCounts.trace + result.report.skippedCounts.document).toBeGreaterThanOrEqual(records);
    };
    fc.assert(fc.property(fc.jsonValue(), (v) => check(v)), { numRuns: 1000 });
    fc.assert(
      fc.property(fc.constantFrom(...paths.slice(1)), fc.oneof(fc.jsonValue(), fc.constant(undefined)), (path, replacement) => {
        const f = fixture() as unknown as Record<string | number, unknown>;
        let node = f;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
        node[path[path.length - 1] as string] = replacement;
        check(f, 1);
      }),
      { numRuns: 1000 },
    );
  });
});
