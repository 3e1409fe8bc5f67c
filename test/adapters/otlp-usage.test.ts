import { describe, expect, it } from 'vitest';
import { fromOtlpJson } from '../../src/adapters/otlp/from-otlp-json';
import { readFixture } from '../fixtures-path';

type Attr = [string, string | number | boolean];
const T0 = 1_741_000_000_000_000_000n;
const MS = 1_000_000n;
const TRACE = '0af7651916cd43dd8448eb211c80319c';

/** A span with AnyValue attributes; `id` is the span id's last hex digits. */
function span(id: string, name: string, attrs: Attr[], parent?: string, startMs = 0, endMs = 1000) {
  const value = (v: string | number | boolean) =>
    typeof v === 'string' ? { stringValue: v } : typeof v === 'boolean' ? { boolValue: v } : Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
  return {
    traceId: TRACE,
    spanId: id.padStart(16, '0'),
    ...(parent === undefined ? {} : { parentSpanId: parent.padStart(16, '0') }),
    name,
    startTimeUnixNano: String(T0 + BigInt(startMs) * MS),
    endTimeUnixNano: String(T0 + BigInt(endMs) * MS),
    attributes: attrs.map(([key, v]) => ({ key, value: value(v) })),
  };
}
const payload = (...spans: unknown[]) => ({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans }] }] });
const user: Attr = ['user.id', 'u1'];

describe('fromOtlpJson usage: every span that carries it, each call once', () => {
  it('counts embeddings (input only, no output gap) and a tool that carries usage with nothing under it', () => {
    const { traces, report } = fromOtlpJson(
      payload(
        span('1', 'rag', [user]),
        span('2', 'embeddings text-embedding-3-small', [['gen_ai.operation.name', 'embeddings'], ['gen_ai.request.model', 'text-embedding-3-small'], ['gen_ai.usage.input_tokens', 12]], '1'),
        span('3', 'execute_tool web_search', [['gen_ai.operation.name', 'execute_tool'], ['gen_ai.usage.input_tokens', 40], ['gen_ai.usage.output_tokens', 9], ['gen_ai.usage.cost', 0.002]], '1', 100),
        span('4', 'chat gpt-4o', [['gen_ai.operation.name', 'chat'], ['gen_ai.response.model', 'gpt-4o-2024-08-06'], ['gen_ai.usage.input_tokens', 300], ['gen_ai.usage.output_tokens', 50], ['gen_ai.usage.cost', 0.00125]], '1', 200),
      ),
    );
    // 12 + 40 + 300 input; 9 + 50 output (the embedding has none by nature); cost 0.002 + 0.00125 (embedding: unknown).
    expect(traces[0]).toMatchObject({ inputTokens: 352, outputTokens: 59, model: 'text-embedding-3-small' });
    expect(traces[0]!.costUsd).toBeCloseTo(0.00325, 12);
    expect(report.flagged).toEqual([
      { traceId: TRACE, field: 'costUsd', reason: 'unknown on 1 of 3 spans with usage; the trace sums the others' },
      { traceId: TRACE, field: 'model', reason: 'spans with usage used 2 models (text-embedding-3-small, gpt-4o-2024-08-06); the trace shows the first' },
    ]);
  });

  it('Vercel AI SDK: ai.generateText wraps ai.generateText.doGenerate with the same usage: counted once', () => {
    const { traces, report } = fromOtlpJson(
      payload(
        span('1', 'ai.generateText', [['ai.telemetry.metadata.userId', 'u1'], ['ai.operationId', 'ai.generateText'], ['gen_ai.usage.input_tokens', 21], ['gen_ai.usage.output_tokens', 7]]),
        span('2', 'ai.generateText.doGenerate', [['ai.operationId', 'ai.generateText.doGenerate'], ['gen_ai.system', 'openai.chat'], ['gen_ai.response.model', 'gpt-4o-mini-2024-07-18'], ['gen_ai.usage.input_tokens', 21], ['gen_ai.usage.output_tokens', 7]], '1', 10, 900),
      ),
    );
    expect(traces[0]).toMatchObject({ userId: 'u1', inputTokens: 21, outputTokens: 7, model: 'gpt-4o-mini-2024-07-18' });
    expect(report.flagged).toEqual([]);
  });

  it('a tool wrapping a model call counts the call only; a wrapper reporting more than its children is flagged', () => {
    const { traces, report } = fromOtlpJson(
      payload(
        span('1', 'agent', [user, ['gen_ai.operation.name', 'invoke_agent'], ['gen_ai.usage.input_tokens', 500], ['gen_ai.usage.output_tokens', 60]]),
        span('2', 'execute_tool summarise', [['gen_ai.operation.name', 'execute_tool'], ['gen_ai.usage.input_tokens', 100], ['gen_ai.usage.output_tokens', 20]], '1', 10),
        span('3', 'chat', [['gen_ai.operation.name', 'chat'], ['gen_ai.usage.input_tokens', 100], ['gen_ai.usage.output_tokens', 20]], '2', 20),
      ),
    );
    expect(traces[0]).toMatchObject({ inputTokens: 100, outputTokens: 20 });
    expect(report.flagged).toEqual([
      { traceId: TRACE, itemId: '0000000000000001', field: 'input', reason: 'reports more input (500) than the spans under it (100); only theirs are counted' },
      { traceId: TRACE, itemId: '0000000000000001', field: 'output', reason: 'reports more output (60) than the spans under it (20); only theirs are counted' },
    ]);
  });

  it('keeps a total-only count as totalTokens, flagged; a call without usage makes the sum partial', () => {
    const { traces, report } = fromOtlpJson(
      payload(
        span('1', 'workflow', [user]),
        span('2', 'chat', [['gen_ai.operation.name', 'chat'], ['llm.usage.total_tokens', 1234]], '1'),
        span('3', 'chat', [['gen_ai.operation.name', 'chat'], ['gen_ai.request.model', 'm']], '1', 10),
      ),
    );
    expect(traces[0]!.totalTokens).toBe(1234);
    expect(traces[0]!.inputTokens).toBeUndefined();
    expect(report.flagged).toEqual([
      { traceId: TRACE, itemId: '0000000000000002', field: 'totalTokens', reason: 'only a total token count (1234); kept as totalTokens, input and output unknown' },
      { traceId: TRACE, field: 'totalTokens', reason: 'unknown on 1 of 2 spans with usage; the trace sums the others' },
    ]);
    // With input and output too, the total is the reported one, and sums with other spans' input + output.
    const both = fromOtlpJson(
      payload(
        span('1', 'root', [user]),
        span('2', 'chat', [['gen_ai.usage.input_tokens', 10], ['gen_ai.usage.output_tokens', 5], ['gen_ai.usage.total_tokens', 18]], '1'),
        span('3', 'chat', [['gen_ai.usage.input_tokens', 1], ['gen_ai.usage.output_tokens', 2]], '1'),
      ),
    );
    expect(both.traces[0]).toMatchObject({ inputTokens: 11, outputTokens: 7, totalTokens: 21 });
    expect(both.report.flagged).toEqual([]);
  });

  it('reads OpenInference llm.cost.* as cost: the total, else prompt + completion', () => {
    const { traces } = fromOtlpJson(
      payload(
        span('1', 'chain', [user, ['openinference.span.kind', 'CHAIN']]),
        span('2', 'llm', [['openinference.span.kind', 'LLM'], ['llm.token_count.prompt', 10], ['llm.token_count.completion', 4], ['llm.cost.prompt', 0.0003], ['llm.cost.completion', 0.0006]], '1'),
        span('3', 'llm', [['openinference.span.kind', 'LLM'], ['llm.token_count.total', 9], ['llm.cost.total', 0.01], ['llm.cost.prompt', 0.5]], '1'),
      ),
    );
    expect(traces[0]!.costUsd).toBeCloseTo(0.0109, 12);
    expect(traces[0]).toMatchObject({ inputTokens: 10, outputTokens: 4, totalTokens: 23 });
  });
});

describe('fromOtlpJson on the opentelemetry-proto example with a 31-hex-digit trace id', () => {
  // The official example, with a second copy of its span whose trace id lost a digit (as in a public example export)
  // and a user: the bad span is skipped with its path, the good one imports.
  it('skips the bad span with its path and imports the rest', () => {
    const doc = JSON.parse(readFixture('otlp/opentelemetry-proto-example.trace.json')) as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] };
    const spans = doc.resourceSpans[0]!.scopeSpans[0]!.spans;
    const good = spans[0]!;
    spans.push({ ...good, traceId: '5B8EFFF798038103D269B633813FC60', spanId: 'EEE19B7EC3C1B175' });
    const { traces, report } = fromOtlpJson(doc, { defaultUserId: 'anonymous' });
    expect(traces.map((t) => [t.id, t.latencyMs, t.name])).toEqual([['5b8efff798038103d269b633813fc60c', 1000, "I'm a server span"]]);
    expect(report.skipped).toEqual([
      {
        kind: 'span',
        path: 'resourceSpans[0].scopeSpans[0].spans[1]',
        field: 'resourceSpans[0].scopeSpans[0].spans[1].traceId',
        reason: 'resourceSpans[0].scopeSpans[0].spans[1].traceId: expected 32 hex digits, got "5B8EFFF798038103D269B633813FC60"; span left out',
      },
    ]);
    expect(report.skippedCounts).toEqual({ document: 0, span: 1, trace: 0, observation: 0, score: 0 });
  });

  it('flags a trace that lost a span whose trace id was readable', () => {
    const doc = JSON.parse(readFixture('otlp/opentelemetry-proto-example.trace.json')) as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] };
    const spans = doc.resourceSpans[0]!.scopeSpans[0]!.spans;
    spans.push({ ...spans[0]!, spanId: 'EEE19B7EC3C1B17' }); // 15 hex digits
    const { traces, report } = fromOtlpJson(doc, { defaultUserId: 'anonymous' });
    expect(traces).toHaveLength(1);
    expect(report.skipped).toEqual([expect.objectContaining({ kind: 'span', traceId: '5b8efff798038103d269b633813fc60c', field: 'resourceSpans[0].scopeSpans[0].spans[1].spanId' })]);
    expect(report.flagged).toContainEqual({ traceId: '5b8efff798038103d269b633813fc60c', reason: '1 span(s) of this trace could not be read (resourceSpans[0].scopeSpans[0].spans[1]); its figures may be incomplete' });
  });
});
