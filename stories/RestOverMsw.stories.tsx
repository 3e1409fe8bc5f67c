import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useState, type ReactNode } from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';
import { DEMO_DEFAULT_NOW, DEMO_USERS } from '../src/adapters/demo/create-demo-dataset';
import { createRestProvider } from '../src/adapters/rest/rest-provider';
import type { DataProvider } from '../src/core/contract';
import { createUserscopeQueryClient } from '../src/hooks/query-client';
import { UserscopeProvider } from '../src/hooks/userscope-provider';
import { UserDetailPage } from '../src/pages/UserDetailPage/UserDetailPage';
import { UsersPage } from '../src/pages/UsersPage/UsersPage';
import { DEMO_API, FAILING_USERS_API, startDemoApi } from './support/rest-msw';

const NOW = Date.parse(DEMO_DEFAULT_NOW);

const restProviders = new Map<string, DataProvider>();
/** One REST provider per base URL, so query keys stay stable across renders. */
function restProvider(baseUrl: string): DataProvider {
  let provider = restProviders.get(baseUrl);
  if (!provider) {
    provider = createRestProvider({ baseUrl });
    restProviders.set(baseUrl, provider);
  }
  return provider;
}

/**
 * The page as a host wires it to its backend: `createRestProvider` in a `<UserscopeProvider>`. The query client
 * does not retry, so an error shows once the REST provider's own retries (two, with backoff) are spent.
 */
function RestHarness({ baseUrl, children }: { baseUrl: string; children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = createUserscopeQueryClient();
    client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
    return client;
  });
  return (
    <UserscopeProvider provider={restProvider(baseUrl)} queryClient={queryClient} locale="en-US">
      {children}
    </UserscopeProvider>
  );
}

/** The users page over the backend at `baseUrl`. */
function RestUsersPage({ baseUrl }: { baseUrl: string }) {
  return (
    <RestHarness baseUrl={baseUrl}>
      <UsersPage
        now={NOW}
        getUserHref={(user) => `#/users/${encodeURIComponent(user.id)}`}
        onUserOpen={fn()}
        onViewChange={fn()}
        tableMaxHeight={520}
      />
    </RestHarness>
  );
}

/** Waits until nothing in the story is loading, so the screenshot and the a11y check see the answers. */
async function waitForAnswers(root: HTMLElement): Promise<void> {
  await waitFor(
    () => {
      expect(root.querySelector('[aria-busy="true"], [data-state="loading"]')).toBeNull();
    },
    { timeout: 10_000 },
  );
}

const wide: Decorator = (Story) => (
  <div style={{ maxWidth: '80rem' }}>
    <Story />
  </div>
);

const meta = {
  title: 'Over REST/Pages',
  decorators: [wide],
  loaders: [startDemoApi],
  parameters: {
    docs: {
      description: {
        component:
          'Pages over `createRestProvider`, answered in the browser by an msw service worker running ' +
          '`createRestHandlers` (from `userscope/testing/msw`) over the demo memory provider.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** The demo users, each `listUsers` call a `GET /api/userscope/users` answered by the service worker. */
export const UsersList: Story = {
  render: () => <RestUsersPage baseUrl={DEMO_API} />,
  play: async ({ canvasElement }) => {
    const grid = await within(canvasElement).findByRole('grid');
    await waitForAnswers(canvasElement);
    expect(within(grid).getAllByRole('gridcell').length).toBeGreaterThan(0);
  },
};

/**
 * `GET /users` answers 500: the REST provider retries twice, then the page shows its error with a Retry button.
 * The runner is told to expect those 500s (and only those).
 */
export const UsersListServerError: Story = {
  render: () => <RestUsersPage baseUrl={FAILING_USERS_API} />,
  parameters: { userscope: { allowFailedRequests: [`${FAILING_USERS_API}/users`] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alerts = await canvas.findAllByRole('alert', {}, { timeout: 10_000 });
    expect(alerts.length).toBeGreaterThan(0);
    expect(canvas.getAllByRole('button', { name: 'Retry' }).length).toBeGreaterThan(0);
  },
};

/** The demo's regression user: every section a `GET /api/userscope/users/{userId}/…` answered by the worker. */
export const UserDetail: Story = {
  render: () => (
    <RestHarness baseUrl={DEMO_API}>
      <UserDetailPage userId={DEMO_USERS.regression} now={NOW} onTraceOpen={fn()} />
    </RestHarness>
  ),
  play: async ({ canvasElement }) => {
    await waitForAnswers(canvasElement);
    expect(within(canvasElement).queryAllByRole('alert')).toHaveLength(0);
  },
};
