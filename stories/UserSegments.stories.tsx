import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { UserSegments } from '../src/components/UserSegments/UserSegments';
import { ProviderError } from '../src/core/errors';
import type { MetadataValue } from '../src/core/model';
import type { UsersSegments } from '../src/core/results';

const BY_PLAN: UsersSegments = {
  key: 'plan',
  segments: [
    { value: 'free', userCount: 182, traceCount: 9_412, errorRate: 0.041, latencyP50Ms: 820, latencyP95Ms: 2_900, costUsd: 41.2, costPerTraceUsd: 0.0044 },
    { value: 'pro', userCount: 94, traceCount: 7_730, errorRate: 0.037, latencyP50Ms: 910, latencyP95Ms: 3_400, costUsd: 96.5, costPerTraceUsd: 0.0125 },
    { value: 'enterprise', userCount: 21, traceCount: 3_104, errorRate: 0.118, latencyP50Ms: 1_460, latencyP95Ms: 7_800, costUsd: 88.1, costPerTraceUsd: 0.0284 },
    { value: null, userCount: 3, traceCount: 41, errorRate: 0, latencyP50Ms: 700, latencyP95Ms: 1_200, costUsd: null, costPerTraceUsd: null },
  ],
  omittedCount: 0,
};

/** The same from the hook's fallback: no trace latencies, so p50 / p95 are unknown. */
const FALLBACK: UsersSegments = {
  ...BY_PLAN,
  segments: BY_PLAN.segments.map((s) => ({ ...s, latencyP50Ms: null, latencyP95Ms: null })),
  omittedCount: 2,
};

function Interactive(props: { segments: UsersSegments | null | undefined; status?: 'pending' | 'error' | 'success'; error?: unknown; keys?: string[] }) {
  const keys = props.keys ?? ['plan', 'tier', 'region'];
  const [key, setKey] = useState<string | null>(keys[0] ?? null);
  const [value, setValue] = useState<MetadataValue | undefined>(undefined);
  return (
    <div style={{ maxWidth: '48rem' }}>
      <UserSegments {...props} keys={keys} selectedKey={key} onKeyChange={setKey} selectedValue={value} onSegmentSelect={setValue} onRetry={fn()} />
    </div>
  );
}

const meta = {
  title: 'Users/UserSegments',
  component: UserSegments,
  parameters: { docs: { description: { component: 'Active users broken down by a metadata key; the worst segment per measure marked.' } } },
} satisfies Meta<typeof UserSegments>;

export default meta;
type Story = StoryObj<typeof meta>;

const base = { keys: ['plan'], selectedKey: 'plan', onKeyChange: fn() };

/** By plan: enterprise has the worst error rate, latency and cost per trace; picking it marks it pressed. */
export const Populated: Story = {
  args: { ...base, segments: BY_PLAN },
  render: () => <Interactive segments={BY_PLAN} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const enterprise = canvas.getByRole('button', { name: 'Show only users with Plan enterprise' });
    await userEvent.click(enterprise);
    await expect(enterprise).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getAllByText('worst').length).toBeGreaterThan(0);
  },
};

/** From the hook's fallback (no getUsersSegments): latency percentiles unknown, smaller segments left out. */
export const WithoutLatency: Story = {
  args: { ...base, segments: FALLBACK },
  render: () => <Interactive segments={FALLBACK} />,
};

/** Waiting for the provider. */
export const Loading: Story = {
  args: { ...base, segments: undefined, status: 'pending' },
  render: () => <Interactive segments={undefined} status="pending" />,
};

/** No active user in the range. */
export const Empty: Story = {
  args: { ...base, segments: { key: 'plan', segments: [], omittedCount: 0 } },
  render: () => <Interactive segments={{ key: 'plan', segments: [], omittedCount: 0 }} />,
};

/** No metadata key to break down by. */
export const NoKeys: Story = {
  args: { ...base, keys: [], selectedKey: null, segments: undefined },
  render: () => <Interactive segments={undefined} keys={[]} />,
};

/** The provider failed: the message and Retry. */
export const Error: Story = {
  args: { ...base, segments: undefined, status: 'error' },
  render: () => <Interactive segments={undefined} status="error" error={new ProviderError('network', 'getUsersSegments: the network is unreachable')} />,
};

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { ...base, segments: BY_PLAN },
  render: () => <Interactive segments={BY_PLAN} />,
};
