/**
 * Story-only data for TrendCharts and ModelUsage: a page-like wrapper that fetches through the hooks (trends, the
 * previous period, model usage, cohort size) and keeps zoom and granularity in state; cohort trends computed with the
 * core engine over the demo dataset (no provider method answers them yet); and small synthetic users (three model
 * switches, sparse activity, a year of hourly traffic) served by a memory provider.
 * @module
 */
import { useMemo, useState } from 'react';
import { createDemoDataset, DEMO_DEFAULT_NOW } from '../../src/adapters/demo/create-demo-dataset';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { ModelUsage } from '../../src/components/ModelUsage/ModelUsage';
import type { GranularityChoice } from '../../src/components/TrendCharts/GranularityPicker';
import { TrendCharts } from '../../src/components/TrendCharts/TrendCharts';
import type { DataProvider } from '../../src/core/contract';
import { cohortUserPositions, userSlices } from '../../src/core/engine/selection';
import { previousRange, rangeToMs, toIso } from '../../src/core/engine/time';
import { buildTraceIndex, type TraceIndex } from '../../src/core/engine/trace-index';
import { computeTrends } from '../../src/core/engine/trends';
import type { Granularity, TimeRange, Trace, User } from '../../src/core/model';
import type { Cohort, UserTrends } from '../../src/core/results';
import { useModelUsage, useUserMetrics, useUserTrends } from '../../src/hooks/query-hooks';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { demoProvider } from './demo-provider';

const DAY = 86_400_000;
/** "Now" of the demo world, epoch ms. */
export const NOW_MS = Date.parse(DEMO_DEFAULT_NOW);

/** The `days` days ending at the demo's now. */
export function lastDays(days: number): TimeRange {
  return { from: toIso(NOW_MS - days * DAY), to: DEMO_DEFAULT_NOW };
}

let demoIndex: TraceIndex | undefined;

/** Trends of every trace of the demo users in `cohort` (what a cohort-trends provider method would answer). */
export function demoCohortTrends(cohort: Cohort, range: TimeRange, granularity: Granularity): UserTrends {
  if (!demoIndex) {
    const data = createDemoDataset();
    demoIndex = buildTraceIndex(data.users, data.traces, data.feedback);
  }
  const ms = rangeToMs(range);
  return computeTrends(demoIndex, userSlices(demoIndex, cohortUserPositions(demoIndex, cohort.key, cohort.value), ms), ms, granularity);
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stretch of a synthetic user's life on one model. */
export interface Phase {
  /** Day (from the start, fractional) the phase begins. */
  fromDay: number;
  /** Model id. */
  model: string;
  /** Share of failed traces. */
  errorRate: number;
  /** Typical latency, ms. */
  latencyMs: number;
  /** Cost per trace, USD. */
  costUsd: number;
}

/** Shape of a synthetic user. */
export interface SyntheticUserOptions {
  /** User id. */
  id: string;
  /** Days of activity, ending at the demo's now. */
  days: number;
  /** Mean traces on an active day. */
  tracesPerDay: number;
  /** Seed. */
  seed: number;
  /** Model phases, by `fromDay`. */
  phases: readonly Phase[];
  /** App releases, by `fromDay`. */
  releases: readonly { fromDay: number; version: string }[];
  /** Whether the user is active on a day (default: every day). */
  activeDay?: (day: number, rand: () => number) => boolean;
}

const at = <T extends { fromDay: number }>(list: readonly T[], day: number): T | undefined => [...list].reverse().find((p) => p.fromDay <= day);

/** One user's traces following `phases` and `releases`. */
export function syntheticUser(o: SyntheticUserOptions): { users: User[]; traces: Trace[] } {
  const rand = random(o.seed);
  const start = NOW_MS - o.days * DAY;
  const traces: Trace[] = [];
  for (let day = 0; day < o.days; day++) {
    if (o.activeDay && !o.activeDay(day, rand)) continue;
    const count = Math.round(o.tracesPerDay * (0.6 + 0.8 * rand()));
    for (let k = 0; k < count; k++) {
      const t = start + (day + rand()) * DAY;
      const d = (t - start) / DAY;
      const phase = at(o.phases, d) ?? (o.phases[0] as Phase);
      const release = at(o.releases, d);
      const gauss = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      const failed = rand() < phase.errorRate;
      const input = 400 + Math.floor(rand() * 1600);
      traces.push({
        id: `${o.id}-${traces.length}`,
        userId: o.id,
        conversationId: `${o.id}-c${Math.floor(traces.length / 4)}`,
        startTime: toIso(Math.floor(t)),
        latencyMs: Math.round(phase.latencyMs * Math.exp(0.45 * gauss)),
        status: failed ? 'error' : 'ok',
        ...(failed ? { errorType: 'ToolError' } : {}),
        model: phase.model,
        ...(release ? { release: release.version } : {}),
        inputTokens: input,
        outputTokens: Math.floor(input / 4),
        costUsd: Math.round(phase.costUsd * (0.7 + 0.6 * rand()) * 1e6) / 1e6,
      });
    }
  }
  traces.sort((a, b) => a.startTime.localeCompare(b.startTime));
  return { users: [{ id: o.id, displayName: o.id, metadata: { plan: 'pro' } }], traces };
}

const providers = new Map<string, DataProvider>();

/** A memory provider over one synthetic user, built once per id. */
export function syntheticProvider(o: SyntheticUserOptions): DataProvider {
  let p = providers.get(o.id);
  if (!p) {
    p = createMemoryProvider({ ...syntheticUser(o), feedback: [], validate: false });
    providers.set(o.id, p);
  }
  return p;
}

/** A user who moved through four models in 60 days; the third (Claude) fails far more often. */
export const THREE_SWITCHES: SyntheticUserOptions = {
  id: 'synthetic-three-switches',
  days: 60,
  tracesPerDay: 45,
  seed: 7,
  phases: [
    { fromDay: 0, model: 'gpt-4o-mini-2024-07-18', errorRate: 0.03, latencyMs: 1800, costUsd: 0.0006 },
    { fromDay: 15.4, model: 'gpt-4o-2024-08-06', errorRate: 0.03, latencyMs: 2600, costUsd: 0.004 },
    { fromDay: 30.6, model: 'claude-3-5-sonnet-20241022', errorRate: 0.15, latencyMs: 3300, costUsd: 0.006 },
    { fromDay: 45.3, model: 'gpt-4.1-2025-04-14', errorRate: 0.04, latencyMs: 2500, costUsd: 0.005 },
  ],
  releases: [
    { fromDay: 0, version: '3.0.0' },
    { fromDay: 22.6, version: '3.1.0' },
    { fromDay: 50.6, version: '3.2.0' },
  ],
};

/** A user active on about one day in six over 90 days, with two quiet weeks. */
export const SPARSE: SyntheticUserOptions = {
  id: 'synthetic-sparse',
  days: 90,
  tracesPerDay: 8,
  seed: 11,
  phases: [
    { fromDay: 0, model: 'gpt-4o-mini-2024-07-18', errorRate: 0.05, latencyMs: 1500, costUsd: 0.0005 },
    { fromDay: 52.5, model: 'gpt-4o-2024-08-06', errorRate: 0.05, latencyMs: 2400, costUsd: 0.004 },
  ],
  releases: [
    { fromDay: 0, version: '1.0.0' },
    { fromDay: 61.5, version: '1.1.0' },
  ],
  activeDay: (day, rand) => !(day >= 30 && day < 44) && rand() < 0.18,
};

/** A year of steady hourly traffic with a model change each quarter and a release every two months. */
export const YEAR_HOURLY: SyntheticUserOptions = {
  id: 'synthetic-year',
  days: 365,
  tracesPerDay: 48,
  seed: 23,
  phases: [
    { fromDay: 0, model: 'gpt-4-turbo-2024-04-09', errorRate: 0.04, latencyMs: 3200, costUsd: 0.01 },
    { fromDay: 91.3, model: 'gpt-4o-2024-05-13', errorRate: 0.035, latencyMs: 2400, costUsd: 0.005 },
    { fromDay: 182.6, model: 'gpt-4o-2024-08-06', errorRate: 0.03, latencyMs: 2200, costUsd: 0.0035 },
    { fromDay: 273.4, model: 'gpt-4.1-2025-04-14', errorRate: 0.09, latencyMs: 2600, costUsd: 0.004 },
  ],
  releases: [0, 60.5, 121.5, 182.5, 243.5, 304.5].map((fromDay, i) => ({ fromDay, version: `4.${i}.0` })),
};

/** Props of {@link TrendsFromProvider}. */
export interface TrendsFromProviderProps {
  /** Data source (default: the shared demo provider). */
  provider?: DataProvider;
  /** User id. */
  userId: string;
  /** The page's range. */
  range: TimeRange;
  /** Initial granularity choice. */
  defaultGranularity?: GranularityChoice;
  /** Cohort to compare with (demo dataset only). */
  cohort?: Cohort;
  /** Which sections to show. Default both. */
  show?: 'trends' | 'models' | 'both';
}

function TrendsPage({ userId, range: pageRange, defaultGranularity = 'auto', cohort, show = 'both' }: TrendsFromProviderProps) {
  const [range, setRange] = useState(pageRange);
  const [choice, setChoice] = useState<GranularityChoice>(defaultGranularity);
  const trends = useUserTrends({ userId, range, granularity: choice === 'auto' ? undefined : choice }, { keepPreviousData: true });
  const g = trends.data?.granularity;
  const ready = g !== undefined;
  const previous = useUserTrends({ userId, range: previousRangeOf(range), granularity: g }, { enabled: ready });
  const usage = useModelUsage({ userId, range, granularity: g }, { enabled: ready });
  const metrics = useUserMetrics({ userId, range, compare: cohort ? { cohort } : undefined }, { enabled: cohort !== undefined });
  const cohortTrends = useMemo(() => (cohort && g ? demoCohortTrends(cohort, range, g) : null), [cohort, range, g]);
  const zoomed = range.from !== pageRange.from || range.to !== pageRange.to;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 'var(--us-space-8)', maxWidth: '64rem' }}>
      {show !== 'models' ? (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 'var(--us-space-2)' }}>
          <TrendCharts
            trends={trends.data}
            status={trends.status}
            error={trends.error}
            onRetry={trends.refetch}
            previous={previous.data}
            cohort={cohortTrends}
            cohortUserCount={metrics.data?.cohort?.userCount}
            cohortName={cohort ? `${String(cohort.value)} users` : undefined}
            changes={usage.data?.changes}
            range={range}
            onRangeChange={setRange}
            granularity={choice}
            onGranularityChange={setChoice}
          />
          {zoomed ? (
            <button type="button" className="us-button" style={{ alignSelf: 'flex-start' }} onClick={() => setRange(pageRange)}>
              Story page: back to the page range
            </button>
          ) : null}
        </div>
      ) : null}
      {show !== 'trends' ? <ModelUsage usage={usage.data} status={usage.status} error={usage.error} onRetry={usage.refetch} range={range} /> : null}
    </div>
  );
}

function previousRangeOf(range: TimeRange): TimeRange {
  const p = previousRange(rangeToMs(range));
  return { from: toIso(p.from), to: toIso(p.to) };
}

/** TrendCharts and ModelUsage wired like a page: hooks, zoom and granularity in state, refetch on change. */
export function TrendsFromProvider({ provider = demoProvider(), ...props }: TrendsFromProviderProps) {
  return (
    <UserscopeProvider provider={provider} locale="en-US">
      <TrendsPage {...props} />
    </UserscopeProvider>
  );
}

/** Resolves once every trends / model-usage section in `root` has left the loading state. */
export async function waitForTrends(root: HTMLElement, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  const loading = () => root.querySelector('[data-slot="trend-charts"][data-state="loading"], [data-slot="model-usage"][data-state="loading"]');
  const any = () => root.querySelector('[data-slot="trend-charts"], [data-slot="model-usage"]');
  while (!any() || loading()) {
    if (Date.now() - started > timeoutMs) throw new Error('trends did not finish loading');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
