import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { fn } from 'storybook/test';
import { createDemoDataset, DEMO_DEFAULT_NOW } from '../src/adapters/demo/create-demo-dataset';
import { createMemoryProvider } from '../src/adapters/memory/create-memory-provider';
import { UsersTable, type UsersTableProps } from '../src/components/UsersTable/UsersTable';
import type { DataProvider, OffsetPagination, SortingItem } from '../src/core/contract';
import { ProviderError } from '../src/core/errors';
import type { Page, SparkPoint, UserRow } from '../src/core/results';

const NOW = Date.parse(DEMO_DEFAULT_NOW);
const DAY = 86_400_000;
const LAST_30_DAYS = { from: new Date(NOW - 30 * DAY).toISOString(), to: DEMO_DEFAULT_NOW };

let demo: DataProvider | undefined;
/** One memory provider over the demo dataset's last 30 days (300 users, ≈ 50k traces: the story render is bounded at 15 s), shared by the stories. */
function demoProvider(): DataProvider {
  demo ??= createMemoryProvider({ ...createDemoDataset({ days: 30 }), validate: false });
  return demo;
}

/** `count` synthetic rows (most recently seen first) with varied names, metadata, numbers and attention. */
function syntheticRows(count: number): UserRow[] {
  const plans = ['free', 'pro', 'enterprise'];
  const regions = ['us-east', 'eu-west', 'ap-south', 'sa-east'];
  const days = Array.from({ length: 30 }, (_, i) => new Date(NOW - (30 - i) * DAY).toISOString());
  let seed = 7;
  // mulberry32: small, fast and with a period far beyond 100k draws.
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const rows: UserRow[] = Array.from({ length: count }, (_, i) => {
    const traces = 1 + Math.floor(random() * 400);
    const errors = Math.floor(traces * random() * random() * 0.3);
    const sparkline: SparkPoint[] = days.map((t) => {
      const n = Math.floor((traces / 30) * 2 * random());
      return { t, traceCount: n, errorCount: Math.min(n, Math.floor(n * (errors / traces))) };
    });
    const cost = random() < 0.1 ? null : traces * 0.004 * (0.5 + random());
    return {
      user: {
        id: `user-${String(i).padStart(6, '0')}`,
        displayName: `User ${i.toString(36).toUpperCase()}`,
        email: `user${i}@example.com`,
        metadata: { plan: plans[i % 3] as string, tier: i % 7 === 0 ? 'priority' : 'standard', region: regions[i % 4] as string },
      },
      traceCount: traces,
      conversationCount: Math.ceil(traces / 4),
      errorCount: errors,
      successRate: (traces - errors) / traces,
      latencyP50Ms: 400 + random() * 1200,
      latencyP95Ms: 1500 + random() * 6000,
      costUsd: cost,
      costPerTraceUsd: cost === null ? null : cost / traces,
      inputTokens: traces * 900,
      outputTokens: traces * 300,
      feedbackAvgScore: random() < 0.5 ? null : random(),
      firstSeen: new Date(NOW - 30 * DAY + random() * 10 * DAY).toISOString(),
      lastSeen: new Date(NOW - random() * 5 * DAY).toISOString(),
      sparkline,
      attention:
        errors / traces > 0.2
          ? [{ kind: 'errors', value: errors / traces, baseline: 0.05, message: `Error rate ${Math.round((errors / traces) * 100)} % vs 5 % across all users (${errors} of ${traces} traces failed)` }]
          : [],
    };
  });
  return rows.sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0));
}

/** Runs the table against the demo provider: sorting and paging go through `listUsers`, like a host would. */
function DemoTable(props: Partial<UsersTableProps>) {
  const [sorting, setSorting] = useState<SortingItem[]>([{ id: 'lastSeen', desc: true }]);
  const [pagination, setPagination] = useState<OffsetPagination>({ pageIndex: 0, pageSize: 50 });
  const [page, setPage] = useState<Page<UserRow> | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    demoProvider()
      .listUsers({ range: LAST_30_DAYS, sorting, pagination, signal: controller.signal })
      .then(setPage, () => undefined);
    return () => controller.abort();
  }, [sorting, pagination]);
  return (
    <UsersTable
      rows={page?.rows ?? []}
      rowCount={page?.total}
      status={page ? 'success' : 'pending'}
      sorting={sorting}
      onSortingChange={setSorting}
      pagination={pagination}
      onPaginationChange={setPagination}
      now={NOW}
      getUserHref={(user) => `#/users/${encodeURIComponent(user.id)}`}
      {...props}
    />
  );
}

const fullWidth: Decorator = (Story) => (
  <div style={{ maxWidth: '80rem' }}>
    <Story />
  </div>
);

const meta = {
  title: 'Users/UsersTable',
  component: UsersTable,
  decorators: [fullWidth],
  args: {
    rows: [],
    now: NOW,
    onUserOpen: fn(),
    onRetry: fn(),
    onClearFilters: fn(),
    onSortingChange: fn(),
    onPaginationChange: fn(),
    onColumnVisibilityChange: fn(),
    onColumnOrderChange: fn(),
  },
} satisfies Meta<typeof UsersTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The demo dataset's last 30 days: sort by any column, page, pick columns, open a user with a click or Enter. */
export const Normal: Story = {
  render: () => <DemoTable />,
};

/** First load: skeleton rows while the provider answers. */
export const Loading: Story = {
  args: { status: 'pending' },
};

/** Nobody has a trace in the chosen range. */
export const EmptyRange: Story = {
  args: { rows: [], rowCount: 0, emptyReason: 'range' },
};

/** Search and filters match nobody: offers "Clear filters". */
export const NoMatch: Story = {
  args: { rows: [], rowCount: 0, emptyReason: 'filters' },
};

/** The provider failed: the message and a Retry button. */
export const Error: Story = {
  args: {
    status: 'error',
    error: new ProviderError('http', 'listUsers: the server answered 503 Service Unavailable', { status: 503 }),
  },
};

/** The Feedback column shown: each user's mean feedback score (0..1) in the same pill as the trace table's. */
export const FeedbackColumn: Story = {
  loaders: [async () => ({ rows: syntheticRows(12) })],
  render: (args, { loaded }) => (
    <UsersTable
      {...args}
      rows={loaded.rows as UserRow[]}
      rowCount={12}
      defaultColumnVisibility={{ 'metadata.tier': false, conversationCount: false, latencyP50Ms: false, costPerTraceUsd: false, firstSeen: false }}
    />
  ),
};

/** 100,000 rows in one page: only the rows in view are in the DOM. */
export const HundredThousandUsers: Story = {
  loaders: [async () => ({ rows: syntheticRows(100_000) })],
  render: (args, { loaded }) => (
    <UsersTable {...args} rows={loaded.rows as UserRow[]} defaultPagination={{ pageIndex: 0, pageSize: 100_000 }} pageSizeOptions={[50, 100_000]} maxHeight={560} />
  ),
};

/** The demo in the dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  render: () => <DemoTable />,
};
