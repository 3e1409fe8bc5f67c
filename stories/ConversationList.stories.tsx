import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { DEMO_USERS } from '../src/adapters/demo';
import { ConversationList } from '../src/components/ConversationList/ConversationList';
import type { DataProvider } from '../src/core/contract';
import { ProviderError } from '../src/core/errors';
import type { ConversationSummary } from '../src/core/results';
import { UserscopeProvider } from '../src/hooks';
import {
  BIG_USER_ID,
  BIG_USER_RANGE,
  bigUserProvider,
  ConnectedConversations,
  ONE_TRACE_USER_ID,
  oneTraceProvider,
  STORY_NOW,
} from './support/conversation-data';
import { DEMO_RANGE, demoProvider } from './support/demo-provider';

const withProvider =
  (provider: () => DataProvider): Decorator =>
  (Story) => (
    <UserscopeProvider provider={provider()} locale="en-US">
      <Story />
    </UserscopeProvider>
  );

const narrow: Decorator = (Story) => (
  <div style={{ maxWidth: '46rem' }}>
    <Story />
  </div>
);

const hour = (h: number) => new Date(STORY_NOW - h * 3_600_000).toISOString();
const sample: ConversationSummary[] = [
  {
    id: 'conv-a',
    traceCount: 7,
    firstTime: hour(3),
    lastTime: hour(2),
    durationMs: 3_480_000,
    errorCount: 2,
    costUsd: 0.084,
    title: 'Why was I charged twice for the March invoice?',
    models: ['gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18'],
    steps: ['ok', 'ok', 'error', 'ok', 'error', 'ok', 'ok'],
  },
  {
    id: '(none)',
    traceCount: 12,
    firstTime: hour(40),
    lastTime: hour(5),
    durationMs: 126_000_000,
    errorCount: 0,
    costUsd: null,
    title: 'Summarize the release notes',
    models: ['claude-3-5-sonnet-20241022'],
    steps: Array.from({ length: 12 }, () => 'ok' as const),
  },
];

const meta = {
  title: 'User detail/ConversationList',
  component: ConversationList,
  decorators: [narrow],
  args: {
    rows: [],
    now: STORY_NOW,
    onSelectedConversationChange: fn(),
    onSortingChange: fn(),
    onLoadMore: fn(),
    onRetry: fn(),
  },
} satisfies Meta<typeof ConversationList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The demo's regression user over 30 days: sort, select (click or Enter), scroll to load more. */
export const DemoRegressionUser: Story = {
  decorators: [withProvider(demoProvider)],
  render: (args) => <ConnectedConversations userId={DEMO_USERS.regression} range={DEMO_RANGE} onSelectedConversationChange={args.onSelectedConversationChange} />,
};

/** A user who ran a single (failed) trace. */
export const OneTrace: Story = {
  decorators: [withProvider(oneTraceProvider)],
  render: () => <ConnectedConversations userId={ONE_TRACE_USER_ID} range={DEMO_RANGE} />,
};

/** 10,000 conversations (100,000 traces), paged by 100 and virtualised; generated on first open. */
export const BigUser: Story = {
  decorators: [withProvider(bigUserProvider)],
  render: () => <ConnectedConversations userId={BIG_USER_ID} range={BIG_USER_RANGE} limit={100} />,
};

/** Rows from props, one selected; the "No conversation" group has no duration and an unknown cost. */
export const Selected: Story = {
  args: { rows: sample, rowCount: 2, defaultSelectedConversationId: 'conv-a' },
};

/** First load. */
export const Loading: Story = {
  args: { status: 'pending' },
};

/** No conversation in the range. */
export const Empty: Story = {
  args: { rows: [], rowCount: 0 },
};

/** The provider failed: message and Retry. */
export const Error: Story = {
  args: { status: 'error', error: new ProviderError('http', 'listConversations: the server answered 503 Service Unavailable', { status: 503 }) },
};

/** The next page failed: loaded rows stay, the footer retries. */
export const NextPageFailed: Story = {
  args: { rows: sample, status: 'error', error: new ProviderError('network', 'fetch failed'), hasNextPage: true },
};

/** The demo in the dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  decorators: [withProvider(demoProvider)],
  render: () => <ConnectedConversations userId={DEMO_USERS.regression} range={DEMO_RANGE} defaultSelectedConversationId="(none)" />,
};
