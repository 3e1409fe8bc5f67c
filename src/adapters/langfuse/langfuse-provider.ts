/**
 * `createLangfuseProvider`: a DataProvider over the Langfuse public API. Langfuse's API cannot compute percentiles,
 * buckets, attention or model switches per user, so the provider loads the traces a question needs — one user's
 * range (with its previous period), or every trace of a range — within a request budget, maps them like
 * `fromLangfuseExport` does, and answers with userscope's engine (a memory provider), sharing each load briefly.
 * @module
 */
import type { DataProvider, GetUserMetricsParams, GetUserTrendsParams, ProviderCapabilities } from '../../core/contract';
import { ProviderError, throwIfAborted } from '../../core/errors';
import type { Feedback, Trace, User } from '../../core/model';
import { createProgressHub, type ProgressSource } from '../../core/progress';
import { countSkipped, createIssueLog, type ImportReport } from '../import/import-report';
import { createMemoryProvider } from '../memory/create-memory-provider';
import { parseRange, parseUserId } from '../memory/validate-params';
import { createLangfuseApi, type RequestBudget } from './langfuse-api';
import { createLangfuseHttp, type LangfuseHttpOptions } from './langfuse-http';
import { legacyFeedback, loadLegacy } from './langfuse-legacy-load';
import { loadCurrent, type LoadContext, type LoadWindow } from './langfuse-load';
import { userExists } from './langfuse-user-exists';
import { langfuseScoreConfigSchema, type LangfuseScoreConfig } from './schemas';
import { createSharedLoads } from './shared-loads';

/** Options of {@link createLangfuseProvider}. */
export interface LangfuseProviderOptions extends LangfuseHttpOptions {
  /** The Langfuse instance, e.g. `https://cloud.langfuse.com` (no `/api/public`). */
  baseUrl: string;
  /** Credentials: `() => ({ Authorization: langfuseBasicAuth(publicKey, secretKey) })`. Never logged. */
  headers: () => HeadersInit | Promise<HeadersInit>;
  /**
   * Profiles of users (display name, email, metadata), which Langfuse does not store: called with the user ids a
   * question involves, returns those it knows. Without it users are `{ id, metadata: {} }` and cohorts are off.
   */
  lookupUsers?: (userIds: readonly string[]) => readonly User[] | Promise<readonly User[]>;
  /** Only traces and scores of these Langfuse environments (e.g. `production`). Default: every environment. */
  environment?: string | readonly string[];
  /** How long a load is reused, in ms; 0 reloads on every call. Default 60 000. */
  cacheTtlMs?: number;
  /** Most traces one load may hold; a larger range rejects with `invalid-data` naming `range`. Default 20 000. */
  maxTraces?: number;
  /**
   * Most Langfuse API requests one load (one view: a users list, or one user's page) may send, 429 retries not
   * included. A load that would need more rejects with `invalid-data` naming `range` — before it starts when v2
   * metrics can tell — with a message pointing to `@userscope/server`. Default 100 (6.7 min at Cloud Hobby's 15/min).
   */
  maxRequestsPerLoad?: number;
  /** How far observations may start after their trace's range end, in ms. Default 1 h. */
  observationSlackMs?: number;
  /** How long after a range's end its traces' scores are still read, in ms. Default 7 days. */
  scoreSlackMs?: number;
  /**
   * User of traces without a user id (flagged). Without it they are kept unattributed (`userId: null`): in the
   * users page's `unattributedTraceCount` and the load report's, in no user's figures.
   */
  defaultUserId?: string;
  /** Called after every load with what it skipped and flagged (traces without a user, scores on sessions, …). */
  onReport?: (report: LangfuseLoadReport) => void;
}

/** What one load did: the import report of its traces and scores, plus the requests it sent. */
export interface LangfuseLoadReport extends ImportReport {
  /** The load, e.g. `range:2025-06-01T00:00:00.000Z/2025-07-01T00:00:00.000Z` or `user:u1:…`. */
  id: string;
  /** API requests the load sent (429 retries included). */
  requests: number;
  /** The endpoints used: `current` (v2 observations, v3 scores, v2 metrics) or `legacy` (v3 self-hosted). */
  api: 'current' | 'legacy';
}

/** The Langfuse provider: a DataProvider that reports the progress of its loads and counts its requests. */
export interface LangfuseProvider extends DataProvider, ProgressSource {
  /** API requests sent so far by this provider (every attempt). */
  requestCount(): number;
}

/** `Basic` authorization value for a Langfuse public/secret key pair. */
export function langfuseBasicAuth(publicKey: string, secretKey: string): string {
  return `Basic ${btoa(`${publicKey}:${secretKey}`)}`;
}

interface Loaded {
  traces: Trace[];
  feedback: Feedback[];
  userIds: string[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Creates a DataProvider over Langfuse's public API (Basic auth through `headers`).
 *
 * - Current API first: v2 observations (cursor pages of 1 000, only the needed field groups), v3 scores from end
 *   users and reviewers (`API`, `ANNOTATION`; automated `EVAL` scores are not loaded), v2 metrics for the size of a
 *   load before it starts. A 404 on v2 observations or v3 scores switches to the legacy endpoints (v3 self-hosted).
 * - A user's questions load that user's range and its previous period; `listUsers` (and a cohort) loads every trace
 *   of the range. Each load has a request budget (`maxRequestsPerLoad`) and at most `maxTraces` traces, is shared by
 *   calls for `cacheTtlMs`, reports progress to {@link ProgressSource} subscribers, and stops when every caller
 *   waiting for it has aborted.
 * - Requests are paced (`requestsPerMinute`), 429s waited out (`Retry-After`), every attempt times out (`timeoutMs`).
 * - Figures follow Langfuse's definitions: usage and cost of every observation type, tokens of every `input…` /
 *   `output…` usage key. What a load leaves out is counted in its report (`onReport`), never dropped silently.
 */
export function createLangfuseProvider(options: LangfuseProviderOptions): LangfuseProvider {
  const { lookupUsers, cacheTtlMs = 60_000, maxTraces = 20_000, maxRequestsPerLoad = 100 } = options;
  const environments = typeof options.environment === 'string' ? [options.environment] : [...(options.environment ?? [])];
  const http = createLangfuseHttp(options);
  const api = createLangfuseApi(options.baseUrl, http);
  const hub = createProgressHub();
  const capabilities: ProviderCapabilities = Object.freeze({ feedback: true, cohorts: lookupUsers !== undefined, modelUsage: true, conversations: true });
  const loads = createSharedLoads<Loaded>(cacheTtlMs);
  const mode = { current: true, scoresV3: { available: true } };
  let configs: Promise<Map<string, LangfuseScoreConfig>> | undefined;
  const built = new Map<string, { parts: Loaded[]; provider: Promise<DataProvider> }>();

  async function run(id: string, w: LoadWindow, signal: AbortSignal): Promise<Loaded> {
    const sentBefore = http.sent();
    const budget: RequestBudget = { remaining: maxRequestsPerLoad, max: maxRequestsPerLoad, what: w.userId === undefined ? `the users list of ${iso(w.from)} – ${iso(w.to)}` : `the page of user ${JSON.stringify(w.userId)} for ${iso(w.from)} – ${iso(w.to)}` };
    const log = createIssueLog();
    const ctx: LoadContext = {
      api, budget, maxTraces, log, signal,
      progress: (loaded, expected) => hub.emit({ id, loaded, expected, done: false }),
      configs: () => (configs ??= api.offsetList({ path: '/api/public/score-configs', query: {}, item: langfuseScoreConfigSchema, limit: 100 }, { remaining: 10, max: 10, what: 'score configs' }, undefined).then((list) => new Map(list.map((c) => [c.id, c])))).catch((error: unknown) => {
        configs = undefined;
        throw error;
      }),
      ...(options.defaultUserId === undefined ? {} : { defaultUserId: options.defaultUserId }),
    };
    try {
      let data: { traces: Trace[]; feedback: Feedback[] };
      let used: LangfuseLoadReport['api'] = 'current';
      if (mode.current) {
        try {
          const current = await loadCurrent(w, ctx, mode.scoresV3);
          if (current.legacyScores) mode.scoresV3.available = false;
          data = current.legacyScores ? { traces: current.traces, feedback: await legacyFeedback(w, new Map(current.traces.map((t) => [t.id, t])), ctx) } : current;
        } catch (error) {
          if (!(error instanceof ProviderError && error.code === 'not-found' && error.status === 404)) throw error;
          mode.current = false;
        }
      }
      if (!mode.current) {
        used = 'legacy';
        data = await loadLegacy(w, ctx);
      }
      const loaded = data!;
      const userIds = w.userId !== undefined && loaded.traces.length === 0 && (await userExists(api, w.userId, environments, signal)) ? [w.userId] : [];
      options.onReport?.({
        id, api: used, requests: http.sent() - sentBefore,
        traceCount: loaded.traces.length,
        unattributedTraceCount: loaded.traces.filter((t) => t.userId === null).length,
        userCount: new Set(loaded.traces.flatMap((t) => (t.userId === null ? [] : [t.userId]))).size,
        feedbackCount: loaded.feedback.length,
        skipped: log.skipped, skippedCounts: countSkipped(log.skipped), flagged: log.flagged,
      });
      return { traces: loaded.traces, feedback: loaded.feedback, userIds };
    } finally {
      hub.emit({ id, loaded: 0, expected: null, done: true });
    }
  }

  const window = (from: number, to: number, userId?: string): LoadWindow => ({
    from, to, environments,
    ...(userId === undefined ? {} : { userId }),
    slackMs: options.observationSlackMs ?? 3_600_000,
    scoreSlackMs: options.scoreSlackMs ?? 7 * 86_400_000,
  });
  /** A user's range and its previous period (for the metrics' deltas): one load serves every section of the page. */
  const userLoad = (userId: string, from: number, to: number) => ({ key: `user:${userId}:${iso(from)}/${iso(to)}`, w: window(from - (to - from), to, userId), userIds: [userId] });
  const rangeLoad = (from: number, to: number) => ({ key: `range:${iso(from)}/${iso(to)}`, w: window(from, to), userIds: [] as string[] });

  async function build(parts: Loaded[], extraIds: readonly string[]): Promise<DataProvider> {
    const traces = new Map(parts.flatMap((p) => p.traces.map((t) => [t.id, t] as const)));
    const feedback = new Map(parts.flatMap((p) => p.feedback.map((f) => [f.id, f] as const)));
    const ids = [...new Set([...[...traces.values()].flatMap((t) => (t.userId === null ? [] : [t.userId])), ...parts.flatMap((p) => p.userIds)])];
    const known = new Map((lookupUsers ? await lookupUsers([...new Set([...ids, ...extraIds])]) : []).map((u) => [u.id, u]));
    const users = [...new Set([...ids, ...known.keys()])].map((id) => known.get(id) ?? { id, metadata: {} });
    return createMemoryProvider({ users, traces: [...traces.values()], feedback: [...feedback.values()], capabilities });
  }

  /** The memory provider over `specs`' loads; rejects at once when `signal` aborts. */
  async function over(signal: AbortSignal | undefined, ...specs: ReturnType<typeof rangeLoad>[]): Promise<DataProvider> {
    throwIfAborted(signal);
    const parts = await Promise.all(specs.map((s) => loads(s.key, (loadSignal) => run(s.key, s.w, loadSignal), signal)));
    const key = specs.map((s) => s.key).join('|');
    const hit = built.get(key);
    if (hit !== undefined && hit.parts.every((p, i) => p === parts[i])) return hit.provider;
    const provider = build(parts, specs.flatMap((s) => s.userIds));
    built.set(key, { parts, provider });
    if (built.size > 32) built.delete(built.keys().next().value as string);
    return provider;
  }

  function overUserAndCohort(params: GetUserMetricsParams | GetUserTrendsParams): Promise<DataProvider> {
    throwIfAborted(params.signal);
    const range = parseRange(params.range);
    const user = userLoad(parseUserId(params.userId), range.from, range.to);
    const compare = params.compare as { cohort?: unknown; population?: boolean } | undefined;
    // A cohort and the population read every user's traces of the range: the range load serves both.
    return over(params.signal, ...(compare?.cohort || compare?.population ? [user, rangeLoad(range.from, range.to)] : [user]));
  }

  function perUser<P extends { userId: string; signal?: AbortSignal; range: { from: string; to: string } }, R>(call: (p: DataProvider, params: P) => Promise<R>) {
    return async (params: P): Promise<R> => {
      throwIfAborted(params.signal);
      const range = parseRange(params.range);
      return call(await over(params.signal, userLoad(parseUserId(params.userId), range.from, range.to)), params);
    };
  }

  return {
    capabilities,
    subscribeProgress: hub.subscribeProgress,
    requestCount: http.sent,
    listUsers: async (params) => {
      throwIfAborted(params.signal);
      const range = parseRange(params.range);
      return (await over(params.signal, rangeLoad(range.from, range.to))).listUsers(params);
    },
    getUser: async ({ userId, signal }) => {
      throwIfAborted(signal);
      const id = parseUserId(userId);
      const known = lookupUsers ? (await lookupUsers([id])).find((u) => u.id === id) : undefined;
      if (known !== undefined) return known;
      if (!(await userExists(api, id, environments, signal))) throw new ProviderError('not-found', `Unknown user ${JSON.stringify(id)}`, { field: 'userId' });
      return { id, metadata: {} };
    },
    getUserMetrics: async (params) => (await overUserAndCohort(params)).getUserMetrics(params),
    getUserTrends: async (params) => (await overUserAndCohort(params)).getUserTrends(params),
    getModelUsage: perUser((p, params) => p.getModelUsage(params)),
    getFeedback: perUser((p, params) => p.getFeedback(params)),
    listFeedbackComments: perUser((p, params) => p.listFeedbackComments(params)),
    listConversations: perUser((p, params) => p.listConversations(params)),
    listTraces: perUser((p, params) => p.listTraces(params)),
  };
}
