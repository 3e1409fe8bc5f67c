// Issue 18 D4: attribute values nested thousands deep are flagged and ignored, never a bare stack overflow.
import { describe, expect, it } from 'vitest';
import { fromOtlpJson } from '../../src/adapters/otlp/from-otlp-json';

function nested(depth: number, kind: 'array' | 'kvlist'): unknown {
  let value: unknown = { stringValue: 'deep' };
  for (let i = 0; i < depth; i++) {
    value = kind === 'array' ? { arrayValue: { values: [value] } } : { kvlistValue: { values: [{ key: 'k', value }] } };
  }
  return value;
}

const payload = (deep: unknown): unknown => ({
  resourceSpans: [
    {
      scopeSpans: [
        {
          spans: [
            {
              traceId: '0af7651916cd43dd8448eb211c80319c',
              spanId: 'b7ad6b7169203331',
              name: 'chat',
              startTimeUnixNano: '1741000000000000000',
              endTimeUnixNano: '1741000001000000000',
              attributes: [
                { key: 'user.id', value: { stringValue: 'u1' } },
                { key: 'deep.value', value: deep },
                { key: 'deep.plain', value: JSON.parse('['.repeat(5000) + ']'.repeat(5000)) as unknown },
              ],
            },
          ],
        },
      ],
    },
  ],
});

describe('D4: deeply nested OTLP attribute values', () => {
  it.each(['array', 'kvlist'] as const)('flags a %s nested 5,000 deep and keeps the trace', (kind) => {
    const { traces, report } = fromOtlpJson(payload(nested(5000, kind)));
    expect(traces).toHaveLength(1);
    const fields = report.flagged.map((f) => f.field);
    expect(fields).toContain('deep.value');
    expect(fields).toContain('deep.plain');
  });

  it('still decodes ordinary nesting', () => {
    const { report } = fromOtlpJson(payload(nested(5, 'kvlist')));
    expect(report.flagged.map((f) => f.field)).not.toContain('deep.value');
  });
});
