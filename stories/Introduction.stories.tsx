import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { createDemoDataset, DEMO_DEFAULT_NOW, DEMO_USERS } from '../src/adapters/demo';
import { createMemoryProvider } from '../src/adapters/memory';
import type { Dataset } from '../src/core';
import { UserscopeProvider } from '../src/hooks';
import { UserDetailPage } from '../src/pages/UserDetailPage/UserDetailPage';
import { UsersPage } from '../src/pages/UsersPage/UsersPage';

const NOW = Date.parse(DEMO_DEFAULT_NOW);
/** Users with traces but no feedback listed (the busiest ones). */
const NO_FEEDBACK_SHOWN = 2;

/** A demo user worth opening, and why. */
interface NotableUser {
  id: string;
  name: string;
  why: string;
}

const dataset = createDemoDataset();
const provider = createMemoryProvider({ ...dataset, validate: false });
const notableUsers = listNotableUsers(dataset);

/**
 * The demo's planted users (fixed ids, whatever the seed), then the busiest users who left no feedback, found in
 * the dataset itself so the list stays true when the generator changes.
 */
function listNotableUsers(data: Dataset): NotableUser[] {
  const names = new Map(data.users.map((user) => [user.id, user.displayName ?? user.id]));
  const planted: [string, string][] = [
    [DEMO_USERS.regression, 'regression: success rate drops and p95 latency rises after the model switch'],
    ...DEMO_USERS.highErrors.map((id): [string, string] => [id, 'high error rate (above 35 %)']),
    ...DEMO_USERS.slow.map((id): [string, string] => [id, 'slow: p95 latency over 4× the typical user']),
    ...DEMO_USERS.expensive.map((id): [string, string] => [id, 'expensive: cost per trace over 5× the typical user']),
  ];
  const withFeedback = new Set<string | null>();
  for (const record of data.feedback) withFeedback.add(record.userId);
  const traceCounts = new Map<string, number>();
  for (const trace of data.traces) {
    if (trace.userId !== null && !withFeedback.has(trace.userId)) traceCounts.set(trace.userId, (traceCounts.get(trace.userId) ?? 0) + 1);
  }
  const silent = [...traceCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, NO_FEEDBACK_SHOWN)
    .map(([id, count]): [string, string] => [id, `no feedback at all, over ${count} traces`]);
  return [...planted, ...silent].map(([id, why]) => ({ id, name: names.get(id) ?? id, why }));
}

/**
 * What userscope is, the demo users worth opening, and the Users page on the demo dataset: open a user from the
 * table or the list to see the detail page, as a host wires `onUserOpen`.
 */
function Introduction() {
  const [userId, setUserId] = useState<string | null>(null);
  return (
    <UserscopeProvider provider={provider} locale="en-US">
      <section aria-labelledby="introduction-title" style={{ maxWidth: '80rem', marginBottom: 'var(--us-space-6)' }}>
        <h1 id="introduction-title" style={{ marginTop: 0 }}>
          userscope
        </h1>
        <p>
          The Users view of an LLM-observability product: who uses the AI features, how much, how well, at what cost,
          and what changed when a model or release switched. Below, <code>UsersPage</code> and{' '}
          <code>UserDetailPage</code> run on the demo dataset ({dataset.users.length.toLocaleString('en-US')} users, traces up to{' '}
          {DEMO_DEFAULT_NOW.slice(0, 10)}) through the memory provider: no backend, no network.
        </p>
        <h2 style={{ fontSize: 'var(--us-font-size-lg)' }}>Demo users worth opening</h2>
        <ul>
          {notableUsers.map((user) => (
            <li key={user.id}>
              <button type="button" className="us-button" onClick={() => setUserId(user.id)}>
                {user.name} ({user.id})
              </button>{' '}
              {user.why}
            </li>
          ))}
        </ul>
      </section>
      {userId === null ? (
        <UsersPage now={NOW} headingLevel={2} onUserOpen={(user) => setUserId(user.id)} />
      ) : (
        <>
          <button type="button" className="us-button" onClick={() => setUserId(null)}>
            ← All users
          </button>
          <UserDetailPage key={userId} userId={userId} now={NOW} />
        </>
      )}
    </UserscopeProvider>
  );
}

const meta = {
  title: 'Introduction',
  component: Introduction,
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof Introduction>;

export default meta;

/** The first page of this Storybook: the notable demo users, then the Users page; the table has loaded. */
export const UsersPageOnDemoData: StoryObj<typeof meta> = {
  name: 'Users page on demo data',
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="users-table"][data-state="ready"]')).not.toBeNull(), {
      timeout: 10_000,
    });
  },
};
