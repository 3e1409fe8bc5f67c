import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UsersDistribution, type UsersDistributionProps } from '../../src/components/UsersDistribution/UsersDistribution';
import { ProviderError } from '../../src/core/errors';
import type { UsersDistribution as Distribution } from '../../src/core/results';

const COST: Distribution = {
  metric: 'costUsd',
  bins: [
    { from: 0, to: 0.5, userCount: 12 },
    { from: 0.5, to: 1, userCount: 0 },
    { from: 1, to: 1.5, userCount: 3 },
  ],
  userCount: 15,
  unknownCount: 4,
};

function renderIt(props: Partial<UsersDistributionProps> = {}) {
  const onMetricChange = vi.fn();
  const onBinSelect = vi.fn();
  const user = userEvent.setup();
  render(<UsersDistribution distribution={COST} metric="costUsd" onMetricChange={onMetricChange} onBinSelect={onBinSelect} {...props} />);
  return { user, onMetricChange, onBinSelect };
}

describe('UsersDistribution', () => {
  it('draws one button per bin, named by its range and users, and says how many users have no known value', () => {
    renderIt();
    expect(screen.getByRole('heading', { name: 'Users by cost' })).toBeInTheDocument();
    const bars = within(screen.getByRole('group', { name: /Users per cost range/ })).getAllByRole('button');
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual([
      '$0.00 to $0.50: 12 users',
      '$0.50 to $1.00: 0 users',
      '$1.00 to $1.50: 3 users',
    ]);
    expect(bars[1]).toBeDisabled();
    expect(screen.getByText(/15 active users/)).toHaveTextContent('4 users without a known cost are not shown.');
  });

  it('reports the picked bar and shows the selected one pressed', async () => {
    const { user, onBinSelect } = renderIt({ selectedBin: 0 });
    expect(screen.getByRole('button', { name: '$0.00 to $0.50: 12 users' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: '$1.00 to $1.50: 3 users' }));
    expect(onBinSelect).toHaveBeenCalledWith(COST.bins[2], 2);
  });

  it('offers the four measures, the shown one pressed', async () => {
    const { user, onMetricChange } = renderIt();
    const picker = screen.getByRole('group', { name: 'Measure' });
    expect(within(picker).getAllByRole('button').map((b) => b.textContent)).toEqual(['Cost', 'Traces', 'Error rate', 'p95 latency']);
    expect(within(picker).getByRole('button', { name: 'Cost' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(picker).getByRole('button', { name: 'Error rate' }));
    expect(onMetricChange).toHaveBeenCalledWith('errorRate');
  });

  it('formats each measure: error rate as a percentage, latency as a duration', () => {
    const rate: Distribution = { metric: 'errorRate', bins: [{ from: 0, to: 0.25, userCount: 2 }, { from: 0.25, to: 0.5, userCount: 1 }], userCount: 3, unknownCount: 0 };
    const { rerender } = render(<UsersDistribution distribution={rate} metric="errorRate" onMetricChange={() => undefined} />);
    expect(screen.getByRole('img', { name: '25% to 50%: 1 user' })).toBeInTheDocument();
    const p95: Distribution = { metric: 'latencyP95Ms', bins: [{ from: 500, to: 2500, userCount: 5 }], userCount: 5, unknownCount: 0 };
    rerender(<UsersDistribution distribution={p95} metric="latencyP95Ms" onMetricChange={() => undefined} />);
    expect(screen.getByRole('img', { name: '500 ms to 2.5 s: 5 users' })).toBeInTheDocument();
  });

  it('shows the bins as a table on demand', async () => {
    const { user } = renderIt();
    await user.click(screen.getByRole('button', { name: 'View as table' }));
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual(['RangeUsers', '$0.00 – $0.5012', '$0.50 – $1.000', '$1.00 – $1.503']);
  });

  it('has loading, error with retry, empty and unknown states', async () => {
    const onRetry = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<UsersDistribution distribution={undefined} status="pending" metric="costUsd" onMetricChange={() => undefined} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the distribution…');
    rerender(
      <UsersDistribution distribution={undefined} status="error" error={new ProviderError('network', 'offline')} onRetry={onRetry} metric="costUsd" onMetricChange={() => undefined} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load the distribution.offline');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalled();
    rerender(<UsersDistribution distribution={{ metric: 'costUsd', bins: [], userCount: 0, unknownCount: 3 }} metric="costUsd" onMetricChange={() => undefined} />);
    expect(screen.getByRole('status')).toHaveTextContent('No active user has a known cost in this range.');
    rerender(<UsersDistribution distribution={null} metric="costUsd" onMetricChange={() => undefined} />);
    expect(screen.getByRole('status')).toHaveTextContent(/Too many active users to bin here/);
  });
});
