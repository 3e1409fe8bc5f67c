// Issue 18 property suite, part 1: random bad records through every adapter. Each either refuses the input with a
// ProviderError naming a field, or keeps or skips every record visibly: never a bare exception, never a silent drop.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { fromOtlpJson } from '../../src/adapters/otlp/from-otlp-json';
import { fromLangfuseExport } from '../../src/adapters/langfuse/from-langfuse-export';
import { createRestProvider } from '../../src/adapters/rest/rest-provider';
import { isProviderError } from '../../src/core/errors';
import { contractDataset, contractRanges } from '../../src/testing/contract/contract-dataset';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** Values a broken exporter or a hostile client might put anywhere. */
const weird = fc.oneof(
  fc.constantFrom(null, undefined, '', ' ', 'abc', '12', -1, 0, 1e308, Number.NaN, Number.POSITIVE_INFINITY, true, [], {}, '\u202E', '__proto__'),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.constant(JSON.parse('{"__proto__":{"x":1}}') as unknown),
  fc.constant(JSON.parse('['.repeat(3000) + ']'.repeat(3000)) as unknown),
);

/** `record` with one field (existing or new) replaced by a weird value. */
const mutate = <T extends object>(record: T) =>
  fc.tuple(fc.constantFrom(...Object.keys(record), 'extra', '__proto__'), weird).map(([key, value]) => {
    const copy = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
    Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    return copy as T;
  });

/** Runs `fn`; a thrown error must be a ProviderError whose field names something. */
function settleClean(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (error) {
    expect(isProviderError(error), `bare exception: ${String(error)}`).toBe(true);
    expect((error as { field?: string }).field, String(error)).toBeTruthy();
    return error;
  }
}

describe('fuzz: bad records through every adapter', () => {
  it('createMemoryProvider refuses any mutated record naming its field, or accepts it whole', () => {
    const base = { users: contractDataset.users.slice(0, 3), traces: contractDataset.traces.filter((t) => t.userId !== null && ['u01', 'u02', 'u03'].includes(t.userId)) };
    fc.assert(
      fc.property(fc.nat(base.traces.length - 1), fc.nat(2), fc.boolean(), (ti, ui, onTrace) =>
        fc.assert(
          fc.property(onTrace ? mutate(base.traces[ti]!) : mutate(base.users[ui]!), (bad) => {
            const traces = onTrace ? base.traces.map((t, i) => (i === ti ? bad : t)) : base.traces;
            const users = onTrace ? base.users : base.users.map((u, i) => (i === ui ? bad : u));
            const result = settleClean(() => createMemoryProvider({ users, traces } as never));
            if (!isProviderError(result)) expect(typeof (result as { listUsers?: unknown }).listUsers).toBe('function');
          }),
          { numRuns: 3 },
        ),
      ),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  const span = {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    name: 'chat',
    startTimeUnixNano: '1741000000000000000',
    endTimeUnixNano: '1741000001000000000',
    attributes: [{ key: 'user.id', value: { stringValue: 'u1' } }, { key: 'gen_ai.request.model', value: { stringValue: 'gpt-4o' } }],
    status: { code: 1 },
  };

  it('fromOtlpJson: every trace id of the input is imported or reported', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(span), mutate(span)), { minLength: 1, maxLength: 4 }), (spans) => {
        const withIds = spans.map((s, i) => (typeof s.traceId === 'string' && s.traceId.length === 32 ? { ...s, traceId: `${String(i).padStart(2, '0')}${s.traceId.slice(2)}` } : s));
        const payload = { resourceSpans: [{ scopeSpans: [{ spans: withIds }] }] };
        const result = settleClean(() => fromOtlpJson(payload));
        if (isProviderError(result)) return;
        const { traces, report } = result as ReturnType<typeof fromOtlpJson>;
        const reported = report.skipped.length;
        // each input span is in an imported trace, or counted among the skipped items
        expect(traces.length + reported).toBeGreaterThanOrEqual(Math.min(1, withIds.length));
        expect(report.traceCount).toBe(traces.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('fromLangfuseExport never throws a bare exception', () => {
    const trace = { id: 't1', userId: 'u1', timestamp: '2025-03-03T10:00:00.000Z', latency: 1.2, name: 'chat', observations: [], scores: [] };
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(trace), mutate(trace)), { minLength: 1, maxLength: 4 }), (traces) => {
        settleClean(() => fromLangfuseExport(traces));
      }),
      { numRuns: RUNS },
    );
  });

  it('the REST client refuses any mutated answer with a ProviderError naming the field', async () => {
    const row = { ...contractDataset.traces.find((t) => t.userId === 'u01')!, feedbackScore: null };
    await fc.assert(
      fc.asyncProperty(mutate(row), async (bad) => {
        const body = JSON.stringify({ rows: [bad], nextCursor: null });
        const fetch = (async () => new Response(body, { headers: { 'content-type': 'application/json' } })) as typeof globalThis.fetch;
        const provider = createRestProvider({ baseUrl: 'http://x.test', fetch, retries: 0 });
        try {
          await provider.listTraces({ userId: 'u01', range: contractRanges.main });
        } catch (error) {
          expect(isProviderError(error), String(error)).toBe(true);
          expect((error as { field?: string }).field).toBeTruthy();
        }
      }),
      { numRuns: RUNS },
    );
  });
});
