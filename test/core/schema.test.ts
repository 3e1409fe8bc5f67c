import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { ProviderError } from '../../src/core/errors';
import { USER_METRICS } from '../../src/core/metrics/user-metrics';
import type { Feedback, TimeRange, Trace, User } from '../../src/core/model';
import type * as R from '../../src/core/results';
import { isValidTrace } from '../../src/core/schema/fast-trace';
import { checkTraceTimes } from '../../src/core/schema/cross-field';
import { formatPath, previewValue } from '../../src/core/schema/issue-format';
import {
  feedbackSchema,
  isoTimestampSchema,
  timeRangeSchema,
  traceSchema,
  userSchema,
} from '../../src/core/schema/records';
import * as S from '../../src/core/schema/results';
import { parseDataset, parseTraces, validate } from '../../src/core/schema/validate';
import { outcome } from './provider-error-outcome';

/** Every key of `T`, exactly: `satisfies` fails to compile when the model gains or loses a field. */
type Keys<T> = Record<keyof T, true>;

const USER_KEYS = { id: true, displayName: true, email: true, metadata: true, firstSeen: true, lastSeen: true } satisfies Keys<User>;
const TRACE_KEYS = {
  id: true, userId: true, conversationId: true, name: true, startTime: true, endTime: true, latencyMs: true,
  status: true, errorType: true, model: true, release: true, inputTokens: true, outputTokens: true, totalTokens: true,
  costUsd: true, inputPreview: true, outputPreview: true, tags: true,
} satisfies Keys<Trace>;
const FEEDBACK_KEYS = {
  id: true, traceId: true, userId: true, key: true, value: true, score: true, comment: true, createdAt: true, source: true,
} satisfies Keys<Feedback>;
const RANGE_KEYS = { from: true, to: true } satisfies Keys<TimeRange>;
const KEY_METRICS_KEYS = {
  traceCount: true, conversationCount: true, activeDays: true, errorCount: true, successRate: true, topErrorType: true,
  latencyAvgMs: true, latencyP50Ms: true, latencyP95Ms: true, costUsd: true, costPerTraceUsd: true, inputTokens: true,
  outputTokens: true,
} satisfies Keys<R.KeyMetrics>;

/** Schema / exact model keys pairs: the schema must check every field of the model and nothing else. */
const SHAPES: [string, z.core.$ZodType, Record<string, true>][] = [
  ['User', userSchema, USER_KEYS],
  ['Trace', traceSchema, TRACE_KEYS],
  ['Feedback', feedbackSchema, FEEDBACK_KEYS],
  ['TimeRange', timeRangeSchema, RANGE_KEYS],
  ['Page', S.pageSchema(traceSchema), { rows: true, total: true, nextCursor: true } satisfies Keys<R.Page<Trace>>],
  ['SparkPoint', S.sparkPointSchema, { t: true, traceCount: true, errorCount: true } satisfies Keys<R.SparkPoint>],
  ['AttentionReason', S.attentionReasonSchema, { kind: true, message: true, value: true, baseline: true, sampleCount: true, failedCount: true } satisfies Keys<R.AttentionReason>],
  ['UserRow', S.userRowSchema, {
    user: true, ...Object.fromEntries(USER_METRICS.map((m) => [m.id, true])), firstSeen: true, lastSeen: true, sparkline: true, attention: true,
  } as Keys<R.UserRow>],
  ['KeyMetrics', S.keyMetricsSchema, KEY_METRICS_KEYS],
  ['CohortMetrics', S.cohortMetricsSchema, { ...KEY_METRICS_KEYS, userCount: true, activeDaysPerUser: true } satisfies Keys<R.CohortMetrics>],
  ['Cohort', S.cohortSchema, { key: true, value: true } satisfies Keys<R.Cohort>],
  ['UserMetrics', S.userMetricsSchema, { current: true, previous: true, cohort: true, population: true } satisfies Keys<R.UserMetrics>],
  ['TrendBucket', S.trendBucketSchema, {
    t: true, traceCount: true, errorCount: true, successRate: true, latencyP50Ms: true, latencyP95Ms: true,
    costUsd: true, tokens: true,
  } satisfies Keys<R.TrendBucket>],
  ['CohortTrends', S.cohortTrendsSchema, { userCount: true, buckets: true } satisfies Keys<R.CohortTrends>],
  ['UserTrends', S.userTrendsSchema, { granularity: true, buckets: true, cohort: true } satisfies Keys<R.UserTrends>],
  ['WindowMetrics', S.windowMetricsSchema, { traceCount: true, successRate: true, latencyP95Ms: true, costPerTraceUsd: true } satisfies Keys<R.WindowMetrics>],
  ['ModelStat', S.modelStatSchema, {
    model: true, traceCount: true, share: true, firstSeen: true, lastSeen: true, successRate: true, latencyP95Ms: true,
    costPerTraceUsd: true,
  } satisfies Keys<R.ModelStat>],
  ['ModelMixBucket', S.modelMixBucketSchema, { t: true, counts: true } satisfies Keys<R.ModelMixBucket>],
  ['ChangeEvent', S.changeEventSchema, {
    kind: true, at: true, from: true, to: true, before: true, after: true, regression: true, regressedOn: true, overlapsWith: true,
  } satisfies Keys<R.ChangeEvent>],
  ['ChangeRef', S.changeRefSchema, { kind: true, at: true, to: true } satisfies Keys<R.ChangeRef>],
  ['ModelUsage', S.modelUsageSchema, { granularity: true, models: true, mix: true, changes: true } satisfies Keys<R.ModelUsage>],
  ['FeedbackSummary', S.feedbackSummarySchema, {
    count: true, avgScore: true, tracesWithFeedback: true, traceCount: true, coverage: true, commentCount: true,
  } satisfies Keys<R.FeedbackSummary>],
  ['FeedbackTrendBucket', S.feedbackTrendBucketSchema, { t: true, count: true, avgScore: true, positiveCount: true, negativeCount: true } satisfies Keys<R.FeedbackTrendBucket>],
  ['ScoreBin', S.scoreBinSchema, { from: true, to: true, count: true } satisfies Keys<R.ScoreBin>],
  ['FeedbackKeyStat', S.feedbackKeyStatSchema, { key: true, kind: true, count: true, avgScore: true, categories: true } satisfies Keys<R.FeedbackKeyStat>],
  ['CommentMomentumBucket', S.commentMomentumBucketSchema, { t: true, commentCount: true, feedbackCount: true } satisfies Keys<R.CommentMomentumBucket>],
  ['FeedbackOverview', S.feedbackOverviewSchema, {
    granularity: true, summary: true, trend: true, histogram: true, topKeys: true, commentMomentum: true,
  } satisfies Keys<R.FeedbackOverview>],
  ['FeedbackComment', S.feedbackCommentSchema, {
    id: true, traceId: true, key: true, value: true, score: true, comment: true, createdAt: true, trace: true, source: true,
  } satisfies Keys<R.FeedbackComment>],
  ['ConversationSummary', S.conversationSummarySchema, {
    id: true, traceCount: true, firstTime: true, lastTime: true, durationMs: true, errorCount: true, costUsd: true,
    title: true, models: true, steps: true,
  } satisfies Keys<R.ConversationSummary>],
];

const FULL_TRACE: Trace = {
  id: 't1', userId: 'u1', conversationId: 'c1', name: 'chat', startTime: '2026-11-01T10:00:00.000Z',
  endTime: '2026-11-01T10:00:01.250Z', latencyMs: 1250, status: 'error', errorType: 'TimeoutError',
  model: 'gpt-4o-2024-08-06', release: '1.9.0', inputTokens: 1200, outputTokens: 0, costUsd: 0.003,
  inputPreview: 'Hello', outputPreview: '', tags: ['web'],
};
const MIN_TRACE: Trace = { id: 't2', userId: 'u1', startTime: '2026-11-01T10:00:00Z', latencyMs: 0, status: 'ok' };
const USER: User = {
  id: 'u1', displayName: 'Ana Silva', email: 'ana@example.com', firstSeen: '2026-11-01T10:00:00Z',
  metadata: { plan: 'pro', seats: 3, beta: true, company: null },
};
const FEEDBACK: Feedback = {
  id: 'f1', traceId: 't1', userId: 'u1', key: 'rating', value: 4, score: 0.75, comment: 'ok', createdAt: '2026-11-01T10:01:00Z',
};

/** Runs `fn` and returns the ProviderError it throws. */
function caught(fn: () => unknown): ProviderError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('expected a ProviderError');
}

describe('schemas match the model', () => {
  it('types: schema outputs are the model types', () => {
    expectTypeOf<z.output<typeof traceSchema>>().toEqualTypeOf<Trace>();
    expectTypeOf<z.output<typeof userSchema>>().toEqualTypeOf<User>();
    expectTypeOf<z.output<typeof feedbackSchema>>().toEqualTypeOf<Feedback>();
    const pageOfRows = S.pageSchema(S.userRowSchema);
    expectTypeOf<ReturnType<typeof validate<z.output<typeof pageOfRows>>>>().toEqualTypeOf<R.Page<R.UserRow>>();
  });

  it.each(SHAPES)('%s checks exactly the model fields', (_name, schema, keys) => {
    const shape = (schema as unknown as z.ZodObject).shape;
    expect(Object.keys(shape).sort()).toEqual(Object.keys(keys).sort());
  });

  it('the fast trace check uses the same timestamp pattern as the schema', () => {
    expect(isoTimestampSchema.def.pattern?.source).toBe(z.regexes.datetime({ offset: true }).source);
  });
});

describe('validate', () => {
  it('returns valid data unchanged (deep equal), extra keys included', () => {
    const withExtra = { ...FULL_TRACE, vendorField: { nested: [1, 2] } };
    expect(validate(traceSchema, withExtra)).toEqual(withExtra);
    expect(validate(traceSchema, MIN_TRACE)).toEqual(MIN_TRACE);
    expect(validate(userSchema, USER)).toEqual(USER);
    expect(validate(feedbackSchema, FEEDBACK)).toEqual(FEEDBACK);
    expect(validate(timeRangeSchema, { from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00+02:00' })).toBeTruthy();
  });

  const bad: [string, Record<string, unknown>, string, string][] = [
    ['a string latency', { latencyMs: 'abc' }, 'traces[1].latencyMs', 'expected number, got "abc"'],
    ['a numeric string (no coercion)', { latencyMs: '12' }, 'traces[1].latencyMs', 'expected number, got "12"'],
    ['a negative latency', { latencyMs: -1 }, 'traces[1].latencyMs', 'expected number >= 0, got -1'],
    ['NaN', { latencyMs: Number.NaN }, 'traces[1].latencyMs', 'expected number, got NaN'],
    ['Infinity cost', { costUsd: Number.POSITIVE_INFINITY }, 'traces[1].costUsd', 'expected number, got Infinity'],
    ['fractional tokens', { inputTokens: 1.5 }, 'traces[1].inputTokens', 'expected integer, got 1.5'],
    ['negative tokens', { outputTokens: -3 }, 'traces[1].outputTokens', 'expected number >= 0, got -3'],
    ['null for an optional field', { costUsd: null }, 'traces[1].costUsd', 'expected number, got null'],
    ['a non-ISO time', { startTime: 'yesterday' }, 'traces[1].startTime', 'expected ISO-8601 date-time, got "yesterday"'],
    ['an impossible date', { startTime: '2026-02-30T00:00:00Z' }, 'traces[1].startTime', 'expected ISO-8601 date-time, got "2026-02-30T00:00:00Z"'],
    ['epoch ms for a time', { endTime: 1_700_000_000_000 }, 'traces[1].endTime', 'expected string, got 1700000000000'],
    ['an unknown status', { status: 'failed' }, 'traces[1].status', 'expected one of "ok" | "error", got "failed"'],
    ['a missing id', { id: undefined }, 'traces[1].id', 'expected string, got undefined'],
    ['an empty user id', { userId: '' }, 'traces[1].userId', 'expected non-empty string, got ""'],
    ['a non-string tag', { tags: ['a', 1] }, 'traces[1].tags[1]', 'expected string, got 1'],
    ['boolean tokens', { inputTokens: true }, 'traces[1].inputTokens', 'expected number, got true'],
  ];
  it.each(bad)('rejects %s with the path and the received value', (_label, patch, field, detail) => {
    const error = caught(() => validate(z.array(traceSchema), [FULL_TRACE, { ...FULL_TRACE, ...patch }], 'traces'));
    expect(error.code).toBe('invalid-data');
    expect(error.field).toBe(field);
    expect(error.message).toBe(`${field}: ${detail}`);
    // the fast path and zod report the very same thing
    const fast = caught(() => parseTraces([FULL_TRACE, { ...FULL_TRACE, ...patch }], 'traces'));
    expect([fast.field, fast.message]).toEqual([error.field, error.message]);
  });

  it('names metadata, feedback and result fields', () => {
    const meta = caught(() => validate(z.array(userSchema), [{ ...USER, metadata: { plan: ['a'] } }], 'users'));
    expect(meta.message).toBe('users[0].metadata.plan: expected string, number, boolean or null, got ["a"]');
    const odd = caught(() => validate(userSchema, { ...USER, metadata: { 'my key': {} } }));
    expect(odd.field).toBe('metadata["my key"]');
    const notRecord = caught(() => validate(userSchema, { ...USER, metadata: [] }));
    expect(notRecord.message).toBe('metadata: expected object, got []');
    const value = caught(() => validate(feedbackSchema, { ...FEEDBACK, value: { stars: 4 } }));
    expect(value.message).toBe('value: expected number, boolean or string, got {"stars":4}');
    const score = caught(() => validate(feedbackSchema, { ...FEEDBACK, score: 1.5 }));
    expect(score.message).toBe('score: expected number <= 1, got 1.5');
    const row = caught(() => validate(S.pageSchema(S.trendBucketSchema), { rows: [{ t: '2026-11-01T00:00:00Z', traceCount: 1, errorCount: 0, successRate: 1.2, latencyP50Ms: null, latencyP95Ms: null, costUsd: null, tokens: null }] }));
    expect(row.message).toBe('rows[0].successRate: expected number <= 1, got 1.2');
    const root = caught(() => validate(traceSchema, null));
    expect(root.message).toBe('(root): expected object, got null');
    const rooted = caught(() => validate(traceSchema, 'x', 'rows[3]'));
    expect([rooted.field, rooted.message]).toEqual(['rows[3]', 'rows[3]: expected object, got "x"']);
  });

  it('reports the first issue: earliest row, then the first field in schema order', () => {
    const rows = [FULL_TRACE, { ...FULL_TRACE, status: 'x', latencyMs: 'y' }, { ...FULL_TRACE, id: 5 }];
    expect(caught(() => validate(z.array(traceSchema), rows, 'rows')).field).toBe('rows[1].latencyMs');
    expect(caught(() => parseTraces(rows, 'rows')).field).toBe('rows[1].latencyMs');
  });

  it('truncates huge received values to 60 characters of JSON', () => {
    const huge = 'x'.repeat(10_000_000);
    const started = performance.now();
    const error = caught(() => validate(traceSchema, { ...FULL_TRACE, latencyMs: huge }));
    expect(error.message).toBe(`latencyMs: expected number, got "${'x'.repeat(59)}…`);
    const big = caught(() => validate(traceSchema, { ...FULL_TRACE, tags: Array.from({ length: 1_000_000 }, () => 7) }));
    expect(big.message).toBe('tags[0]: expected string, got 7');
    const obj = caught(() => validate(traceSchema, { ...FULL_TRACE, status: { a: huge, b: [huge] } }));
    expect(obj.message.length).toBeLessThan(120);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('previews values as bounded JSON', () => {
    expect(previewValue(undefined)).toBe('undefined');
    expect(previewValue(-Infinity)).toBe('-Infinity');
    expect(previewValue(10n)).toBe('10n');
    expect(previewValue([1, 'a', null, { b: false }])).toBe('[1,"a",null,{"b":false}]');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(previewValue(cyclic)).toHaveLength(61);
    expect(previewValue('y'.repeat(100))).toBe(`"${'y'.repeat(59)}…`);
  });
});

describe('result schemas', () => {
  const T = '2026-11-01T00:00:00.000Z';
  const metrics: R.KeyMetrics = {
    traceCount: 3, conversationCount: 1, activeDays: 1, errorCount: 1, successRate: 2 / 3, topErrorType: 'TimeoutError',
    latencyAvgMs: 120.5, latencyP50Ms: 100, latencyP95Ms: 300, costUsd: null, costPerTraceUsd: null, inputTokens: 10,
    outputTokens: null,
  };
  const window: R.WindowMetrics = { traceCount: 0, successRate: null, latencyP95Ms: null, costPerTraceUsd: null };
  const cases: [string, z.core.$ZodType, unknown][] = [
    ['Page<UserRow>', S.pageSchema(S.userRowSchema), {
      rows: [{
        user: USER, traceCount: 3, conversationCount: 1, errorCount: 1, successRate: 0.5, latencyP50Ms: 1, latencyP95Ms: 2,
        costUsd: 0.1, costPerTraceUsd: 0.05, inputTokens: null, outputTokens: null, feedbackAvgScore: null, firstSeen: T,
        lastSeen: T, sparkline: [{ t: T, traceCount: 3, errorCount: 1 }],
        attention: [{ kind: 'errors', message: 'Error rate 50 % vs 4 %', value: 0.5, baseline: 0.04 }],
      } satisfies R.UserRow],
      total: 1,
    } satisfies R.Page<R.UserRow>],
    ['UserMetrics', S.userMetricsSchema, { current: metrics, previous: metrics, cohort: { ...metrics, userCount: 4, activeDaysPerUser: 2.5 } } satisfies R.UserMetrics],
    ['UserTrends', S.userTrendsSchema, {
      granularity: 'day',
      buckets: [{ t: T, traceCount: 0, errorCount: 0, successRate: null, latencyP50Ms: null, latencyP95Ms: null, costUsd: null, tokens: null }],
    } satisfies R.UserTrends],
    ['ModelUsage', S.modelUsageSchema, {
      granularity: 'week',
      models: [{ model: '(unknown)', traceCount: 1, share: 1, firstSeen: T, lastSeen: T, successRate: 1, latencyP95Ms: 5, costPerTraceUsd: null }],
      mix: [{ t: T, counts: { '(unknown)': 1 } }],
      changes: [{ kind: 'model-switch', at: T, from: null, to: 'gpt-4.1', before: window, after: window, regression: true, regressedOn: ['successRate'] }],
    } satisfies R.ModelUsage],
    ['FeedbackOverview', S.feedbackOverviewSchema, {
      granularity: 'hour',
      summary: { count: 1, avgScore: 1, tracesWithFeedback: 1, traceCount: 2, coverage: 0.5, commentCount: 0 },
      trend: [{ t: T, count: 1, avgScore: 1, positiveCount: 1, negativeCount: 0 }],
      histogram: [{ from: 0.9, to: 1, count: 1 }],
      topKeys: [{ key: 'thumbs', kind: 'boolean', count: 1, avgScore: 1, categories: { true: 1, false: 0 } }],
      commentMomentum: [{ t: T, commentCount: 0, feedbackCount: 1 }],
    } satisfies R.FeedbackOverview],
    ['Page<FeedbackComment>', S.pageSchema(S.feedbackCommentSchema), {
      rows: [{ id: 'f1', traceId: 't1', key: 'category', value: 'great', score: null, comment: 'Nice', createdAt: T,
        trace: { id: 't1', status: 'ok', latencyMs: 5, startTime: T } }],
      nextCursor: null,
    } satisfies R.Page<R.FeedbackComment>],
    ['Page<ConversationSummary>', S.pageSchema(S.conversationSummarySchema), {
      rows: [{ id: '(none)', traceCount: 2, firstTime: T, lastTime: T, durationMs: 0, errorCount: 1, costUsd: null,
        title: null, models: ['gpt-4o'], steps: ['ok', 'error'] }],
      nextCursor: 'abc',
    } satisfies R.Page<R.ConversationSummary>],
  ];
  it.each(cases)('%s: a valid result passes unchanged', (_name, schema, value) => {
    expect(validate(schema, value)).toEqual(value);
  });
});

describe('parseDataset', () => {
  const traces: Trace[] = [FULL_TRACE, MIN_TRACE, { ...MIN_TRACE, id: 't3', userId: 'u2' }];
  const feedback: Feedback[] = [FEEDBACK, { ...FEEDBACK, id: 'f2', traceId: 't3', userId: 'u2', key: 'thumbs', value: true, score: undefined }];
  const users: User[] = [USER, { id: 'u2', metadata: {} }];

  it('accepts a valid dataset unchanged; feedback may be absent', () => {
    expect(parseDataset({ users, traces, feedback })).toEqual({ users, traces, feedback });
    expect(parseDataset({ users, traces })).toEqual({ users, traces, feedback: [] });
    expect(parseDataset({ users: [], traces: [] })).toEqual({ users: [], traces: [], feedback: [] });
  });

  it('accepts an unattributed trace (userId: null) but no feedback on it, and refuses a missing userId', () => {
    const anonymous: Trace = { ...MIN_TRACE, id: 't-anon', userId: null };
    expect(parseDataset({ users, traces: [...traces, anonymous] }).traces).toContain(anonymous);
    const onAnonymous = caught(() => parseDataset({ users, traces: [...traces, anonymous], feedback: [{ ...FEEDBACK, traceId: 't-anon' }] }));
    expect([onAnonymous.code, onAnonymous.field]).toEqual(['invalid-data', 'feedback[0].traceId']);
    const { userId: _omitted, ...noUser } = MIN_TRACE;
    const missing = caught(() => parseDataset({ users, traces: [noUser] }));
    expect([missing.code, missing.field]).toEqual(['invalid-data', 'traces[0].userId']);
  });

  it.each([
    ['a non-object', null, '(root)', '(root): expected object, got null'],
    ['missing users', { traces }, 'users', 'users: expected array, got undefined'],
    ['traces as an object', { users, traces: {} }, 'traces', 'traces: expected array, got {}'],
    ['a bad user', { users: [USER, { id: 'u2' }], traces }, 'users[1].metadata', 'users[1].metadata: expected object, got undefined'],
    ['a bad trace', { users, traces: [...traces, { ...MIN_TRACE, id: 't9', startTime: '2026-11-01' }] }, 'traces[3].startTime', 'traces[3].startTime: expected ISO-8601 date-time, got "2026-11-01"'],
    ['a bad feedback', { users, traces, feedback: [{ ...FEEDBACK, createdAt: undefined }] }, 'feedback[0].createdAt', 'feedback[0].createdAt: expected string, got undefined'],
    ['duplicate trace ids', { users, traces: [...traces, { ...MIN_TRACE }] }, 'traces[3].id', 'traces[3].id: expected a unique id, got "t2"'],
    ['duplicate user ids', { users: [...users, { id: 'u1', metadata: {} }], traces }, 'users[2].id', 'users[2].id: expected a unique id, got "u1"'],
    ['duplicate feedback ids', { users, traces, feedback: [FEEDBACK, FEEDBACK] }, 'feedback[1].id', 'feedback[1].id: expected a unique id, got "f1"'],
    ['feedback on an unknown trace', { users, traces, feedback: [FEEDBACK, { ...FEEDBACK, id: 'f2', traceId: 'nope' }] }, 'feedback[1].traceId', 'feedback[1].traceId: expected the id of a trace in the dataset, got "nope"'],
    ['feedback by another user than the trace', { users, traces, feedback: [{ ...FEEDBACK, userId: 'u2' }] }, 'feedback[0].userId', 'feedback[0].userId: expected "u1", the user of its trace, got "u2"'],
  ])('rejects %s', (_label, input, field, message) => {
    const error = caught(() => parseDataset(input));
    expect([error.code, error.field, error.message]).toEqual(['invalid-data', field, message]);
  });
});

describe('fast trace check agrees with traceSchema', () => {
  const tricky: unknown[] = [
    undefined, null, '', 'x', '12', 12, 0, -0, -1, 1.5, 2 ** 53, -(2 ** 60), Number.NaN, Number.POSITIVE_INFINITY,
    true, false, [], ['a'], [1], {}, { a: 1 }, 'ok', 'error', 'OK', '2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z',
    '2026-11-01T10:00:00.123456+05:30', '2026-11-01T10:00Z', '2026-11-01 10:00:00Z', '2026-11-01T24:00:00Z',
    '2026-11-01T10:00:00-23:59', '2026-11-01T10:00:00+24:00', '2026-11-01', 1_700_000_000_000,
  ];
  const keys = [...Object.keys(TRACE_KEYS), 'extra'];
  const arbBase = fc.constantFrom<object>(FULL_TRACE, MIN_TRACE, {}, { ...MIN_TRACE, tags: [] });
  const arbPatch = fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...tricky), { maxKeys: 3 });
  const arbCandidate = fc.oneof(
    { weight: 9, arbitrary: fc.tuple(arbBase, arbPatch).map(([base, patch]) => ({ ...base, ...patch })) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'trace', 3, [], [FULL_TRACE]) },
  );

  it('accepts exactly what the schema accepts', () => {
    fc.assert(
      fc.property(arbCandidate, (candidate) => {
        expect(isValidTrace(candidate)).toBe(traceSchema.safeParse(candidate).success);
      }),
      { numRuns: 3000 },
    );
  });

  it('parseTraces reports the same first issue as validating the array with zod', () => {
    fc.assert(
      fc.property(fc.array(arbCandidate, { maxLength: 6 }), (rows) => {
        // the zod parse, then the cross-field check of every trace (end not before start)
        const viaZod = outcome(() => {
          const parsed = validate(z.array(traceSchema), rows, 'traces');
          parsed.forEach((t, i) => checkTraceTimes(t, 'traces', i));
          return parsed;
        });
        const viaFast = outcome(() => parseTraces(rows, 'traces'));
        expect(viaFast).toEqual(viaZod);
        // stopping at the first issue (abortEarly) finds the same first issue as a full parse
        const full = z.array(traceSchema).safeParse(rows);
        if (!full.success) expect(formatPath('traces', full.error.issues[0]!.path)).toBe((viaZod as { field?: string }).field);
      }),
      { numRuns: 1000 },
    );
  });
});

