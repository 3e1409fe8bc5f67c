/**
 * Story-only wiring of the user detail top: a memory provider over the demo dataset, fetched through the hooks,
 * rendered with UserHeader and MetricCards sharing one cohort state.
 * @module
 */
import { useState } from 'react';
import { createDemoDataset, DEMO_DEFAULT_NOW } from '../../src/adapters/demo/create-demo-dataset';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { MetricCards } from '../../src/components/MetricCards/MetricCards';
import { UserHeader } from '../../src/components/UserHeader/UserHeader';
import type { DataProvider } from '../../src/core/contract';
import type { TimeRange } from '../../src/core/model';
import type { Cohort } from '../../src/core/results';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { useUser, useUserMetrics } from '../../src/hooks/query-hooks';

/** "Now" of the demo world, as epoch ms, for relative times. */
export const DEMO_NOW_MS = Date.parse(DEMO_DEFAULT_NOW);

/** The last 7 days of the demo world. */
export const DEMO_LAST_7_DAYS: TimeRange = {
  from: new Date(DEMO_NOW_MS - 7 * 86_400_000).toISOString(),
  to: DEMO_DEFAULT_NOW,
};

let demoProvider: DataProvider | undefined;

/** One memory provider over the default demo dataset, created on first use and shared by every story. */
export function getDemoProvider(): DataProvider {
  demoProvider ??= createMemoryProvider({ ...createDemoDataset(), validate: false });
  return demoProvider;
}

/** Props of {@link DetailTopFromDemo}. */
export interface DetailTopFromDemoProps {
  /** Demo user id. */
  userId: string;
  /** Range of the metrics. Default: the demo's last 7 days. */
  range?: TimeRange;
  /** Cohort compared at first. */
  defaultCohort?: Cohort | null;
}

function DetailTop({ userId, range = DEMO_LAST_7_DAYS, defaultCohort = null }: DetailTopFromDemoProps) {
  const [cohort, setCohort] = useState<Cohort | null>(defaultCohort);
  const [focused, setFocused] = useState<string | null>(null);
  const user = useUser({ userId });
  const metrics = useUserMetrics({ userId, range, compare: cohort ? { cohort } : undefined });
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 'var(--us-space-6)', maxWidth: '72rem' }}>
      <UserHeader
        user={user.data}
        status={user.status}
        error={user.error}
        onRetry={user.refetch}
        cohort={cohort}
        onCohortChange={setCohort}
        now={DEMO_NOW_MS}
      />
      <MetricCards
        metrics={metrics.data}
        status={metrics.status}
        error={metrics.error}
        onRetry={metrics.refetch}
        cohort={cohort}
        onMetricFocus={setFocused}
      />
      {focused ? (
        <p style={{ margin: 0, color: 'var(--us-color-text-muted)' }} data-testid="focused-metric">
          Story: trend chart focused on <code>{focused}</code>
        </p>
      ) : null}
    </div>
  );
}

/** UserHeader + MetricCards for one demo user, fetched through the hooks from the shared demo provider. */
export function DetailTopFromDemo(props: DetailTopFromDemoProps) {
  return (
    <UserscopeProvider provider={getDemoProvider()} locale="en-US">
      <DetailTop {...props} />
    </UserscopeProvider>
  );
}

/** Resolves once the detail top has finished loading (use in `play` so screenshots show data). */
export async function waitForDetailTop(root: HTMLElement, timeoutMs = 12_000): Promise<void> {
  const started = Date.now();
  const ready = () =>
    root.querySelector('.us-user-header:not([data-state="loading"])') &&
    root.querySelector('.us-metric-cards:not([data-state="loading"])');
  while (!ready()) {
    if (Date.now() - started > timeoutMs) throw new Error('detail top did not finish loading');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
