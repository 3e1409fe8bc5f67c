import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { UsersDistribution } from '../src/components/UsersDistribution/UsersDistribution';
import { ProviderError } from '../src/core/errors';
import type { DistributionMetric, UsersDistribution as Distribution } from '../src/core/results';

/** A long-tailed cost distribution: most users cheap, a few expensive. */
const COST: Distribution = {
  metric: 'costUsd',
  bins: [118, 64, 37, 22, 14, 9, 6, 4, 3, 2, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1].map((userCount, i) => ({
    from: i * 0.25,
    to: (i + 1) * 0.25,
    userCount,
  })),
  userCount: 283,
  unknownCount: 17,
};

function Interactive(props: { distribution: Distribution | null | undefined; status?: 'pending' | 'error' | 'success'; error?: unknown }) {
  const [metric, setMetric] = useState<DistributionMetric>('costUsd');
  const [bin, setBin] = useState<number | null>(null);
  return (
    <div style={{ maxWidth: '36rem' }}>
      <UsersDistribution
        {...props}
        metric={metric}
        onMetricChange={setMetric}
        selectedBin={bin}
        onBinSelect={(_, index) => setBin(index)}
        onRetry={fn()}
      />
    </div>
  );
}

const meta = {
  title: 'Users/UsersDistribution',
  component: UsersDistribution,
  parameters: { docs: { description: { component: 'Users of a range binned by cost, traces, error rate or p95 latency. Bars are buttons.' } } },
} satisfies Meta<typeof UsersDistribution>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Cost per user over the range; picking a bar marks it pressed. */
export const Populated: Story = {
  args: { distribution: COST, metric: 'costUsd', onMetricChange: fn() },
  render: () => <Interactive distribution={COST} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bar = canvas.getByRole('button', { name: '$0.25 to $0.50: 64 users' });
    await userEvent.click(bar);
    await expect(bar).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByText(/17 users without a known cost are not shown/)).toBeVisible();
  },
};

/** Waiting for the provider. */
export const Loading: Story = {
  args: { distribution: undefined, status: 'pending', metric: 'costUsd', onMetricChange: fn() },
  render: () => <Interactive distribution={undefined} status="pending" />,
};

/** Nobody in the range has a known value. */
export const Empty: Story = {
  args: { distribution: { metric: 'costUsd', bins: [], userCount: 0, unknownCount: 12 }, metric: 'costUsd', onMetricChange: fn() },
  render: () => <Interactive distribution={{ metric: 'costUsd', bins: [], userCount: 0, unknownCount: 12 }} />,
};

/** The provider failed: the message and Retry. */
export const Error: Story = {
  args: { distribution: undefined, status: 'error', metric: 'costUsd', onMetricChange: fn() },
  render: () => (
    <Interactive distribution={undefined} status="error" error={new ProviderError('network', 'getUsersDistribution: the network is unreachable')} />
  ),
};

/** Unknown: the provider has no getUsersDistribution and the range has more users than the fallback reads. */
export const TooManyUsers: Story = {
  args: { distribution: null, metric: 'costUsd', onMetricChange: fn() },
  render: () => <Interactive distribution={null} />,
};

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { distribution: COST, metric: 'costUsd', onMetricChange: fn() },
  render: () => <Interactive distribution={COST} />,
};
