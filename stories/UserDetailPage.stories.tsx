import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { DEMO_MODEL_SWITCH, DEMO_USERS } from '../src/adapters/demo';
import type { DataProvider } from '../src/core/contract';
import { UserDetailPage } from '../src/pages/UserDetailPage/UserDetailPage';
import { BIG_USER_ID, bigUserProvider, ONE_TRACE_USER_ID, oneTraceProvider } from './support/conversation-data';
import { demoProvider } from './support/demo-provider';
import { failingOnce, PageHarness, pendingProvider, waitForDetailPage, withoutFeedback } from './support/detail-page-data';
import { MountCycleHarness } from './support/mount-cycle';
import { loadingWithProgress } from './support/progress-provider';

const wide: Decorator = (Story) => (
  <div style={{ maxWidth: '80rem' }}>
    <Story />
  </div>
);

/** The provider a story's loader built (loaders run before render, so heavy datasets never block the first paint). */
const providerOf = (loaded: Record<string, unknown>): DataProvider => loaded.provider as DataProvider;

const meta = {
  title: 'User detail/Page',
  component: UserDetailPage,
  decorators: [wide],
  args: {
    userId: DEMO_USERS.regression,
    onTraceOpen: fn(),
    onRangeChange: fn(),
    onCohortChange: fn(),
    onSelectedConversationChange: fn(),
  },
  loaders: [async () => ({ provider: demoProvider() })],
  render: (args, { loaded }) => <PageHarness {...args} provider={providerOf(loaded)} />,
  parameters: {
    docs: { description: { component: 'Render inside `<UserscopeProvider>`. Every section loads, fails and retries on its own.' } },
  },
} satisfies Meta<typeof UserDetailPage>;

export default meta;
type Story = StoryObj<typeof meta>;

const loaded: Story['play'] = async ({ canvasElement }) => waitForDetailPage(canvasElement);

/**
 * The demo's regression user over the last 30 days, end to end: one red callout, on the gpt-4.1 switch (not on release
 * 1.9.0 five days before it), and the verdict leads with that same regression; the switch is a marker on every trend,
 * feedback reacts, and selecting a conversation narrows the traces.
 */
export const RegressionUser: Story = {
  play: async ({ canvasElement }) => {
    await waitForDetailPage(canvasElement);
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="verdict"]')).toHaveAttribute('data-state', 'regression'));
    const callouts = [...canvasElement.querySelectorAll('[data-slot="regression-callouts"] li')].map((li) => li.textContent ?? '');
    await expect(callouts).toHaveLength(1);
    await expect(callouts[0]).toContain(`after the switch from ${DEMO_MODEL_SWITCH.from} to ${DEMO_MODEL_SWITCH.to}`);
    const verdict = canvasElement.querySelector('[data-slot="verdict"]')?.textContent ?? '';
    await expect(verdict).toContain(`after the switch from ${DEMO_MODEL_SWITCH.from} to ${DEMO_MODEL_SWITCH.to}`);
    await expect(verdict).not.toContain('Nothing stands out');
  },
};

/**
 * The demo's first 30 days: nothing before them, so the previous period is empty and the metric cards and the verdict
 * compare with all users instead ("vs all users", "vs avg. user"); the cost position sits under the legend.
 */
export const NoPreviousPeriod: Story = {
  args: { defaultRange: { preset: 'custom', from: '2026-08-27', to: '2026-09-25' } },
  play: async ({ canvasElement }) => {
    await waitForDetailPage(canvasElement);
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText(/^No traces in the previous period: changes compare with all users \(\d+ with traces\)\.$/)).toBeVisible());
    await expect(canvas.getAllByText('vs all users').length).toBeGreaterThan(0);
    await waitFor(() => expect(canvas.getByRole('list', { name: 'Position among all users' })).toHaveTextContent(/^Cost in the (top|bottom) /));
  },
};

/** The regression user compared with the other pro users (the plan chip in the header is pressed). */
export const ComparedWithCohort: Story = {
  args: { defaultCohort: { key: 'plan', value: 'pro' } },
  play: loaded,
};

/**
 * A conversation selected from the start (as from a URL): the trace table shows its ten steps in order, with the
 * "Filtered by conversation — Clear" chip titled by the first step.
 */
export const ConversationSelected: Story = {
  args: { defaultSelectedConversationId: 'conv_5bf18963' },
  play: loaded,
};

/** A user who ran a single, failed trace: every section copes with almost no data. */
export const OneTrace: Story = {
  args: { userId: ONE_TRACE_USER_ID },
  loaders: [async () => ({ provider: oneTraceProvider() })],
  play: loaded,
};

/**
 * 100,000 traces in 10,000 conversations over 90 days, built by the story's loader on first open. Both lists page by
 * 100 and virtualise; scroll either to its end to load more.
 */
export const HundredThousandTraces: Story = {
  args: { userId: BIG_USER_ID, defaultRange: { preset: '90d' }, pageSize: 100 },
  loaders: [async () => ({ provider: bigUserProvider() })],
  play: loaded,
};

/** `getUserMetrics` fails: only the key metrics show the error and a Retry; every other section renders. */
export const SectionFailing: Story = {
  loaders: [async () => ({ provider: failingOnce(demoProvider(), 'getUserMetrics') })],
  play: loaded,
};

/** The same failure, then Retry: the metrics load, asked again alone. */
export const SectionFailingThenRetried: Story = {
  loaders: [async () => ({ provider: failingOnce(demoProvider(), 'getUserMetrics') })],
  play: async ({ canvasElement }) => {
    await waitForDetailPage(canvasElement);
    const metrics = within(canvasElement.querySelector('#userscope-metrics') as HTMLElement);
    await userEvent.click(within(await metrics.findByRole('alert')).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="metric-cards"][data-state="ready"]')).not.toBeNull(), { timeout: 10_000 });
  },
};

/** Nothing has answered yet: each section shows its own loading state. */
export const Loading: Story = {
  loaders: [async () => ({ provider: pendingProvider(demoProvider()) })],
};

/**
 * A provider that reports progress (e.g. Langfuse) is still loading the user's range: "Loaded 640 of ~1,200 traces"
 * under the toolbar while every section shows its loading state.
 */
export const LoadingWithProgress: Story = {
  loaders: [async () => ({ provider: loadingWithProgress(demoProvider(), { loaded: 640, expected: 1_200 }) })],
};

/** The provider has no feedback (`capabilities.feedback: false`): the section and its nav link are left out. */
export const FeedbackUnavailable: Story = {
  loaders: [async () => ({ provider: withoutFeedback(demoProvider()) })],
  play: loaded,
};

/** `sections` reorders, omits and adds: the traces first, then the profile, then a host-rendered notes section. */
export const CustomSections: Story = {
  args: {
    sections: [
      'traces',
      'header',
      {
        id: 'notes',
        title: 'Support notes',
        render: ({ userId, range }) => (
          <p style={{ margin: 0 }}>
            Host content for <code>{userId}</code>, {range.from.slice(0, 10)} to {range.to.slice(0, 10)}.
          </p>
        ),
      },
    ],
  },
  play: loaded,
};

/**
 * The page under a Mount / Unmount button, one provider and one query client: the browser run clicks it 100 times
 * and checks that the JS heap does not grow beyond noise (`test/browser/heap-check.mjs`).
 */
export const MountCycle: Story = {
  render: (args, { loaded }) => <MountCycleHarness {...args} provider={providerOf(loaded)} />,
  play: loaded,
};
