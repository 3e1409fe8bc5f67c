import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { TrendCharts } from '../../src/components/TrendCharts/TrendCharts';
import { MIN_TICK_SPACING_PX, timeTicks } from '../../src/components/charts/time-ticks';
import { bucketSizeMs, bucketStart } from '../../src/core/engine/time';
import type { Granularity } from '../../src/core/model';
import { ProviderError } from '../../src/core/errors';
import type { ChangeEvent, TrendBucket, UserTrends } from '../../src/core/results';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 10); // Tuesday 10 Nov 2026
const WIDTH = 600;
/** Plot width: 600 − left margin 60 − right margin 16. */
const INNER = 524;
const LEFT = 60;

function bucket(t: number, i: number): TrendBucket {
  const traceCount = i % 4 === 3 ? 0 : 10 + i;
  return {
    t: new Date(t).toISOString(),
    traceCount,
    errorCount: traceCount === 0 ? 0 : i % 3,
    successRate: traceCount === 0 ? null : (traceCount - (i % 3)) / traceCount,
    latencyP50Ms: traceCount === 0 ? null : 800 + i * 10,
    latencyP95Ms: traceCount === 0 ? null : 2000 + i * 100,
    costUsd: traceCount === 0 ? null : 0.01 * traceCount,
    tokens: traceCount === 0 ? null : 1000 * traceCount,
  };
}

function dailyTrends(days: number, start = T0): UserTrends {
  return { granularity: 'day', buckets: Array.from({ length: days }, (_, i) => bucket(start + i * DAY, i)) };
}

const change = (over: Partial<ChangeEvent> = {}): ChangeEvent => ({
  kind: 'model-switch',
  at: '2026-11-13T16:22:00.000Z',
  from: 'gpt-4o-mini',
  to: 'gpt-4.1',
  before: { traceCount: 200, successRate: 0.975, latencyP95Ms: 6150, costPerTraceUsd: 0.0012 },
  after: { traceCount: 200, successRate: 0.87, latencyP95Ms: 6300, costPerTraceUsd: 0.0013 },
  regression: true,
  regressedOn: ['successRate'],
  ...over,
});

const plot = () => document.querySelector('[data-slot="chart-plot"]') as HTMLElement;
const xOf = (ms: number, from: number, to: number) => ((ms - from) / (to - from)) * INNER;

describe('TrendCharts', () => {
  it('is a region named by its title, or leaves the naming to a host given headingId', () => {
    const { rerender } = render(<TrendCharts trends={dailyTrends(10)} width={WIDTH} />);
    expect(screen.getByRole('region', { name: 'Trends' })).toHaveAttribute('data-slot', 'trend-charts');
    rerender(<TrendCharts trends={dailyTrends(10)} width={WIDTH} headingId="trends-title" />);
    expect(screen.getByRole('heading', { name: 'Trends' })).toHaveAttribute('id', 'trends-title');
    expect(screen.queryByRole('region', { name: 'Trends' })).toBeNull();
  });

  it('puts x-axis ticks on UTC bucket starts and each bucket at its centre', async () => {
    const trends = dailyTrends(10);
    render(<TrendCharts trends={trends} width={WIDTH} />);
    const from = T0;
    const to = T0 + 10 * DAY;
    const expected = timeTicks({ from, to }, 'day', INNER);
    expect(expected.length).toBeGreaterThan(2);
    for (const t of expected) expect(t % DAY).toBe(0);
    const tickLines = [...document.querySelectorAll('.us-chart__axis .us-chart__tick line')];
    const bottom = tickLines.slice(-expected.length).map((line) => Number(line.getAttribute('x1')));
    expect(bottom).toEqual(expected.map((t) => expect.closeTo(xOf(t, from, to), 6)));

    // Keyboard crosshair on the third bucket: its line sits at the bucket's centre and the live region reads it.
    await userEvent.click(screen.getByRole('tab', { name: 'Traces' }));
    act(() => plot().focus());
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    const crosshair = document.querySelector('.us-chart__crosshair line') as SVGLineElement;
    expect(Number(crosshair.getAttribute('x1'))).toBeCloseTo(xOf(T0 + 2 * DAY + DAY / 2, from, to), 6);
    expect(screen.getByRole('status').textContent).toBe(
      'Nov 12, 2026: Traces 12, Errors 2, Success rate 83.3%, p50 latency 820 ms, p95 latency 2.2 s, Cost $0.12, Tokens 12,000',
    );
  });

  it('aligns weekly ticks to Mondays and hourly ticks to whole hours', () => {
    const monday = Date.UTC(2026, 10, 9);
    for (const t of timeTicks({ from: monday, to: monday + 52 * 7 * DAY }, 'week', INNER)) expect((t - monday) % (7 * DAY)).toBe(0);
    for (const t of timeTicks({ from: T0, to: T0 + 3 * DAY }, 'hour', INNER)) expect(t % HOUR).toBe(0);
  });

  it('keeps every tick on a bucket start inside the range, far enough apart, midnights once ticks span days', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Granularity>('hour', 'day', 'week'),
        fc.integer({ min: 0, max: 4000 * DAY }),
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 40, max: 2000 }),
        (granularity, offset, buckets, width) => {
          const size = bucketSizeMs(granularity);
          const from = Date.UTC(2020, 0, 1) + offset;
          const to = from + buckets * size;
          const ticks = timeTicks({ from, to }, granularity, width);
          const pxPerMs = width / (to - from);
          ticks.forEach((t, i) => {
            expect(bucketStart(t, granularity)).toBe(t);
            expect(t).toBeGreaterThanOrEqual(from);
            expect(t).toBeLessThan(to);
            if (i > 0) expect((t - (ticks[i - 1] as number)) * pxPerMs).toBeGreaterThanOrEqual(MIN_TICK_SPACING_PX - 1e-6);
            if (ticks.length > 1 && (ticks[1] as number) - (ticks[0] as number) >= DAY) expect(t % DAY).toBe(0);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('places each marker at the x of its change, with an accessible name and a tooltip on focus', async () => {
    const trends = dailyTrends(10);
    const release = change({ kind: 'release', at: '2026-11-17T09:00:00.000Z', from: '1.8.0', to: '1.9.0', regression: false, regressedOn: [] });
    render(<TrendCharts trends={trends} changes={[change(), release]} width={WIDTH} />);
    const from = T0;
    const to = T0 + 10 * DAY;
    const switchButton = screen.getByRole('button', { name: 'Regression: Model switch gpt-4o-mini → gpt-4.1, Nov 13, 2026, 16:22 UTC' });
    const releaseButton = screen.getByRole('button', { name: 'Release 1.8.0 → 1.9.0, Nov 17, 2026, 09:00 UTC' });
    // Button centre (left + 12 px) = left margin + x of the change.
    expect(parseFloat(switchButton.style.left) + 12).toBeCloseTo(LEFT + xOf(Date.parse('2026-11-13T16:22:00Z'), from, to), 6);
    expect(parseFloat(releaseButton.style.left) + 12).toBeCloseTo(LEFT + xOf(Date.parse('2026-11-17T09:00:00Z'), from, to), 6);
    const lines = [...document.querySelectorAll('.us-chart__marker-line')].map((l) => Number(l.getAttribute('x1')));
    expect(lines[0]).toBeCloseTo(xOf(Date.parse('2026-11-13T16:22:00Z'), from, to), 6);
    expect(releaseButton).toHaveAccessibleDescription(expect.stringContaining('No significant regression.'));

    for (let i = 0; i < 20 && document.activeElement !== switchButton; i++) await userEvent.tab();
    const tooltip = switchButton.querySelector('.us-tooltip') as HTMLElement;
    expect(tooltip).toHaveTextContent('Model switch · Nov 13, 2026, 16:22 UTC');
    expect(tooltip).toHaveTextContent('Success rate: 97.5% → 87%');
  });

  it('leaves out markers outside the visible range', () => {
    render(<TrendCharts trends={dailyTrends(10)} changes={[change({ at: '2026-12-01T00:00:00.000Z' })]} width={WIDTH} />);
    expect(screen.queryByRole('button', { name: /Model switch/ })).toBeNull();
  });

  it('writes a callout only for flagged regressions', () => {
    const { rerender } = render(<TrendCharts trends={dailyTrends(10)} changes={[change()]} width={WIDTH} />);
    const callouts = screen.getByRole('list', { name: 'Regressions' });
    expect(within(callouts).getByRole('listitem')).toHaveTextContent(
      'Success rate fell from 97.5% to 87% after the switch from gpt-4o-mini to gpt-4.1 on Nov 13 (n = 200 → 200)',
    );
    rerender(<TrendCharts trends={dailyTrends(10)} changes={[change({ regression: false, regressedOn: [] })]} width={WIDTH} />);
    expect(screen.queryByRole('list', { name: 'Regressions' })).toBeNull();
  });

  it('switches metric tabs with the arrow keys and when a metric card asks', async () => {
    const onMetricChange = vi.fn();
    const { rerender } = render(<TrendCharts trends={dailyTrends(10)} width={WIDTH} onMetricChange={onMetricChange} />);
    expect(screen.getByRole('heading', { name: 'Traces per day' })).toBeInTheDocument();
    act(() => screen.getByRole('tab', { name: 'Traces' }).focus());
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Success rate' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { name: 'Success rate per day' })).toBeInTheDocument();
    expect(onMetricChange).toHaveBeenLastCalledWith('successRate');
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Tokens' })).toHaveAttribute('aria-selected', 'true');

    rerender(<TrendCharts trends={dailyTrends(10)} width={WIDTH} onMetricChange={onMetricChange} focusMetric="latencyP95Ms" />);
    const latency = screen.getByRole('tab', { name: 'Latency' });
    expect(latency).toHaveAttribute('aria-selected', 'true');
    expect(latency).toHaveFocus();
    expect(screen.getByRole('heading', { name: 'Latency per day' })).toBeInTheDocument();

    // The same card again after the page cleared it selects the tab again.
    await userEvent.click(screen.getByRole('tab', { name: 'Cost' }));
    rerender(<TrendCharts trends={dailyTrends(10)} width={WIDTH} onMetricChange={onMetricChange} focusMetric={null} />);
    rerender(<TrendCharts trends={dailyTrends(10)} width={WIDTH} onMetricChange={onMetricChange} focusMetric="latencyP95Ms" />);
    expect(screen.getByRole('tab', { name: 'Latency' })).toHaveAttribute('aria-selected', 'true');
  });

  it('offers the chart as a table with every visible bucket and comparison', async () => {
    const trends = dailyTrends(4);
    const previous = dailyTrends(4, T0 - 4 * DAY);
    const cohort: UserTrends = { granularity: 'day', buckets: trends.buckets.map((b) => ({ ...b, traceCount: b.traceCount * 10 })) };
    render(<TrendCharts trends={trends} previous={previous} cohort={cohort} cohortUserCount={4} cohortName="pro users" width={WIDTH} />);
    await userEvent.click(screen.getByRole('button', { name: 'View as table' }));
    const table = screen.getByRole('table', { name: 'Traces per day' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Time (UTC)', 'Traces', 'Errors', 'Previous period', 'pro users, average per user']);
    const rows = within(table).getAllByRole('row').slice(1).map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Nov 10, 2026', '10', '0', '10', '25'],
      ['Nov 11, 2026', '11', '1', '11', '28'],
      ['Nov 12, 2026', '12', '2', '12', '30'],
      ['Nov 13, 2026', '0', '0', '0', '0'],
    ]);
    expect(screen.getByRole('button', { name: 'Hide table' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('draws the cohort of totals only with a user count, and rates directly', async () => {
    const trends = dailyTrends(4);
    render(<TrendCharts trends={trends} cohort={trends} cohortName="pro users" width={WIDTH} />);
    const legend = () => (document.querySelector('[data-slot="chart-legend"]') as HTMLElement).textContent;
    expect(legend()).not.toContain('pro users');
    await userEvent.click(screen.getByRole('tab', { name: 'Success rate' }));
    expect(legend()).toContain('pro users');
  });

  it('zooms to a keyboard selection and zooms out, through onRangeChange', async () => {
    const onRangeChange = vi.fn();
    render(<TrendCharts trends={dailyTrends(10)} width={WIDTH} onRangeChange={onRangeChange} />);
    expect(screen.getByRole('button', { name: 'Zoom out' })).toBeDisabled();
    act(() => plot().focus());
    await userEvent.keyboard('{ArrowRight}{Shift>}{ArrowRight}{ArrowRight}{/Shift}{Enter}');
    expect(onRangeChange).toHaveBeenLastCalledWith({ from: new Date(T0).toISOString(), to: new Date(T0 + 3 * DAY).toISOString() });
    // Uncontrolled: the chart now shows those three days and offers a reset.
    expect(screen.getByText('Nov 10, 2026 – Nov 12, 2026')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reset zoom' }));
    expect(onRangeChange).toHaveBeenLastCalledWith({ from: new Date(T0).toISOString(), to: new Date(T0 + 10 * DAY).toISOString() });
    expect(screen.queryByRole('button', { name: 'Reset zoom' })).toBeNull();
  });

  it('shows a controlled range snapped to whole buckets, and zooms out around its centre', async () => {
    const onRangeChange = vi.fn();
    const range = { from: '2026-11-12T06:00:00.000Z', to: '2026-11-14T12:00:00.000Z' };
    render(<TrendCharts trends={dailyTrends(10)} width={WIDTH} range={range} onRangeChange={onRangeChange} />);
    expect(screen.getByText('Nov 12, 2026 – Nov 14, 2026')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'View as table' }));
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(4);
    await userEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(onRangeChange).toHaveBeenLastCalledWith({ from: '2026-11-10T00:00:00.000Z', to: '2026-11-17T00:00:00.000Z' });
  });

  it('zooms to a dragged span', () => {
    const onRangeChange = vi.fn();
    render(<TrendCharts trends={dailyTrends(10)} width={WIDTH} onRangeChange={onRangeChange} />);
    const el = plot();
    el.getBoundingClientRect = () => ({ x: 0, y: 0, left: 0, top: 0, width: WIDTH, height: 260, right: WIDTH, bottom: 260, toJSON: () => ({}) });
    const at = (day: number) => LEFT + xOf(T0 + day * DAY + DAY / 2, T0, T0 + 10 * DAY);
    const pointer = (type: string, x: number) => el.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: x, clientY: 100, button: 0 }));
    act(() => void pointer('pointerdown', at(4)));
    act(() => void pointer('pointermove', at(6)));
    act(() => void pointer('pointerup', at(6)));
    expect(onRangeChange).toHaveBeenLastCalledWith({ from: new Date(T0 + 4 * DAY).toISOString(), to: new Date(T0 + 7 * DAY).toISOString() });
  });

  it('downsamples a long series before drawing (about one point per pixel)', () => {
    const buckets = Array.from({ length: 24 * 365 }, (_, i) => bucket(T0 + i * HOUR, i));
    render(<TrendCharts trends={{ granularity: 'hour', buckets }} width={WIDTH} />);
    const drawn = Number(document.querySelector('[data-series="traceCount"]')?.getAttribute('data-points'));
    expect(drawn).toBeGreaterThan(100);
    expect(drawn).toBeLessThan(INNER * 2);
  });

  it('reports granularity choices', async () => {
    const onGranularityChange = vi.fn();
    render(<TrendCharts trends={dailyTrends(10)} width={WIDTH} onGranularityChange={onGranularityChange} />);
    expect(screen.getByRole('radio', { name: 'Auto' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'Hourly' }));
    expect(onGranularityChange).toHaveBeenCalledWith('hour');
    expect(screen.getByRole('radio', { name: 'Hourly' })).toBeChecked();
  });

  it('describes each chart for screen readers', () => {
    render(<TrendCharts trends={dailyTrends(10)} changes={[change()]} width={WIDTH} />);
    expect(plot()).toHaveAccessibleName('Traces per day');
    expect(plot()).toHaveAccessibleDescription(
      expect.stringContaining('Traces per day, Nov 10, 2026 to Nov 19, 2026: 115 in total; highest 19 (Nov 19, 2026). Markers: 1 model switches and releases.'),
    );
  });

  it('shows loading, error with retry, and empty states', async () => {
    const onRetry = vi.fn();
    const { rerender } = render(<TrendCharts status="pending" />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading trends…');
    rerender(<TrendCharts status="error" error={new ProviderError('network', 'offline')} onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load the trends.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
    const empty = { granularity: 'day' as const, buckets: dailyTrends(3).buckets.map((b) => ({ ...bucket(Date.parse(b.t), 3) })) };
    rerender(<TrendCharts trends={empty} width={WIDTH} />);
    expect(screen.getByText('No traces in this range.')).toBeInTheDocument();
  });
});

describe('TrendCharts marker vocabulary', () => {
  it('names the changes of the hovered bucket in the crosshair tooltip and the live region, with their glyphs', async () => {
    const release = change({ kind: 'release', at: '2026-11-13T09:00:00.000Z', from: '1.8.0', to: '1.9.0', regression: false, regressedOn: [] });
    render(<TrendCharts trends={dailyTrends(10)} changes={[change(), release]} width={WIDTH} />);
    await userEvent.click(screen.getByRole('tab', { name: 'Traces' }));
    act(() => plot().focus());
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('status').textContent).toMatch(
      /^Nov 13, 2026: Release: 1\.8\.0 → 1\.9\.0, Model switch: gpt-4o-mini → gpt-4\.1 \(regression\), Traces 0,/,
    );
    const events = [...document.querySelectorAll('[data-slot="readout-events"] li')];
    expect(events.map((e) => [e.getAttribute('data-kind'), e.getAttribute('data-state'), e.textContent])).toEqual([
      ['release', 'ok', 'RRelease: 1.8.0 → 1.9.0'],
      ['model-switch', 'regression', '!Model switch: gpt-4o-mini → gpt-4.1 (regression)'],
    ]);
    // The chart's own markers use the same glyphs.
    expect([...document.querySelectorAll('[data-slot="trend-chart"] .us-chart__marker')].map((m) => m.querySelector('[aria-hidden]')?.textContent)).toEqual(['R', '!']);
  });
});
