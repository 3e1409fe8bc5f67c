import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { fromOtlpJson } from '../../src/adapters/otlp/from-otlp-json';

type Attr = [string, unknown];
const T0 = 1_741_000_000_000_000_000n; // 2025-03-03T11:06:40Z
const S = 1_000_000_000n;

function span(trace: string, attrs: Attr[], startS = 0) {
  const value = (v: unknown): unknown =>
    typeof v === 'string' ? { stringValue: v } : typeof v === 'boolean' ? { boolValue: v } : typeof v === 'number' ? (Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v }) : Array.isArray(v) ? { arrayValue: { values: v.map(value) } } : v;
  return {
    traceId: trace,
    spanId: `${trace.slice(0, 15)}1`,
    name: 'chat',
    startTimeUnixNano: String(T0 + BigInt(startS) * S),
    endTimeUnixNano: String(T0 + BigInt(startS) * S + S),
    attributes: attrs.map(([key, v]) => ({ key, value: value(v) })),
  };
}
const payload = (...spans: unknown[]) => ({ resourceSpans: [{ scopeSpans: [{ spans }] }] });
const id = (n: number) => n.toString(16).padStart(32, 'a');

describe('fromOtlpJson: conversations by OTel convention', () => {
  it.each([
    ['gen_ai.conversation.id (GenAI semconv)', 'gen_ai.conversation.id'],
    ['session.id (OTel session, OpenInference)', 'session.id'],
  ])('%s', (_name, key) => {
    const { traces } = fromOtlpJson(payload(span(id(1), [['user.id', 'u'], [key, 'conv-9']])));
    expect(traces.map((t) => [t.userId, t.conversationId])).toEqual([['u', 'conv-9']]);
  });

  it('prefers gen_ai.conversation.id over session.id on the same span', () => {
    const { traces } = fromOtlpJson(payload(span(id(1), [['user.id', 'u'], ['session.id', 's'], ['gen_ai.conversation.id', 'g']])));
    expect(traces[0]!.conversationId).toBe('g');
  });
});

describe('fromOtlpJson: the host’s own attribute keys', () => {
  const spans = [
    span(id(1), [['app.customer_id', 'cust-7'], ['app.thread', 'th-1'], ['user.id', 'ignored'], ['session.id', 'ignored-too']]),
    span(id(2), [['user.id', 'u-conv']], 10),
  ];
  it('reads userIdKeys and conversationIdKeys before the conventions, and falls back to them', () => {
    const { traces } = fromOtlpJson(payload(...spans), { userIdKeys: ['app.customer_id'], conversationIdKeys: ['app.thread'] });
    expect(traces.map((t) => [t.id, t.userId, t.conversationId ?? null])).toEqual([
      [id(1), 'cust-7', 'th-1'],
      [id(2), 'u-conv', null],
    ]);
  });

  it('keeps a trace without any user id attribute, host keys included, unattributed and counts it', () => {
    const { traces, users, report } = fromOtlpJson(payload(span(id(3), [['other', 'x']]), span(id(4), [['app.customer_id', 'c-9']])), { userIdKeys: ['app.customer_id'] });
    expect(traces.map((t) => [t.id, t.userId])).toEqual([[id(3), null], [id(4), 'c-9']]);
    expect(users.map((u) => u.id)).toEqual(['c-9']);
    expect(report).toMatchObject({ traceCount: 2, unattributedTraceCount: 1, userCount: 1, skipped: [] });
  });
});

describe('fromOtlpJson: Langfuse trace metadata as user metadata', () => {
  it('maps langfuse.trace.metadata.* (and a JSON langfuse.trace.metadata) into the user’s metadata, latest trace winning', async () => {
    const { users, report } = fromOtlpJson(
      payload(
        span(id(1), [['langfuse.user.id', 'lu'], ['langfuse.session.id', 'ls'], ['langfuse.trace.metadata.plan', 'free'], ['langfuse.trace.metadata.seats', 3], ['langfuse.trace.metadata.tags', ['a', 'b']]]),
        span(id(2), [['langfuse.user.id', 'lu'], ['langfuse.trace.metadata', JSON.stringify({ plan: 'pro', region: 'eu', beta: true })]], 60),
      ),
    );
    expect(users).toEqual([{ id: 'lu', metadata: { plan: 'pro', seats: 3, region: 'eu', beta: true }, firstSeen: '2025-03-03T11:06:40.000Z', lastSeen: '2025-03-03T11:07:40.000Z' }]);
    expect(report.flagged).toEqual([
      { traceId: id(1), itemId: `${id(1).slice(0, 15)}1`, field: 'langfuse.trace.metadata.tags', reason: 'not a string, number or boolean; left out of the user metadata' },
      { traceId: id(2), field: 'langfuse.trace.metadata.plan', reason: 'user "lu": "free" on earlier traces, "pro" here; the latest trace\'s value is kept' },
    ]);
    // The metadata works as a cohort and a filter in the memory provider.
    const provider = createMemoryProvider(fromOtlpJson(payload(span(id(1), [['langfuse.user.id', 'lu'], ['langfuse.trace.metadata.plan', 'pro']]))));
    const page = await provider.listUsers({ range: { from: '2025-03-03T00:00:00Z', to: '2025-03-04T00:00:00Z' }, filters: [{ id: 'metadata.plan', value: 'pro' }] });
    expect(page.rows.map((r) => r.user.id)).toEqual(['lu']);
  });

  it('refuses the __proto__ key, flagged', () => {
    const { users, report } = fromOtlpJson(payload(span(id(1), [['langfuse.user.id', 'lu'], ['langfuse.trace.metadata.__proto__', 'x']])));
    expect(users[0]!.metadata).toEqual({});
    expect(report.flagged.map((f) => f.reason)).toEqual(['reserved metadata key; left out']);
  });
});
