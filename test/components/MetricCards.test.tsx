import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createDemoDataset, DEMO_DEFAULT_NOW, DEMO_USERS } from '../../src/adapters/demo/create-demo-dataset';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { MetricCards } from '../../src/components/MetricCards/MetricCards';
import { formatCount, formatDuration, formatPercent, formatUsd } from '../../src/components/primitives/format';
import { computeUserMetrics } from '../../src/core/engine/metrics';
import { rangeToMs } from '../../src/core/engine/time';
import { buildTraceIndex } from '../../src/core/engine/trace-index';
import { ProviderError } from '../../src/core/errors';
import type { ChangeEvent, Cohort, KeyMetrics, UserMetrics } from '../../src/core/results';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { useUserMetrics } from '../../src/hooks/query-hooks';

const base: KeyMetrics = {
  traceCount: 100,
  conversationCount: 20,
  activeDays: 5,
  errorCount: 4,
  successRate: 0.96,
  topErrorType: 'RateLimitError',
  latencyAvgMs: 1500,
  latencyP50Ms: 1000,
  latencyP95Ms: 1700,
  costUsd: 1,
  costPerTraceUsd: 0.01,
  inputTokens: 40_000,
  outputTokens: 10_000,
};

const empty: KeyMetrics = {
  traceCount: 0,
  conversationCount: 0,
  activeDays: 0,
  errorCount: 0,
  successRate: null,
  topErrorType: null,
  latencyAvgMs: null,
  latencyP50Ms: null,
  latencyP95Ms: null,
  costUsd: null,
  costPerTraceUsd: null,
  inputTokens: null,
  outputTokens: null,
};

const stat = (key: string) => document.querySelector(`[data-stat="${key}"]`) as HTMLElement;
const value = (key: string) => stat(key).querySelector('.us-metric-card__value')?.textContent;
const deltas = (key: string) => [...stat(key).querySelectorAll<HTMLElement>('[data-slot="delta"]')];
const delta = (key: string, i: number) => deltas(key)[i] as HTMLElement;

describe('MetricCards on the demo dataset', () => {
  const data = createDemoDataset();
  const provider = createMemoryProvider({ ...data, validate: false });
  const idx = buildTraceIndex(data.users, data.traces, data.feedback);
  const now = Date.parse(DEMO_DEFAULT_NOW);
  const range = { from: new Date(now - 7 * 86_400_000).toISOString(), to: DEMO_DEFAULT_NOW };

  function Wired({ userId, cohort }: { userId: string; cohort: Cohort | null }) {
    const q = useUserMetrics({ userId, range, compare: cohort ? { cohort } : undefined });
    return <MetricCards metrics={q.data} status={q.status} error={q.error} cohort={cohort} />;
  }

  const cases: [string, Cohort | null][] = [
    [DEMO_USERS.regression, { key: 'plan', value: 'pro' }],
    [DEMO_USERS.highErrors[1] as string, { key: 'region', value: 'eu-west' }],
    [DEMO_USERS.expensive[0] as string, null],
  ];

  it.each(cases)('shows the engine numbers for %s (cohort %o), fetched through the hooks', async (userId, cohort) => {
    render(
      <UserscopeProvider provider={provider} locale="en-US">
        <Wired userId={userId} cohort={cohort} />
      </UserscopeProvider>,
    );
    await waitFor(() => expect(document.querySelector('[data-slot="metric-cards"]')).toHaveAttribute('data-state', 'ready'));
    const expected = computeUserMetrics(idx, userId, rangeToMs(range), cohort ?? undefined);
    const m = expected.current;
    expect(value('traceCount')).toBe(formatCount(m.traceCount));
    expect(value('conversationCount')).toBe(formatCount(m.conversationCount));
    expect(value('activeDays')).toBe(formatCount(m.activeDays));
    expect(value('successRate')).toBe(formatPercent(m.successRate));
    expect(value('errorCount')).toBe(formatCount(m.errorCount));
    expect(value('topErrorType')).toBe(m.topErrorType ?? '—');
    expect(value('latencyP95Ms')).toBe(formatDuration(m.latencyP95Ms));
    expect(value('latencyP50Ms')).toBe(formatDuration(m.latencyP50Ms));
    expect(value('costUsd')).toBe(formatUsd(m.costUsd));
    expect(value('costPerTraceUsd')).toBe(formatUsd(m.costPerTraceUsd));
    expect(value('tokens')).toBe(formatCount((m.inputTokens ?? 0) + (m.outputTokens ?? 0)));
    // The p95 delta against the previous period reads the engine's previous value.
    expect(delta('latencyP95Ms', 0).textContent).toContain(`(${formatDuration(expected.previous.latencyP95Ms)})`);
    if (expected.cohort) {
      const c = expected.cohort;
      const name = `${String(cohort?.value)} users`;
      expect(screen.getByText(new RegExp(`and ${name} \\(${formatCount(c.userCount)} with traces\\)`))).toBeInTheDocument();
      expect(delta('successRate', 1).textContent).toContain(`than ${name} (${formatPercent(c.successRate)})`);
      // Either "… higher than pro users ($0.0062)" or, when equal at display precision, "the same as pro users".
      const costDelta = delta('costPerTraceUsd', 1).textContent ?? '';
      if (!costDelta.includes(`the same as ${name}`)) expect(costDelta).toContain(`(${formatUsd(c.costPerTraceUsd)})`);
    } else {
      expect(deltas('latencyP95Ms')).toHaveLength(1);
    }
  });

  it('is a region named "Key metrics", or a group named by the host\'s heading given aria-labelledby', () => {
    const metrics = computeUserMetrics(idx, DEMO_USERS.regression, rangeToMs(range));
    const { rerender } = render(<MetricCards metrics={metrics} />);
    expect(screen.getByRole('region', { name: 'Key metrics' })).toHaveAttribute('data-slot', 'metric-cards');
    rerender(
      <section aria-labelledby="metrics-title">
        <h2 id="metrics-title">Metrics this month</h2>
        <MetricCards metrics={metrics} aria-labelledby="metrics-title" />
      </section>,
    );
    expect(screen.getAllByRole('region')).toHaveLength(1);
    expect(screen.getByRole('group', { name: 'Metrics this month' })).toHaveAttribute('data-slot', 'metric-cards');
  });

  it('tells the regression user to start with performance, with the engine numbers', () => {
    const metrics = computeUserMetrics(idx, DEMO_USERS.regression, rangeToMs(range));
    render(<MetricCards metrics={metrics} />);
    expect(document.querySelector('[data-slot="verdict"]')).toHaveTextContent(
      `Start with performance: p95 latency ${formatDuration(metrics.current.latencyP95Ms)} vs ${formatDuration(
        metrics.previous.latencyP95Ms,
      )} in the previous period.`,
    );
    expect(document.querySelector('[data-attention]')).toHaveAttribute('data-metric', 'latencyP95Ms');
  });
});

describe('MetricCards deltas', () => {
  const cohort: Cohort = { key: 'plan', value: 'pro' };
  const metrics: UserMetrics = {
    current: { ...base, traceCount: 120, errorCount: 6, successRate: 0.95, latencyP95Ms: 2346, latencyP50Ms: 900, costPerTraceUsd: 0.01 },
    previous: { ...base, errorCount: 0 },
    cohort: { ...base, traceCount: 4000, errorCount: 40, costUsd: 40, latencyP95Ms: 1700, userCount: 40, activeDaysPerUser: 12 },
  };

  it('reads as a sentence: "p95 latency 2.3 s, 38% higher than pro users (1.7 s)"', () => {
    render(<MetricCards metrics={metrics} cohort={cohort} />);
    const [prev, vsCohort] = deltas('latencyP95Ms') as [HTMLElement, HTMLElement];
    expect(vsCohort.querySelector('.us-visually-hidden')).toHaveTextContent('p95 latency 2.3 s, 38% higher than pro users (1.7 s)');
    expect(vsCohort).toHaveAttribute('title', 'p95 latency 2.3 s, 38% higher than pro users (1.7 s)');
    expect(vsCohort.querySelector('[aria-hidden="true"]')).toHaveTextContent('▲38%');
    expect(prev.querySelector('.us-visually-hidden')).toHaveTextContent('p95 latency 2.3 s, 38% higher than the previous period (1.7 s)');
  });

  it('colours by direction: latency and errors up are bad, success rate down is bad, lower p50 is good, volume neutral', () => {
    render(<MetricCards metrics={metrics} cohort={cohort} />);
    expect(delta('latencyP95Ms', 0)).toHaveAttribute('data-tone', 'bad');
    expect(delta('latencyP50Ms', 0)).toHaveAttribute('data-tone', 'good');
    expect(delta('latencyP50Ms', 0)).toHaveAttribute('data-state', 'down');
    expect(delta('successRate', 0)).toHaveAttribute('data-tone', 'bad');
    expect(delta('traceCount', 0)).toHaveAttribute('data-tone', 'neutral');
    expect(delta('traceCount', 0)).toHaveAttribute('data-state', 'up');
    expect(delta('costPerTraceUsd', 0)).toHaveAttribute('data-state', 'same');
    expect(delta('costPerTraceUsd', 0)).toHaveTextContent('the same as the previous period');
  });

  it('shows "new" for a rise from zero, coloured by direction, never Infinity', () => {
    render(<MetricCards metrics={metrics} cohort={cohort} />);
    const fromZero = delta('errorCount', 0);
    expect(fromZero).toHaveAttribute('data-state', 'new');
    expect(fromZero).toHaveAttribute('data-tone', 'bad');
    expect(fromZero.querySelector('[aria-hidden="true"]')).toHaveTextContent('▲new');
    expect(fromZero).toHaveTextContent('Errors 6, compared with 0 for the previous period');
    expect(document.body.textContent).not.toMatch(/Infinity|NaN/);
  });

  it('compares totals with the cohort per-user average and rates as they are', () => {
    render(<MetricCards metrics={metrics} cohort={cohort} />);
    // 120 traces vs 4000 / 40 = 100 per pro user.
    expect(delta('traceCount', 1)).toHaveTextContent('Traces 120, 20% higher than the average pro user (100)');
    expect(delta('traceCount', 1).querySelector('.us-delta__baseline')).toHaveTextContent('vs avg. pro');
    // 6 errors vs 40 / 40 = 1 per user.
    expect(delta('errorCount', 1)).toHaveTextContent('Errors 6, 500% higher than the average pro user (1)');
    expect(delta('successRate', 1)).toHaveTextContent('Success rate 95%, 1% lower than pro users (96%)');
    // Active days against the mean of each pro user's own active days (12), not the cohort's distinct days.
    expect(delta('activeDays', 1)).toHaveTextContent('Active days 5, 58% lower than the average pro user (12)');
    expect(screen.getByText('Changes compare with the previous period and pro users (40 with traces).')).toBeInTheDocument();
  });

  it('shows a big rise as a multiple', () => {
    render(<MetricCards metrics={{ current: { ...base, latencyP95Ms: 86_400_000 }, previous: base }} />);
    expect(delta('latencyP95Ms', 0).querySelector('[aria-hidden="true"]')).toHaveTextContent('▲50.8K×');
    expect(delta('latencyP95Ms', 0)).toHaveTextContent('p95 latency 24 h, 50.8K times the previous period (1.7 s)');
  });

  it('never renders NaN or Infinity, whatever the numbers', () => {
    const num = fc.oneof(fc.constant(null), fc.constant(0), fc.double({ min: 0, max: 1e15, noNaN: true }));
    const arbMetrics = fc.record({
      traceCount: fc.integer({ min: 0, max: 1e9 }),
      errorCount: fc.integer({ min: 0, max: 1e9 }),
      successRate: num,
      latencyP95Ms: num,
      costUsd: num,
      costPerTraceUsd: num,
      inputTokens: num,
    });
    fc.assert(
      fc.property(arbMetrics, arbMetrics, fc.integer({ min: 0, max: 5 }), (a, b, users) => {
        const { unmount, container } = render(
          <MetricCards
            metrics={{ current: { ...base, ...a }, previous: { ...base, ...b }, cohort: { ...base, ...b, userCount: users, activeDaysPerUser: users === 0 ? null : 3 } }}
            cohort={{ key: 'tier', value: 3 }}
          />,
        );
        expect(container.textContent).not.toMatch(/Infinity|NaN|undefined/);
        for (const d of container.querySelectorAll('[data-slot="delta"]')) expect(d.getAttribute('title')).not.toMatch(/Infinity|NaN/);
        unmount();
      }),
      { numRuns: 100 },
    );
  });
});

describe('MetricCards verdict', () => {
  const verdict = () => document.querySelector('[data-slot="verdict"]') as HTMLElement;

  it('names quality against the cohort', () => {
    const metrics: UserMetrics = {
      current: { ...base, errorCount: 40, successRate: 0.6 },
      previous: { ...base, errorCount: 35, successRate: 0.65 },
      cohort: { ...base, traceCount: 1000, errorCount: 36, userCount: 30, activeDaysPerUser: 5 },
    };
    render(<MetricCards metrics={metrics} cohort={{ key: 'plan', value: 'free' }} />);
    expect(verdict()).toHaveAttribute('data-area', 'quality');
    expect(verdict()).toHaveTextContent('Start with quality: error rate 40% vs 3.6% for free users.');
    expect(document.querySelector('[data-attention]')).toHaveAttribute('data-metric', 'successRate');
  });

  it('names spend in lower case mid-sentence', () => {
    render(<MetricCards metrics={{ current: { ...base, costPerTraceUsd: 0.092 }, previous: base }} />);
    expect(verdict()).toHaveTextContent('Start with spend: cost per trace $0.092 vs $0.010 in the previous period.');
    expect(document.querySelector('[data-attention]')).toHaveAttribute('data-metric', 'costUsd');
  });

  it('says nothing stands out, too few traces, or no baseline', () => {
    const { rerender } = render(<MetricCards metrics={{ current: base, previous: base, cohort: { ...base, userCount: 3, activeDaysPerUser: base.activeDays } }} cohort={{ key: 'beta', value: true }} />);
    expect(verdict()).toHaveTextContent(
      'Nothing stands out: error rate, p95 latency and cost per trace are in line with the previous period and users with beta = true.',
    );
    rerender(<MetricCards metrics={{ current: { ...base, traceCount: 12 }, previous: base }} />);
    expect(verdict()).toHaveTextContent('Too few traces (12) to say where to look first; it takes 20.');
    rerender(<MetricCards metrics={{ current: base, previous: { ...base, traceCount: 3 } }} />);
    expect(verdict()).toHaveAttribute('data-state', 'no-baseline');
  });
});

describe('MetricCards verdict with regressions (issue 17)', () => {
  const verdict = () => document.querySelector('[data-slot="verdict"]') as HTMLElement;
  const w = (latencyP95Ms: number, costPerTraceUsd: number) => ({ traceCount: 120, successRate: 0.96, latencyP95Ms, costPerTraceUsd });
  const harmful: ChangeEvent = {
    kind: 'model-switch',
    at: '2024-01-16T00:00:00.000Z',
    from: 'gpt-4o-mini',
    to: 'gpt-4.1',
    before: w(840, 0.002),
    after: w(1440, 0.004),
    regression: true,
    regressedOn: ['latencyP95Ms', 'costPerTraceUsd'],
  };
  const harmless: ChangeEvent = { ...harmful, kind: 'release', at: '2024-01-11T00:00:00.000Z', from: '1.8.0', to: '1.9.0', regression: false, regressedOn: [] };

  it('never says "Nothing stands out" when a change is flagged: it leads with the regression callout', () => {
    const steady = { current: base, previous: base };
    const { rerender } = render(<MetricCards metrics={steady} changes={[harmless]} />);
    expect(verdict()).toHaveAttribute('data-state', 'steady');
    rerender(<MetricCards metrics={steady} changes={[harmless, harmful]} />);
    expect(verdict()).toHaveAttribute('data-state', 'regression');
    expect(verdict()).toHaveAttribute('data-area', 'performance');
    expect(verdict()).not.toHaveTextContent('Nothing stands out');
    expect(verdict()).toHaveTextContent(
      'Start with performance: P95 latency rose from 840 ms to 1.4 s and cost per trace rose from $0.0020 to $0.0040 after the switch from gpt-4o-mini to gpt-4.1 on Jan 16 (n = 120 → 120).',
    );
    expect(document.querySelector('[data-attention]')).toHaveAttribute('data-metric', 'latencyP95Ms');
  });

  it('leads with the regression even without a baseline, and counts the other callouts', () => {
    const older: ChangeEvent = { ...harmful, at: '2024-01-05T00:00:00.000Z', to: 'gpt-4o', regressedOn: ['successRate'] };
    render(<MetricCards metrics={{ current: base, previous: { ...base, traceCount: 3 } }} changes={[older, harmful]} />);
    expect(verdict()).toHaveAttribute('data-state', 'regression');
    expect(verdict()).toHaveTextContent('1 more regression below.');
  });
});

describe('MetricCards focus', () => {
  it('calls onMetricFocus with the card id on click and from the keyboard', async () => {
    const onMetricFocus = vi.fn();
    render(<MetricCards metrics={{ current: base, previous: base }} onMetricFocus={onMetricFocus} />);
    await userEvent.click(screen.getByRole('button', { name: 'Latency, show trend' }));
    expect(onMetricFocus).toHaveBeenLastCalledWith('latencyP95Ms');
    screen.getByRole('button', { name: 'Cost, show trend' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(onMetricFocus).toHaveBeenLastCalledWith('costUsd');
    await userEvent.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Latency, show trend' })).toHaveFocus();
    expect(screen.getAllByRole('button', { name: /show trend/ }).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Volume, show trend',
      'Quality, show trend',
      'Latency, show trend',
      'Cost, show trend',
    ]);
  });

  it('has plain titles without onMetricFocus', () => {
    render(<MetricCards metrics={{ current: base, previous: base }} />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Volume', 'Quality', 'Latency', 'Cost']);
  });
});

describe('MetricCards states', () => {
  const section = () => document.querySelector('[data-slot="metric-cards"]') as HTMLElement;

  it('loading', () => {
    render(<MetricCards status="pending" />);
    expect(section()).toHaveAttribute('data-state', 'loading');
    expect(within(section()).getByRole('status')).toHaveTextContent('Loading metrics…');
  });

  it('error with retry', async () => {
    const onRetry = vi.fn();
    render(<MetricCards status="error" error={new ProviderError('network', 'Failed to fetch')} onRetry={onRetry} />);
    expect(section()).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load the metrics.Failed to fetch');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('no traces in range, mentioning the previous period', () => {
    const { rerender } = render(<MetricCards metrics={{ current: empty, previous: base }} />);
    expect(section()).toHaveAttribute('data-state', 'empty');
    expect(section()).toHaveTextContent('No traces in this time range. The previous period had 100 traces.');
    expect(document.querySelector('[data-slot="metric-card"]')).toBeNull();
    rerender(<MetricCards metrics={{ current: empty, previous: empty }} />);
    expect(section()).toHaveTextContent(/^No traces in this time range\.$/);
  });

  it('unknown cost shows "—" and why, without deltas', () => {
    const noCost = { ...base, costUsd: null, costPerTraceUsd: null, inputTokens: null, outputTokens: null };
    render(<MetricCards metrics={{ current: noCost, previous: base }} />);
    expect(value('costUsd')).toBe('—');
    expect(value('costPerTraceUsd')).toBe('—');
    expect(value('tokens')).toBe('—');
    expect(deltas('costUsd')).toHaveLength(0);
    expect(screen.getByText('No cost data: none of the traces in this range reports a cost.')).toBeInTheDocument();
  });

  it('compacts huge numbers with the exact value on hover', () => {
    render(<MetricCards metrics={{ current: { ...base, traceCount: 48_213_904, costUsd: 2_481_907.55 }, previous: base }} />);
    expect(value('traceCount')).toBe('48.2M');
    expect(stat('traceCount').querySelector('.us-metric-card__value')).toHaveAttribute('title', '48,213,904');
    expect(value('costUsd')).toBe('$2.5M');
    expect(stat('costUsd').querySelector('.us-metric-card__value')).toHaveAttribute('title', '$2,481,907.55');
    expect(stat('tokens').querySelector('.us-metric-card__value')).toHaveAttribute('title', '40,000 input, 10,000 output');
  });
});
