import { describe, expect, it } from 'vitest';
import { buildChangeCallout, type ChangeCalloutFormat } from '../../../src/core/engine/change-callout';
import type { ChangeEvent, WindowMetrics } from '../../../src/core/results';

/** The formatting: "97 %", "12 Nov". */
const format: ChangeCalloutFormat = {
  locale: 'en-GB',
  percent: (v) => (v === null ? '—' : `${Math.round(v * 100)} %`),
  duration: (ms) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`),
  usd: (v) => (v === null ? '—' : `$${v.toFixed(4)}`),
  count: (n) => String(n),
  date: (iso) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.parse(iso)),
};

const window = (traceCount: number, successRate: number, latencyP95Ms: number, costPerTraceUsd: number | null): WindowMetrics => ({
  traceCount,
  successRate,
  latencyP95Ms,
  costPerTraceUsd,
});

const regression: ChangeEvent = {
  kind: 'model-switch',
  at: '2026-11-12T15:04:00.000Z',
  from: 'gpt-4o-mini',
  to: 'gpt-4.1',
  before: window(420, 0.97, 5000, 0.001),
  after: window(388, 0.84, 5200, 0.0011),
  regression: true,
  regressedOn: ['successRate'],
};

describe('buildChangeCallout', () => {
  it("writes the issue's example sentence for a success-rate regression after a model switch", () => {
    expect(buildChangeCallout(regression, format)).toBe(
      'Success rate fell from 97 % to 84 % after the switch from gpt-4o-mini to gpt-4.1 on 12 Nov (n = 420 → 388)',
    );
  });

  it('returns null unless the engine flagged the change', () => {
    expect(buildChangeCallout({ ...regression, regression: false, regressedOn: [] }, format)).toBeNull();
    expect(buildChangeCallout({ ...regression, regressedOn: [] }, format)).toBeNull();
  });

  it('lists every regressed measure in rule order, with rises for latency and cost', () => {
    const text = buildChangeCallout(
      { ...regression, after: window(388, 0.84, 9000, 0.004), regressedOn: ['successRate', 'latencyP95Ms', 'costPerTraceUsd'] },
      format,
    );
    expect(text).toBe(
      'Success rate fell from 97 % to 84 %, p95 latency rose from 5.0 s to 9.0 s and cost per trace rose from $0.0010 to $0.0040 ' +
        'after the switch from gpt-4o-mini to gpt-4.1 on 12 Nov (n = 420 → 388)',
    );
  });

  it('capitalises a sentence that starts with p95 latency, and names releases', () => {
    const text = buildChangeCallout(
      { ...regression, kind: 'release', from: '1.8.0', to: '1.9.0', after: window(388, 0.97, 9000, 0.001), regressedOn: ['latencyP95Ms'] },
      format,
    );
    expect(text).toBe('P95 latency rose from 5.0 s to 9.0 s after release 1.9.0 on 12 Nov (n = 420 → 388)');
  });

  it('handles a switch without a previous model, and overridden templates', () => {
    const first = { ...regression, from: null };
    expect(buildChangeCallout(first, format)).toBe('Success rate fell from 97 % to 84 % after the switch to gpt-4.1 on 12 Nov (n = 420 → 388)');
    expect(buildChangeCallout(regression, format, { calloutSuccessRate: 'taux de succès', calloutFell: '{measure} : {before} → {after}' })).toBe(
      'Taux de succès : 97 % → 84 % after the switch from gpt-4o-mini to gpt-4.1 on 12 Nov (n = 420 → 388)',
    );
  });

  it('names every change of a group too close to tell apart, once', () => {
    const group: ChangeEvent = {
      ...regression,
      kind: 'release',
      from: '1.8.0',
      to: '1.9.0',
      overlapsWith: [{ kind: 'model-switch', at: '2026-11-13T01:00:00.000Z', to: 'gpt-4.1' }],
    };
    expect(buildChangeCallout(group, format)).toBe(
      'Success rate fell from 97 % to 84 % after release 1.9.0 and the switch to gpt-4.1 on 12 Nov – 13 Nov, too close together to tell which (n = 420 → 388)',
    );
  });
});
