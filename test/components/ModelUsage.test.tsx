import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createDemoDataset, DEMO_DEFAULT_NOW, DEMO_USERS } from '../../src/adapters/demo/create-demo-dataset';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { ModelUsage } from '../../src/components/ModelUsage/ModelUsage';
import { ProviderError } from '../../src/core/errors';
import type { ChangeEvent, ModelStat, ModelUsage as ModelUsageData } from '../../src/core/results';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 10);
const WIDTH = 600;
const INNER = 524;
const LEFT = 60;
const iso = (ms: number) => new Date(ms).toISOString();

const stat = (model: string, traceCount: number, share: number, over: Partial<ModelStat> = {}): ModelStat => ({
  model,
  traceCount,
  share,
  firstSeen: iso(T0 + 3_600_000),
  lastSeen: iso(T0 + 3 * DAY + 7_200_000),
  successRate: 0.95,
  latencyP95Ms: 2400,
  costPerTraceUsd: 0.0042,
  ...over,
});

const switchEvent: ChangeEvent = {
  kind: 'model-switch',
  at: '2026-11-12T06:00:00.000Z',
  from: 'gpt-4o-mini',
  to: 'gpt-4.1',
  before: { traceCount: 120, successRate: 0.97, latencyP95Ms: 2000, costPerTraceUsd: 0.001 },
  after: { traceCount: 120, successRate: 0.84, latencyP95Ms: 2100, costPerTraceUsd: 0.0011 },
  regression: true,
  regressedOn: ['successRate'],
};

const usage: ModelUsageData = {
  granularity: 'day',
  models: [
    stat('gpt-4o-mini', 60, 0.5),
    stat('gpt-4.1', 40, 1 / 3, { successRate: 0.84, costPerTraceUsd: null }),
    stat('(unknown)', 20, 1 / 6, { successRate: 0 }),
  ],
  mix: [
    { t: iso(T0), counts: { 'gpt-4o-mini': 30, '(unknown)': 5 } },
    { t: iso(T0 + DAY), counts: { 'gpt-4o-mini': 30, '(unknown)': 5 } },
    { t: iso(T0 + 2 * DAY), counts: { 'gpt-4.1': 25, '(unknown)': 5 } },
    { t: iso(T0 + 3 * DAY), counts: { 'gpt-4.1': 15, '(unknown)': 5 } },
  ],
  changes: [
    { ...switchEvent, kind: 'release', at: '2026-11-11T12:00:00.000Z', from: null, to: '2.0.0', regression: false, regressedOn: [] },
    switchEvent,
  ],
};

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => [...r.children].map((c) => c.textContent));

describe('ModelUsage', () => {
  it('lists each model with share, first/last seen, success rate, p95 and cost per trace', () => {
    render(<ModelUsage usage={usage} width={WIDTH} />);
    expect(screen.getByText('3 models in this range; most used: gpt-4o-mini (50% of traces).')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Models' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Model', 'Share', 'Traces', 'First seen', 'Last seen', 'Success rate', 'p95 latency', 'Cost per trace',
    ]);
    expect(rowsOf(table)).toEqual([
      ['gpt-4o-mini', '50%', '60', 'Nov 10, 2026', 'Nov 13, 2026', '95%', '2.4 s', '$0.0042'],
      ['gpt-4.1', '33.3%', '40', 'Nov 10, 2026', 'Nov 13, 2026', '84%', '2.4 s', '—'],
      ['(unknown)', '16.7%', '20', 'Nov 10, 2026', 'Nov 13, 2026', '0%', '2.4 s', '$0.0042'],
    ]);
  });

  it('stacks the mix per bucket, with its table alternative', async () => {
    render(<ModelUsage usage={usage} width={WIDTH} />);
    expect(screen.getByRole('heading', { name: 'Model mix per day' })).toBeInTheDocument();
    const paths = [...document.querySelectorAll('[data-slot="stacked-bars"] path')].map((p) => p.getAttribute('data-layer'));
    expect(paths).toEqual(['gpt-4o-mini', 'gpt-4.1', '(unknown)']);
    await userEvent.click(screen.getByRole('button', { name: 'View as table' }));
    const table = screen.getByRole('table', { name: 'Model mix per day' });
    expect(rowsOf(table)).toEqual([
      ['Nov 10, 2026', '30', '0', '5', '35'],
      ['Nov 11, 2026', '30', '0', '5', '35'],
      ['Nov 12, 2026', '0', '25', '5', '30'],
      ['Nov 13, 2026', '0', '15', '5', '20'],
    ]);
  });

  it('reads each bucket of the mix from the keyboard: the models in it, their share and the total', async () => {
    render(<ModelUsage usage={usage} width={WIDTH} />);
    const plot = document.querySelector('[data-slot="chart-plot"]') as HTMLElement;
    expect(plot).toHaveAccessibleName('Model mix per day');
    act(() => plot.focus());
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('status')).toHaveTextContent('Nov 12, 2026: gpt-4.1 25 (83%), (unknown) 5 (17%), Total 30');
  });

  it('groups models beyond maxModels as "Other models"', async () => {
    render(<ModelUsage usage={usage} maxModels={1} width={WIDTH} />);
    await userEvent.click(screen.getByRole('button', { name: 'View as table' }));
    const table = screen.getByRole('table', { name: 'Model mix per day' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Time (UTC)', 'gpt-4o-mini', 'Other models', 'Total']);
    expect(rowsOf(table)[2]).toEqual(['Nov 12, 2026', '0', '30', '30']);
  });

  it('marks changes on the mix chart at their time and lists them with the verdict', async () => {
    const onChangeSelect = vi.fn();
    render(<ModelUsage usage={usage} width={WIDTH} onChangeSelect={onChangeSelect} />);
    const marker = screen.getByRole('button', { name: 'Regression: Model switch gpt-4o-mini → gpt-4.1, Nov 12, 2026, 06:00 UTC' });
    const x = ((Date.parse(switchEvent.at) - T0) / (4 * DAY)) * INNER;
    expect(parseFloat(marker.style.left) + 12).toBeCloseTo(LEFT + x, 6);
    await userEvent.click(marker);
    expect(onChangeSelect).toHaveBeenCalledWith(switchEvent);
    expect(screen.getByRole('button', { name: 'Release to 2.0.0, Nov 11, 2026, 12:00 UTC' })).toBeInTheDocument();

    const items = within(screen.getByRole('list', { name: 'Model switches and releases' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Release to 2.0.0');
    expect(items[0]).toHaveTextContent('No significant regression.');
    expect(within(items[1] as HTMLElement).getByText('Success rate').nextSibling).toHaveTextContent('97% → 84%');
    expect(items[1]).toHaveTextContent(
      'Success rate fell from 97% to 84% after the switch from gpt-4o-mini to gpt-4.1 on Nov 12 (n = 120 → 120)',
    );
  });

  it('shows the demo regression user through the memory provider', async () => {
    const provider = createMemoryProvider({ ...createDemoDataset(), validate: false });
    const now = Date.parse(DEMO_DEFAULT_NOW);
    const data = await provider.getModelUsage({ userId: DEMO_USERS.regression, range: { from: iso(now - 30 * DAY), to: DEMO_DEFAULT_NOW } });
    render(<ModelUsage usage={data} width={WIDTH} />);
    const changes = screen.getByRole('list', { name: 'Model switches and releases' });
    expect(within(changes).getByText(/after the switch from gpt-4o-mini-2024-07-18 to gpt-4\.1-2025-04-14 on Nov 13/)).toBeInTheDocument();
  });

  it('shows loading, error with retry, and empty states', async () => {
    const onRetry = vi.fn();
    const { rerender } = render(<ModelUsage status="pending" />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading model usage…');
    rerender(<ModelUsage status="error" error={new ProviderError('network', 'Failed to fetch')} onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Failed to fetch');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
    rerender(<ModelUsage usage={{ granularity: 'day', models: [], mix: [], changes: [] }} />);
    expect(screen.getByText('No traces in this range.')).toBeInTheDocument();
  });
});
