import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { fromOtlpJson } from '../../src/adapters/otlp/from-otlp-json';
import { isProviderError } from '../../src/core/errors';
import { failure } from '../provider-errors';
import { readFixture } from '../fixtures-path';

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);


const valid = () => ({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.version', value: { stringValue: '2.0.0' } }] },
      scopeSpans: [
        {
          spans: [
            {
              traceId: '0123456789abcdef0123456789abcdef',
              spanId: '0123456789abcdef',
              name: 'chat',
              startTimeUnixNano: '1741000000000000000',
              endTimeUnixNano: '1741000001000000000',
              attributes: [
                { key: 'user.id', value: { stringValue: 'u1' } },
                { key: 'gen_ai.operation.name', value: { stringValue: 'chat' } },
                { key: 'gen_ai.usage.input_tokens', value: { intValue: '12' } },
              ],
              status: { code: 0 },
            },
          ],
        },
      ],
    },
  ],
});

const SPAN = 'resourceSpans[0].scopeSpans[0].spans[0]';

describe('fromOtlpJson on malformed input', () => {
  it('text that is not JSON at all gives invalid-data at (root); a bad list element or JSON line is skipped with its path', () => {
    const text = readFixture('otlp/opentelemetry-proto-example.trace.json');
    expect(failure(() => fromOtlpJson(text.slice(0, 200)))).toMatchObject({ code: 'invalid-data', field: '(root)' });
    const listed = fromOtlpJson([JSON.stringify(valid()), text.slice(0, -3)]);
    expect(listed.traces.map((t) => t.id)).toEqual(['0123456789abcdef0123456789abcdef']);
    expect(listed.report.skipped).toEqual([{ kind: 'document', path: '[1]', reason: 'not valid JSON (truncated or malformed); left out' }]);
    // A Collector file cut off mid-write: the last line is lost, not the file.
    const lines = fromOtlpJson(`${JSON.stringify(valid())}\n{"resourceSpans": [`);
    expect(lines.traces).toHaveLength(1);
    expect(lines.report.skipped).toEqual([{ kind: 'document', path: 'lines[1]', reason: 'not valid JSON (truncated or malformed); left out' }]);
    expect(lines.report.skippedCounts.document).toBe(1);
  });

  it('a document that is not an OTLP payload throws when it is the only one, and is skipped in a list', () => {
    expect(failure(() => fromOtlpJson(42))).toMatchObject({ field: '(root)' });
    expect(failure(() => fromOtlpJson({ resourceSpans: {} }))).toMatchObject({ code: 'invalid-data', field: 'resourceSpans' });
    const { traces, report } = fromOtlpJson([{ resourceSpans: {} }, valid()]);
    expect(traces).toHaveLength(1);
    expect(report.skipped).toEqual([{ kind: 'document', path: '[0]', field: '[0].resourceSpans', reason: '[0].resourceSpans: expected an array, got {}; document left out' }]);
  });

  it('a span, scope or resource of the wrong type is skipped with its path and the field at fault; the rest imports', () => {
    const cases: [(p: ReturnType<typeof valid>) => void, string, string, number][] = [
      [(p) => Object.assign(p.resourceSpans[0]!, { scopeSpans: 'nope' }), 'resourceSpans[0]', 'resourceSpans[0].scopeSpans', 1],
      [(p) => Object.assign(p.resourceSpans[0]!, { resource: [] }), 'resourceSpans[0]', 'resourceSpans[0].resource', 1],
      [(p) => Object.assign(p.resourceSpans[0]!.scopeSpans[0]!, { spans: [42] }), SPAN, SPAN, 1],
      [(p) => Object.assign(p.resourceSpans[0]!.scopeSpans[0]!.spans[0]!, { startTimeUnixNano: true }), SPAN, `${SPAN}.startTimeUnixNano`, 1],
      [(p) => Object.assign(p.resourceSpans[0]!.scopeSpans[0]!.spans[0]!, { endTimeUnixNano: '12:00' }), SPAN, `${SPAN}.endTimeUnixNano`, 1],
      [(p) => Object.assign(p.resourceSpans[0]!.scopeSpans[0]!.spans[0]!, { name: 7 }), SPAN, `${SPAN}.name`, 1],
      [(p) => Object.assign(p.resourceSpans[0]!.scopeSpans[0]!.spans[0]!, { attributes: 'user.id=u1' }), SPAN, `${SPAN}.attributes`, 1],
      [(p) => Object.assign(p.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.attributes[0]!, { key: 3 }), SPAN, `${SPAN}.attributes[0].key`, 1],
    ];
    for (const [mutate, path, field, count] of cases) {
      const p = valid();
      mutate(p);
      p.resourceSpans.push(valid().resourceSpans[0]!); // a healthy second resource: still imported
      const { traces, report } = fromOtlpJson(p);
      expect(report.skipped, field).toEqual([expect.objectContaining({ kind: 'span', path, field })]);
      expect(report.skipped[0]!.reason, field).toMatch(/^.+: expected .+(span left out|span\(s\) under it left out)$/);
      expect(report.skippedCounts.span, field).toBe(count);
      expect(traces.map((t) => [t.id, t.inputTokens]), field).toEqual([['0123456789abcdef0123456789abcdef', 12]]);
    }
  });

  it('a span with a missing or malformed id is skipped with its path; its trace, when known, is flagged', () => {
    for (const [key, value] of [['traceId', undefined], ['traceId', 'xyz'], ['traceId', '00000000000000000000000000000000'], ['spanId', undefined], ['spanId', '0123'], ['parentSpanId', 'not-hex!']] as const) {
      const p = valid();
      const s = p.resourceSpans[0]!.scopeSpans[0]!.spans[0]! as Record<string, unknown>;
      if (value === undefined) delete s[key];
      else s[key] = value;
      const { traces, report } = fromOtlpJson(p);
      expect(traces, `${key}=${value}`).toEqual([]);
      expect(report.skipped, `${key}=${value}`).toEqual([expect.objectContaining({ kind: 'span', path: SPAN, field: `${SPAN}.${key}` })]);
    }
  });

  it('10 MB strings: a huge id skips its span with a short message; huge names are clipped, huge user ids skipped, huge previews cut', () => {
    const p = valid();
    p.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.traceId = TEN_MB;
    const { report } = fromOtlpJson(p);
    expect(report.skipped).toEqual([expect.objectContaining({ path: SPAN, field: `${SPAN}.traceId` })]);
    expect(report.skipped[0]!.reason.length).toBeLessThan(200);

    const named = valid();
    const s = named.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    s.name = TEN_MB;
    s.attributes.push({ key: 'input.value', value: { stringValue: TEN_MB } });
    const { traces, report: namedReport } = fromOtlpJson(named);
    expect(traces[0]!.name).toHaveLength(256);
    expect(traces[0]!.inputPreview).toHaveLength(500);
    expect(namedReport.flagged).toEqual([{ traceId: '0123456789abcdef0123456789abcdef', field: 'name', reason: 'longer than 256 characters; clipped' }]);

    const user = valid();
    user.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.attributes[0]!.value = { stringValue: TEN_MB };
    expect(fromOtlpJson(user).report.skipped).toEqual([{ kind: 'trace', traceId: '0123456789abcdef0123456789abcdef', reason: 'user.id is longer than 1024 characters' }]);

    expect(failure(() => fromOtlpJson(`{"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "${TEN_MB}`))).toMatchObject({ field: '(root)' });
  });

  it('bad options name the option', () => {
    expect(failure(() => fromOtlpJson(valid(), { prices: { m: { inputUsdPerMillionTokens: -1, outputUsdPerMillionTokens: 1 } } }))).toMatchObject({ field: 'prices["m"].inputUsdPerMillionTokens' });
    expect(failure(() => fromOtlpJson(valid(), { defaultUserId: '' }))).toMatchObject({ field: 'defaultUserId' });
    expect(failure(() => fromOtlpJson(valid(), { userIdKeys: ['app.user', ''] }))).toMatchObject({ field: 'userIdKeys[1]' });
    expect(failure(() => fromOtlpJson(valid(), { conversationIdKeys: 'app.session' as unknown as string[] }))).toMatchObject({ field: 'conversationIdKeys' });
  });

  it('never crashes: any JSON value, or a valid payload with any field replaced, imports (skipping what it cannot read) or throws ProviderError, and what it imports loads into the memory provider', () => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(valid(), []);
    const check = (input: unknown, spans = 0): void => {
      let result;
      try {
        result = fromOtlpJson(input, { defaultUserId: 'anon' });
      } catch (error) {
        if (!isProviderError(error) || error.code !== 'invalid-data' || typeof error.field !== 'string') throw error;
        return;
      }
      createMemoryProvider(result);
      // No silent drops: the payload's span is imported in a trace or counted as left out.
      const { traceCount, skippedCounts } = result.report;
      expect(traceCount + Object.values(skippedCounts).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(spans);
    };
    fc.assert(fc.property(fc.jsonValue(), (v) => check(v)), { numRuns: 1000 });
    fc.assert(
      fc.property(fc.constantFrom(...paths.slice(1)), fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string({ unit: 'binary' })), (path, replacement) => {
        const p = valid() as unknown as Record<string | number, unknown>;
        let node = p;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
        node[path[path.length - 1] as string] = replacement;
        check(p, path.length >= 6 ? 1 : 0); // paths from the span down: the span is still there to account for
      }),
      { numRuns: 1000 },
    );
  });
});
