import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { DEMO_USERS } from '../src/adapters/demo/create-demo-dataset';
import { ModelUsage } from '../src/components/ModelUsage/ModelUsage';
import { ProviderError } from '../src/core/errors';
import {
  lastDays,
  SPARSE,
  syntheticProvider,
  THREE_SWITCHES,
  TrendsFromProvider,
  waitForTrends,
  YEAR_HOURLY,
} from './support/trends-data';

const meta = {
  title: 'User detail/ModelUsage',
  component: ModelUsage,
  args: { onRetry: fn(), onChangeSelect: fn() },
} satisfies Meta<typeof ModelUsage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waits for the data so screenshots and the a11y check see the charts. */
const loaded: Story['play'] = async ({ canvasElement }) => waitForTrends(canvasElement);

/** A steady enterprise user: one main model and a small share of others. */
export const SteadyUser: Story = {
  render: () => <TrendsFromProvider userId="user-00109" range={lastDays(30)} show="models" />,
  play: loaded,
};

/** The demo's regression user: the switch to gpt-4.1 and release 1.9.0 are flagged in the changes table. */
export const RegressionUser: Story = {
  render: () => <TrendsFromProvider userId={DEMO_USERS.regression} range={lastDays(30)} show="models" />,
  play: loaded,
};

/** Three model switches in 60 days (synthetic). */
export const ThreeModelSwitches: Story = {
  render: () => <TrendsFromProvider provider={syntheticProvider(THREE_SWITCHES)} userId={THREE_SWITCHES.id} range={lastDays(60)} show="models" />,
  play: loaded,
};

/** Sparse activity with gaps. */
export const SparseWithGaps: Story = {
  render: () => <TrendsFromProvider provider={syntheticProvider(SPARSE)} userId={SPARSE.id} range={lastDays(90)} show="models" />,
  play: loaded,
};

/** The longest hourly view the series bound allows: 41 days of a year of data, 984 hourly buckets of model mix (1,000 at most). */
export const HourlyAtTheBucketLimit: Story = {
  render: () => (
    <TrendsFromProvider provider={syntheticProvider(YEAR_HOURLY)} userId={YEAR_HOURLY.id} range={lastDays(41)} defaultGranularity="hour" show="models" />
  ),
  play: loaded,
};

/** While model usage loads. */
export const Loading: Story = { args: { status: 'pending' } };

/** Model usage could not be loaded: message and Retry. */
export const LoadError: Story = {
  name: 'Error',
  args: { status: 'error', error: new ProviderError('network', 'Failed to fetch') },
};

/** No trace in the range. */
export const Empty: Story = { args: { usage: { granularity: 'day', models: [], mix: [], changes: [] } } };

/** Dark theme: the regression user. */
export const Dark: Story = {
  render: () => <TrendsFromProvider userId={DEMO_USERS.regression} range={lastDays(30)} show="models" />,
  play: loaded,
  globals: { theme: 'dark' },
};
