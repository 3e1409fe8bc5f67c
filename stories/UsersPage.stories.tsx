import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';
import { createDemoDataset, DEMO_DEFAULT_NOW } from '../src/adapters/demo/create-demo-dataset';
import { createMemoryProvider } from '../src/adapters/memory/create-memory-provider';
import type { DataProvider } from '../src/core/contract';
import { ProviderError } from '../src/core/errors';
import { createUserscopeQueryClient } from '../src/hooks/query-client';
import { UserscopeProvider } from '../src/hooks/userscope-provider';
import { UsersPage, type UsersPageProps } from '../src/pages/UsersPage/UsersPage';
import { loadingWithProgress } from './support/progress-provider';

const NOW = Date.parse(DEMO_DEFAULT_NOW);

let demo: DataProvider | undefined;
/** One memory provider over the demo dataset's last 30 days (300 users, ≈ 50k traces: the story render is bounded at 15 s), shared by the stories. */
function demoProvider(): DataProvider {
  demo ??= createMemoryProvider({ ...createDemoDataset({ days: 30 }), validate: false, latencyMs: 80 });
  return demo;
}

let pending: DataProvider | undefined;
/** A provider whose users list never answers (one instance, so query keys stay stable). */
function pendingProvider(): DataProvider {
  pending ??= { ...demoProvider(), listUsers: () => new Promise(() => undefined) };
  return pending;
}

let failing: DataProvider | undefined;
/** A provider whose users list always fails (one instance, so query keys stay stable). */
function failingProvider(): DataProvider {
  failing ??= {
    ...demoProvider(),
    listUsers: () => Promise.reject(new ProviderError('network', 'listUsers: the network is unreachable (fetch failed)')),
  };
  return failing;
}

/** The page inside a `<UserscopeProvider>` with a query client that does not retry, so errors show at once. */
function Harness({ provider, ...props }: UsersPageProps & { provider: DataProvider }) {
  const [queryClient] = useState(() => {
    const client = createUserscopeQueryClient();
    client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
    return client;
  });
  return (
    <UserscopeProvider provider={provider} queryClient={queryClient} locale="en-US">
      <UsersPage now={NOW} getUserHref={(user) => `#/users/${encodeURIComponent(user.id)}`} {...props} />
    </UserscopeProvider>
  );
}

const wide: Decorator = (Story) => (
  <div style={{ maxWidth: '80rem' }}>
    <Story />
  </div>
);

const meta = {
  title: 'Users/UsersPage',
  component: UsersPage,
  decorators: [wide],
  args: { onUserOpen: fn(), onViewChange: fn(), tableMaxHeight: 520 },
  parameters: { docs: { description: { component: 'Render inside `<UserscopeProvider>`.' } } },
} satisfies Meta<typeof UsersPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The demo world's last 7 days: totals, filters discovered from the data, search, sorting, paging and export. */
export const Normal: Story = {
  render: (args) => <Harness {...args} provider={demoProvider()} />,
};

/**
 * Only the users who need attention, most severe first (the toggle's sort: the most reasons, then the largest
 * value / baseline ratio), each reason said in the row.
 */
export const NeedsAttention: Story = {
  render: (args) => (
    <Harness
      {...args}
      provider={demoProvider()}
      defaultView={{ attentionOnly: true, range: { preset: '30d' }, sorting: [{ id: 'attention', desc: true }] }}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const grid = await canvas.findByRole('grid', undefined, { timeout: 10_000 });
    await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(1), { timeout: 10_000 });
    await expect(within(grid).getByRole('columnheader', { name: 'Attention' })).toHaveAttribute('aria-sort', 'descending');
  },
};

/** First load: skeleton totals and rows. */
export const Loading: Story = {
  render: (args) => <Harness {...args} provider={pendingProvider()} />,
};

let slow: DataProvider | undefined;
let slowUnknown: DataProvider | undefined;

/**
 * A long load from a provider that reports progress (e.g. Langfuse under Cloud Hobby's 15 requests a minute):
 * "Loaded 3,200 of ~10,000 traces" above the loading table.
 */
export const LoadingWithProgress: Story = {
  render: (args) => <Harness {...args} provider={(slow ??= loadingWithProgress(demoProvider(), { loaded: 3_200, expected: 10_000 }))} />,
};

/** The same when the provider could not estimate the total: "Loaded 3,200 traces". */
export const LoadingWithProgressNoEstimate: Story = {
  render: (args) => <Harness {...args} provider={(slowUnknown ??= loadingWithProgress(demoProvider(), { loaded: 3_200, expected: null }))} />,
};

/** A range in which nobody has a trace. */
export const EmptyRange: Story = {
  render: (args) => <Harness {...args} provider={demoProvider()} defaultView={{ range: { preset: 'custom', from: '2024-01-01', to: '2024-01-07' } }} />,
};

/** A search that matches nobody: "Clear filters" brings everyone back. */
export const NoMatch: Story = {
  render: (args) => <Harness {...args} provider={demoProvider()} defaultView={{ search: 'no-such-user-xyz' }} />,
};

/** The provider fails: the error and a Retry button. */
export const Error: Story = {
  render: (args) => <Harness {...args} provider={failingProvider()} />,
};

let big: DataProvider | undefined;
/**
 * A provider over 100,000 demo users (about two traces each), built after the first paint so the story shows its
 * loading state at once; every call waits for it. One instance, so query keys stay stable across renders.
 */
function bigProvider(): DataProvider {
  if (big) return big;
  const ready = new Promise<DataProvider>((resolve) =>
    setTimeout(() => resolve(createMemoryProvider({ ...createDemoDataset({ users: 100_000, tracesPerUser: 2 }), validate: false })), 50),
  );
  big = {
    capabilities: { feedback: true, cohorts: true, modelUsage: true, conversations: true },
    listUsers: async (params) => (await ready).listUsers(params),
    getUsersSummary: async (params) => {
      const provider = await ready;
      if (!provider.getUsersSummary) throw new ProviderError('not-found', 'getUsersSummary is missing');
      return provider.getUsersSummary(params);
    },
    getUsersDistribution: async (params) => {
      const provider = await ready;
      if (!provider.getUsersDistribution) throw new ProviderError('not-found', 'getUsersDistribution is missing');
      return provider.getUsersDistribution(params);
    },
    getUsersSegments: async (params) => {
      const provider = await ready;
      if (!provider.getUsersSegments) throw new ProviderError('not-found', 'getUsersSegments is missing');
      return provider.getUsersSegments(params);
    },
    getUser: async (params) => (await ready).getUser(params),
    getUserMetrics: async (params) => (await ready).getUserMetrics(params),
    getUserTrends: async (params) => (await ready).getUserTrends(params),
    getModelUsage: async (params) => (await ready).getModelUsage(params),
    getFeedback: async (params) => (await ready).getFeedback(params),
    listFeedbackComments: async (params) => (await ready).listFeedbackComments(params),
    listConversations: async (params) => (await ready).listConversations(params),
    listTraces: async (params) => (await ready).listTraces(params),
  };
  return big;
}

/**
 * 100,000 users through the memory engine: the page stays usable, the table pages through the provider, and the
 * totals strip is exact because the provider answers `getUsersSummary`.
 */
export const HundredThousandUsers: Story = {
  render: (args) => <Harness {...args} provider={bigProvider()} defaultView={{ range: { preset: '30d' } }} />,
};

/**
 * The population above the list: users by cost (pick a bar: the list filters to its users) and segments by plan
 * (pick one: the list filters to it).
 */
export const Population: Story = {
  render: (args) => <Harness {...args} provider={demoProvider()} defaultView={{ range: { preset: '30d' } }} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const segments = await canvas.findByRole('region', { name: 'Segments' }, { timeout: 10_000 });
    await waitFor(() => expect(within(segments).getAllByRole('row').length).toBeGreaterThan(2), { timeout: 10_000 });
    const distribution = canvas.getByRole('region', { name: 'Users by cost' });
    await waitFor(() => expect(within(distribution).getAllByRole('button', { name: /users?$/ }).length).toBeGreaterThan(0), { timeout: 10_000 });
  },
};

/**
 * A picked bar: the most expensive users (the highest non-empty cost bar) filter the list, exactly the bar's count,
 * with a removable chip in the toolbar.
 */
export const PopulationBarFilter: Story = {
  render: (args) => <Harness {...args} provider={demoProvider()} defaultView={{ range: { preset: '30d' } }} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const distribution = await canvas.findByRole('region', { name: 'Users by cost' }, { timeout: 10_000 });
    const bars = await waitFor(
      () => {
        const enabled = within(distribution)
          .getAllByRole('button', { name: / users?$/ })
          .filter((bar) => !(bar as HTMLButtonElement).disabled);
        expect(enabled.length).toBeGreaterThan(0);
        return enabled;
      },
      { timeout: 10_000 },
    );
    const bar = bars[bars.length - 1] as HTMLElement;
    const label = bar.getAttribute('aria-label') ?? '';
    const count = Number(/: (\d+) users?$/.exec(label)?.[1]);
    bar.click();
    const toolbar = canvas.getByRole('group', { name: 'Filters' });
    await waitFor(() => expect(within(toolbar).getByRole('button', { name: /^Remove the filter cost from / })).toBeInTheDocument());
    const grid = canvas.getByRole('grid');
    await waitFor(() => expect(within(grid).getAllByRole('row').length - 1).toBe(Math.min(count, 50)), { timeout: 10_000 });
    await expect(bar).toHaveAttribute('aria-pressed', 'true');
  },
};

let lowShare: DataProvider | undefined;
/** The demo with most of its traces unattributed (as a store fed by spans without a user id would be). */
function lowShareProvider(): DataProvider {
  const base = demoProvider();
  lowShare ??= {
    ...base,
    getUsersSummary: async (params) => {
      const summary = await base.getUsersSummary!(params);
      return { ...summary, unattributedTraceCount: Math.round(summary.traceCount * 2.4) };
    },
  };
  return lowShare;
}

/** Only 29% of the traces carry a user id: the page says so and shows how to attach one. */
export const LowUserIdShare: Story = {
  render: (args) => <Harness {...args} provider={lowShareProvider()} userIdDocsHref="#/docs/adapters#conventions" />,
  play: async ({ canvasElement }) => {
    const notice = await within(canvasElement).findByRole('region', { name: 'Why are users missing?' }, { timeout: 10_000 });
    await expect(notice).toHaveTextContent(/Only 29.4% of the traces in this range carry a user id/);
  },
};

let noIds: DataProvider | undefined;
/** A store whose traces all lack a user id: no user to list, 4,812 unattributed traces. */
function noUserIdsProvider(): DataProvider {
  const empty = createMemoryProvider({ users: [], traces: [], validate: false });
  noIds ??= {
    ...empty,
    getUsersSummary: async (params) => ({ ...(await empty.getUsersSummary!(params)), unattributedTraceCount: 4_812 }),
  };
  return noIds;
}

/** No trace carries a user id: the list is empty and the page says why and how to fix it. */
export const NoUserIds: Story = {
  render: (args) => <Harness {...args} provider={noUserIdsProvider()} />,
  play: async ({ canvasElement }) => {
    const notice = await within(canvasElement).findByRole('region', { name: 'Why is this list empty?' }, { timeout: 10_000 });
    await expect(notice).toHaveTextContent('This range has 4,812 traces, but none carries a user id');
  },
};

/** The demo in the dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  render: (args) => <Harness {...args} provider={demoProvider()} />,
};
