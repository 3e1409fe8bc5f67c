/**
 * `createMemoryProvider`: the embedded default DataProvider. It holds a dataset in memory and answers every method
 * with userscope's engine over a columnar index built once.
 * @module
 */
import type {
  DataProvider,
  GetUserMetricsParams,
  GetUserParams,
  ListConversationsParams,
  ListFeedbackCommentsParams,
  ListTracesParams,
  ListUsersParams,
  ProviderCapabilities,
  SeriesParams,
} from '../../core/contract';
import { throwIfAborted } from '../../core/errors';
import type { Feedback, Trace, User } from '../../core/model';
import type { Page, UserRow } from '../../core/results';
import { parseDataset } from '../../core/schema/validate';
import { sortConversations, summarizeConversations } from '../../core/engine/conversations';
import { computeFeedback } from '../../core/engine/feedback';
import { listComments } from '../../core/engine/feedback-comments';
import { computeUserMetrics } from '../../core/engine/metrics';
import { computeModelUsage } from '../../core/engine/models';
import { userSlices } from '../../core/engine/selection';
import type { MsRange } from '../../core/engine/time';
import { computeTrends } from '../../core/engine/trends';
import { queryUsers } from '../../core/engine/users';
import { cursorPage, openCursor, parseLimit, queryFingerprint, sealCursor } from './cursor';
import { deepCopy } from './deep-copy';
import { buildMemoryState, userPosition, type MemoryState } from './memory-state';
import { selectTraceRows } from './select-traces';
import { simulateLatency } from './simulate-latency';
import { parseGranularity, parseRange } from './validate-params';

/** Options of {@link createMemoryProvider}: a dataset (as `createDemoDataset` returns it) plus behaviour. */
export interface MemoryProviderOptions {
  /** Users. Users referenced by traces but missing here are served as `{ id, metadata: {} }`. */
  users: readonly User[];
  /** Traces, any order. The provider keeps references to them: do not mutate them afterwards. */
  traces: readonly Trace[];
  /** Feedback on those traces. Default: none. */
  feedback?: readonly Feedback[];
  /** Simulated network delay of every call, in ms. Default 0. */
  latencyMs?: number;
  /** Overrides of the declared capabilities. Default: feedback when there is any, everything else on. */
  capabilities?: Partial<ProviderCapabilities>;
  /**
   * Validate the dataset with `parseDataset` when the provider is created (throws `ProviderError('invalid-data')`
   * naming the first bad field). Default true; pass false only for data already validated, e.g. by `parseDataset`.
   */
  validate?: boolean;
}

const rangeKey = (range: MsRange): [number, number] => [range.from, range.to];

/**
 * Creates a DataProvider over an in-memory dataset. Validation (unless `validate: false`) runs now and throws on bad
 * data; feedback normalisation and the trace and feedback indexes are built once, on the first call.
 *
 * Every method: waits `latencyMs`, rejects with `ProviderError('aborted')` when the signal is or becomes aborted,
 * validates its params (`invalid-data` with `field`: `range`, `granularity`, `sorting[i].id`, `filters[i].id`,
 * `limit`, `cursor`, `pagination.*`), rejects with `not-found` for an unknown `userId`, and returns results that
 * share nothing with the provider's state. Cursors are opaque and bound to the query that made them.
 */
export function createMemoryProvider(options: MemoryProviderOptions): DataProvider {
  const { latencyMs = 0, validate = true } = options;
  const data = validate
    ? parseDataset({ users: options.users, traces: options.traces, feedback: options.feedback ?? [] })
    : { users: options.users, traces: options.traces, feedback: options.feedback ?? [] };
  const capabilities: ProviderCapabilities = Object.freeze({
    feedback: data.feedback.length > 0,
    cohorts: true,
    modelUsage: true,
    conversations: true,
    ...options.capabilities,
  });
  let state: MemoryState | undefined;

  async function answer<T>(signal: AbortSignal | undefined, compute: (s: MemoryState) => T): Promise<T> {
    await simulateLatency(latencyMs, signal);
    throwIfAborted(signal);
    state ??= buildMemoryState(data.users, data.traces, data.feedback);
    return compute(state);
  }

  return {
    capabilities,

    listUsers: (params: ListUsersParams): Promise<Page<UserRow>> =>
      answer(params.signal, ({ idx }) => {
        const { search, filters, sorting, pagination } = params;
        const page = queryUsers(idx, { range: parseRange(params.range), search, filters, sorting, pagination });
        return { ...page, rows: page.rows.map((row) => ({ ...row, user: deepCopy(row.user) })) };
      }),

    getUser: (params: GetUserParams) => answer(params.signal, ({ idx }) => deepCopy(idx.users[userPosition(idx, params.userId)] as User)),

    getUserMetrics: (params: GetUserMetricsParams) =>
      answer(params.signal, ({ idx }) => {
        const range = parseRange(params.range);
        userPosition(idx, params.userId);
        return computeUserMetrics(idx, params.userId, range, params.compare?.cohort);
      }),

    getUserTrends: (params: SeriesParams) =>
      answer(params.signal, ({ idx }) => {
        const range = parseRange(params.range);
        const u = userPosition(idx, params.userId);
        return computeTrends(idx, userSlices(idx, [u], range), range, parseGranularity(params.granularity, range));
      }),

    getModelUsage: (params: SeriesParams) =>
      answer(params.signal, ({ idx }) => {
        const range = parseRange(params.range);
        const u = userPosition(idx, params.userId);
        return computeModelUsage(idx, userSlices(idx, [u], range), range, parseGranularity(params.granularity, range));
      }),

    getFeedback: (params: SeriesParams) =>
      answer(params.signal, ({ idx, fidx }) => {
        const range = parseRange(params.range);
        userPosition(idx, params.userId);
        return computeFeedback(fidx, idx, params.userId, range, parseGranularity(params.granularity, range));
      }),

    listFeedbackComments: (params: ListFeedbackCommentsParams) =>
      answer(params.signal, ({ idx, fidx }) => {
        const range = parseRange(params.range);
        userPosition(idx, params.userId);
        const fingerprint = queryFingerprint(['comments', params.userId, rangeKey(range)]);
        const after = openCursor(params.cursor, fingerprint);
        const page = listComments(fidx, idx, params.userId, range, after, parseLimit(params.limit));
        return { ...page, nextCursor: page.nextCursor ? sealCursor(page.nextCursor, fingerprint) : null };
      }),

    listConversations: (params: ListConversationsParams) =>
      answer(params.signal, ({ idx }) => {
        const range = parseRange(params.range);
        const u = userPosition(idx, params.userId);
        const sorting = params.sorting ?? [];
        const rows = sortConversations(summarizeConversations(idx, userSlices(idx, [u], range)), sorting);
        const fingerprint = queryFingerprint(['conversations', params.userId, rangeKey(range), sorting.map((s) => [s.id, s.desc])]);
        return cursorPage(rows, params, fingerprint, (row) => row);
      }),

    listTraces: (params: ListTracesParams) =>
      answer(params.signal, ({ idx }) => {
        const range = parseRange(params.range);
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
        return cursorPage(rows, params, fingerprint, (row) => deepCopy(idx.traces[row] as Trace));
      }),
  };
}
