import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { DEMO_USERS } from '../src/adapters/demo/create-demo-dataset';
import { TrendCharts } from '../src/components/TrendCharts/TrendCharts';
import { ProviderError } from '../src/core/errors';
import type { UserTrends } from '../src/core/results';
import {
  lastDays,
  SPARSE,
  syntheticProvider,
  THREE_SWITCHES,
  TrendsFromProvider,
  waitForTrends,
  YEAR_HOURLY,
} from './support/trends-data';

const emptyTrends: UserTrends = {
  granularity: 'day',
  buckets: Array.from({ length: 7 }, (_, i) => ({
    t: new Date(Date.UTC(2026, 10, 18 + i)).toISOString(),
    traceCount: 0,
    errorCount: 0,
    successRate: null,
    latencyP50Ms: null,
    latencyP95Ms: null,
    costUsd: null,
    tokens: null,
  })),
};

const meta = {
  title: 'User detail/TrendCharts',
  component: TrendCharts,
  args: { onRangeChange: fn(), onGranularityChange: fn(), onMetricChange: fn(), onRetry: fn() },
} satisfies Meta<typeof TrendCharts>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waits for the data so screenshots and the a11y check see the charts. */
const loaded: Story['play'] = async ({ canvasElement }) => waitForTrends(canvasElement);

/** A steady enterprise user over 30 days, with the previous period (dashed) and the enterprise average (dotted). */
export const SteadyUser: Story = {
  render: () => <TrendsFromProvider userId="user-00109" range={lastDays(30)} cohort={{ key: 'plan', value: 'enterprise' }} show="trends" />,
  play: loaded,
};

/** The demo's regression user: release 1.9.0 and the switch to gpt-4.1 are flagged, with callouts and red markers. */
export const RegressionUser: Story = {
  render: () => <TrendsFromProvider userId={DEMO_USERS.regression} range={lastDays(30)} cohort={{ key: 'plan', value: 'pro' }} show="trends" />,
  play: loaded,
};

/** Three model switches in 60 days (synthetic); the switch to Claude fails five times as often. */
export const ThreeModelSwitches: Story = {
  render: () => <TrendsFromProvider provider={syntheticProvider(THREE_SWITCHES)} userId={THREE_SWITCHES.id} range={lastDays(60)} show="trends" />,
  play: loaded,
};

/** Sparse activity over 90 days with a two-week silence: lines break at empty days, lone days are dots. */
export const SparseWithGaps: Story = {
  render: () => <TrendsFromProvider provider={syntheticProvider(SPARSE)} userId={SPARSE.id} range={lastDays(90)} show="trends" />,
  play: loaded,
};

/** The longest hourly view the series bound allows (41 days of a year of data: 984 points per line, 1,000 at most), downsampled with LTTB before drawing. */
export const HourlyAtTheBucketLimit: Story = {
  render: () => (
    <TrendsFromProvider provider={syntheticProvider(YEAR_HOURLY)} userId={YEAR_HOURLY.id} range={lastDays(41)} defaultGranularity="hour" show="trends" />
  ),
  play: loaded,
};

/** While the trends load. */
export const Loading: Story = { args: { status: 'pending' } };

/** The trends could not be loaded: message and Retry. */
export const LoadError: Story = {
  name: 'Error',
  args: { status: 'error', error: new ProviderError('http', 'HTTP 503 from /users/user-00004/trends', { status: 503 }) },
};

/** No trace in the range. */
export const Empty: Story = { args: { trends: emptyTrends } };

/** Dark theme: the regression user. */
export const Dark: Story = {
  render: () => <TrendsFromProvider userId={DEMO_USERS.regression} range={lastDays(30)} cohort={{ key: 'plan', value: 'pro' }} show="trends" />,
  play: loaded,
  globals: { theme: 'dark' },
};
