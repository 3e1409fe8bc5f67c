import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UserSegments, type UserSegmentsProps } from '../../src/components/UserSegments/UserSegments';
import { ProviderError } from '../../src/core/errors';
import type { UsersSegments } from '../../src/core/results';

const BY_PLAN: UsersSegments = {
  key: 'plan',
  segments: [
    { value: 'free', userCount: 10, traceCount: 400, errorRate: 0.02, latencyP50Ms: 800, latencyP95Ms: 2_000, costUsd: 2, costPerTraceUsd: 0.005 },
    { value: 'enterprise', userCount: 2, traceCount: 100, errorRate: 0.2, latencyP50Ms: 1_500, latencyP95Ms: 6_000, costUsd: 3, costPerTraceUsd: 0.03 },
    { value: null, userCount: 1, traceCount: 5, errorRate: 0, latencyP50Ms: 600, latencyP95Ms: 900, costUsd: null, costPerTraceUsd: null },
  ],
  omittedCount: 0,
};

function renderIt(props: Partial<UserSegmentsProps> = {}) {
  const onKeyChange = vi.fn();
  const onSegmentSelect = vi.fn();
  const user = userEvent.setup();
  const view = render(
    <UserSegments segments={BY_PLAN} keys={['plan', 'region']} selectedKey="plan" onKeyChange={onKeyChange} onSegmentSelect={onSegmentSelect} {...props} />,
  );
  return { user, onKeyChange, onSegmentSelect, ...view };
}

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('UserSegments', () => {
  it('lists each segment with users, traces, error rate, p50 / p95 latency, cost and cost per trace', () => {
    renderIt();
    expect(within(screen.getByRole('table')).getAllByRole('columnheader').map((c) => c.textContent)).toEqual([
      'Plan', 'Users', 'Traces', 'Error rate', 'p50 latency', 'p95 latency', 'Cost', 'Cost / trace',
    ]);
    const cells = (i: number) => within(bodyRows()[i] as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
    expect(cells(0)).toEqual(['10', '400', '2%', '800 ms', '2 s', '$2.00', '$0.0050']);
    expect(within(bodyRows()[2] as HTMLElement).getByRole('rowheader')).toHaveTextContent('(not set)');
    expect(cells(2)).toEqual(['1', '5', '0%', '600 ms', '900 ms', '—', '—']);
  });

  it('marks the worst segment of each measure in words', () => {
    renderIt();
    const enterprise = bodyRows()[1] as HTMLElement;
    const worstCells = [...enterprise.querySelectorAll('td[data-worst="true"]')];
    expect(worstCells.length).toBeGreaterThan(0);
    for (const cell of worstCells) expect(cell).toHaveTextContent(/worst/);
    expect(within(enterprise).getByText(/worst Error rate of the segments/)).toBeInTheDocument();
    expect((bodyRows()[0] as HTMLElement).querySelector('td[data-worst="true"] .us-segments__worst')).toBeNull();
  });

  it('filters to a segment when its name is picked, and shows the filtered one pressed', async () => {
    const { user, onSegmentSelect, rerender } = renderIt();
    await user.click(screen.getByRole('button', { name: 'Show only users with Plan enterprise' }));
    expect(onSegmentSelect).toHaveBeenCalledWith('enterprise');
    rerender(<UserSegments segments={BY_PLAN} keys={['plan']} selectedKey="plan" onKeyChange={() => undefined} onSegmentSelect={onSegmentSelect} selectedValue="enterprise" />);
    expect(screen.getByRole('button', { name: 'Show only users with Plan enterprise' })).toHaveAttribute('aria-pressed', 'true');
    // Users without the key cannot be filtered to: their segment is plain text.
    expect(within(bodyRows()[2] as HTMLElement).queryByRole('button')).toBeNull();
  });

  it('breaks down by the picked key', async () => {
    const { user, onKeyChange } = renderIt();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Break down by' }), 'region');
    expect(onKeyChange).toHaveBeenCalledWith('region');
  });

  it('says when latency percentiles are unknown (fallback) and when segments were left out', () => {
    const fallback: UsersSegments = { ...BY_PLAN, segments: BY_PLAN.segments.map((s) => ({ ...s, latencyP50Ms: null, latencyP95Ms: null })), omittedCount: 3 };
    renderIt({ segments: fallback });
    expect(screen.getByText(/3 smaller segments not shown\./)).toHaveTextContent('they show “—” here');
  });

  it('has loading, error with retry, empty, no-key and unknown states', async () => {
    const onRetry = vi.fn();
    const { user, rerender } = renderIt({ segments: undefined, status: 'pending' });
    expect(screen.getByRole('status')).toHaveTextContent('Loading segments…');
    const props = { keys: ['plan'], selectedKey: 'plan', onKeyChange: () => undefined };
    rerender(<UserSegments {...props} segments={undefined} status="error" error={new ProviderError('network', 'offline')} onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load the segments.');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalled();
    rerender(<UserSegments {...props} segments={{ key: 'plan', segments: [], omittedCount: 0 }} />);
    expect(screen.getByRole('status')).toHaveTextContent('No active users in this range.');
    rerender(<UserSegments {...props} segments={null} />);
    expect(screen.getByRole('status')).toHaveTextContent(/Too many active users/);
    rerender(<UserSegments keys={[]} selectedKey={null} onKeyChange={() => undefined} segments={undefined} />);
    expect(screen.getByRole('status')).toHaveTextContent(/No metadata key/);
    expect(screen.queryByRole('combobox')).toBeNull();
    // No key yet while the keys themselves load: the loading state, not "no key".
    rerender(<UserSegments keys={[]} selectedKey={null} onKeyChange={() => undefined} segments={undefined} status="pending" />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading segments…');
  });
});
