/**
 * `createLangfuseProvider`: a DataProvider over the Langfuse public API. Langfuse's API lists traces,
 * observations and scores but cannot compute percentiles, buckets, attention or model switches per user, so the
 * provider loads the traces a question needs (a user's whole history, or every trace of a range), maps them like
 * `fromLangfuseExport` does, and answers with userscope's engine (a memory provider), caching each load briefly.
 * @module
 */
import type { DataProvider, GetUserMetricsParams, GetUserTrendsParams, ProviderCapabilities } from '../../core/contract';
import { throwIfAborted } from '../../core/errors';
import type { Feedback, Trace, User } from '../../core/model';
import { createMemoryProvider } from '../memory/create-memory-provider';
import { parseRange, parseUserId } from '../memory/validate-params';
import { createIssueLog } from '../import/import-report';
import { raceAbort, type HttpOptions } from '../rest/http';
import { createLangfuseApi } from './langfuse-api';
import { feedbackFromScore, traceFromLangfuse } from './map-langfuse';
import { langfuseListedTraceSchema, langfuseObservationSchema, langfuseScoreConfigSchema, langfuseScoreSchema, type LangfuseObservation, type LangfuseScoreConfig } from './schemas';

/** Options of {@link createLangfuseProvider}. */
export interface LangfuseProviderOptions extends HttpOptions {
  /** The Langfuse instance, e.g. `https://cloud.langfuse.com` (no `/api/public`). */
  baseUrl: string;
  /** Credentials: `() => ({ Authorization: langfuseBasicAuth(publicKey, secretKey) })`. Never logged. */
  headers: () => HeadersInit | Promise<HeadersInit>;
  /**
   * Profiles of users (display name, email, metadata), which Langfuse does not store: called with the user ids a
   * question involves, returns those it knows. Without it users are `{ id, metadata: {} }` and cohorts are off.
   */
  lookupUsers?: (userIds: readonly string[]) => readonly User[] | Promise<readonly User[]>;
  /** Items per API page (Langfuse caps it at 100). Default 100. */
  pageSize?: number;
  /** How long a load is reused, in ms; 0 reloads on every call. Default 60 000. */
  cacheTtlMs?: number;
  /** Most traces one load may hold; a larger range rejects with `invalid-data` naming `range`. Default 20 000. */
  maxTraces?: number;
  /** How far observations may start outside their trace's range when a whole range is loaded, in ms. Default 1 h. */
  observationSlackMs?: number;
}

/** `Basic` authorization value for a Langfuse public/secret key pair. */
export function langfuseBasicAuth(publicKey: string, secretKey: string): string {
  return `Basic ${btoa(`${publicKey}:${secretKey}`)}`;
}

interface Loaded {
  traces: Trace[];
  feedback: Feedback[];
}

/** A load: its cache key, the users it is about and how to perform it. */
interface LoadSpec {
  key: string;
  userIds: string[];
  run: () => Promise<Loaded>;
}

/** Memoises promises for `ttlMs`; a rejected promise is forgotten at once, expired ones at the next miss. */
function ttlCache<T>(ttlMs: number): (key: string, make: () => Promise<T>) => Promise<T> {
  const entries = new Map<string, { expires: number; value: Promise<T> }>();
  return (key, make) => {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit !== undefined && hit.expires > now) return hit.value;
    for (const [k, entry] of entries) if (entry.expires <= now) entries.delete(k);
    const value = make();
    entries.set(key, { expires: now + ttlMs, value });
    value.catch(() => entries.get(key)?.value === value && entries.delete(key));
    return value;
  };
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Creates a DataProvider over Langfuse's public API (`/api/public/traces`, `/api/public/observations`,
 * `/api/public/v2/scores`, `/api/public/score-configs`; Basic auth through `headers`; `meta` pagination).
 *
 * - Per-user questions load the user's whole history; `listUsers` (and a cohort comparison) loads every trace of the
 *   range, at most `maxTraces`. Loads are shared between calls for `cacheTtlMs` and are not cancelled when one
 *   caller aborts (the caller's promise rejects with `aborted` at once).
 * - Traces map like `fromLangfuseExport`: latency seconds → ms, tokens, cost and model from GENERATION observations,
 *   `error` when an observation has level ERROR, session → conversation, scores → feedback (numeric scores are
 *   normalised on their score config's bounds). Traces without a user are left out.
 * - Conversations come from the traces' `sessionId`, so the sessions endpoint is not needed.
 * - Everything the API answers is validated: a bad field rejects with `invalid-data` naming it (`data[3].latency`).
 */
export function createLangfuseProvider(options: LangfuseProviderOptions): DataProvider {
  const { lookupUsers, cacheTtlMs = 60_000, maxTraces = 20_000, observationSlackMs = 3_600_000 } = options;
  const api = createLangfuseApi(options.baseUrl, options.pageSize ?? 100, options);
  const capabilities: ProviderCapabilities = Object.freeze({ feedback: true, cohorts: lookupUsers !== undefined, modelUsage: true, conversations: true });
  const loads = ttlCache<Loaded>(cacheTtlMs);
  const providers = ttlCache<DataProvider>(cacheTtlMs);
  const configs = ttlCache<Map<string, LangfuseScoreConfig>>(cacheTtlMs);

  const scoreConfigs = () =>
    configs('configs', async () => new Map((await api.list('/api/public/score-configs', {}, langfuseScoreConfigSchema)).map((c) => [c.id, c])));

  async function load(traceQuery: Record<string, string | undefined>, observationQuery: Record<string, string | undefined>, scoreQuery: Record<string, string | undefined>): Promise<Loaded> {
    const [listed, generations, errors, scores, configMap] = await Promise.all([
      api.list('/api/public/traces', { ...traceQuery, fields: 'core,io,metrics' }, langfuseListedTraceSchema, maxTraces),
      api.list('/api/public/observations', { ...observationQuery, type: 'GENERATION' }, langfuseObservationSchema),
      api.list('/api/public/observations', { ...observationQuery, level: 'ERROR' }, langfuseObservationSchema),
      api.list('/api/public/v2/scores', scoreQuery, langfuseScoreSchema),
      scoreConfigs(),
    ]);
    const byTrace = new Map<string, Map<string, LangfuseObservation>>();
    for (const o of [...generations, ...errors]) {
      if (!o.traceId) continue;
      let group = byTrace.get(o.traceId);
      if (group === undefined) byTrace.set(o.traceId, (group = new Map()));
      group.set(o.id, o);
    }
    const log = createIssueLog();
    const traces = new Map<string, Trace>();
    for (const t of listed) {
      const trace = traceFromLangfuse(t, [...(byTrace.get(t.id)?.values() ?? [])], log);
      if (trace !== null) traces.set(trace.id, trace);
    }
    const feedback: Feedback[] = [];
    const seen = new Set<string>();
    for (const s of scores) {
      const trace = s.traceId ? traces.get(s.traceId) : undefined;
      if (trace === undefined || seen.has(s.id)) continue;
      seen.add(s.id);
      const f = feedbackFromScore(s, trace, configMap, log);
      if (f !== null) feedback.push(f);
    }
    return { traces: [...traces.values()], feedback };
  }

  const userLoad = (userId: string): LoadSpec => ({
    key: `user:${userId}`,
    userIds: [userId],
    run: () => load({ userId }, { userId }, { userId }),
  });
  const rangeLoad = (from: number, to: number): LoadSpec => ({
    key: `range:${from}:${to}`,
    userIds: [],
    run: () =>
      load(
        { fromTimestamp: iso(from), toTimestamp: iso(to) },
        { fromStartTime: iso(from - observationSlackMs), toStartTime: iso(to + observationSlackMs) },
        { fromTimestamp: iso(from) },
      ),
  });

  async function build(specs: readonly LoadSpec[]): Promise<DataProvider> {
    const parts = await Promise.all(specs.map((s) => loads(s.key, s.run)));
    const traces = new Map(parts.flatMap((p) => p.traces.map((t) => [t.id, t] as const)));
    const feedback = new Map(parts.flatMap((p) => p.feedback.map((f) => [f.id, f] as const)));
    const ids = [...new Set([...traces.values()].map((t) => t.userId))];
    const known = new Map((lookupUsers ? await lookupUsers([...new Set([...ids, ...specs.flatMap((s) => s.userIds)])]) : []).map((u) => [u.id, u]));
    const users = [...new Set([...ids, ...known.keys()])].map((id) => known.get(id) ?? { id, metadata: {} });
    return createMemoryProvider({ users, traces: [...traces.values()], feedback: [...feedback.values()], capabilities });
  }

  /** The memory provider over `specs`' loads, shared for `cacheTtlMs`; rejects at once when `signal` aborts. */
  function over(signal: AbortSignal | undefined, ...specs: LoadSpec[]): Promise<DataProvider> {
    throwIfAborted(signal);
    return raceAbort(providers(JSON.stringify(specs.map((s) => s.key)), () => build(specs)), signal);
  }

  /** A provider over the user's history and, when the call compares with a cohort, every trace of the range. */
  function overUserAndCohort(params: GetUserMetricsParams | GetUserTrendsParams): Promise<DataProvider> {
    throwIfAborted(params.signal);
    const range = parseRange(params.range);
    const user = userLoad(parseUserId(params.userId));
    return over(params.signal, ...(params.compare?.cohort ? [user, rangeLoad(range.from, range.to)] : [user]));
  }

  function perUser<P extends { userId: string; signal?: AbortSignal; range?: { from: string; to: string } }, R>(call: (p: DataProvider, params: P) => Promise<R>) {
    return async (params: P): Promise<R> => {
      throwIfAborted(params.signal);
      if (params.range !== undefined) parseRange(params.range);
      return call(await over(params.signal, userLoad(parseUserId(params.userId))), params);
    };
  }

  return {
    capabilities,
    listUsers: async (params) => {
      throwIfAborted(params.signal);
      const range = parseRange(params.range);
      return (await over(params.signal, rangeLoad(range.from, range.to))).listUsers(params);
    },
    getUser: perUser((p, params) => p.getUser(params)),
    getUserMetrics: async (params) => (await overUserAndCohort(params)).getUserMetrics(params),
    getUserTrends: async (params) => (await overUserAndCohort(params)).getUserTrends(params),
    getModelUsage: perUser((p, params) => p.getModelUsage(params)),
    getFeedback: perUser((p, params) => p.getFeedback(params)),
    listFeedbackComments: perUser((p, params) => p.listFeedbackComments(params)),
    listConversations: perUser((p, params) => p.listConversations(params)),
    listTraces: perUser((p, params) => p.listTraces(params)),
  };
}
