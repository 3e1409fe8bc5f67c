/**
 * Story-only data for FeedbackPanel: a wrapper that fetches everything the panel takes through the hooks, and
 * small hand-made datasets (thumbs only, comments only, polarized scores, none) served by memory providers.
 * @module
 */
import { DEMO_DEFAULT_NOW } from '../../src/adapters/demo/create-demo-dataset';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { FeedbackPanel } from '../../src/components/FeedbackPanel/FeedbackPanel';
import type { FeedbackTraceRef } from '../../src/components/FeedbackPanel/TraceRef';
import type { DataProvider } from '../../src/core/contract';
import { autoGranularity, rangeToMs } from '../../src/core/engine/time';
import type { AttributedTrace, Feedback, Granularity, TimeRange, Trace, User } from '../../src/core/model';
import { UserscopeProvider, useCapabilities } from '../../src/hooks/userscope-provider';
import { useFeedbackComments } from '../../src/hooks/cursor-hooks';
import { useFeedback, useModelUsage, useUserTrends } from '../../src/hooks/query-hooks';

const DAY = 86_400_000;
const NOW = Date.parse(DEMO_DEFAULT_NOW);

/** The hand-made datasets' user. */
export const STORY_USER = 'u-story';

/** The hand-made datasets' range: the 14 days up to the demo's `now`. */
export const STORY_RANGE: TimeRange = { from: new Date(NOW - 14 * DAY).toISOString(), to: DEMO_DEFAULT_NOW };

/** Where a story's trace links point (a fragment, so clicking never leaves the story). */
export const storyTraceHref = (trace: FeedbackTraceRef) => `#trace/${encodeURIComponent(trace.id)}`;

/** Props of {@link FeedbackFromProvider}. */
export interface FeedbackFromProviderProps {
  /** Where the data comes from. */
  provider: DataProvider;
  /** The user. */
  userId: string;
  /** Time range. */
  range: TimeRange;
  /** Bucket size; default chosen from the range. */
  granularity?: Granularity;
  /** Comments per page. Default 5, so "Load more" shows. */
  limit?: number;
  /** Called when a trace is opened. */
  onTraceOpen?: (traceId: string) => void;
}

function Wired({ userId, range, granularity, limit = 5, onTraceOpen }: Omit<FeedbackFromProviderProps, 'provider'>) {
  const g = granularity ?? autoGranularity(rangeToMs(range));
  const { feedback, modelUsage } = useCapabilities();
  const overview = useFeedback({ userId, range, granularity: g });
  const comments = useFeedbackComments({ userId, range, limit });
  const trends = useUserTrends({ userId, range, granularity: g }, { enabled: feedback });
  const usage = useModelUsage({ userId, range, granularity: g }, { enabled: feedback && modelUsage });
  return (
    <div style={{ maxWidth: '72rem' }}>
      <FeedbackPanel
        available={feedback}
        overview={overview.data}
        status={overview.status}
        error={overview.error}
        onRetry={overview.refetch}
        comments={comments}
        trends={trends.data}
        trendsStatus={trends.status}
        trendsError={trends.error}
        onTrendsRetry={trends.refetch}
        changes={usage.data?.changes}
        getTraceHref={storyTraceHref}
        onTraceOpen={onTraceOpen}
        locale="en-US"
      />
    </div>
  );
}

/** FeedbackPanel for one user, fetched through the hooks as a page would wire it. */
export function FeedbackFromProvider({ provider, ...rest }: FeedbackFromProviderProps) {
  return (
    <UserscopeProvider provider={provider} locale="en-US">
      <Wired {...rest} />
    </UserscopeProvider>
  );
}

/** Resolves once the panel and its comments have loaded (use in `play` so screenshots show data). */
export async function waitForFeedback(root: HTMLElement, timeoutMs = 12_000): Promise<void> {
  const started = Date.now();
  const ready = () => {
    const panel = root.querySelector('[data-slot="feedback-panel"]');
    if (!panel) return root.querySelector('[data-story-note]') !== null;
    if (panel.getAttribute('data-state') === 'loading') return false;
    if (panel.querySelector('[data-slot="feedback-comments"][aria-busy="true"]')) return false;
    // Charts draw once their width is measured.
    return [...panel.querySelectorAll('[data-slot="chart-plot"]')].every((plot) => plot.querySelector('svg'));
  };
  while (!ready()) {
    if (Date.now() - started > timeoutMs) throw new Error('feedback did not finish loading');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A small deterministic random source (LCG), so every story renders the same data. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** What a hand-made dataset looks like. */
export type StoryDatasetKind = 'thumbs' | 'comments' | 'polarized' | 'none';

const PRAISE = ['Exactly what I needed.', 'Fast and correct, thanks!', 'Great summary.'];
const COMPLAINTS = [
  'It failed again on a simple question.',
  'Answer was wrong and took forever.\nSecond line: still wrong after a retry.',
  '<b>Not bold</b> — user text is shown as text, never as HTML. javascript:alert(1)',
];

/**
 * Traces for {@link STORY_USER} over {@link STORY_RANGE}: 12 a day. Release 2.4.0 fails 25 % of the time; 2.4.1
 * (day 7) fixes it down to 3 %.
 */
function storyTraces(random: () => number): AttributedTrace[] {
  const traces: AttributedTrace[] = [];
  const start = NOW - 14 * DAY;
  for (let day = 0; day < 14; day++) {
    for (let k = 0; k < 12; k++) {
      const t = start + day * DAY + Math.floor(((k + random()) / 12) * DAY);
      const fixed = day >= 7;
      const failed = random() < (fixed ? 0.03 : 0.25);
      traces.push({
        id: `tr_${day}_${k}`,
        userId: STORY_USER,
        conversationId: `c_${day}_${Math.floor(k / 3)}`,
        name: k % 3 === 0 ? 'summarize' : 'chat',
        startTime: iso(t),
        latencyMs: Math.round((failed ? 9_000 : 1_200) * (0.5 + random())),
        status: failed ? 'error' : 'ok',
        ...(failed ? { errorType: 'ToolError' } : {}),
        model: 'gpt-4o-2024-08-06',
        release: fixed ? '2.4.1' : '2.4.0',
      });
    }
  }
  return traces;
}

function feedbackFor(kind: StoryDatasetKind, traces: readonly AttributedTrace[], random: () => number): Feedback[] {
  const out: Feedback[] = [];
  const add = (trace: AttributedTrace, key: string, value: Feedback['value'], comment?: string) =>
    out.push({
      id: `fb_${String(out.length).padStart(4, '0')}`,
      traceId: trace.id,
      userId: trace.userId,
      key,
      value,
      ...(comment ? { comment } : {}),
      createdAt: iso(Date.parse(trace.startTime) + trace.latencyMs + 30_000 + Math.floor(random() * 600_000)),
    });
  for (const trace of traces) {
    const failed = trace.status === 'error';
    const bad = failed || random() < 0.08;
    if (kind === 'thumbs' && random() < (failed ? 0.6 : 0.3)) {
      add(trace, 'thumbs', !bad, random() < 0.2 ? (bad ? COMPLAINTS : PRAISE)[Math.floor(random() * 3)] : undefined);
    } else if (kind === 'comments' && random() < (failed ? 0.35 : 0.08)) {
      add(trace, 'comment', 'note', (bad ? COMPLAINTS : PRAISE)[Math.floor(random() * 3)]);
    } else if (kind === 'polarized' && random() < 0.35) {
      const rating = bad ? (random() < 0.8 ? 1 : 2) : random() < 0.85 ? 5 : 3;
      add(trace, 'rating', rating, random() < 0.15 ? (bad ? COMPLAINTS : PRAISE)[Math.floor(random() * 3)] : undefined);
      if (random() < 0.5) add(trace, 'helpfulness', bad ? Math.round(random() * 15) / 100 : 0.85 + Math.round(random() * 15) / 100);
    }
  }
  return out;
}

/**
 * A small hand-made dataset for {@link STORY_USER}. `none` gives the feedback to another user, so the provider
 * declares the feedback capability but this user has none in range.
 */
export function storyDataset(kind: StoryDatasetKind): { users: User[]; traces: Trace[]; feedback: Feedback[] } {
  const random = lcg(kind.length * 7919 + 17);
  const traces = storyTraces(random);
  const users: User[] = [{ id: STORY_USER, displayName: 'Story user', metadata: { plan: 'pro' } }];
  if (kind !== 'none') return { users, traces, feedback: feedbackFor(kind, traces, random) };
  const other: Trace = { ...(traces[0] as Trace), id: 'tr_other', userId: 'u-other' };
  users.push({ id: 'u-other', metadata: {} });
  return {
    users,
    traces: [...traces, other],
    feedback: [{ id: 'fb_other', traceId: other.id, userId: 'u-other', key: 'thumbs', value: true, createdAt: other.startTime }],
  };
}

const providers = new Map<string, DataProvider>();

/** A memory provider over {@link storyDataset} (created once per kind and options). */
export function storyProvider(kind: StoryDatasetKind, options: { feedback?: boolean } = {}): DataProvider {
  const id = `${kind}|${options.feedback ?? 'auto'}`;
  let provider = providers.get(id);
  if (!provider) {
    provider = createMemoryProvider({
      ...storyDataset(kind),
      ...(options.feedback === undefined ? {} : { capabilities: { feedback: options.feedback } }),
    });
    providers.set(id, provider);
  }
  return provider;
}
