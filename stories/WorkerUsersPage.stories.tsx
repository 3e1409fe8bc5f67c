/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/react-vite';
import { lazy, startTransition, Suspense, useState } from 'react';
import { createDemoDataset, DEMO_DEFAULT_NOW } from '../src/adapters/demo/create-demo-dataset';
import { createMemoryProvider } from '../src/adapters/memory/create-memory-provider';
import { createWorkerProvider } from '../src/adapters/worker/create-worker-provider';
import type { DataProvider } from '../src/core/contract';
import { UserscopeProvider } from '../src/hooks/userscope-provider';
import generatingWorkerUrl from './support/generating-worker.ts?worker&url';
import { demoSizeOptions, storySize, type StorySize } from './support/worker-story-size';

const NOW = Date.parse(DEMO_DEFAULT_NOW);
// The pages as a host's routes: code-split (React renders a lazy page in short slices once its code arrives) and
// navigated in transitions, as React Router and Next.js do.
const UsersPage = lazy(() => import('../src/pages/UsersPage/UsersPage').then((m) => ({ default: m.UsersPage })));
const UserDetailPage = lazy(() => import('../src/pages/UserDetailPage/UserDetailPage').then((m) => ({ default: m.UserDetailPage })));
const CAPABILITIES = { feedback: true, cohorts: true, modelUsage: true, conversations: true } as const;

let inWorker: DataProvider | undefined;
/**
 * The worker provider over a demo dataset the worker generates itself (`support/generating-worker.ts`): the main
 * thread never holds the traces. One instance, so query keys stay stable.
 */
function workerProvider({ users, traces }: StorySize): DataProvider {
  if (inWorker) return inWorker;
  const script = new URL(generatingWorkerUrl, globalThis.location.href);
  script.searchParams.set('users', String(users));
  script.searchParams.set('traces', String(traces));
  inWorker = createWorkerProvider({ users: [], traces: [], workerScript: script, capabilities: CAPABILITIES });
  return inWorker;
}

let inThread: DataProvider | undefined;
/**
 * The in-thread memory provider over the same demo dataset, generated and indexed on the main thread after the
 * first paint (every call waits for it): the baseline the worker provider is measured against.
 */
function inThreadProvider({ users, traces }: StorySize): DataProvider {
  if (inThread) return inThread;
  const ready = new Promise<DataProvider>((resolve) =>
    setTimeout(() => resolve(createMemoryProvider({ ...createDemoDataset(demoSizeOptions(users, traces)), validate: true })), 50),
  );
  const methods = Object.keys(createMemoryProvider({ users: [], traces: [] })).filter((key) => key !== 'capabilities');
  const forward = (method: string) => async (params: unknown) =>
    ((await ready) as unknown as Record<string, (p: unknown) => Promise<unknown>>)[method](params);
  inThread = { ...(Object.fromEntries(methods.map((m) => [m, forward(m)])) as unknown as DataProvider), capabilities: CAPABILITIES };
  return inThread;
}

/** The users page; opening a user shows the detail page with a back link, as a host's router would (see above). */
function Pages({ provider }: { provider: DataProvider }) {
  const [userId, setUserId] = useState<string | null>(null);
  const navigate = (next: string | null) => startTransition(() => setUserId(next));
  return (
    <UserscopeProvider provider={provider} locale="en-US">
      <div style={{ maxWidth: '80rem' }}>
        <Suspense fallback={<p role="status">Loading the page…</p>}>
          {userId === null ? (
            <UsersPage now={NOW} defaultView={{ range: { preset: '30d' } }} onUserOpen={(user) => navigate(user.id)} tableMaxHeight={520} />
          ) : (
            <UserDetailPage key={userId} userId={userId} now={NOW} navigation={{ back: { onNavigate: () => navigate(null) } }} />
          )}
        </Suspense>
      </div>
    </UserscopeProvider>
  );
}

const meta = {
  title: 'Worker/UsersPage',
  parameters: {
    docs: {
      description: {
        component:
          'The users page over a large demo dataset, through `createWorkerProvider` (engine in a Web Worker) and, for comparison, the in-thread memory provider. Size from the page URL: `?traces=…&users=…`. `bench/long-tasks.mjs` opens these stories in Chromium and records main-thread long tasks.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * 1M traces of 100k users (default; `?traces=&users=` change it), generated, validated and indexed inside the worker:
 * the page paints at once and stays responsive while the dataset loads, then sorts, pages and opens users.
 */
export const InWorker: Story = {
  render: () => <Pages provider={workerProvider(storySize({ traces: 1_000_000, users: 100_000 }))} />,
};

/**
 * The same page over the in-thread memory provider: generation, validation and the index build run on the main
 * thread. 5k traces of 500 users by default (1M freezes the tab for many seconds: pass `?traces=1000000&users=100000`
 * to see it, as the benchmark does).
 */
export const InThread: Story = {
  render: () => <Pages provider={inThreadProvider(storySize({ traces: 5_000, users: 500 }))} />,
};
