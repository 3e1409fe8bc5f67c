import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { fromOtlpJson } from '../../src/adapters/otlp/from-otlp-json';
import { isProviderError, type ProviderError } from '../../src/core/errors';
import { readFixture } from '../fixtures-path';

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

function failure(run: () => unknown): ProviderError {
  try {
    run();
  } catch (error) {
    if (isProviderError(error)) return error;
    throw error;
  }
  throw new Error('expected a ProviderError');
}

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
  it('truncated JSON text gives invalid-data at (root), or at the payload index in a list', () => {
    const text = readFixture('otlp/opentelemetry-proto-example.trace.json');
    expect(failure(() => fromOtlpJson(text.slice(0, 200)))).toMatchObject({ code: 'invalid-data', field: '(root)' });
    expect(failure(() => fromOtlpJson([text, text.slice(0, -3)]))).toMatchObject({ code: 'invalid-data', field: '[1]' });
    expect(failure(() => fromOtlpJson(`${JSON.stringify(valid())}\n{"resourceSpans": [`))).toMatchObject({ field: 'lines[1]' });
  });

  it('wrong types name the field', () => {
    const cases: [(p: ReturnType<typeof valid>) => void, string][] = [
      [(p) => Object.assign(p, { resourceSpans: {} }), 'resourceSpans'],
      [(p) => Object.assign(p.resourceSpans[0]!, { scopeSpans: 'nope' }), 'resourceSpans[0].scopeSpans'],
      [(p) => Object.assign(p.resourceSpans[0]!.scopeSpans[0]!, { spans: [42] }), SPAN],
      [(p) => Object.assign(p.resourceSpans[0]!.scopeSpans[0]!.spans[0]!, { startTimeUnixNano: true }), `${SPAN}.startTimeUnixNano`],
      [(p) => Object.assign(p.resourceSpans[0]!.scopeSpans[0]!.spans[0]!, { endTimeUnixNano: '12:00' }), `${SPAN}.endTimeUnixNano`],
      [(p) => Object.assign(p.resourceSpans[0]!.scopeSpans[0]!.spans[0]!, { name: 7 }), `${SPAN}.name`],
      [(p) => Object.assign(p.resourceSpans[0]!.scopeSpans[0]!.spans[0]!, { attributes: 'user.id=u1' }), `${SPAN}.attributes`],
      [(p) => Object.assign(p.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.attributes[0]!, { key: 3 }), `${SPAN}.attributes[0].key`],
      [(p) => Object.assign(p.resourceSpans[0]!, { resource: [] }), 'resourceSpans[0].resource'],
    ];
    for (const [mutate, field] of cases) {
      const p = valid();
      mutate(p);
      expect(failure(() => fromOtlpJson(p)), field).toMatchObject({ code: 'invalid-data', field });
    }
    expect(failure(() => fromOtlpJson(42))).toMatchObject({ field: '(root)' });
  });

  it('missing or malformed ids name the field', () => {
    for (const [key, value] of [['traceId', undefined], ['traceId', 'xyz'], ['traceId', '00000000000000000000000000000000'], ['spanId', undefined], ['spanId', '0123'], ['parentSpanId', 'not-hex!']] as const) {
      const p = valid();
      const s = p.resourceSpans[0]!.scopeSpans[0]!.spans[0]! as Record<string, unknown>;
      if (value === undefined) delete s[key];
      else s[key] = value;
      expect(failure(() => fromOtlpJson(p)), `${key}=${value}`).toMatchObject({ code: 'invalid-data', field: `${SPAN}.${key}` });
    }
  });

  it('10 MB strings: a huge id fails with a short message; huge names are clipped, huge user ids skipped, huge previews cut', () => {
    const p = valid();
    p.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.traceId = TEN_MB;
    const error = failure(() => fromOtlpJson(p));
    expect(error).toMatchObject({ field: `${SPAN}.traceId` });
    expect(error.message.length).toBeLessThan(200);

    const named = valid();
    const s = named.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    s.name = TEN_MB;
    s.attributes.push({ key: 'input.value', value: { stringValue: TEN_MB } });
    const { traces, report } = fromOtlpJson(named);
    expect(traces[0]!.name).toHaveLength(256);
    expect(traces[0]!.inputPreview).toHaveLength(500);
    expect(report.flagged).toEqual([{ traceId: '0123456789abcdef0123456789abcdef', field: 'name', reason: 'longer than 256 characters; clipped' }]);

    const user = valid();
    user.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.attributes[0]!.value = { stringValue: TEN_MB };
    expect(fromOtlpJson(user).report.skipped).toEqual([{ traceId: '0123456789abcdef0123456789abcdef', reason: 'user.id is longer than 1024 characters' }]);

    expect(failure(() => fromOtlpJson(`{"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "${TEN_MB}`))).toMatchObject({ field: '(root)' });
  });

  it('bad options name the option', () => {
    expect(failure(() => fromOtlpJson(valid(), { prices: { m: { inputUsdPerMillionTokens: -1, outputUsdPerMillionTokens: 1 } } }))).toMatchObject({ field: 'prices["m"].inputUsdPerMillionTokens' });
    expect(failure(() => fromOtlpJson(valid(), { defaultUserId: '' }))).toMatchObject({ field: 'defaultUserId' });
  });

  it('never crashes: any JSON value, or a valid payload with any field replaced, imports or throws ProviderError, and what it imports loads into the memory provider', () => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(valid(), []);
    const check = (input: unknown): void => {
      let result;
      try {
        result = fromOtlpJson(input, { defaultUserId: 'anon' });
      } catch (error) {
        if (!isProviderError(error) || error.code !== 'invalid-data' || typeof error.field !== 'string') throw error;
        return;
      }
      createMemoryProvider(result);
    };
    fc.assert(fc.property(fc.jsonValue(), check), { numRuns: 1000 });
    fc.assert(
      fc.property(fc.constantFrom(...paths.slice(1)), fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string({ unit: 'binary' })), (path, replacement) => {
        const p = valid() as unknown as Record<string | number, unknown>;
        let node = p;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
        node[path[path.length - 1] as string] = replacement;
        check(p);
      }),
      { numRuns: 1000 },
    );
  });
});
