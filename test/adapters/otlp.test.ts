import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { fromOtlpJson } from '../../src/adapters/otlp/from-otlp-json';
import { readFixture } from '../fixtures-path';

// ——— The official example (open-telemetry/opentelemetry-proto examples/trace.json), figures read off the file ———
// One span: traceId 5B8EFFF798038103D269B633813FC60C (upper case), spanId EEE19B7EC3C1B174, parentSpanId
// EEE19B7EC3C1B173 (not in the file: an orphan, so the root); start 1544712660000000000 ns = 2018-12-13T14:51:00Z,
// end 1544712661000000000 ns, so latency 1 000 ms; name "I'm a server span"; no status (ok); no user, no GenAI data.
const PROTO_EXAMPLE = readFixture('otlp/opentelemetry-proto-example.trace.json');

describe('fromOtlpJson on the opentelemetry-proto example', () => {
  it('keeps the trace without a user unattributed (userId: null), counted in the report', () => {
    const { users, traces, feedback, report } = fromOtlpJson(PROTO_EXAMPLE);
    expect([users, feedback]).toEqual([[], []]);
    expect(traces.map((t) => [t.id, t.userId])).toEqual([['5b8efff798038103d269b633813fc60c', null]]);
    expect(report).toMatchObject({ traceCount: 1, unattributedTraceCount: 1, userCount: 0, skipped: [] });
  });

  it('keeps it under defaultUserId, with the orphan root and the missing user flagged', () => {
    const { users, traces, report } = fromOtlpJson(JSON.parse(PROTO_EXAMPLE), { defaultUserId: 'anonymous' });
    expect(traces).toEqual([
      {
        id: '5b8efff798038103d269b633813fc60c',
        userId: 'anonymous',
        name: "I'm a server span",
        startTime: '2018-12-13T14:51:00.000Z',
        endTime: '2018-12-13T14:51:01.000Z',
        latencyMs: 1000,
        status: 'ok',
      },
    ]);
    expect(users).toEqual([{ id: 'anonymous', metadata: {}, firstSeen: '2018-12-13T14:51:00.000Z', lastSeen: '2018-12-13T14:51:00.000Z' }]);
    expect(report).toMatchObject({ traceCount: 1, userCount: 1, feedbackCount: 0, skipped: [] });
    expect(report.flagged.map((f) => f.reason)).toEqual([
      'parent span eee19b7ec3c1b173 is not in the payload; treated as a root',
      'no user id; assigned to "anonymous"',
    ]);
  });
});

// ——— Synthetic payloads in the shapes instrumentations emit ———

type Attr = [string, unknown];
const S = 1_000_000_000n;
const T0 = 1_741_000_000n * S; // 2025-03-03T11:06:40Z

/** An OTLP span; `plain` writes attribute values as plain JSON instead of AnyValue objects. */
function span(o: { trace: string; id: string; parent?: string; name: string; start: bigint; end?: bigint; attrs?: Attr[]; error?: boolean; plain?: boolean; events?: unknown[] }) {
  const value = (v: unknown): unknown => {
    if (o.plain) return v;
    if (typeof v === 'string') return { stringValue: v };
    if (typeof v === 'number') return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
    if (typeof v === 'boolean') return { boolValue: v };
    if (Array.isArray(v)) return { arrayValue: { values: v.map(value) } };
    return v;
  };
  return {
    traceId: o.trace,
    spanId: o.id,
    ...(o.parent ? { parentSpanId: o.parent } : {}),
    name: o.name,
    kind: 1,
    startTimeUnixNano: String(o.start),
    ...(o.end === undefined ? {} : { endTimeUnixNano: String(o.end) }),
    attributes: (o.attrs ?? []).map(([key, v]) => ({ key, value: value(v) })),
    ...(o.events ? { events: o.events } : {}),
    status: o.error ? { code: 2, message: 'failed' } : { code: 1 },
  };
}

const payload = (spans: unknown[], resource: Attr[] = [['service.name', 'support-bot'], ['service.version', '1.2.3']]) => ({
  resourceSpans: [{ resource: { attributes: resource.map(([key, v]) => ({ key, value: { stringValue: v } })) }, scopeSpans: [{ scope: { name: 'test' }, spans }] }],
});

const A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1';
const B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2';
const C = 'ccccccccccccccccccccccccccccccc3';
const E = 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeee5';

/**
 * Trace A, GenAI semconv with AnyValue objects (intValue as string): a server root for alice in conv-1, an
 * `invoke_agent` wrapper carrying aggregated usage 300/80 (never counted), two chat calls 200/50 and 100/30; the
 * second is a framework-level chat span wrapping the HTTP-level chat span that reports the same 100/30 (counted once).
 * Latency 2.5 s. No cost attributes: priced at 2.5 / 10 USD per million tokens → 0.001 + 0.00055 = 0.00155.
 */
const traceA = [
  span({ trace: A, id: 'a000000000000001', name: 'POST /chat', start: T0, end: T0 + 2_500_000_000n, attrs: [['user.id', 'alice'], ['user.email', 'alice@example.com'], ['gen_ai.conversation.id', 'conv-1'], ['gen_ai.input.messages', JSON.stringify([{ role: 'system', parts: [{ type: 'text', content: 'Be brief' }] }, { role: 'user', parts: [{ type: 'text', content: 'Where is my order?' }] }])]] }),
  span({ trace: A, id: 'a000000000000002', parent: 'a000000000000001', name: 'invoke_agent support', start: T0 + 10n, end: T0 + 2_400_000_000n, attrs: [['gen_ai.operation.name', 'invoke_agent'], ['gen_ai.usage.input_tokens', 300], ['gen_ai.usage.output_tokens', 80]] }),
  span({ trace: A, id: 'a000000000000003', parent: 'a000000000000002', name: 'chat gpt-4o', start: T0 + 20n, end: T0 + 1_000_000_000n, attrs: [['gen_ai.operation.name', 'chat'], ['gen_ai.request.model', 'gpt-4o'], ['gen_ai.response.model', 'gpt-4o-2024-08-06'], ['gen_ai.usage.input_tokens', 200], ['gen_ai.usage.output_tokens', 50]] }),
  span({ trace: A, id: 'a000000000000004', parent: 'a000000000000002', name: 'chat gpt-4o', start: T0 + 1_100_000_000n, end: T0 + 2_300_000_000n, attrs: [['gen_ai.operation.name', 'chat'], ['gen_ai.request.model', 'gpt-4o'], ['gen_ai.usage.input_tokens', 100], ['gen_ai.usage.output_tokens', 30]] }),
  span({ trace: A, id: 'a000000000000005', parent: 'a000000000000004', name: 'openai.chat', start: T0 + 1_100_000_010n, end: T0 + 2_290_000_000n, attrs: [['gen_ai.operation.name', 'chat'], ['gen_ai.request.model', 'gpt-4o'], ['gen_ai.response.model', 'gpt-4o-2024-08-06'], ['gen_ai.usage.input_tokens', 100], ['gen_ai.usage.output_tokens', 30], ['gen_ai.output.messages', JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: 'It ships tomorrow.' }] }])]] }),
];

/**
 * Trace B, GenAI with plain attribute values and base64 ids: a single chat span (the root is the LLM call) for bob,
 * status code 2 with error.type RateLimitError, 10/5 tokens on gpt-4o-mini, which has no price: no cost. 800 ms.
 */
const B_BASE64 = Buffer.from(B, 'hex').toString('base64');
const traceB = [
  span({ trace: B_BASE64, id: Buffer.from('b000000000000001', 'hex').toString('base64'), name: 'chat gpt-4o-mini', start: T0 + 3_600n * S, end: T0 + 3_600n * S + 800_000_000n, plain: true, error: true, attrs: [['user.id', 'bob'], ['gen_ai.operation.name', 'chat'], ['gen_ai.request.model', 'gpt-4o-mini'], ['gen_ai.usage.input_tokens', 10], ['gen_ai.usage.output_tokens', 5], ['error.type', 'RateLimitError']] }),
];

/**
 * Trace C, OpenInference, split over two payloads: a CHAIN root for alice in session conv-1 with a (wrapper, never
 * counted) prompt count of 999, and an LLM child on claude-3-5-sonnet-20241022 with counts as strings "13" / "81" and
 * llm.cost.total 0.0012. Latency 1.2 s, tag "rag".
 */
const traceC1 = [
  span({ trace: C, id: 'c000000000000001', name: 'query', start: T0 + 7_200n * S, end: T0 + 7_200n * S + 1_200_000_000n, attrs: [['openinference.span.kind', 'CHAIN'], ['user.id', 'alice'], ['session.id', 'conv-1'], ['input.value', 'What is Langfuse?'], ['llm.token_count.prompt', 999], ['tag.tags', ['rag']]] }),
];
const traceC2 = [
  span({ trace: C, id: 'c000000000000002', parent: 'c000000000000001', name: 'llm', start: T0 + 7_200n * S + 5n, end: T0 + 7_200n * S + 1_100_000_000n, attrs: [['openinference.span.kind', 'LLM'], ['llm.model_name', 'claude-3-5-sonnet-20241022'], ['llm.token_count.prompt', '13'], ['llm.token_count.completion', '81'], ['llm.cost.total', 0.0012], ['output.value', 'An observability platform.']] }),
];

/** Trace E: no user at all (skipped unless defaultUserId). */
const traceE = [span({ trace: E, id: 'e000000000000001', name: 'cron', start: T0, end: T0 + S })];

const PRICES = { 'gpt-4o-2024-08-06': { inputUsdPerMillionTokens: 2.5, outputUsdPerMillionTokens: 10 } };

function importAll() {
  return fromOtlpJson([payload([...traceA, ...traceC1, ...traceE]), JSON.stringify(payload([...traceB, ...traceC2], [['service.name', 'worker']]))], { prices: PRICES });
}

describe('fromOtlpJson on GenAI and OpenInference spans', () => {
  it('maps each trace: root latency, user, conversation, model, tokens and cost counted once, status', () => {
    const { traces } = importAll();
    const [a, b, c] = [A, B, C].map((id) => traces.find((t) => t.id === id)!);
    expect(a).toMatchObject({ userId: 'alice', conversationId: 'conv-1', name: 'POST /chat', latencyMs: 2500, status: 'ok', release: '1.2.3', model: 'gpt-4o-2024-08-06', inputTokens: 300, outputTokens: 80 });
    expect(a!.costUsd).toBeCloseTo(0.00155, 12);
    expect(a!.inputPreview).toBe('Where is my order?');
    expect(a!.outputPreview).toBe('It ships tomorrow.');
    expect(b).toEqual({ id: B, userId: 'bob', name: 'chat gpt-4o-mini', startTime: '2025-03-03T12:06:40.000Z', endTime: '2025-03-03T12:06:40.800Z', latencyMs: 800, status: 'error', errorType: 'RateLimitError', model: 'gpt-4o-mini', inputTokens: 10, outputTokens: 5 });
    expect(c).toEqual({ id: C, userId: 'alice', conversationId: 'conv-1', name: 'query', startTime: '2025-03-03T13:06:40.000Z', endTime: '2025-03-03T13:06:41.200Z', latencyMs: 1200, status: 'ok', model: 'claude-3-5-sonnet-20241022', inputTokens: 13, outputTokens: 81, costUsd: 0.0012, release: '1.2.3', inputPreview: 'What is Langfuse?', outputPreview: 'An observability platform.', tags: ['rag'] });
  });

  it('keeps the trace without a user unattributed and reports the flagged data', () => {
    const { report, users } = importAll();
    // The trace without a user id is kept, unattributed.
    expect(report).toMatchObject({ traceCount: 4, unattributedTraceCount: 1, userCount: 2, feedbackCount: 0, skipped: [] });
    expect(report.skippedCounts).toEqual({ document: 0, span: 0, trace: 0, observation: 0, score: 0 });
    expect(report.flagged).toEqual([
      // The CHAIN root's prompt count 999 is more than the 13 of the LLM call under it: not counted, but said.
      { traceId: C, itemId: 'c000000000000001', field: 'input', reason: 'reports more input (999) than the spans under it (13); only theirs are counted' },
      { traceId: B, field: 'prices', reason: 'no price for model "gpt-4o-mini"; its spans have no cost' },
    ]);
    expect(users.find((u) => u.id === 'alice')).toEqual({ id: 'alice', email: 'alice@example.com', metadata: {}, firstSeen: '2025-03-03T11:06:40.000Z', lastSeen: '2025-03-03T13:06:40.000Z' });
  });

  it('feeds the memory provider: per-user figures computed by hand', async () => {
    const provider = createMemoryProvider(importAll());
    const page = await provider.listUsers({ range: { from: '2025-03-03T00:00:00Z', to: '2025-03-04T00:00:00Z' }, sorting: [{ id: 'user', desc: false }] });
    const [alice, bob] = page.rows;
    // alice: A (2 500 ms, 300/80 tokens, 0.00155 USD) and C (1 200 ms, 13/81, 0.0012), one conversation.
    expect(alice).toMatchObject({ traceCount: 2, conversationCount: 1, errorCount: 0, successRate: 1, inputTokens: 313, outputTokens: 161, latencyP50Ms: 1850 });
    expect(alice!.latencyP95Ms).toBeCloseTo(1200 + 0.95 * 1300, 9);
    expect(alice!.costUsd).toBeCloseTo(0.00275, 12);
    // bob: one failed trace without cost.
    expect(bob).toMatchObject({ traceCount: 1, errorCount: 1, successRate: 0, costUsd: null, inputTokens: 10, outputTokens: 5, latencyP50Ms: 800 });
    const models = await provider.getModelUsage({ userId: 'alice', range: { from: '2025-03-03T00:00:00Z', to: '2025-03-04T00:00:00Z' } });
    expect(models.models.map((m) => [m.model, m.traceCount])).toEqual([['claude-3-5-sonnet-20241022', 1], ['gpt-4o-2024-08-06', 1]]);
  });

  it('flags partial usage, several models, several roots, a missing root end and unreadable values', () => {
    const T = 'ddddddddddddddddddddddddddddddd4';
    const spans = [
      span({ trace: T, id: 'd000000000000001', name: 'root-1', start: T0, attrs: [['user.id', 42]] }),
      span({ trace: T, id: 'd000000000000002', name: 'root-2', start: T0 + S / 2n }),
      span({ trace: T, id: 'd000000000000003', parent: 'd000000000000001', name: 'llm-1', start: T0 + 1n, end: T0 + S, attrs: [['gen_ai.request.model', 'm-1'], ['gen_ai.usage.input_tokens', 'abc'], ['gen_ai.usage.output_tokens', 7]] }),
      span({ trace: T, id: 'd000000000000004', parent: 'd000000000000001', name: 'llm-2', start: T0 + 2n, end: T0 + S, attrs: [['gen_ai.request.model', 'm-2'], ['gen_ai.usage.input_tokens', 5], ['gen_ai.usage.output_tokens', 3], ['weird', { foo: 1 }]] }),
    ];
    const { traces, report } = fromOtlpJson(payload(spans));
    expect(traces).toEqual([expect.objectContaining({ id: T, userId: '42', name: 'root-1', latencyMs: 1000, model: 'm-1', inputTokens: 5, outputTokens: 10 })]);
    expect(report.flagged).toEqual([
      { traceId: T, reason: '2 root spans; the trace runs from the first start to the last end' },
      { traceId: T, itemId: 'd000000000000004', field: 'weird', reason: 'attribute value of an unknown shape; ignored' },
      { traceId: T, field: 'endTimeUnixNano', reason: 'the root span has no end time; latency runs to the last span end' },
      { traceId: T, itemId: 'd000000000000003', field: 'gen_ai.usage.input_tokens', reason: 'not a token count; ignored' },
      { traceId: T, field: 'inputTokens', reason: 'unknown on 1 of 2 spans with usage; the trace sums the others' },
      { traceId: T, field: 'model', reason: 'spans with usage used 2 models (m-1, m-2); the trace shows the first' },
    ]);
  });

  it('reads exception events, JSON Lines, the legacy instrumentationLibrarySpans key and attribute maps', () => {
    const T = 'fffffffffffffffffffffffffffffff6';
    const failing = span({ trace: T, id: 'f000000000000001', name: 'tool', start: T0, end: T0 + S, error: true, attrs: [['enduser.id', 'carol']], events: [{ name: 'exception', attributes: [{ key: 'exception.type', value: { stringValue: 'TimeoutError' } }] }] });
    const legacy = { resourceSpans: [{ instrumentationLibrarySpans: [{ spans: [{ ...failing, attributes: { 'enduser.id': 'carol' } }] }] }] };
    const lines = `${JSON.stringify(payload([failing]))}\n\n${JSON.stringify({ resourceSpans: [] })}\n`;
    for (const input of [lines, legacy]) {
      expect(fromOtlpJson(input).traces).toEqual([expect.objectContaining({ id: T, userId: 'carol', status: 'error', errorType: 'TimeoutError' })]);
    }
  });

  it('skips duplicate spans and traces that end before they start', () => {
    const T = '1111111111111111111111111111111a';
    const root = span({ trace: T, id: '1000000000000001', name: 'r', start: T0 + S, end: T0, attrs: [['user.id', 'u']] });
    const { traces, report } = fromOtlpJson(payload([root, root]));
    expect(traces).toEqual([]);
    expect(report.skipped).toEqual([
      { kind: 'span', traceId: T, itemId: '1000000000000001', reason: 'duplicate span id; the first one is kept' },
      { kind: 'trace', traceId: T, reason: 'the trace ends before it starts' },
    ]);
  });
});

describe('fromOtlpJson: user and conversation conventions of common instrumentations', () => {
  const conventions: [string, Attr[], number][] = [
    ['OTel / OpenInference', [['user.id', 'u'], ['session.id', 'c'], ['llm.cost.total', 0.5]], 0.5],
    ['older OTel', [['enduser.id', 'u'], ['gen_ai.conversation.id', 'c'], ['gen_ai.usage.cost', 0.25]], 0.25],
    ['Langfuse OTel SDK', [['langfuse.user.id', 'u'], ['langfuse.session.id', 'c'], ['gen_ai.usage.cost', 0.125]], 0.125],
    ['OpenLLMetry / Traceloop', [['traceloop.association.properties.user_id', 'u'], ['traceloop.association.properties.session_id', 'c'], ['gen_ai.usage.cost', 1]], 1],
    ['Vercel AI SDK telemetry metadata', [['ai.telemetry.metadata.userId', 'u'], ['ai.telemetry.metadata.sessionId', 'c'], ['gen_ai.usage.cost', 2]], 2],
  ];
  it.each(conventions)('%s: user, conversation and cost', (_name, attrs, cost) => {
    const { traces, report } = fromOtlpJson(payload([span({ trace: A, id: '00000000000000a1', name: 'chat', start: T0, end: T0 + S, attrs: [['gen_ai.operation.name', 'chat'], ['gen_ai.usage.input_tokens', 10], ...attrs] })]));
    expect(report.skipped).toEqual([]);
    expect(traces.map((t) => [t.userId, t.conversationId, t.costUsd, t.inputTokens])).toEqual([['u', 'c', cost, 10]]);
  });
});
