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
/** How many users with traces but no feedback are listed (the busiest ones). */
const NO_FEEDBACK_SHOWN = 2;

/** Demo users who show one kind of trouble. */
interface NotableGroup {
  why: string;
  users: { id: string; name: string }[];
}

/** 60 days, not the default 90: the 30-day detail range still has its previous period, and the page opens faster. */
const dataset = createDemoDataset({ days: 60 });
const provider = createMemoryProvider({ ...dataset, validate: false });
const notableGroups = listNotableGroups(dataset);

/**
 * The demo's planted users (fixed ids, whatever the seed), then the busiest users who left no feedback, found in
 * the dataset itself so the list stays true when the generator changes.
 */
function listNotableGroups(data: Dataset): NotableGroup[] {
  const names = new Map(data.users.map((user) => [user.id, user.displayName ?? user.id]));
  const withFeedback = new Set<string | null>();
  for (const record of data.feedback) withFeedback.add(record.userId);
  const traceCounts = new Map<string, number>();
  for (const trace of data.traces) {
    if (trace.userId !== null && !withFeedback.has(trace.userId)) traceCounts.set(trace.userId, (traceCounts.get(trace.userId) ?? 0) + 1);
  }
  const silent = [...traceCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, NO_FEEDBACK_SHOWN)
    .map(([id]) => id);
  const groups: [string, readonly string[]][] = [
    ['Regression: success rate drops and p95 latency rises after the model switch', [DEMO_USERS.regression]],
    ['High error rate (above 35 %)', DEMO_USERS.highErrors],
    ['Slow: p95 latency over 4× the typical user', DEMO_USERS.slow],
    ['Expensive: cost per trace over 5× the typical user', DEMO_USERS.expensive],
    ['No feedback at all (the busiest such users)', silent],
  ];
  return groups
    .filter(([, ids]) => ids.length > 0)
    .map(([why, ids]) => ({ why, users: ids.map((id) => ({ id, name: names.get(id) ?? id })) }));
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
          <code>UserDetailPage</code> run on the demo dataset (traces up to {DEMO_DEFAULT_NOW.slice(0, 10)}) through
          the memory provider: no backend, no network. Open a user from the table, or one of these:
        </p>
        <h2 style={{ fontSize: 'var(--us-font-size-lg)' }}>Demo users worth opening</h2>
        <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 'var(--us-space-2) var(--us-space-4)', alignItems: 'center' }}>
          {notableGroups.map((group) => (
            <div key={group.why} style={{ display: 'contents' }}>
              <dt>{group.why}</dt>
              <dd style={{ margin: 0, display: 'flex', flexWrap: 'wrap', gap: 'var(--us-space-2)' }}>
                {group.users.map((user) => (
                  <button key={user.id} type="button" className="us-button" onClick={() => setUserId(user.id)}>
                    {user.name === user.id ? user.id : `${user.name} (${user.id})`}
                  </button>
                ))}
              </dd>
            </div>
          ))}
        </dl>
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
