import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MetricCards } from '../../src/components/MetricCards/MetricCards';
import { computeVerdict } from '../../src/core/engine/verdict';
import type { CohortMetrics, KeyMetrics, UserMetrics, UsersDistribution } from '../../src/core/results';

const user: KeyMetrics = {
  traceCount: 100,
  conversationCount: 20,
  activeDays: 5,
  errorCount: 40,
  successRate: 0.6,
  topErrorType: 'RateLimitError',
  latencyAvgMs: 1500,
  latencyP50Ms: 1000,
  latencyP95Ms: 1700,
  costUsd: 1,
  costPerTraceUsd: 0.01,
  inputTokens: 40_000,
  outputTokens: 10_000,
};

const nothing: KeyMetrics = {
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

/** 50 users, 2,000 traces, 3 % errors, mostly timeouts. */
const everyone: CohortMetrics = {
  ...user,
  traceCount: 2000,
  conversationCount: 400,
  errorCount: 60,
  successRate: 0.97,
  topErrorType: 'Timeout',
  costUsd: 20,
  costPerTraceUsd: 0.01,
  userCount: 50,
  activeDaysPerUser: 4.2,
};

const stat = (key: string) => document.querySelector(`[data-stat="${key}"]`) as HTMLElement;
const deltaTitles = (key: string) => [...stat(key).querySelectorAll('[data-slot="delta"]')].map((d) => d.getAttribute('title'));
const verdict = () => document.querySelector('[data-slot="verdict"]') as HTMLElement;

describe('MetricCards with the population baseline', () => {
  it('compares with every user when the previous period has no trace', () => {
    render(<MetricCards metrics={{ current: user, previous: nothing, population: everyone }} />);
    expect(screen.getByText('No traces in the previous period: changes compare with all users (50 with traces).')).toBeInTheDocument();
    expect(deltaTitles('successRate')).toEqual(['Success rate 60%, 38% lower than all users (97%)']);
    // Totals against the per-user average: 2,000 traces / 50 users = 40.
    expect(deltaTitles('traceCount')).toEqual(['Traces 100, 150% higher than the average user (40)']);
    expect(stat('traceCount').textContent).toContain('vs avg. user');
    expect(stat('topErrorType').querySelector('[data-slot="top-error-compare"]')).toHaveTextContent('all users: Timeout');
    expect(verdict()).toHaveTextContent('Start with quality: error rate 40% vs 3% across all users.');
  });

  it('keeps the previous period when it has traces, and never shows "vs all users" then', () => {
    render(<MetricCards metrics={{ current: user, previous: user, population: everyone }} />);
    expect(screen.getByText('Changes compare with the previous period.')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('all users');
    expect(verdict()).toHaveTextContent('Nothing stands out');
  });

  it('still says "no baseline" without a previous period when the provider has no population', () => {
    render(<MetricCards metrics={{ current: user, previous: nothing }} />);
    expect(verdict()).toHaveAttribute('data-state', 'no-baseline');
    expect(deltaTitles('successRate')).toEqual(['Success rate 60%, no comparison with the previous period (—)']);
  });

  it('compares the top error with the cohort: same type, another type, or none', () => {
    const cohort = (topErrorType: string | null): CohortMetrics => ({ ...everyone, topErrorType, userCount: 5 });
    const { rerender } = render(<MetricCards metrics={{ current: user, previous: user, cohort: cohort('RateLimitError') }} cohort={{ key: 'plan', value: 'pro' }} />);
    const compare = () => stat('topErrorType').querySelector('[data-slot="top-error-compare"]');
    expect(compare()).toHaveTextContent('same as pro users');
    rerender(<MetricCards metrics={{ current: user, previous: user, cohort: cohort('Timeout') }} cohort={{ key: 'plan', value: 'pro' }} />);
    expect(compare()).toHaveTextContent('pro users: Timeout');
    rerender(<MetricCards metrics={{ current: user, previous: user, cohort: cohort(null) }} cohort={{ key: 'plan', value: 'pro' }} />);
    expect(compare()).toHaveTextContent('none for pro users');
  });
});

describe('computeVerdict with the population', () => {
  const metrics = (previous: KeyMetrics, population?: CohortMetrics): UserMetrics => ({ current: user, previous, population });

  it('uses every user only when the previous period is too thin', () => {
    expect(computeVerdict(metrics(nothing, everyone))).toMatchObject({ status: 'focus', area: 'quality', compared: ['population'] });
    expect(computeVerdict(metrics({ ...user, traceCount: 19 }, everyone))).toMatchObject({ compared: ['population'] });
    expect(computeVerdict(metrics(user, everyone))).toMatchObject({ status: 'steady', compared: ['previous'] });
    expect(computeVerdict(metrics(nothing))).toMatchObject({ status: 'no-baseline' });
    expect(computeVerdict(metrics(nothing, { ...everyone, traceCount: 10 }))).toMatchObject({ status: 'no-baseline' });
  });
});

describe('MetricCards position among all users', () => {
  const dist = (aboveCount: number | null, userCount: number, value: number | null = 3): UsersDistribution => ({
    metric: 'costUsd',
    bins: [],
    userCount,
    unknownCount: 0,
    position: { value, aboveCount },
  });
  const positions = () => document.querySelector('[data-slot="positions"]');

  it('says "Cost in the top 2% of users" with the rank, rounding the share up', () => {
    render(<MetricCards metrics={{ current: user, previous: user }} positions={[dist(2, 150)]} />);
    // rank 3 of 150 = 2 %.
    expect(screen.getByRole('list', { name: 'Position among all users' })).toHaveTextContent('Cost in the top 2% of users (rank 3 of 150)');
  });

  it('rounds up, to tenths below 1 %, and says bottom for the lower half', () => {
    const { rerender } = render(<MetricCards metrics={{ current: user, previous: user }} positions={[dist(4, 200)]} />);
    expect(positions()).toHaveTextContent('Cost in the top 3% of users (rank 5 of 200)');
    rerender(<MetricCards metrics={{ current: user, previous: user }} positions={[dist(0, 1580)]} />);
    expect(positions()).toHaveTextContent('Cost in the top 0.1% of users (rank 1 of 1,580)');
    rerender(<MetricCards metrics={{ current: user, previous: user }} positions={[dist(180, 200)]} />);
    expect(positions()).toHaveTextContent('Cost in the bottom 10% of users (rank 181 of 200)');
  });

  it('shows nothing for an unknown value, no position, or too few users', () => {
    const { rerender } = render(<MetricCards metrics={{ current: user, previous: user }} positions={[dist(null, 150, null)]} />);
    expect(positions()).toBeNull();
    rerender(<MetricCards metrics={{ current: user, previous: user }} positions={[{ ...dist(0, 150), position: undefined }]} />);
    expect(positions()).toBeNull();
    rerender(<MetricCards metrics={{ current: user, previous: user }} positions={[dist(0, 9)]} />);
    expect(positions()).toBeNull();
  });
});
