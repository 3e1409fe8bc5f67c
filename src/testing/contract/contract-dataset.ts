/**
 * The fixed dataset of the provider contract suite: 22 users and 866 traces (5 of them unattributed) around March 2025, generated
 * deterministically (seeded) plus hand-picked edge cases. Build your provider over it, then run
 * `runProviderContractTests`; the suite computes every expected answer from this data with plain loops.
 *
 * Edge cases it contains, by user id:
 * - `u-idle`: no traces at all (never listed); `u-old`: traces only in the previous period of `main`.
 * - `u-errors`: every trace failed, with a tie between two error types (alphabetical wins) and one without a type.
 * - `u-nocost`: no cost, no tokens, no model and no name on any trace (unknown stays `null`).
 * - `u-edge`: traces exactly on `main.from` (in) and `main.to` (out), one millisecond before `main.to`, on day and
 *   hour boundaries, and several with equal start times and equal latencies (tie-breaks by id).
 * - `u-single`: one trace; `u-switch`: a model switch and a release change half-way through `main`.
 * - `u-attribution`: a harmless release then a harmful model switch (each regression blamed on its own change);
 *   `u-alternating`: two models alternating evenly (no model switch at any granularity). Over
 *   `contractAttributionRange`.
 * - `t-anon-*`: unattributed traces (`userId: null`), slow and costly, so a figure that counts them shows it.
 * - `u-errors`, `u-nocost`, `u-single`, `u-switch` are new users of `main` (their first trace ever is in it).
 * - `u07` has `metadata.plan: null`, `u08` has no metadata; conversations cross the `main` boundaries; about a
 *   fifth of traces have no conversation; feedback mixes booleans, numeric scores and unscored categories, blank
 *   comments (not comments), and two records created exactly on `main.to` (out) and one millisecond before (in).
 * @module
 */
import type { AttributedTrace, Feedback, Trace, User } from '../../core/model';

/** A dataset as `createMemoryProvider` accepts it, read-only. */
export interface ContractDataset {
  /** Users, some without traces. */
  readonly users: readonly User[];
  /** Traces; every `userId` is one of `users`. */
  readonly traces: readonly Trace[];
  /** Feedback; every `traceId` is one of `traces`, with the trace's `userId`. Numeric values carry a `score`. */
  readonly feedback: readonly Feedback[];
}

/** The ranges the contract suite queries (half-open, ISO UTC). */
export interface ContractRanges {
  /** 14 days starting on a Monday: the main range (daily buckets by default). */
  readonly main: { readonly from: string; readonly to: string };
  /** One day inside `main` (hourly buckets by default). */
  readonly day: { readonly from: string; readonly to: string };
  /** Edges off any bucket boundary, so the first and last buckets stick out of the range. */
  readonly unaligned: { readonly from: string; readonly to: string };
  /** 150 days around the data (weekly buckets by default). */
  readonly long: { readonly from: string; readonly to: string };
  /** A week with no traces at all. */
  readonly empty: { readonly from: string; readonly to: string };
}

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Monday 2025-03-03 00:00 UTC. */
const MAIN_FROM = Date.UTC(2025, 2, 3);
const MAIN_TO = MAIN_FROM + 14 * DAY;
/** Generated traces start within [DATA_FROM, DATA_TO): two weeks before `main` to one week after. */
const DATA_FROM = MAIN_FROM - 21 * DAY;
const DATA_TO = MAIN_TO + 7 * DAY;

const iso = (ms: number): string => new Date(ms).toISOString();

/** The ranges the contract suite queries. */
export const contractRanges: ContractRanges = Object.freeze({
  main: Object.freeze({ from: iso(MAIN_FROM), to: iso(MAIN_TO) }),
  day: Object.freeze({ from: iso(MAIN_FROM + 2 * DAY), to: iso(MAIN_FROM + 3 * DAY) }),
  unaligned: Object.freeze({ from: iso(MAIN_FROM + DAY + 10.5 * 3_600_000), to: iso(MAIN_FROM + 9 * DAY + 18.25 * 3_600_000) }),
  long: Object.freeze({ from: '2024-12-01T00:00:00.000Z', to: '2025-04-30T00:00:00.000Z' }),
  empty: Object.freeze({ from: '2023-01-02T00:00:00.000Z', to: '2023-01-09T00:00:00.000Z' }),
});

/** mulberry32: a tiny deterministic PRNG, so the dataset is identical everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const USERS: User[] = [
  { id: 'u01', displayName: 'Ada Lovelace', email: 'ada@example.com', metadata: { plan: 'pro', region: 'eu', tier: 2 } },
  { id: 'u02', displayName: 'Alan Turing', email: 'alan@example.com', metadata: { plan: 'free', region: 'eu', tier: 1 } },
  { id: 'u03', displayName: 'Grace Hopper', email: 'grace@navy.example', metadata: { plan: 'enterprise', region: 'us', tier: 3 } },
  { id: 'u04', email: 'nobody@example.org', metadata: { plan: 'pro', region: 'us', tier: 2 } },
  { id: 'u05', displayName: 'Edsger Dijkstra', metadata: { plan: 'free', region: 'apac', tier: 1, beta: true } },
  { id: 'u06', displayName: 'Barbara Liskov', email: 'barbara@example.com', metadata: { plan: 'pro', region: 'apac', tier: 2 } },
  { id: 'u07', displayName: 'Donald Knuth', metadata: { plan: null, region: 'eu' } },
  { id: 'u08', displayName: 'Margaret Hamilton', metadata: {} },
  { id: 'u09', displayName: 'Zoë Ångström', email: 'zoe@example.se', metadata: { plan: 'free', region: 'eu', tier: 1 } },
  { id: 'u10', displayName: 'Ken Thompson', metadata: { plan: 'enterprise', region: 'us', tier: 3, beta: false } },
  { id: 'u11', displayName: 'Frances Allen', metadata: { plan: 'pro', region: 'eu', tier: 2 } },
  { id: 'u12', displayName: 'John Backus', metadata: { plan: 'free', region: 'us', tier: 1 } },
  { id: 'u13', displayName: 'Radia Perlman', email: 'radia@example.com', metadata: { plan: 'enterprise', region: 'apac', tier: 3 } },
  { id: 'u-errors', displayName: 'Always Failing', metadata: { plan: 'free', region: 'us', tier: 1 } },
  { id: 'u-nocost', displayName: 'No Cost Data', metadata: { plan: 'pro', region: 'eu', tier: 2 } },
  { id: 'u-edge', displayName: 'Edge Cases', metadata: { plan: 'pro', region: 'us', tier: 2 } },
  { id: 'u-single', displayName: 'Single Trace', metadata: { plan: 'enterprise', region: 'eu', tier: 3 } },
  { id: 'u-old', displayName: 'Gone Quiet', metadata: { plan: 'free', region: 'apac', tier: 1 } },
  { id: 'u-idle', displayName: 'Never Active', email: 'idle@example.com', metadata: { plan: 'free', region: 'eu', tier: 1 } },
  { id: 'u-switch', displayName: 'Model Switcher', metadata: { plan: 'pro', region: 'eu', tier: 2 } },
  { id: 'u-attribution', displayName: 'Release Then Switch', metadata: { plan: 'pro', region: 'us', tier: 2 } },
  { id: 'u-alternating', displayName: 'Even Model Mix', metadata: { plan: 'free', region: 'eu', tier: 1 } },
];

const MODELS = ['gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18', 'claude-3-5-sonnet-20241022'];
const PRICE_PER_TOKEN = [0.00001, 0.0000006, 0.000015];
const NAMES = ['chat', 'summarize', 'search', 'classify'];
const ERROR_TYPES = ['RateLimitError', 'TimeoutError', 'ContextLengthError'];
const PREVIEWS = ['How do I reset my password?', 'Summarise this contract', 'Find flights to Lisbon', 'Is this spam?'];

/** Per generated user: trace count, error probability and latency multiplier (u05 fails often, u06 is slow). */
const PROFILES: Record<string, { traces: number; errorRate: number; slow: number }> = {
  u01: { traces: 42, errorRate: 0.05, slow: 1 },
  u02: { traces: 30, errorRate: 0.08, slow: 1 },
  u03: { traces: 38, errorRate: 0.03, slow: 1.2 },
  u04: { traces: 24, errorRate: 0.1, slow: 0.8 },
  u05: { traces: 30, errorRate: 0.45, slow: 1 },
  u06: { traces: 28, errorRate: 0.05, slow: 6 },
  u07: { traces: 26, errorRate: 0.1, slow: 1 },
  u08: { traces: 22, errorRate: 0.1, slow: 1 },
  u09: { traces: 34, errorRate: 0.06, slow: 1 },
  u10: { traces: 36, errorRate: 0.04, slow: 1.1 },
  u11: { traces: 25, errorRate: 0.12, slow: 0.9 },
  u12: { traces: 20, errorRate: 0.07, slow: 1 },
  u13: { traces: 32, errorRate: 0.05, slow: 1 },
};

interface Builder {
  traces: AttributedTrace[];
  next: (prefix: string) => string;
}

function newBuilder(): Builder {
  const counters = new Map<string, number>();
  return {
    traces: [],
    next(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}-${String(n).padStart(3, '0')}`;
    },
  };
}

function generatedTraces(b: Builder, userId: string, rand: () => number): void {
  const profile = PROFILES[userId] as { traces: number; errorRate: number; slow: number };
  let left = profile.traces;
  while (left > 0) {
    const steps = Math.min(left, 1 + Math.floor(rand() * 5));
    const conversationId = rand() < 0.2 ? undefined : b.next(`c-${userId}`);
    let start = DATA_FROM + Math.floor(rand() * (DATA_TO - DATA_FROM - DAY));
    // Whole seconds mostly, milliseconds sometimes.
    if (rand() < 0.7) start -= start % 1000;
    for (let s = 0; s < (conversationId === undefined ? 1 : steps); s++) {
      const modelIdx = Math.floor(rand() * MODELS.length);
      const hasModel = rand() > 0.08;
      const failed = rand() < profile.errorRate;
      const latencyMs = Math.round((200 + rand() * 2_800) * profile.slow);
      const inputTokens = Math.floor(50 + rand() * 1_500);
      const outputTokens = Math.floor(20 + rand() * 600);
      const hasTokens = rand() > 0.1;
      const hasCost = hasTokens && hasModel && rand() > 0.1;
      const name = rand() > 0.1 ? NAMES[Math.floor(rand() * NAMES.length)] : undefined;
      const trace: AttributedTrace = {
        id: b.next(`t-${userId}`),
        userId,
        startTime: iso(start),
        latencyMs,
        status: failed ? 'error' : 'ok',
        release: start < MAIN_FROM + 7 * DAY ? 'v1.4.0' : 'v1.5.0',
        inputPreview: PREVIEWS[Math.floor(rand() * PREVIEWS.length)] as string,
      };
      if (rand() > 0.3) trace.endTime = iso(start + latencyMs);
      if (conversationId !== undefined) trace.conversationId = conversationId;
      if (name !== undefined) trace.name = name;
      if (failed && rand() > 0.15) trace.errorType = ERROR_TYPES[Math.floor(rand() * ERROR_TYPES.length)] as string;
      if (hasModel) trace.model = MODELS[modelIdx] as string;
      if (hasTokens) Object.assign(trace, { inputTokens, outputTokens });
      if (hasCost) trace.costUsd = Math.round((inputTokens + outputTokens) * (PRICE_PER_TOKEN[modelIdx] as number) * 1e6) / 1e6;
      if (!failed) trace.outputPreview = 'Here is what I found.';
      if (rand() < 0.2) trace.tags = ['beta'];
      b.traces.push(trace);
      left--;
      // Next step starts after this one ends: conversations never overlap themselves.
      start += latencyMs + Math.floor(10_000 + rand() * 300_000);
    }
  }
}

function edgeTraces(b: Builder): void {
  const t = (userId: string, startMs: number, extra: Partial<AttributedTrace> = {}): void => {
    b.traces.push({ id: b.next(`t-${userId}`), userId, startTime: iso(startMs), latencyMs: 500, status: 'ok', ...extra });
  };
  const cost = { model: 'gpt-4o-2024-08-06', inputTokens: 100, outputTokens: 50, costUsd: 0.0015 };
  // u-edge: range edges, bucket edges, equal timestamps and equal latencies.
  t('u-edge', MAIN_FROM, { ...cost, name: 'chat', conversationId: 'c-edge-a' });
  t('u-edge', MAIN_FROM - 1, { ...cost, name: 'chat', conversationId: 'c-edge-a' });
  t('u-edge', MAIN_TO, { ...cost, name: 'chat' });
  t('u-edge', MAIN_TO - 1, { ...cost, name: 'summarize', conversationId: 'c-edge-b' });
  t('u-edge', MAIN_FROM + 2 * DAY, { ...cost, name: 'search', latencyMs: 750 });
  t('u-edge', MAIN_FROM + 2 * DAY, { ...cost, name: 'search', latencyMs: 750, status: 'error', errorType: 'TimeoutError' });
  t('u-edge', MAIN_FROM + 2 * DAY, { name: 'search', latencyMs: 750 });
  t('u-edge', MAIN_FROM + 2 * DAY + 3_600_000, { ...cost, latencyMs: 0, conversationId: 'c-edge-b' });
  t('u-edge', MAIN_FROM + 2 * DAY + 3_600_000 - 1, { ...cost, latencyMs: 12_000, endTime: iso(MAIN_FROM + 2 * DAY + 3_600_000 - 1 + 12_000) });
  t('u-edge', MAIN_FROM + 7 * DAY, { ...cost, name: 'chat', conversationId: 'c-edge-b', inputPreview: 'Monday again' });
  t('u-edge', MAIN_FROM + 7 * DAY, { ...cost, name: 'chat', status: 'error', errorType: 'RateLimitError' });
  t('u-edge', MAIN_FROM - 7 * DAY, { ...cost, name: 'chat', conversationId: 'c-edge-a', inputPreview: 'Before the range' });
  // u-errors: all failed; RateLimitError and TimeoutError tie (2 each), ContextLengthError once, one untyped.
  for (const [i, errorType] of ['TimeoutError', 'RateLimitError', 'TimeoutError', 'ContextLengthError', undefined, 'RateLimitError'].entries()) {
    t('u-errors', MAIN_FROM + (i + 1) * DAY + 9 * 3_600_000, {
      ...cost,
      status: 'error',
      latencyMs: 1_000 + i * 100,
      name: 'chat',
      conversationId: i < 3 ? 'c-err-1' : 'c-err-2',
      ...(errorType === undefined ? {} : { errorType }),
    });
  }
  // u-nocost: nothing optional at all.
  for (let i = 0; i < 10; i++) t('u-nocost', MAIN_FROM + i * DAY + 13 * 3_600_000 + i * MINUTE, { latencyMs: 300 + 37 * i });
  // u-single: one trace.
  t('u-single', MAIN_FROM + 4 * DAY + 15 * 3_600_000, { ...cost, name: 'chat', conversationId: 'c-single', inputPreview: 'Hello' });
  // u-old: previous period only.
  for (let i = 0; i < 5; i++) t('u-old', MAIN_FROM - 10 * DAY + i * 3_600_000, { ...cost, name: 'chat', status: i === 0 ? 'error' : 'ok', ...(i === 0 ? { errorType: 'TimeoutError' } : {}) });
  // u-switch: gpt-4o-2024-05-13 on v1.4.0 for the first week, then gpt-4o-2024-08-06 on v1.5.0, slower and failing more.
  for (let i = 0; i < 40; i++) {
    const before = i < 20;
    t('u-switch', MAIN_FROM + Math.floor(i * 8.4 * 3_600_000), {
      model: before ? 'gpt-4o-2024-05-13' : 'gpt-4o-2024-08-06',
      release: before ? 'v1.4.0' : 'v1.5.0',
      name: 'chat',
      latencyMs: before ? 800 + i * 10 : 2_400 + i * 10,
      status: !before && i % 3 === 0 ? 'error' : 'ok',
      ...(!before && i % 3 === 0 ? { errorType: 'RateLimitError' } : {}),
      inputTokens: 400,
      outputTokens: 200,
      costUsd: before ? 0.006 : 0.009,
      conversationId: `c-switch-${Math.floor(i / 4)}`,
    });
  }
}

/** Start of the crafted change-attribution users' traces: 8 days before `main`; they run for 25 days. */
const ATTRIBUTION_FROM = MAIN_FROM - 8 * DAY;
const ATTRIBUTION_DAYS = 25;
const EVERY_3_HOURS = 3 * 3_600_000;

/**
 * Issue 17's crafted cases, one trace every 3 hours: `u-attribution` has a harmless release (1.9.0, day 10) followed by
 * a harmful model switch (gpt-4.1, day 15: slower and dearer); `u-alternating` alternates two models evenly with
 * nothing changing, so it must show no model switch at any granularity.
 */
function attributionTraces(b: Builder): void {
  for (let k = 0; k < ATTRIBUTION_DAYS * 8; k++) {
    const startMs = ATTRIBUTION_FROM + k * EVERY_3_HOURS;
    const day = Math.floor(k / 8);
    const common = { startTime: iso(startMs), name: 'chat', status: k % 25 === 0 ? ('error' as const) : ('ok' as const), inputTokens: 300, outputTokens: 100 };
    const switched = day >= 15;
    b.traces.push({
      id: b.next('t-u-attribution'),
      userId: 'u-attribution',
      ...common,
      ...(k % 25 === 0 ? { errorType: 'TimeoutError' } : {}),
      model: switched ? 'gpt-4.1-2025-04-14' : 'gpt-4o-mini-2024-07-18',
      release: day >= 10 ? '1.9.0' : '1.8.0',
      latencyMs: (switched ? 1_400 : 800) + (k % 5) * 10,
      costUsd: switched ? 0.004 : 0.002,
    });
    b.traces.push({
      id: b.next('t-u-alternating'),
      userId: 'u-alternating',
      ...common,
      ...(k % 25 === 0 ? { errorType: 'TimeoutError' } : {}),
      model: k % 2 === 0 ? 'gpt-4o-2024-08-06' : 'claude-3-5-sonnet-20241022',
      release: '2.0.0',
      latencyMs: 900 + (k % 7) * 10,
      costUsd: k % 2 === 0 ? 0.003 : 0.0035,
    });
  }
}

/** The span of the crafted change-attribution users' traces (hourly buckets fit the series bound). */
export const contractAttributionRange: { readonly from: string; readonly to: string } = Object.freeze({
  from: iso(ATTRIBUTION_FROM),
  to: iso(ATTRIBUTION_FROM + ATTRIBUTION_DAYS * DAY),
});

function feedbackFor(traces: readonly AttributedTrace[], rand: () => number): Feedback[] {
  const out: Feedback[] = [];
  let n = 0;
  const add = (trace: AttributedTrace, fields: Pick<Feedback, 'key' | 'value'> & Partial<Feedback>, afterMs: number): void => {
    n++;
    out.push({
      id: `f-${String(n).padStart(4, '0')}`,
      traceId: trace.id,
      userId: trace.userId,
      createdAt: iso(Date.parse(trace.startTime) + trace.latencyMs + afterMs),
      ...fields,
    });
  };
  for (const trace of traces) {
    if (trace.userId === 'u-nocost' || trace.userId === 'u-idle') continue;
    const r = rand();
    const after = Math.floor(rand() * 90 * MINUTE);
    const comment = rand() < 0.35 ? (trace.status === 'error' ? 'It failed again' : 'Useful answer, thanks') : undefined;
    const withComment = comment === undefined ? {} : { comment };
    if (r < 0.15) add(trace, { key: 'thumbs', value: trace.status === 'ok' && rand() > 0.2, ...withComment }, after);
    else if (r < 0.25) {
      const v = 1 + Math.floor(rand() * 5);
      add(trace, { key: 'helpfulness', value: v, score: (v - 1) / 4, ...withComment }, after);
    } else if (r < 0.3) add(trace, { key: 'category', value: rand() > 0.5 ? 'wrong-answer' : 'too-slow', ...(rand() > 0.5 ? { score: null } : {}), ...withComment }, after);
    else if (r < 0.33) {
      add(trace, { key: 'thumbs', value: false, comment: n % 2 === 0 ? '' : ' \n ' }, after);
      add(trace, { key: 'helpfulness', value: 2, score: 0.25, comment: 'Second opinion' }, after + MINUTE);
    }
  }
  return out;
}

/** Traces without a user id: three in `main`, one before it, one exactly on `main.to` (out). */
function unattributedTraces(): Trace[] {
  const at = [MAIN_FROM, MAIN_FROM + 3 * DAY + 5 * MINUTE, MAIN_TO - 1, MAIN_FROM - 2 * DAY, MAIN_TO];
  return at.map((ms, i) => ({
    id: `t-anon-${i + 1}`,
    userId: null,
    startTime: iso(ms),
    latencyMs: 60_000,
    status: i === 1 ? 'error' : 'ok',
    costUsd: 5,
    name: 'chat',
  }));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function buildContractDataset(): ContractDataset {
  const rand = prng(20250303);
  const b = newBuilder();
  for (const userId of Object.keys(PROFILES)) generatedTraces(b, userId, rand);
  edgeTraces(b);
  attributionTraces(b);
  const feedback = feedbackFor(b.traces, rand);
  // Feedback created exactly on the end of `main` (out) and one millisecond before (in), on u-edge's traces.
  const edge = b.traces.find((t) => t.userId === 'u-edge' && t.startTime === iso(MAIN_TO - 1)) as Trace;
  feedback.push(
    { id: 'f-edge-1', traceId: edge.id, userId: 'u-edge', key: 'thumbs', value: true, comment: 'On the edge', createdAt: iso(MAIN_TO) },
    { id: 'f-edge-2', traceId: edge.id, userId: 'u-edge', key: 'thumbs', value: true, comment: 'Just in', createdAt: iso(MAIN_TO - 1) },
  );
  return deepFreeze({ users: USERS, traces: [...b.traces, ...unattributedTraces()], feedback });
}

/** The contract suite's dataset (deeply frozen). */
export const contractDataset: ContractDataset = buildContractDataset();
