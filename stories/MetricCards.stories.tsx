import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { DEMO_USERS } from '../src/adapters/demo/create-demo-dataset';
import { MetricCards } from '../src/components/MetricCards/MetricCards';
import { ProviderError } from '../src/core/errors';
import type { CohortMetrics, KeyMetrics, UserMetrics, UsersDistribution } from '../src/core/results';
import { DetailTopFromDemo, waitForDetailTop } from './support/detail-top-data';

const current: KeyMetrics = {
  traceCount: 130,
  conversationCount: 33,
  activeDays: 7,
  errorCount: 19,
  successRate: 0.8538,
  topErrorType: 'ToolError',
  latencyAvgMs: 7021,
  latencyP50Ms: 5284.5,
  latencyP95Ms: 21509.6,
  costUsd: 0.7568,
  costPerTraceUsd: 0.00641,
  inputTokens: 248443,
  outputTokens: 31569,
};

const previous: KeyMetrics = {
  ...current,
  traceCount: 156,
  conversationCount: 41,
  errorCount: 15,
  successRate: 0.9038,
  latencyP50Ms: 3120,
  latencyP95Ms: 11024.5,
  costUsd: 0.6462,
  costPerTraceUsd: 0.00414,
};

const withoutCost = (m: KeyMetrics): KeyMetrics => ({ ...m, costUsd: null, costPerTraceUsd: null, inputTokens: null, outputTokens: null });

const noCost: UserMetrics = { current: withoutCost(current), previous: withoutCost(previous) };

const huge: UserMetrics = {
  current: {
    traceCount: 48_213_904,
    conversationCount: 9_120_377,
    activeDays: 365,
    errorCount: 1_204_118,
    successRate: 0.975025,
    topErrorType: 'UpstreamProviderCapacityExceededErrorWithAVeryLongClassNameFromTheSdk',
    latencyAvgMs: 4_100,
    latencyP50Ms: 3_580_000,
    latencyP95Ms: 86_400_000,
    costUsd: 2_481_907.55,
    costPerTraceUsd: 0.0515,
    inputTokens: 91_820_441_093,
    outputTokens: 8_310_227_514,
  },
  previous: {
    traceCount: 1_204,
    conversationCount: 0,
    activeDays: 12,
    errorCount: 0,
    successRate: 1,
    topErrorType: null,
    latencyAvgMs: 900,
    latencyP50Ms: 820,
    latencyP95Ms: 1_900,
    costUsd: 12.5,
    costPerTraceUsd: 0.0104,
    inputTokens: 1_000_000,
    outputTokens: 90_000,
  },
};

const empty: KeyMetrics = {
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

/** Every user of the range: 300 users, 48,000 traces, 2.9 % errors, mostly timeouts. */
const population: CohortMetrics = {
  ...current,
  traceCount: 48_000,
  conversationCount: 11_400,
  activeDays: 30,
  activeDaysPerUser: 9.4,
  errorCount: 1_392,
  successRate: 0.971,
  topErrorType: 'Timeout',
  latencyP50Ms: 2_950,
  latencyP95Ms: 10_400,
  costUsd: 201.6,
  costPerTraceUsd: 0.0042,
  inputTokens: 80_000_000,
  outputTokens: 9_600_000,
  userCount: 300,
};

/** The user's cost among those 300 users: 5 spend more. */
const costDistribution: UsersDistribution = {
  metric: 'costUsd',
  bins: [{ from: 0, to: 3.2, userCount: 300 }],
  userCount: 300,
  unknownCount: 0,
  position: { value: 0.7568, aboveCount: 5 },
};

const meta = {
  title: 'User detail/MetricCards',
  component: MetricCards,
  args: { metrics: { current, previous }, onMetricFocus: fn(), onRetry: fn() },
} satisfies Meta<typeof MetricCards>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waits for the demo data so the screenshot and the a11y check see the loaded state. */
const loaded: Story['play'] = async ({ canvasElement }) => waitForDetailTop(canvasElement);

/** A typical enterprise user from the demo dataset, fetched through the hooks: nothing stands out. */
export const Normal: Story = {
  render: () => <DetailTopFromDemo userId="user-00109" defaultCohort={{ key: 'plan', value: 'enterprise' }} />,
  play: loaded,
};

/** The demo's regression user after the pro-plan model switch: p95 latency doubled, so the verdict says performance. */
export const RegressionUser: Story = {
  render: () => <DetailTopFromDemo userId={DEMO_USERS.regression} />,
  play: loaded,
};

/** An enterprise user in eu-west compared with the eu-west cohort; select another chip to switch cohorts. */
export const EnterpriseEuCohort: Story = {
  render: () => <DetailTopFromDemo userId={DEMO_USERS.slow[1] as string} defaultCohort={{ key: 'region', value: 'eu-west' }} />,
  play: loaded,
};

/** An expensive enterprise user compared with the enterprise plan: spend first. */
export const SpendFirst: Story = {
  render: () => <DetailTopFromDemo userId={DEMO_USERS.expensive[1] as string} defaultCohort={{ key: 'plan', value: 'enterprise' }} />,
  play: loaded,
};

/** No trace reports a cost: the cost card shows "—" and says why. */
export const NoCostData: Story = { args: { metrics: noCost } };

/** Huge numbers: compact notation with the exact value on hover, huge jumps as compact percentages. */
export const HugeNumbers: Story = { args: { metrics: huge } };

/** While the metrics load. */
export const Loading: Story = { args: { metrics: undefined, status: 'pending' } };

/** The metrics could not be loaded: message and Retry. */
export const LoadError: Story = {
  name: 'Error',
  args: { metrics: undefined, status: 'error', error: new ProviderError('http', 'HTTP 503 from /users/user-00004/metrics', { status: 503 }) },
};

/** No traces in the range (the previous period had some). */
export const NoTraces: Story = { args: { metrics: { current: empty, previous } } };

/** Dark theme, with a cohort. */
export const Dark: Story = {
  render: () => <DetailTopFromDemo userId={DEMO_USERS.highErrors[1] as string} defaultCohort={{ key: 'plan', value: 'enterprise' }} />,
  play: loaded,
  globals: { theme: 'dark' },
};

/**
 * A new user: no trace in the previous period, so every delta compares with all users (rates as they are, totals
 * against the average user) and the verdict judges against them: quality first.
 */
export const PopulationBaseline: Story = {
  args: { metrics: { current, previous: empty, population }, positions: [costDistribution] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('No traces in the previous period: changes compare with all users (300 with traces).')).toBeVisible();
    await expect(canvasElement.querySelector('[data-slot="verdict"]')).toHaveTextContent('error rate 14.6% vs 2.9% across all users');
    await expect(canvas.getByRole('list', { name: 'Position among all users' })).toHaveTextContent('Cost in the top 2% of users (rank 6 of 300)');
  },
};

/** No previous period and a provider without the population baseline: deltas stay "—" and the verdict says why. */
export const NoPreviousPeriod: Story = {
  args: { metrics: { current, previous: empty } },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="verdict"]')).toHaveAttribute('data-state', 'no-baseline');
  },
};

