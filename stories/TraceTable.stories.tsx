import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { DEMO_USERS } from '../src/adapters/demo';
import { TraceTable } from '../src/components/TraceTable/TraceTable';
import type { DataProvider } from '../src/core/contract';
import { ProviderError } from '../src/core/errors';
import { UserscopeProvider } from '../src/hooks';
import {
  BIG_USER_ID,
  BIG_USER_MODELS,
  BIG_USER_RANGE,
  bigUserProvider,
  ConnectedTraces,
  ConversationsAndTraces,
  ONE_TRACE_USER_ID,
  oneTraceProvider,
  SCORED_TRACES,
  storyTraceHref,
} from './support/conversation-data';
import { DEMO_RANGE, demoProvider } from './support/demo-provider';

const withProvider =
  (provider: () => DataProvider): Decorator =>
  (Story) => (
    <UserscopeProvider provider={provider()} locale="en-US">
      <Story />
    </UserscopeProvider>
  );

const wide: Decorator = (Story) => (
  <div style={{ maxWidth: '82rem' }}>
    <Story />
  </div>
);

/** A 10-step conversation of the demo's regression user with one failed step. */
const DEMO_CONVERSATION = { id: 'conv_5bf18963', title: 'What changed in the Q3 pricing update?' };

const meta = {
  title: 'User detail/TraceTable',
  component: TraceTable,
  decorators: [wide],
  args: {
    rows: [],
    getTraceHref: storyTraceHref,
    onTraceOpen: fn(),
    onSortingChange: fn(),
    onFiltersChange: fn(),
    onLoadMore: fn(),
    onRetry: fn(),
    onClearConversation: fn(),
  },
} satisfies Meta<typeof TraceTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every run of the demo's regression user over 30 days: sort, filter by status or model, scroll to load more. */
export const DemoRegressionUser: Story = {
  decorators: [withProvider(demoProvider)],
  render: () => <ConnectedTraces userId={DEMO_USERS.regression} range={DEMO_RANGE} />,
};

/** One conversation selected: its traces in step order, with the "Filtered by conversation — Clear" chip. */
export const FilteredByConversation: Story = {
  decorators: [withProvider(demoProvider)],
  render: (args) => (
    <ConnectedTraces
      userId={DEMO_USERS.regression}
      range={DEMO_RANGE}
      conversationId={DEMO_CONVERSATION.id}
      conversationTitle={DEMO_CONVERSATION.title}
      onClearConversation={args.onClearConversation}
    />
  ),
};

/** Conversations and traces together, as the user detail page wires them: select a journey to narrow the table. */
export const WithConversations: Story = {
  decorators: [withProvider(demoProvider)],
  render: () => <ConversationsAndTraces userId={DEMO_USERS.regression} range={DEMO_RANGE} maxHeight={360} />,
};

/** A user who ran a single (failed) trace. */
export const OneTrace: Story = {
  decorators: [withProvider(oneTraceProvider)],
  render: () => <ConnectedTraces userId={ONE_TRACE_USER_ID} range={DEMO_RANGE} />,
};

/**
 * 100,000 traces in 10,000 conversations: both lists page by 100 and virtualise. Generated once, on first open.
 * Scroll either list to its end to load more; select a conversation to narrow the table.
 */
export const BigUser: Story = {
  decorators: [withProvider(bigUserProvider)],
  render: () => <ConversationsAndTraces userId={BIG_USER_ID} range={BIG_USER_RANGE} limit={100} maxHeight={360} models={BIG_USER_MODELS} />,
};

/**
 * Feedback scores as FeedbackPanel shows them: 0.92 (positive, green), 0.50 (positive from 0.5 on), 0.12 (negative,
 * red), and "—" for a run with only unscored feedback or none. The column does not sort.
 */
export const FeedbackScores: Story = {
  args: { rows: SCORED_TRACES, rowCount: SCORED_TRACES.length },
};

/** The filters match nothing: the message offers "Clear filters". */
export const NoMatchingFilters: Story = {
  args: {
    rows: [],
    rowCount: 0,
    defaultFilters: [
      { id: 'status', value: 'error' },
      { id: 'model', value: 'gpt-4o-2024-08-06' },
      { id: 'errorType', value: 'ContextLengthExceeded' },
    ],
  },
};

/** First load. */
export const Loading: Story = {
  args: { status: 'pending' },
};

/** No trace in the range. */
export const Empty: Story = {
  args: { rows: [], rowCount: 0 },
};

/** The provider failed: message and Retry. */
export const Error: Story = {
  args: { status: 'error', error: new ProviderError('http', 'listTraces: the server answered 503 Service Unavailable', { status: 503 }) },
};

/** Conversations and traces in the dark theme, one conversation selected. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  decorators: [withProvider(demoProvider)],
  render: () => (
    <ConversationsAndTraces userId={DEMO_USERS.regression} range={DEMO_RANGE} maxHeight={320} initialConversation={DEMO_CONVERSATION} />
  ),
};
