import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDemoDataset, DEMO_DEFAULT_NOW, DEMO_USERS } from '../../src/adapters/demo/create-demo-dataset';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { changeImpacts, MIN_SCORES_PER_SIDE } from '../../src/components/FeedbackPanel/change-impact';
import { FeedbackPanel, type FeedbackPanelProps } from '../../src/components/FeedbackPanel/FeedbackPanel';
import { downsample } from '../../src/components/charts/time-spans';
import { mergeFeedbackTrend, periodLabel } from '../../src/components/FeedbackPanel/series';
import { formatCount, formatDuration, formatPercent, formatScore } from '../../src/components/primitives/format';
import type { DataProvider } from '../../src/core/contract';
import { computeFeedback } from '../../src/core/engine/feedback';
import { listComments } from '../../src/core/engine/feedback-comments';
import { buildFeedbackIndex } from '../../src/core/engine/feedback-index';
import { normaliseFeedback } from '../../src/core/engine/feedback-normalise';
import { rangeToMs } from '../../src/core/engine/time';
import { buildTraceIndex } from '../../src/core/engine/trace-index';
import { ProviderError } from '../../src/core/errors';
import type { Feedback, TimeRange, Trace, User } from '../../src/core/model';
import type { ChangeEvent, FeedbackKeyStat, FeedbackTrendBucket } from '../../src/core/results';
import { useFeedbackComments } from '../../src/hooks/cursor-hooks';
import { useFeedback, useModelUsage, useUserTrends } from '../../src/hooks/query-hooks';
import { UserscopeProvider, useCapabilities } from '../../src/hooks/userscope-provider';

const DAY = 86_400_000;
const NOW = Date.parse(DEMO_DEFAULT_NOW);
const RANGE: TimeRange = { from: new Date(NOW - 30 * DAY).toISOString(), to: DEMO_DEFAULT_NOW };
/** The demo user with the most feedback in the last 30 days. */
const RICH_USER = 'user-00245';
const href = (trace: { id: string }) => `/traces/${trace.id}`;

interface WiredProps {
  userId: string;
  range?: TimeRange;
  limit?: number;
  panel?: Partial<FeedbackPanelProps>;
}

/** The panel wired to the hooks as a page does it (daily buckets for trends, model usage and feedback alike). */
function Wired({ userId, range = RANGE, limit = 5, panel }: WiredProps) {
  const { feedback, modelUsage } = useCapabilities();
  const overview = useFeedback({ userId, range, granularity: 'day' });
  const comments = useFeedbackComments({ userId, range, limit });
  const trends = useUserTrends({ userId, range, granularity: 'day' }, { enabled: feedback });
  const usage = useModelUsage({ userId, range, granularity: 'day' }, { enabled: feedback && modelUsage });
  return (
    <FeedbackPanel
      available={feedback}
      overview={overview.data}
      status={overview.status}
      error={overview.error}
      onRetry={overview.refetch}
      comments={comments}
      trends={trends.data}
      trendsStatus={trends.status}
      changes={usage.data?.changes}
      getTraceHref={href}
      {...panel}
    />
  );
}

function renderWired(provider: DataProvider, props: WiredProps) {
  return render(
    <UserscopeProvider provider={provider} locale="en-US">
      <Wired {...props} />
    </UserscopeProvider>,
  );
}

const panel = () => document.querySelector('[data-slot="feedback-panel"]') as HTMLElement;
const stat = (id: string) => panel().querySelector(`[data-stat="${id}"]`) as HTMLElement;
const statValue = (id: string) => stat(id).querySelector('.us-feedback-stat__value')?.textContent;
const statDetail = (id: string) => stat(id).querySelector('.us-feedback-stat__detail')?.textContent;
const card = (id: string) => panel().querySelector(`[data-chart="${id}"]`) as HTMLElement;
const commentItems = () => [...document.querySelectorAll<HTMLElement>('[data-slot="feedback-comment"]')];

/** Opens a chart's table view and returns its body rows as cell texts. */
function tableRows(chart: string): string[][] {
  const c = card(chart);
  fireEvent.click(within(c).getByRole('button', { name: 'View as table' }));
  const table = within(c).getByRole('table');
  return [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent ?? ''));
}

/** The first call builds the memory provider's index (50k demo traces): allow for a loaded machine. */
const SLOW = { timeout: 10_000 };

async function ready(): Promise<void> {
  await waitFor(() => expect(panel()).toHaveAttribute('data-state', 'ready'), SLOW);
  await waitFor(() => expect(document.querySelector('[data-slot="feedback-comments"]')).toHaveAttribute('aria-busy', 'false'), SLOW);
}

/** Independent reading of a key's per-key detail. */
function expectedKeyDetail(k: FeedbackKeyStat): string {
  if (k.kind === 'numeric') return `avg ${formatScore(k.avgScore)}`;
  const up = k.categories.true ?? 0;
  const down = k.categories.false ?? 0;
  return `${formatPercent(up / (up + down), 'en-US', 0)} up`;
}

describe('FeedbackPanel on the demo dataset', () => {
  const data = createDemoDataset();
  const provider = createMemoryProvider({ ...data, validate: false });
  const normalised = normaliseFeedback(data.feedback);
  const idx = buildTraceIndex(data.users, data.traces, normalised);
  const fidx = buildFeedbackIndex(normalised);
  const ms = rangeToMs(RANGE);

  it.each([RICH_USER, DEMO_USERS.regression])('shows the engine numbers for %s in every view', async (userId) => {
    renderWired(provider, { userId });
    await ready();
    const ov = computeFeedback(fidx, idx, userId, ms, 'day');
    const scored = ov.histogram.reduce((sum, b) => sum + b.count, 0);

    // Feedback Summary
    expect(statValue('count')).toBe(formatCount(ov.summary.count));
    expect(statDetail('count')).toBe(`${formatCount(scored)} scored · ${ov.topKeys.length} ${ov.topKeys.length === 1 ? 'key' : 'keys'}`);
    expect(statValue('average')).toBe(formatScore(ov.summary.avgScore));
    expect(statDetail('average')).toBe(`normalised 0–1 over ${formatCount(scored)} scores`);
    expect(statValue('coverage')).toBe(formatPercent(ov.summary.coverage));
    expect(statDetail('coverage')).toBe(`${formatCount(ov.summary.tracesWithFeedback)} of ${formatCount(ov.summary.traceCount)} traces`);
    expect(statValue('comments')).toBe(formatCount(ov.summary.commentCount));
    expect(statDetail('comments')).toBe(`${formatPercent(ov.summary.commentCount / ov.summary.count)} of feedback`);
    // Mixed keys: each scored key's average, by kind.
    const perKey = [...panel().querySelectorAll('[data-slot="feedback-per-key"] li')].map((li) => li.textContent);
    expect(perKey).toEqual(ov.topKeys.filter((k) => k.avgScore !== null).map((k) => `${k.key} ${expectedKeyDetail(k)}`));

    // Feedback Trends, with the success rate of the engine's trends
    const trends = await provider.getUserTrends({ userId, range: RANGE, granularity: 'day' });
    const success = new Map(trends.buckets.map((b) => [b.t, b.successRate]));
    expect(tableRows('trends')).toEqual(
      ov.trend.map((b) => [
        periodLabel(b.t, 'day', 'en-US', ''),
        formatCount(b.count),
        formatCount(b.positiveCount),
        formatCount(b.negativeCount),
        formatScore(b.avgScore),
        formatPercent(success.get(b.t) ?? null),
      ]),
    );

    // Score Distribution
    expect(tableRows('distribution')).toEqual(
      ov.histogram.map((b) => [`${formatScore(b.from)}–${formatScore(b.to)}`, formatCount(b.count), formatPercent(b.count / scored)]),
    );

    // Top Feedback Keys
    const keys = tableRows('keys');
    expect(keys.map((r) => r.slice(0, 4))).toEqual(
      ov.topKeys.map((k) => [
        k.key,
        { boolean: 'thumbs', numeric: 'numeric', categorical: 'categories' }[k.kind],
        formatCount(k.count),
        formatPercent(k.count / ov.summary.count),
      ]),
    );
    ov.topKeys.forEach((k, i) => {
      const detail = (keys[i] as string[])[4];
      if (k.kind === 'numeric') expect(detail).toBe(`avg ${formatScore(k.avgScore)}`);
      else for (const [category, n] of Object.entries(k.categories)) {
        expect(detail).toContain(`${k.kind === 'boolean' ? (category === 'true' ? 'up' : 'down') : category} ${formatCount(n)}`);
      }
    });

    // Comment Momentum
    expect(tableRows('momentum')).toEqual(
      ov.commentMomentum.map((b) => [
        periodLabel(b.t, 'day', 'en-US', ''),
        formatCount(b.feedbackCount),
        formatCount(b.commentCount),
        formatPercent(b.feedbackCount === 0 ? null : b.commentCount / b.feedbackCount),
      ]),
    );

    // Changes marked on the trend: the engine's before/after success rates, in time order.
    const usage = await provider.getModelUsage({ userId, range: RANGE, granularity: 'day' });
    const first = Date.parse((ov.trend[0] as FeedbackTrendBucket).t);
    const inSpan = usage.changes.filter((c) => Date.parse(c.at) >= first && Date.parse(c.at) < ms.to);
    const items = [...panel().querySelectorAll('.us-feedback-change')];
    expect(items).toHaveLength(inSpan.length);
    inSpan.forEach((c, i) => {
      expect(items[i]).toHaveTextContent(
        `Success ${formatPercent(c.before.successRate)} → ${formatPercent(c.after.successRate)} (${formatCount(c.before.traceCount)} → ${formatCount(c.after.traceCount)} traces)`,
      );
      expect(items[i]?.querySelector('.us-feedback-change__regression') !== null).toBe(c.regression);
    });

    // Comments: the engine's first page, newest first, each with its trace.
    const page = listComments(fidx, idx, userId, ms, null, 5);
    const shown = commentItems();
    expect(shown).toHaveLength(page.rows.length);
    page.rows.forEach((c, i) => {
      const li = shown[i] as HTMLElement;
      expect(li.querySelector('.us-feedback-comment__text')).toHaveTextContent(c.comment);
      expect(li.querySelector('.us-feedback-comment__key')).toHaveTextContent(c.key);
      expect(li.querySelector('time')).toHaveAttribute('dateTime', c.createdAt);
      const link = within(li).getByRole('link');
      expect(link).toHaveAttribute('href', `/traces/${c.traceId}`);
      expect(link).toHaveTextContent(`${c.trace?.name} ${c.traceId}`);
      expect(li.querySelector('.us-feedback-trace__status')).toHaveTextContent(c.trace?.status as string);
      expect(li.querySelector('.us-feedback-trace__latency')).toHaveTextContent(formatDuration(c.trace?.latencyMs));
      expect(li.querySelector('.us-feedback-trace__model')).toHaveTextContent(c.trace?.model as string);
    });
    expect(screen.getByText(`Showing 5 of ${formatCount(page.total)} comments`)).toBeInTheDocument();
  });

  it('loads more comments page by page, newest first, and moves focus to the first new one', async () => {
    const userId = DEMO_USERS.regression;
    const all = listComments(fidx, idx, userId, ms, null, 1000).rows;
    expect(all.length).toBeGreaterThan(10);
    renderWired(provider, { userId, limit: 5 });
    await ready();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(commentItems()).toHaveLength(10), SLOW);
    expect(document.activeElement).toBe(commentItems()[5]);
    while (screen.queryByRole('button', { name: 'Load more' })) {
      const before = commentItems().length;
      await user.click(screen.getByRole('button', { name: 'Load more' }));
      await waitFor(() => expect(commentItems().length).toBeGreaterThan(before), SLOW);
    }
    const ids = commentItems().map((li) => within(li).getByRole('link').getAttribute('href'));
    expect(ids).toEqual(all.map((c) => `/traces/${c.traceId}`));
    const times = commentItems().map((li) => Date.parse(li.querySelector('time')?.getAttribute('dateTime') as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(screen.getByText(`Showing ${all.length} of ${all.length} comments`)).toBeInTheDocument();
  });

  it('renders nothing when the provider has no feedback capability, and never asks for feedback', async () => {
    const off = createMemoryProvider({ ...data, validate: false, capabilities: { feedback: false } });
    const getFeedback = vi.spyOn(off, 'getFeedback');
    const { container } = render(
      <UserscopeProvider provider={off}>
        <div data-testid="host">
          <Wired userId={RICH_USER} />
        </div>
      </UserscopeProvider>,
    );
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(within(container).getByTestId('host')).toBeEmptyDOMElement();
    expect(getFeedback).not.toHaveBeenCalled();
  });
});

/** A tiny dataset: `u1` with `n` traces a day over 4 days ending at NOW, plus the given feedback. */
function tiny(feedbackOf: (traces: Trace[]) => Omit<Feedback, 'id' | 'userId'>[], n = 3): { users: User[]; traces: Trace[]; feedback: Feedback[] } {
  const traces: Trace[] = [];
  for (let d = 0; d < 4; d++) {
    for (let k = 0; k < n; k++) {
      traces.push({
        id: `t${d}${k}`,
        userId: 'u1',
        name: 'chat',
        startTime: new Date(NOW - (4 - d) * DAY + k * 3_600_000).toISOString(),
        latencyMs: 1200 + k,
        status: k === 0 ? 'error' : 'ok',
        model: 'gpt-4o-2024-08-06',
      });
    }
  }
  const feedback = feedbackOf(traces).map((f, i) => ({ ...f, id: `f${String(i).padStart(3, '0')}`, userId: 'u1' }));
  return { users: [{ id: 'u1', metadata: {} }, { id: 'u2', metadata: {} }], traces, feedback };
}

const at = (t: Trace, minutes = 5) => new Date(Date.parse(t.startTime) + minutes * 60_000).toISOString();
const SMALL_RANGE: TimeRange = { from: new Date(NOW - 4 * DAY).toISOString(), to: DEMO_DEFAULT_NOW };

describe('FeedbackPanel score kinds', () => {
  it('reads thumbs as the share of thumbs up, with the votes', async () => {
    const ds = tiny((ts) => ts.map((t, i) => ({ traceId: t.id, key: 'thumbs', value: i % 4 !== 0, createdAt: at(t) })));
    renderWired(createMemoryProvider(ds), { userId: 'u1', range: SMALL_RANGE });
    await ready();
    expect(statValue('average')).toBe(`${formatPercent(9 / 12)} thumbs up`);
    expect(statDetail('average')).toBe('9 up · 3 down');
    expect(statValue('coverage')).toBe('100%');
    expect(statDetail('coverage')).toBe('12 of 12 traces');
    expect(panel().querySelector('[data-slot="feedback-per-key"]')).toBeNull();
  });

  it('has no average and no distribution for categories and comments only', async () => {
    const ds = tiny((ts) => ts.slice(0, 5).map((t) => ({ traceId: t.id, key: 'category', value: 'wrong-answer', comment: 'Off', createdAt: at(t) })));
    renderWired(createMemoryProvider(ds), { userId: 'u1', range: SMALL_RANGE });
    await ready();
    expect(statValue('average')).toBe('—');
    expect(statDetail('average')).toBe('No scored feedback: categories and comments only.');
    expect(card('distribution').querySelector('.us-feedback-card__empty')).toHaveTextContent('No scored feedback in this range.');
    expect(within(card('distribution')).queryByRole('button', { name: 'View as table' })).toBeNull();
    expect(statDetail('coverage')).toBe('5 of 12 traces');
    expect(commentItems()[0]?.querySelector('[data-slot="score-badge"]')).toHaveTextContent('wrong-answer');
  });

  it('shows each comment value by kind, and user text as text only', async () => {
    const ds = tiny((ts) => [
      { traceId: (ts[1] as Trace).id, key: 'thumbs', value: false, comment: '<img src=x onerror="alert(1)"> nope', createdAt: at(ts[1] as Trace, 3) },
      { traceId: (ts[2] as Trace).id, key: 'rating', value: 4, comment: 'fine', createdAt: at(ts[2] as Trace, 2) },
      { traceId: (ts[2] as Trace).id, key: 'rating', value: 1, createdAt: at(ts[2] as Trace, 4) },
    ]);
    renderWired(createMemoryProvider(ds), { userId: 'u1', range: SMALL_RANGE });
    await ready();
    const [rating, thumbs] = commentItems() as [HTMLElement, HTMLElement];
    expect(thumbs.querySelector('[data-slot="score-badge"]')).toHaveTextContent('Thumbs down');
    expect(thumbs.querySelector('[data-slot="score-badge"]')).toHaveAttribute('data-tone', 'negative');
    expect(thumbs.querySelector('img')).toBeNull();
    expect(thumbs.querySelector('.us-feedback-comment__text')?.textContent).toBe('<img src=x onerror="alert(1)"> nope');
    // 1–5 rating: 4 → (4 − 1) / 4 = 0.75
    expect(rating.querySelector('[data-slot="score-badge"]')).toHaveTextContent('4 · score 0.75');
    expect(rating.querySelector('[data-slot="score-badge"]')).toHaveAttribute('data-tone', 'positive');
    // Mixed keys: per-key averages (thumbs 0 % up, rating (0.75 + 0) / 2).
    const perKey = [...panel().querySelectorAll('[data-slot="feedback-per-key"] li')].map((li) => li.textContent);
    expect(perKey).toEqual(['rating avg 0.38', 'thumbs 0% up']);
  });
});

describe('FeedbackPanel states and links', () => {
  const ds = tiny((ts) => ts.slice(0, 3).map((t, i) => ({ traceId: t.id, key: 'thumbs', value: true, comment: `c${i}`, createdAt: at(t) })));
  const overview = computeFeedback(
    buildFeedbackIndex(normaliseFeedback(ds.feedback)),
    buildTraceIndex(ds.users, ds.traces, normaliseFeedback(ds.feedback)),
    'u1',
    rangeToMs(SMALL_RANGE),
    'day',
  );
  const page = listComments(
    buildFeedbackIndex(normaliseFeedback(ds.feedback)),
    buildTraceIndex(ds.users, ds.traces, ds.feedback),
    'u1',
    rangeToMs(SMALL_RANGE),
    null,
    10,
  );
  const comments = { status: 'success' as const, rows: page.rows, total: page.total };

  it('is a region named by its title, or leaves the naming to a host given headingId', () => {
    const { rerender } = render(<FeedbackPanel overview={overview} comments={comments} />);
    expect(screen.getByRole('region', { name: 'User feedback' })).toHaveAttribute('data-slot', 'feedback-panel');
    rerender(<FeedbackPanel overview={overview} comments={comments} headingId="feedback-title" />);
    expect(screen.getByRole('heading', { name: 'User feedback', level: 2 })).toHaveAttribute('id', 'feedback-title');
    expect(screen.queryByRole('region', { name: 'User feedback' })).toBeNull();
  });

  it('renders nothing when unavailable', () => {
    const { container } = render(<FeedbackPanel available={false} overview={overview} comments={comments} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('says so when the user has no feedback in range although the provider has some', async () => {
    const withOther = { ...ds, traces: [...ds.traces, { ...(ds.traces[0] as Trace), id: 'other', userId: 'u2' }] };
    const provider = createMemoryProvider({
      ...withOther,
      feedback: [{ id: 'x', traceId: 'other', userId: 'u2', key: 'thumbs', value: true, createdAt: at(ds.traces[0] as Trace) }],
    });
    renderWired(provider, { userId: 'u1', range: SMALL_RANGE });
    await waitFor(() => expect(panel()).toHaveAttribute('data-state', 'empty'), SLOW);
    expect(panel()).toHaveTextContent('No feedback from this user in this time range. None of their 12 traces in this range has feedback.');
    expect(document.querySelector('[data-slot="feedback-comments"]')).toBeNull();
  });

  it('opens the right trace: a real link, the callback on plain clicks only, a button without href', () => {
    const onTraceOpen = vi.fn();
    const { rerender } = render(<FeedbackPanel overview={overview} comments={comments} getTraceHref={href} onTraceOpen={onTraceOpen} />);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(page.rows.map((c) => `/traces/${c.traceId}`));
    const target = page.rows[1]?.traceId as string;
    expect(fireEvent.click(links[1] as HTMLElement)).toBe(false); // default prevented
    expect(onTraceOpen).toHaveBeenCalledWith(target);
    onTraceOpen.mockClear();
    // A modified click stays the browser's (new tab): not prevented by us. jsdom cannot navigate, so stop it after.
    let preventedByPanel: boolean | undefined;
    const record = (event: MouseEvent) => {
      preventedByPanel = event.defaultPrevented;
      event.preventDefault();
    };
    window.addEventListener('click', record, { once: true });
    fireEvent.click(links[1] as HTMLElement, { ctrlKey: true });
    expect(preventedByPanel).toBe(false);
    expect(onTraceOpen).not.toHaveBeenCalled();

    rerender(<FeedbackPanel overview={overview} comments={comments} onTraceOpen={onTraceOpen} />);
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    fireEvent.click(within(commentItems()[2] as HTMLElement).getByRole('button'));
    expect(onTraceOpen).toHaveBeenCalledWith(page.rows[2]?.traceId);

    rerender(<FeedbackPanel overview={overview} comments={comments} getTraceHref={() => 'javascript:alert(1)'} />);
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    expect(commentItems()[0]).toHaveTextContent(page.rows[0]?.traceId as string);
  });

  it('shows loading and errors per part, each with its retry', () => {
    const onRetry = vi.fn();
    const refetch = vi.fn();
    const onTrendsRetry = vi.fn();
    const { rerender } = render(<FeedbackPanel status="pending" comments={{ status: 'pending', rows: [] }} />);
    expect(panel()).toHaveAttribute('data-state', 'loading');
    expect(screen.getByText('Loading feedback…')).toBeInTheDocument();
    expect(screen.getByText('Loading comments…')).toBeInTheDocument();

    rerender(
      <FeedbackPanel
        status="error"
        error={new ProviderError('http', 'HTTP 503', { status: 503 })}
        onRetry={onRetry}
        comments={{ status: 'error', rows: [], error: new Error('offline'), refetch }}
      />,
    );
    const [overviewAlert, commentsAlert] = screen.getAllByRole('alert') as [HTMLElement, HTMLElement];
    expect(overviewAlert).toHaveTextContent('Could not load the feedback.HTTP 503');
    fireEvent.click(within(overviewAlert).getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(commentsAlert).toHaveTextContent('Could not load the comments.offline');
    fireEvent.click(within(commentsAlert).getByRole('button', { name: 'Retry' }));
    expect(refetch).toHaveBeenCalledTimes(1);

    rerender(<FeedbackPanel overview={overview} trendsStatus="error" trendsError={new Error('boom')} onTrendsRetry={onTrendsRetry} />);
    const trendsAlert = within(card('trends')).getByRole('alert');
    expect(trendsAlert).toHaveTextContent('Could not load the success rate.');
    fireEvent.click(within(trendsAlert).getByRole('button', { name: 'Retry' }));
    expect(onTrendsRetry).toHaveBeenCalledTimes(1);
  });

  it('keeps loaded comments when the next page fails, and retries that page', () => {
    const fetchNextPage = vi.fn();
    render(
      <FeedbackPanel
        overview={overview}
        comments={{ ...comments, status: 'error', error: new Error('timeout'), hasNextPage: true, fetchNextPage }}
      />,
    );
    expect(commentItems()).toHaveLength(page.rows.length);
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Retry' }));
    expect(fetchNextPage).toHaveBeenCalledTimes(1);
  });
});

describe('FeedbackPanel charts', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are keyboard usable: arrows read each bucket aloud, Escape clears', async () => {
    // A ResizeObserver that reports an 800 px wide parent, so the charts draw in jsdom.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly callback: ResizeObserverCallback) {}
        observe(target: Element) {
          this.callback([{ target, contentRect: { width: 800, height: 240, top: 0, left: 0 } } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
        }
        unobserve() {}
        disconnect() {}
      },
    );
    const ds = tiny((ts) => ts.map((t, i) => ({ traceId: t.id, key: 'thumbs', value: i % 3 !== 0, createdAt: at(t) })));
    const provider = createMemoryProvider(ds);
    const overview = await provider.getFeedback({ userId: 'u1', range: SMALL_RANGE, granularity: 'day' });
    render(<FeedbackPanel overview={overview} />);
    const plot = within(card('trends')).getByRole('img', { name: 'Feedback trends' });
    await waitFor(() => expect(plot.querySelector('svg')).not.toBeNull(), SLOW);
    const live = card('trends').querySelector('[aria-live="polite"]') as HTMLElement;
    plot.focus();
    fireEvent.keyDown(plot, { key: 'ArrowRight' });
    const first = overview.trend[0] as FeedbackTrendBucket;
    expect(live.textContent).toBe(
      `${periodLabel(first.t, 'day', 'en-US', '')}: Records: ${first.count}, Positive: ${first.positiveCount} · Negative: ${first.negativeCount} · Unscored: 0, Average score: ${formatScore(first.avgScore)}`,
    );
    expect(card('trends').querySelector('[data-slot="chart-tooltip"]')).not.toBeNull();
    fireEvent.keyDown(plot, { key: 'End' });
    expect(live.textContent).toContain(periodLabel((overview.trend.at(-1) as FeedbackTrendBucket).t, 'day', 'en-US', ''));
    fireEvent.keyDown(plot, { key: 'Escape' });
    expect(live.textContent).toBe('');
    expect(card('trends').querySelector('[data-slot="chart-tooltip"]')).toBeNull();
    // Every chart is named by its title and described by its question.
    for (const [id, name] of [['distribution', 'Score distribution'], ['keys', 'Top feedback keys'], ['momentum', 'Comment momentum']]) {
      const img = within(card(id as string)).getByRole('img', { name });
      expect(img).toHaveAccessibleDescription(/.+/);
    }
  });
});

const bucket = (t: number, positive: number, negative: number, avg: number | null): FeedbackTrendBucket => ({
  t: new Date(t).toISOString(),
  count: positive + negative,
  avgScore: avg,
  positiveCount: positive,
  negativeCount: negative,
});

const change = (at: number): ChangeEvent => {
  const w = { traceCount: 50, successRate: 0.9, latencyP95Ms: 1000, costPerTraceUsd: null };
  return { kind: 'release', at: new Date(at).toISOString(), from: '1', to: '2', before: w, after: w, regression: false, regressedOn: [] };
};

describe('feedback before and after a change', () => {
  const start = Date.UTC(2026, 10, 1);
  afterEach(() => vi.unstubAllGlobals());

  it('compares equal windows of whole periods, leaving out the change period and stopping at neighbouring changes', () => {
    const trend = Array.from({ length: 10 }, (_, d) => (d < 5 ? bucket(start + d * DAY, 2, 3, 0.4) : bucket(start + d * DAY, 5, 0, 0.9)));
    const [one] = changeImpacts(trend, 'day', [change(start + 5 * DAY + 43_200_000)]);
    expect(one?.periods).toBe(4);
    expect(one?.before).toEqual({ scored: 20, positive: 8, avgScore: 0.4 });
    expect(one?.after.scored).toBe(20);
    expect(one?.after.avgScore).toBeCloseTo(0.9, 12);
    expect(one?.shift).toBe('improved');

    const two = changeImpacts(trend, 'day', [change(start + 7 * DAY), change(start + 3 * DAY), change(start - DAY)]);
    expect(two.map((i) => i.periods)).toEqual([3, 2]);
    expect(two.map((i) => i.change.at)).toEqual([new Date(start + 3 * DAY).toISOString(), new Date(start + 7 * DAY).toISOString()]);
  });

  it(`gives no verdict below ${MIN_SCORES_PER_SIDE} scores a side, and "unclear" without a significant shift`, () => {
    const sparse = Array.from({ length: 6 }, (_, d) => bucket(start + d * DAY, 1, 1, 0.5));
    expect(changeImpacts(sparse, 'day', [change(start + 3 * DAY)])[0]?.shift).toBeNull();
    const flat = Array.from({ length: 6 }, (_, d) => bucket(start + d * DAY, 6, 4, 0.6));
    expect(changeImpacts(flat, 'day', [change(start + 3 * DAY)])[0]?.shift).toBe('unclear');
  });

  it('lists each change with its feedback numbers and verdict, numbered like the chart markers', () => {
    const trend = Array.from({ length: 10 }, (_, d) => (d < 5 ? bucket(start + d * DAY, 2, 3, 0.4) : bucket(start + d * DAY, 5, 0, 0.9)));
    const overview = {
      granularity: 'day' as const,
      summary: { count: 50, avgScore: 0.65, tracesWithFeedback: 50, traceCount: 100, coverage: 0.5, commentCount: 0 },
      trend,
      histogram: [],
      topKeys: [],
      commentMomentum: trend.map((b) => ({ t: b.t, commentCount: 0, feedbackCount: b.count })),
    };
    render(<FeedbackPanel overview={overview} changes={[change(start + 5 * DAY + 3_600_000), change(start + 9 * DAY)]} />);
    const [first, second] = [...document.querySelectorAll('.us-feedback-change')] as [HTMLElement, HTMLElement];
    expect(first).toHaveTextContent('1Release 2');
    expect(first).toHaveTextContent(
      'Feedback 0.40 → 0.90, 40% → 100% positive (15 → 15 scores, 3 periods each side) · feedback improved',
    );
    expect(first.querySelector('[data-shift]')).toHaveAttribute('data-shift', 'improved');
    expect(second).toHaveTextContent('No whole period on both sides of this change to compare feedback.');
    // Drawn like the trend charts' markers: kind and state on each item, the marker kinds present in the legend.
    expect(first).toHaveAttribute('data-kind', 'release');
    expect(first).toHaveAttribute('data-state', 'ok');
    const legend = card('trends').querySelector('[data-slot="chart-legend"]') as HTMLElement;
    expect([...legend.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Positive (≥ 0.5)',
      'Negative (< 0.5)',
      'Unscored',
      'Average score',
      'Release',
    ]);
    // The table alternative is the shared one: a disclosure under the chart.
    const toggle = within(card('trends')).getByRole('button', { name: 'View as table' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);
    expect(within(card('trends')).getByRole('button', { name: 'Hide table' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(card('trends')).getByRole('table', { name: 'Feedback trends' })).toBeInTheDocument();
  });

  it('names the change of a period in its tooltip and announcement, after its marker number', async () => {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly callback: ResizeObserverCallback) {}
        observe(target: Element) {
          this.callback([{ target, contentRect: { width: 800, height: 240, top: 0, left: 0 } } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
        }
        unobserve() {}
        disconnect() {}
      },
    );
    const trend = Array.from({ length: 10 }, (_, d) => bucket(start + d * DAY, 2, 3, 0.4));
    const overview = {
      granularity: 'day' as const,
      summary: { count: 50, avgScore: 0.4, tracesWithFeedback: 50, traceCount: 100, coverage: 0.5, commentCount: 0 },
      trend,
      histogram: [],
      topKeys: [],
      commentMomentum: trend.map((b) => ({ t: b.t, commentCount: 0, feedbackCount: b.count })),
    };
    const regression = { ...change(start + 5 * DAY + 3_600_000), kind: 'model-switch' as const, from: 'a', to: 'b', regression: true };
    render(<FeedbackPanel overview={overview} changes={[regression]} />);
    const plot = within(card('trends')).getByRole('img', { name: 'Feedback trends' });
    await waitFor(() => expect(plot.querySelector('svg')).not.toBeNull(), SLOW);
    expect(plot.querySelector('.us-feedback-chart__marker')).toHaveAttribute('data-state', 'regression');
    plot.focus();
    for (let i = 0; i < 6; i++) fireEvent.keyDown(plot, { key: 'ArrowRight' });
    const live = card('trends').querySelector('[aria-live="polite"]') as HTMLElement;
    expect(live.textContent).toContain(': 1 Model switch: a → b (regression), Records: 5');
    expect(card('trends').querySelector('[data-slot="chart-tooltip"]')).toHaveTextContent('1 Model switch: a → b (regression)');
    fireEvent.keyDown(plot, { key: 'ArrowRight' });
    expect(live.textContent).not.toContain('Model switch');
  });

  it('property: merged buckets keep every count and the score mean weighted by scored records', () => {
    const arb = fc.array(
      fc.record({ p: fc.nat(20), n: fc.nat(20), u: fc.nat(5), s: fc.double({ min: 0, max: 1, noNaN: true }) }),
      { minLength: 1, maxLength: 80 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 100 }), (rows, max) => {
        const trend = rows.map((r, d) => ({ ...bucket(start + d * DAY, r.p, r.n, r.p + r.n === 0 ? null : r.s), count: r.p + r.n + r.u }));
        const spans = downsample(trend, 'day', max, mergeFeedbackTrend);
        expect(spans.length).toBeLessThanOrEqual(Math.max(max, 1));
        expect(spans.reduce((s, x) => s + x.row.count, 0)).toBe(trend.reduce((s, b) => s + b.count, 0));
        expect(spans[0]?.from).toBe(start);
        expect(spans.at(-1)?.to).toBe(start + trend.length * DAY);
        const scored = trend.reduce((s, b) => s + b.positiveCount + b.negativeCount, 0);
        const merged = mergeFeedbackTrend(trend);
        if (scored === 0) expect(merged.avgScore).toBeNull();
        else expect(merged.avgScore).toBeCloseTo(trend.reduce((s, b) => s + (b.avgScore ?? 0) * (b.positiveCount + b.negativeCount), 0) / scored, 9);
      }),
      { numRuns: 1000 },
    );
  });
});
