import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { DEMO_USERS } from '../src/adapters/demo/create-demo-dataset';
import { FeedbackPanel } from '../src/components/FeedbackPanel/FeedbackPanel';
import { ProviderError } from '../src/core/errors';
import { DEMO_RANGE, demoProvider } from './support/demo-provider';
import { FeedbackFromProvider, STORY_RANGE, STORY_USER, storyProvider, waitForFeedback } from './support/feedback-data';

/** The demo user who left the most feedback in the last 30 days (341 records, 48 comments, four keys). */
const RICH_USER = 'user-00245';

const meta = {
  title: 'User detail/FeedbackPanel',
  component: FeedbackPanel,
  args: { onRetry: fn(), onTraceOpen: fn() },
} satisfies Meta<typeof FeedbackPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waits for the data so the screenshot and the a11y check see the loaded state. */
const loaded: Story['play'] = async ({ canvasElement }) => waitForFeedback(canvasElement);

/** The demo user with the most feedback: thumbs, 1–5 ratings, 0–1 helpfulness and categories, shown per key. */
export const RichFeedback: Story = {
  render: (args) => <FeedbackFromProvider provider={demoProvider()} userId={RICH_USER} range={DEMO_RANGE} onTraceOpen={args.onTraceOpen} />,
  play: loaded,
};

/**
 * The demo's regression user: a release and a model switch are marked on the trend, with success rate and feedback
 * before and after each, to validate (or refute) a fix.
 */
export const ReleasesAndModelSwitch: Story = {
  render: (args) => (
    <FeedbackFromProvider provider={demoProvider()} userId={DEMO_USERS.regression} range={DEMO_RANGE} onTraceOpen={args.onTraceOpen} />
  ),
  play: loaded,
};

/** Thumbs only: the average reads as the share of thumbs up; release 2.4.1 fixes the failures and feedback follows. */
export const OnlyThumbs: Story = {
  render: (args) => <FeedbackFromProvider provider={storyProvider('thumbs')} userId={STORY_USER} range={STORY_RANGE} onTraceOpen={args.onTraceOpen} />,
  play: loaded,
};

/** Comments only (a categorical key without scores): no average, no distribution, every comment with its trace. */
export const OnlyComments: Story = {
  render: (args) => <FeedbackFromProvider provider={storyProvider('comments')} userId={STORY_USER} range={STORY_RANGE} onTraceOpen={args.onTraceOpen} />,
  play: loaded,
};

/** Polarized 1–5 ratings and 0–1 helpfulness: scores pile up at both ends of the distribution. */
export const PolarizedScores: Story = {
  render: (args) => <FeedbackFromProvider provider={storyProvider('polarized')} userId={STORY_USER} range={STORY_RANGE} onTraceOpen={args.onTraceOpen} />,
  play: loaded,
};

/** Every chart switched to its data-table alternative (so the a11y check covers the tables too). */
export const AsTables: Story = {
  render: (args) => <FeedbackFromProvider provider={demoProvider()} userId={RICH_USER} range={DEMO_RANGE} onTraceOpen={args.onTraceOpen} />,
  play: async ({ canvasElement }) => {
    await waitForFeedback(canvasElement);
    for (const toggle of canvasElement.querySelectorAll<HTMLButtonElement>('[data-slot="chart-table"] > button[aria-expanded="false"]')) {
      toggle.click();
    }
  },
};

/** The provider has feedback, but this user left none in the range: a clear empty state. */
export const NoFeedback: Story = {
  render: () => <FeedbackFromProvider provider={storyProvider('none')} userId={STORY_USER} range={STORY_RANGE} />,
  play: loaded,
};

/** The provider declares no feedback capability: the panel renders nothing (the note below is the story's). */
export const CapabilityOff: Story = {
  render: () => (
    <>
      <p data-story-note style={{ margin: 0, color: 'var(--us-color-text-muted)' }}>
        Story: the provider declares <code>feedback: false</code>, so FeedbackPanel renders nothing here.
      </p>
      <FeedbackFromProvider provider={storyProvider('thumbs', { feedback: false })} userId={STORY_USER} range={STORY_RANGE} />
    </>
  ),
  play: loaded,
};

/** While the overview and the comments load. */
export const Loading: Story = {
  args: { status: 'pending', comments: { status: 'pending', rows: [] } },
};

/** Both parts failed: each says so and offers Retry. */
export const LoadError: Story = {
  name: 'Error',
  args: {
    status: 'error',
    error: new ProviderError('http', 'HTTP 503 from /users/u_42/feedback', { status: 503 }),
    comments: { status: 'error', rows: [], error: new ProviderError('network', 'Failed to fetch'), refetch: fn() },
  },
};

/** Dark theme, the regression user. */
export const Dark: Story = {
  render: (args) => (
    <FeedbackFromProvider provider={demoProvider()} userId={DEMO_USERS.regression} range={DEMO_RANGE} onTraceOpen={args.onTraceOpen} />
  ),
  play: loaded,
  globals: { theme: 'dark' },
};
