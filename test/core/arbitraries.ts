/**
 * fast-check arbitraries for userscope datasets, shared by the engine property tests.
 * Timestamps come from an edge-heavy grid around {@link T0} (a Monday, 00:00 UTC) so that equal timestamps and traces
 * exactly on hour/day/ISO-week boundaries and range ends are frequent. Costs are multiples of 1/1024 and feedback
 * scores multiples of 1/4, so sums are exact and orderings do not depend on summation order.
 */
import fc from 'fast-check';
import type { AttributedTrace, Feedback, Granularity, MetadataValue, Trace, User } from '../../src/core/model';
import type { MsRange } from '../../src/core/engine/time';
import type { Cohort } from '../../src/core/results';

/** Grid origin: Monday 2024-01-01T00:00:00.000Z. */
export const T0 = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Conventional metadata values. */
export const PLANS = ['free', 'pro', 'enterprise'] as const;
/** Region metadata values. */
export const REGIONS = ['eu-west', 'us-east', 'ap-south'] as const;
/** Model ids traces may carry. */
export const MODELS = ['gpt-4o-2024-08-06', 'gpt-4o-2024-11-20', 'claude-3-5-sonnet', 'gpt-4o-mini'] as const;
/** App releases traces may carry. */
export const RELEASES = ['1.0.0', '1.1.0', '2.0.0'] as const;
/** Error types failed traces may carry. */
export const ERROR_TYPES = ['RateLimitError', 'TimeoutError', 'ValidationError'] as const;
/** Display names, with case variants to exercise case-insensitive sorting and search. */
export const NAMES = ['Ann', 'ann', 'Bob', 'Émile', 'zoe', 'Zoe Q'] as const;

/** A user, trace and feedback set as `createMemoryProvider` accepts it. */
export interface Dataset {
  users: User[];
  traces: AttributedTrace[];
  feedback: Feedback[];
}

/** Size limits of {@link arbDataset}. */
export interface DatasetOptions {
  /** Most users supplied (ids `u0`, `u1`, …). Default 6. */
  maxUsers?: number;
  /** Most traces. Default 40. */
  maxTraces?: number;
  /** Most feedback records. Default 20. */
  maxFeedback?: number;
}

/** Drops `undefined` properties so optional fields are really absent. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Offsets (ms) from T0, biased to hour/day/week boundaries, ±1 ms around them, and a few arbitrary instants. */
export const arbOffsetMs: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -72, max: 600 }).map((h) => h * HOUR),
  fc.integer({ min: -3, max: 25 }).map((d) => d * DAY),
  fc.constantFrom(0, -1, 1, DAY - 1, DAY, WEEK - 1, WEEK, WEEK + 1, 2 * WEEK, 2 * WEEK - 1),
  fc.integer({ min: -3 * DAY, max: 25 * DAY }),
);

/** An epoch-ms instant on the grid. */
export const arbTimeMs: fc.Arbitrary<number> = arbOffsetMs.map((o) => T0 + o);

/** A bucket size. */
export const arbGranularity: fc.Arbitrary<Granularity> = fc.constantFrom('hour', 'day', 'week');

/** A cohort selector on the generated metadata keys (values matching some, none or `null`), or none. */
export const arbCohort: fc.Arbitrary<Cohort | undefined> = fc.option(
  fc.oneof(
    fc.record({ key: fc.constant('plan'), value: fc.constantFrom<Cohort['value']>(...PLANS, null) }),
    fc.record({ key: fc.constant('tier'), value: fc.constantFrom<Cohort['value']>(1, 2, 3, '1') }),
    fc.record({ key: fc.constant('region'), value: fc.constantFrom<Cohort['value']>(...REGIONS) }),
    fc.record({ key: fc.constant('beta'), value: fc.boolean() }),
  ),
  { nil: undefined },
);

/** Metadata with plan / tier / region / beta, each sometimes absent or `null`. */
export const arbMetadata: fc.Arbitrary<Record<string, MetadataValue>> = fc.record(
  {
    plan: fc.option(fc.constantFrom(...PLANS), { nil: null, freq: 6 }),
    tier: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null, freq: 6 }),
    region: fc.constantFrom(...REGIONS),
    beta: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** A user with the given id; display name and email sometimes absent. */
export function arbUser(id: string): fc.Arbitrary<User> {
  return fc
    .record({
      displayName: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
      email: fc.option(fc.constantFrom(`${id}@example.com`, `${id.toUpperCase()}@Example.org`), { nil: undefined }),
      metadata: arbMetadata,
    })
    .map((r) => compact<User>({ id, ...r }));
}

/** How a dataset's traces lean: all / none / half / one in ten fail; costs always / never / sometimes known. */
interface TraceModes {
  errors: 'mixed' | 'rare' | 'all' | 'none';
  costs: 'mixed' | 'all' | 'none';
}

const arbCost = fc.integer({ min: 0, max: 4096 }).map((k) => k / 1024);
const arbLatency = fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(0, 100, 1000));
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 3 });

/** A trace (without its id) for one of `userIds`; every optional field is sometimes missing. */
export function arbTraceBody(userIds: readonly string[], modes: TraceModes): fc.Arbitrary<Omit<AttributedTrace, 'id'>> {
  const status: fc.Arbitrary<Trace['status']> = {
    all: fc.constant('error' as const),
    none: fc.constant('ok' as const),
    mixed: fc.constantFrom('ok' as const, 'error' as const),
    rare: fc.oneof({ weight: 9, arbitrary: fc.constant('ok' as const) }, { weight: 1, arbitrary: fc.constant('error' as const) }),
  }[modes.errors];
  const cost = modes.costs === 'all' ? arbCost : modes.costs === 'none' ? fc.constant(undefined) : maybe(arbCost);
  return fc
    .record({
      userId: fc.constantFrom(...userIds),
      conversationId: maybe(fc.constantFrom('c0', 'c1', 'c2', 'c3')),
      name: maybe(fc.constantFrom('chat', 'summarize')),
      startMs: arbTimeMs,
      hasEnd: fc.boolean(),
      latencyMs: arbLatency,
      status,
      errorType: maybe(fc.constantFrom(...ERROR_TYPES)),
      model: maybe(fc.constantFrom(...MODELS)),
      release: maybe(fc.constantFrom(...RELEASES)),
      inputTokens: maybe(fc.integer({ min: 0, max: 5000 })),
      outputTokens: maybe(fc.integer({ min: 0, max: 5000 })),
      costUsd: cost,
      inputPreview: maybe(fc.constantFrom('Hello', 'Summarise this')),
      outputPreview: maybe(fc.constantFrom('Hi!', 'Here is a summary')),
      tags: maybe(fc.subarray(['beta', 'mobile', 'web'])),
    })
    .map(({ startMs, hasEnd, errorType, ...r }) =>
      compact<Omit<AttributedTrace, 'id'>>({
        ...r,
        startTime: new Date(startMs).toISOString(),
        endTime: hasEnd ? new Date(startMs + r.latencyMs).toISOString() : undefined,
        errorType: r.status === 'error' ? errorType : undefined,
      }),
    );
}

/** A feedback record (without its id) on one of `traces` or, rarely, on an unknown trace id; scored when derivable. */
export function arbFeedbackBody(traces: readonly AttributedTrace[]): fc.Arbitrary<Omit<Feedback, 'id'>> {
  const target = traces.length > 0 ? fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...traces) }, { weight: 1, arbitrary: fc.constant(null) }) : fc.constant(null);
  const signal = fc.oneof(
    fc.boolean().map((v) => ({ key: 'thumbs', value: v as Feedback['value'], score: v ? 1 : 0 })),
    fc.integer({ min: 1, max: 5 }).map((v) => ({ key: 'helpfulness', value: v as Feedback['value'], score: (v - 1) / 4 })),
    fc.constantFrom('wrong', 'slow', 'great').map((v) => ({ key: 'category', value: v as Feedback['value'], score: null })),
  );
  return fc
    .record({ trace: target, signal, keepScore: fc.boolean(), comment: maybe(fc.constantFrom('Great answer', 'Too slow', '')), delayMs: fc.integer({ min: 0, max: DAY }) })
    .map(({ trace, signal: s, keepScore, comment, delayMs }) =>
      compact<Omit<Feedback, 'id'>>({
        traceId: trace?.id ?? 'no-such-trace',
        userId: trace?.userId ?? 'u0',
        key: s.key,
        value: s.value,
        score: keepScore || s.score === null ? s.score : undefined,
        comment,
        createdAt: new Date((trace ? Date.parse(trace.startTime) : T0) + delayMs).toISOString(),
      }),
    );
}

/** How a user behaves: most are normal; some are slow (10× latency), failing (every trace fails) or expensive (8× cost). */
export type UserProfile = 'normal' | 'slow' | 'failing' | 'expensive';

const arbProfile: fc.Arbitrary<UserProfile> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('normal' as const) },
  { weight: 1, arbitrary: fc.constantFrom('slow' as const, 'failing' as const, 'expensive' as const) },
);

/** Applies a user's profile to one of their traces. */
function withProfile(t: AttributedTrace, profile: UserProfile): AttributedTrace {
  if (profile === 'slow') {
    const latencyMs = t.latencyMs * 10 + 10;
    return compact({ ...t, latencyMs, endTime: t.endTime && new Date(Date.parse(t.startTime) + latencyMs).toISOString() });
  }
  if (profile === 'failing') return { ...t, status: 'error' };
  if (profile === 'expensive' && t.costUsd !== undefined) return { ...t, costUsd: t.costUsd * 8 + 1 / 128 };
  return t;
}

/**
 * A whole dataset: 0..maxUsers users (some with no traces), traces for them and sometimes for an unlisted user id
 * (`ghost`), and feedback on those traces. Datasets lean all / rare / no errors and all / no costs often, and
 * some users follow a {@link UserProfile} so the attention rule fires.
 */
export function arbDataset(options: DatasetOptions = {}): fc.Arbitrary<Dataset> {
  const { maxUsers = 6, maxTraces = 40, maxFeedback = 20 } = options;
  return fc
    .record({
      userCount: fc.integer({ min: 0, max: maxUsers }),
      errors: fc.constantFrom<TraceModes['errors']>('mixed', 'rare', 'rare', 'all', 'none'),
      costs: fc.constantFrom<TraceModes['costs']>('mixed', 'mixed', 'all', 'none'),
    })
    .chain(({ userCount, errors, costs }) => {
      const ids = Array.from({ length: userCount }, (_, i) => `u${i}`);
      const traceUserIds = [...ids, 'ghost'];
      return fc
        .tuple(
          fc.tuple(...ids.map(arbUser)),
          fc.array(arbTraceBody(traceUserIds, { errors, costs }), { maxLength: maxTraces, size: 'max' }),
          fc.tuple(...traceUserIds.map(() => arbProfile)),
        )
        .map(([users, bodies, profiles]) => {
          const profileOf = new Map(traceUserIds.map((id, i) => [id, profiles[i]]));
          const traces = bodies.map((b, i) => withProfile({ id: `t${i}`, ...b }, profileOf.get(b.userId) ?? 'normal'));
          return { users: [...users], traces };
        })
        .chain(({ users, traces }) =>
          fc
            .array(arbFeedbackBody(traces), { maxLength: maxFeedback, size: 'max' })
            .map((bodies) => ({ users, traces, feedback: bodies.map((b, i) => ({ id: `f${i}`, ...b })) })),
        );
    });
}

/** A range with ends on the grid; sometimes empty (`from === to`). */
export const arbRange: fc.Arbitrary<MsRange> = fc.tuple(arbTimeMs, arbTimeMs).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));

/** A range covering every instant {@link arbTimeMs} produces. */
export const WHOLE_GRID: MsRange = { from: T0 - 3 * DAY, to: T0 + 26 * DAY };

/**
 * A range whose ends are often exact trace start times of `dataset` (to test `from` included, `to` excluded), or
 * the whole grid.
 */
export function arbRangeFor(dataset: Dataset): fc.Arbitrary<MsRange> {
  const starts = dataset.traces.map((t) => Date.parse(t.startTime));
  const end = starts.length > 0 ? fc.oneof(arbTimeMs, fc.constantFrom(...starts)) : arbTimeMs;
  return fc.oneof(
    fc.tuple(end, end).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })),
    fc.constant(WHOLE_GRID),
  );
}

/** A dataset with a range over it. */
export function arbDatasetWithRange(options?: DatasetOptions): fc.Arbitrary<{ data: Dataset; range: MsRange }> {
  return arbDataset(options).chain((data) => arbRangeFor(data).map((range) => ({ data, range })));
}

/** A trace for example tests: `ok`, 100 ms, starting at `startTime`, with `overrides` applied. */
export function makeTrace(id: string, userId: string, startTime: string, overrides: Partial<AttributedTrace> = {}): AttributedTrace {
  return { id, userId, startTime, latencyMs: 100, status: 'ok', ...overrides };
}
