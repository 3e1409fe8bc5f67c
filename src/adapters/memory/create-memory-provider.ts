/**
 * `createMemoryProvider`: the embedded default DataProvider. It holds a dataset in memory and answers every method
 * with userscope's engine over a columnar index built once.
 * @module
 */
import type {
  DataProvider,
  GetUserMetricsParams,
  GetUserParams,
  GetUsersDistributionParams,
  GetUsersSegmentsParams,
  GetUsersSummaryParams,
  ListConversationsParams,
  ListFeedbackCommentsParams,
  ListTracesParams,
  ListUsersParams,
  ProviderCapabilities,
  GetUserTrendsParams,
  SeriesParams,
} from '../../core/contract';
import { datasetCapabilities } from '../../core/dataset-capabilities';
import { ProviderError, throwIfAborted } from '../../core/errors';
import type { Feedback, Granularity, Trace, User } from '../../core/model';
import type { Page, TraceRow, UserRow, UsersDistribution, UsersSegments, UsersSummary } from '../../core/results';
import { parseDataset } from '../../core/schema/validate';
import { sortConversations, summarizeConversations } from '../../core/engine/conversations';
import { computeFeedback } from '../../core/engine/feedback';
import { listComments } from '../../core/engine/feedback-comments';
import { computeUserMetrics } from '../../core/engine/metrics';
import { computeModelUsage } from '../../core/engine/models';
import { userSlices } from '../../core/engine/selection';
import type { MsRange } from '../../core/engine/time';
import type { TraceIndex } from '../../core/engine/trace-index';
import { computeUserTrends } from '../../core/engine/trends';
import { DEFAULT_USERS_CACHE_RANGES, queryUsers, summarizeUsers } from '../../core/engine/users';
import { computeUsersDistribution, computeUsersSegments } from '../../core/engine/users-population';
import { cursorPage, openCursor, queryFingerprint, sealCursor } from './cursor';
import { deepCopy } from './deep-copy';
import { buildMemoryState, userPosition, type MemoryState } from './memory-state';
import { selectTraceRows } from './select-traces';
import { simulateLatency } from './simulate-latency';
import { validateParams, type ValidatedMethod, type ValidatedParams } from '../../core/params-filters';

/** Options of {@link createMemoryProvider}: a dataset (as `createDemoDataset` returns it) plus behaviour. */
export interface MemoryProviderOptions {
  /**
   * Users. Users referenced by traces but missing here are served as `{ id, metadata: {} }`. The provider keeps
   * references to them (answers are copies): do not mutate them afterwards.
   */
  users: readonly User[];
  /** Traces, any order. The provider keeps references to them: do not mutate them afterwards. */
  traces: readonly Trace[];
  /** Feedback on those traces. Default: none. */
  feedback?: readonly Feedback[];
  /** Simulated network delay of every call, in ms: a finite number ≥ 0 (else `invalid-data`, field `latencyMs`). Default 0. */
  latencyMs?: number;
  /** Overrides of the declared capabilities. Default: feedback when there is any, everything else on. */
  capabilities?: Partial<ProviderCapabilities>;
  /**
   * How many ranges the users list keeps aggregated (least recently used evicted first): a search, filter, sort or
   * page change on a kept range skips the aggregation pass. Each costs about 100 bytes per user, plus 8 per user for
   * each sort column used. Default 4 ({@link DEFAULT_USERS_CACHE_RANGES}); 0 recomputes on every call.
   */
  usersCacheRanges?: number;
  /**
   * Validate the dataset with `parseDataset` when the provider is created (throws `ProviderError('invalid-data')`
   * naming the first bad field). Default true; pass false only for data already validated, e.g. by `parseDataset`.
   */
  validate?: boolean;
}

const rangeKey = (range: MsRange): [number, number] => [range.from, range.to];

/** A copy of the trace at index row `row`, with the mean normalised score of its scored feedback (`null` without). */
function traceRow(idx: TraceIndex, row: number): TraceRow {
  const scored = idx.feedbackScoreCount[row];
  return { ...deepCopy(idx.traces[row] as Trace), feedbackScore: scored === 0 ? null : idx.feedbackScoreSum[row] / scored };
}

/**
 * Creates a DataProvider over an in-memory dataset. Validation (unless `validate: false`) runs now and throws on bad
 * data; feedback normalisation, the trace and feedback indexes and the order of the `user` sort key are built once,
 * on the first call. The users list's aggregates are cached per range (see `usersCacheRanges`): the dataset never
 * changes once indexed, so they are evicted only to bound memory, never invalidated.
 *
 * Every method: waits `latencyMs`, rejects with `ProviderError('aborted')` when the signal is or becomes aborted,
 * validates its params with core's `validateParams` against the bounds of `limits.ts` (`invalid-data` with `field`:
 * `range`, `granularity`, `sorting[i].id`, `filters[i].id`, `filters[i].value`, `search`, `limit`, `cursor`,
 * `pagination.*`), rejects with `not-found` for an unknown `userId`, and returns results that
 * share nothing with the provider's state. Cursors are opaque and bound to the query that made them.
 * It implements the optional `getUsersSummary`, `getUsersDistribution` and `getUsersSegments` from the same cached
 * per-range aggregates as `listUsers`.
 */
export function createMemoryProvider(options: MemoryProviderOptions): DataProvider {
  const { latencyMs = 0, validate = true, usersCacheRanges = DEFAULT_USERS_CACHE_RANGES } = options;
  if (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new ProviderError('invalid-data', `latencyMs: expected a finite number ≥ 0, got ${String(latencyMs)}`, { field: 'latencyMs' });
  }
  if (!Number.isSafeInteger(usersCacheRanges) || usersCacheRanges < 0) {
    throw new ProviderError('invalid-data', `usersCacheRanges: expected an integer ≥ 0, got ${String(usersCacheRanges)}`, {
      field: 'usersCacheRanges',
    });
  }
  const data = validate
    ? parseDataset({ users: options.users, traces: options.traces, feedback: options.feedback ?? [] })
    : { users: options.users, traces: options.traces, feedback: options.feedback ?? [] };
  const capabilities = datasetCapabilities(data.feedback.length > 0, options.capabilities);
  let state: MemoryState | undefined;

  /** Validates the params of `method` (bounds in core `limits.ts`), waits, then computes over the indexes. */
  async function answer<T>(
    method: ValidatedMethod,
    params: { signal?: AbortSignal },
    compute: (s: MemoryState, checked: Required<Pick<ValidatedParams, 'range'>> & ValidatedParams) => T,
  ): Promise<T> {
    await simulateLatency(latencyMs, params.signal);
    throwIfAborted(params.signal);
    const checked = validateParams(method, params) as Required<Pick<ValidatedParams, 'range'>> & ValidatedParams;
    state ??= buildMemoryState(data.users, data.traces, data.feedback, usersCacheRanges);
    return compute(state, checked);
  }

  return {
    capabilities,

    listUsers: (params: ListUsersParams): Promise<Page<UserRow>> =>
      answer('listUsers', params, ({ idx, usersCache }, { range }) => {
        const { search, filters, sorting, pagination } = params;
        const page = queryUsers(idx, { range, search, filters, sorting, pagination }, usersCache);
        return { ...page, rows: page.rows.map((row) => ({ ...row, user: deepCopy(row.user) })) };
      }),

    getUsersSummary: (params: GetUsersSummaryParams): Promise<UsersSummary> =>
      answer('getUsersSummary', params, ({ idx, usersCache }, { range }) => summarizeUsers(idx, range, usersCache)),

    getUsersDistribution: (params: GetUsersDistributionParams): Promise<UsersDistribution> =>
      answer('getUsersDistribution', params, ({ idx, usersCache }, { range, binCount }) =>
        computeUsersDistribution(idx, usersCache.entry(range).agg, params.metric, binCount, params.userId),
      ),

    getUsersSegments: (params: GetUsersSegmentsParams): Promise<UsersSegments> =>
      answer('getUsersSegments', params, ({ idx, usersCache }, { range, limit }) =>
        computeUsersSegments(idx, usersCache.entry(range).agg, params.key, limit as number),
      ),

    getUser: (params: GetUserParams) =>
      answer('getUser', params, ({ idx }) => deepCopy(idx.users[userPosition(idx, params.userId)] as User)),

    getUserMetrics: (params: GetUserMetricsParams) =>
      answer('getUserMetrics', params, ({ idx }, { range }) => {
        userPosition(idx, params.userId);
        return computeUserMetrics(idx, params.userId, range, params.compare?.cohort, params.compare?.population === true);
      }),

    getUserTrends: (params: GetUserTrendsParams) =>
      answer('getUserTrends', params, ({ idx }, { range, granularity }) => {
        userPosition(idx, params.userId);
        return computeUserTrends(idx, params.userId, range, granularity as Granularity, params.compare?.cohort);
      }),

    getModelUsage: (params: SeriesParams) =>
      answer('getModelUsage', params, ({ idx }, { range, granularity }) => {
        const u = userPosition(idx, params.userId);
        return computeModelUsage(idx, userSlices(idx, [u], range), range, granularity as Granularity);
      }),

    getFeedback: (params: SeriesParams) =>
      answer('getFeedback', params, ({ idx, fidx }, { range, granularity }) => {
        userPosition(idx, params.userId);
        return computeFeedback(fidx, idx, params.userId, range, granularity as Granularity);
      }),

    listFeedbackComments: (params: ListFeedbackCommentsParams) =>
      answer('listFeedbackComments', params, ({ idx, fidx }, { range, limit }) => {
        userPosition(idx, params.userId);
        const fingerprint = queryFingerprint(['comments', params.userId, rangeKey(range)]);
        const after = openCursor(params.cursor, fingerprint);
        const page = listComments(fidx, idx, params.userId, range, after, limit as number);
        return { ...page, nextCursor: page.nextCursor ? sealCursor(page.nextCursor, fingerprint) : null };
      }),

    listConversations: (params: ListConversationsParams) =>
      answer('listConversations', params, ({ idx }, { range }) => {
        const u = userPosition(idx, params.userId);
        const sorting = params.sorting ?? [];
        const rows = sortConversations(summarizeConversations(idx, userSlices(idx, [u], range)), sorting);
        const fingerprint = queryFingerprint(['conversations', params.userId, rangeKey(range), sorting.map((s) => [s.id, s.desc])]);
        return cursorPage(rows, params, fingerprint, (row) => row);
      }),

    listTraces: (params: ListTracesParams) =>
      answer('listTraces', params, ({ idx }, { range }) => {
        const u = userPosition(idx, params.userId);
        const rows = selectTraceRows(idx, u, range, params);
        const fingerprint = queryFingerprint([
          'traces',
          params.userId,
          rangeKey(range),
          params.conversationId ?? null,
          (params.filters ?? []).map((f) => [f.id, f.value]),
          (params.sorting ?? []).map((s) => [s.id, s.desc]),
        ]);
        return cursorPage(rows, params, fingerprint, (row) => traceRow(idx, row));
      }),
  };
}
