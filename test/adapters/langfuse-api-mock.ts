/**
 * A mock Langfuse public API for tests, shaped from Langfuse's API definition (langfuse/langfuse
 * `fern/apis/server/definition/`):
 * - current: `GET /api/public/v2/observations` (`observations.yml`: cursor pages, `fields` groups core, basic, usage,
 *   model, trace_context, io; filters userId, environment, fromStartTime, toStartTime; limit ≤ 1000),
 *   `GET /api/public/v3/scores` (`scores-v3.yml`: polymorphic `value`, `subject` with `fields=subject`, filters
 *   traceId list, source list, fromTimestamp, toTimestamp; limit ≤ 100), `GET /api/public/v2/metrics`
 *   (`metrics.yml`: observations view, count by `isRootObservation`, userId / environment filters);
 * - legacy (v3 self-hosted): `GET /api/public/traces`, `/api/public/observations`, `/api/public/v2/scores`
 *   (`meta` offset pagination), and `GET /api/public/score-configs` on both.
 * With Basic auth, an optional rate limit (429 with `Retry-After` past N requests a minute, on `Date.now()` so fake
 * timers drive it) and `legacy: true` to answer 404 on the current endpoints. Data comes from the contract dataset or
 * from the UI-export fixtures.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Trace } from '../../src/core/model';
import type { ContractDataset } from '../../src/testing/contract/contract-dataset';

type Row = Record<string, unknown>;

/** What the mock serves. */
export interface LangfuseData {
  /** `TraceWithDetails` items. */
  traces: Row[];
  /** `ObservationsView` items. */
  observations: Row[];
  /** v2 score items (with `trace: { userId }`). */
  scores: Row[];
  /** Score configs. */
  configs: Row[];
}

/** A running mock: its handlers and the requests it received. */
export interface LangfuseMock {
  /** msw handlers. */
  handlers: HttpHandler[];
  /** Every request URL received, in order (429 answers included). */
  requests: URL[];
  /** Requests answered 429. */
  limited: () => number;
}

/** How the mock behaves. */
export interface LangfuseMockOptions {
  /** Answer 404 on v2 observations, v3 scores and v2 metrics, as a v3 self-hosted instance without them. */
  legacy?: boolean;
  /** Answer 429 (with `Retry-After`) past this many requests in any 60 s, as Langfuse Cloud does per plan. */
  requestsPerMinute?: number;
}

const PROJECT = 'proj-test';

function observation(trace: Trace, o: Row): Row {
  return {
    traceId: trace.id,
    projectId: PROJECT,
    environment: 'default',
    name: null,
    endTime: null,
    completionStartTime: null,
    model: null,
    modelParameters: null,
    input: null,
    output: null,
    version: null,
    metadata: null,
    level: 'DEFAULT',
    statusMessage: null,
    parentObservationId: null,
    promptId: null,
    promptName: null,
    promptVersion: null,
    modelId: null,
    inputPrice: null,
    outputPrice: null,
    totalPrice: null,
    calculatedInputCost: null,
    calculatedOutputCost: null,
    calculatedTotalCost: null,
    latency: null,
    timeToFirstToken: null,
    usageDetails: {},
    costDetails: {},
    ...o,
  };
}

const half = (n: number): [number, number] => [Math.floor(n / 2), n - Math.floor(n / 2)];

/**
 * The contract dataset as Langfuse would hold it: one trace per trace (latency in seconds, session = conversation),
 * a root SPAN (level ERROR with the error type as status message when failed) and, when the trace has a model,
 * tokens or cost, an outer GENERATION with a nested GENERATION, splitting tokens and cost in two, so that only
 * counting each generation once gives the trace's numbers. Feedback becomes scores (`helpfulness` numeric on a
 * 1–5 score config, booleans, categories).
 */
export function contractAsLangfuse(dataset: ContractDataset): LangfuseData {
  const traces: Row[] = [];
  const observations: Row[] = [];
  for (const t of dataset.traces) {
    const start = Date.parse(t.startTime);
    traces.push({
      id: t.id,
      timestamp: t.startTime,
      name: t.name ?? null,
      input: t.inputPreview ?? null,
      output: t.outputPreview ?? null,
      sessionId: t.conversationId ?? null,
      release: t.release ?? null,
      version: null,
      userId: t.userId,
      metadata: null,
      tags: t.tags ?? [],
      public: false,
      environment: 'default',
      htmlPath: `/project/${PROJECT}/traces/${t.id}`,
      latency: t.latencyMs / 1000,
      totalCost: t.costUsd ?? 0,
      observations: [],
      scores: [],
    });
    const end = new Date(start + t.latencyMs).toISOString();
    const context = { userId: t.userId, sessionId: t.conversationId ?? null, traceName: t.name ?? null, release: t.release ?? null, tags: t.tags ?? [] };
    observations.push(observation(t, { ...context, id: `${t.id}-root`, type: 'SPAN', name: t.name ?? null, isRootObservation: true, startTime: t.startTime, endTime: end, input: t.inputPreview ?? null, output: t.outputPreview ?? null, level: t.status === 'error' ? 'ERROR' : 'DEFAULT', statusMessage: t.status === 'error' ? (t.errorType ?? null) : null }));
    if (t.model === undefined && t.inputTokens === undefined && t.outputTokens === undefined && t.costUsd === undefined) continue;
    const [inA, inB] = half(t.inputTokens ?? 0);
    const [outA, outB] = half(t.outputTokens ?? 0);
    const usage = (i: number, o: number): Row => ({
      ...(t.inputTokens === undefined ? {} : { input: i }),
      ...(t.outputTokens === undefined ? {} : { output: o }),
      ...(t.inputTokens === undefined || t.outputTokens === undefined ? {} : { total: i + o }),
    });
    const cost = t.costUsd === undefined ? {} : { total: t.costUsd / 2 };
    observations.push(observation(t, { ...context, isRootObservation: false, id: `${t.id}-gen-a`, type: 'GENERATION', parentObservationId: `${t.id}-root`, model: t.model ?? null, startTime: t.startTime, endTime: end, usageDetails: usage(inA, outA), costDetails: cost }));
    observations.push(observation(t, { ...context, isRootObservation: false, id: `${t.id}-gen-b`, type: 'GENERATION', parentObservationId: `${t.id}-gen-a`, model: t.model ?? null, startTime: new Date(start + 1).toISOString(), endTime: end, usageDetails: usage(inB, outB), costDetails: cost }));
  }
  const userOf = new Map(dataset.traces.map((t) => [t.id, t.userId]));
  const scores = dataset.feedback.map((f) => {
    const base = { id: f.id, traceId: f.traceId, sessionId: null, observationId: null, datasetRunId: null, name: f.key, source: 'API', timestamp: f.createdAt, createdAt: f.createdAt, updatedAt: f.createdAt, authorUserId: null, comment: f.comment ?? null, metadata: null, configId: null, queueId: null, environment: 'default', trace: { userId: userOf.get(f.traceId), tags: [], environment: 'default' } };
    if (typeof f.value === 'boolean') return { ...base, dataType: 'BOOLEAN', value: f.value ? 1 : 0, stringValue: f.value ? 'True' : 'False' };
    if (typeof f.value === 'string') return { ...base, dataType: 'CATEGORICAL', value: 0, stringValue: f.value };
    if (f.key !== 'helpfulness') throw new Error(`no score config for numeric key ${f.key}`);
    return { ...base, dataType: 'NUMERIC', value: f.value, configId: 'cfg-helpfulness' };
  });
  const configs = [{ id: 'cfg-helpfulness', name: 'helpfulness', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', projectId: PROJECT, dataType: 'NUMERIC', isArchived: false, minValue: 1, maxValue: 5 }];
  return { traces, observations, scores, configs };
}

/**
 * UI-export files as the API serves them: the trace without inline observations and scores, the observations apart
 * (with the trace context v2 observations carry: userId, sessionId, isRootObservation, traceName, release, tags), the
 * scores with their trace. Traces repeated across files are served once.
 */
export function exportsAsLangfuse(files: readonly string[]): LangfuseData {
  const out: LangfuseData = { traces: [], observations: [], scores: [], configs: [] };
  const seen = new Set<unknown>();
  for (const text of files) {
    const { trace, observations } = JSON.parse(text) as { trace: Row & { observations: Row[]; scores: Row[] }; observations: Row[] };
    if (seen.has(trace.id)) continue;
    seen.add(trace.id);
    out.traces.push({ ...trace, htmlPath: `/traces/${String(trace.id)}`, observations: observations.map((o) => o.id), scores: [] });
    const context = { userId: trace.userId ?? null, sessionId: trace.sessionId ?? null, traceName: trace.name ?? null, release: trace.release ?? null, tags: trace.tags ?? [] };
    out.observations.push(...observations.map((o) => ({ ...o, ...context, isRootObservation: !o.parentObservationId, ...(o.parentObservationId ? {} : { input: trace.input ?? o.input, output: trace.output ?? o.output }) })));
    out.scores.push(...(trace.scores ?? []).map((sc) => ({ ...sc, trace: { userId: trace.userId ?? null } })));
  }
  return out;
}

function page(rows: Row[], url: URL): Response {
  const n = Number(url.searchParams.get('page') ?? '1');
  const limit = Number(url.searchParams.get('limit') ?? '50');
  const data = rows.slice((n - 1) * limit, n * limit);
  return HttpResponse.json({ data, meta: { page: n, limit, totalItems: rows.length, totalPages: Math.ceil(rows.length / limit) } });
}

/** A cursor page: the cursor is the base64 offset of the next item; no cursor on the last page. */
function cursorPage(rows: Row[], url: URL, max: number): Response {
  const limit = Number(url.searchParams.get('limit') ?? '50');
  if (!(limit >= 1 && limit <= max)) return HttpResponse.json({ message: `limit must be 1..${max}` }, { status: 400 });
  const cursor = url.searchParams.get('cursor');
  const offset = cursor === null ? 0 : Number(atob(cursor));
  const data = rows.slice(offset, offset + limit);
  const next = offset + limit < rows.length ? btoa(String(offset + limit)) : undefined;
  return HttpResponse.json({ data, meta: next === undefined ? {} : { cursor: next } });
}

const inRange = (iso: unknown, from: string | null, to: string | null): boolean =>
  (from === null || Date.parse(String(iso)) >= Date.parse(from)) && (to === null || Date.parse(String(iso)) < Date.parse(to));

/** The `fields` groups of v2 observations (`observations.yml`). */
const OBSERVATION_GROUPS: Record<string, readonly string[]> = {
  core: ['id', 'traceId', 'startTime', 'endTime', 'projectId', 'parentObservationId', 'type'],
  basic: ['name', 'level', 'statusMessage', 'version', 'environment', 'bookmarked', 'public', 'userId', 'sessionId', 'isRootObservation'],
  io: ['input', 'output'],
  model: ['providedModelName', 'internalModelId', 'modelParameters'],
  usage: ['usageDetails', 'costDetails', 'totalCost', 'usagePricingTierName'],
  trace_context: ['tags', 'release', 'traceName'],
};

/** An observation as v2 serves it: only the requested field groups (`core` and `basic` by default). */
function v2Observation(o: Row, groups: readonly string[]): Row {
  const out: Row = {};
  const full: Row = { ...o, providedModelName: o.model ?? null, totalCost: o.calculatedTotalCost ?? o.totalCost ?? 0 };
  for (const g of ['core', ...groups]) for (const key of OBSERVATION_GROUPS[g] ?? []) if (key in full) out[key] = full[key];
  return out;
}

/** A score as v3 serves it: polymorphic `value`, `subject` only with `fields=subject`, details with `fields=details`. */
function v3Score(s: Row, groups: readonly string[]): Row {
  const value = s.dataType === 'NUMERIC' ? s.value : s.dataType === 'BOOLEAN' ? s.value === 1 : s.stringValue;
  const out: Row = { id: s.id, projectId: PROJECT, name: s.name, value, dataType: s.dataType, source: s.source, timestamp: s.timestamp, environment: s.environment ?? 'default', createdAt: s.createdAt ?? s.timestamp, updatedAt: s.updatedAt ?? s.timestamp };
  if (groups.includes('details')) Object.assign(out, { comment: s.comment ?? null, configId: s.configId ?? null, metadata: s.metadata ?? {} });
  if (groups.includes('subject')) {
    out.subject = s.traceId ? (s.observationId ? { kind: 'observation', id: s.observationId, traceId: s.traceId } : { kind: 'trace', id: s.traceId }) : { kind: 'session', id: s.sessionId };
  }
  return out;
}

const list = (q: URLSearchParams, key: string): string[] | null => (q.get(key) === null ? null : String(q.get(key)).split(',').map((v) => v.trim()).filter((v) => v !== ''));

/** msw handlers serving `data` under `baseUrl`, answering 401 unless the `Authorization` header is `authorization`. */
export function createLangfuseMock(baseUrl: string, authorization: string, data: LangfuseData, options: LangfuseMockOptions = {}): LangfuseMock {
  const requests: URL[] = [];
  const starts: number[] = [];
  let limited = 0;
  const userOf = new Map(data.traces.map((t) => [t.id, t.userId]));
  const route = (path: string, answer: (q: URLSearchParams, url: URL) => Response, current = false) =>
    http.get(`${baseUrl}${path}`, ({ request }) => {
      const url = new URL(request.url);
      requests.push(url);
      const now = Date.now();
      while (starts.length > 0 && (starts[0] as number) <= now - 60_000) starts.shift();
      if (options.requestsPerMinute !== undefined && starts.length >= options.requestsPerMinute) {
        limited++;
        const retryAfter = Math.ceil(((starts[0] as number) + 60_000 - now) / 1000);
        return HttpResponse.json({ message: 'Rate limit exceeded' }, { status: 429, headers: { 'Retry-After': String(retryAfter) } });
      }
      starts.push(now);
      if (request.headers.get('authorization') !== authorization) return HttpResponse.json({ message: 'Invalid credentials' }, { status: 401 });
      if (current && options.legacy) return HttpResponse.json({ message: 'Not found' }, { status: 404 });
      return answer(url.searchParams, url);
    });
  const user = (q: URLSearchParams, id: unknown) => q.get('userId') === null || q.get('userId') === id;
  const env = (q: URLSearchParams, e: unknown) => q.getAll('environment').length === 0 || q.getAll('environment').includes(String(e ?? 'default'));
  const observationsOf = (q: URLSearchParams, from: string | null, to: string | null) =>
    data.observations.filter((o) => user(q, userOf.get(o.traceId)) && env(q, o.environment) && inRange(o.startTime, from, to));
  return {
    requests,
    limited: () => limited,
    handlers: [
      route('/api/public/v2/observations', (q, url) => {
        const groups = (q.get('fields') ?? 'core,basic').split(',');
        const rows = observationsOf(q, q.get('fromStartTime'), q.get('toStartTime'));
        return cursorPage(rows.map((o) => v2Observation(o, groups)), url, 1000);
      }, true),
      route('/api/public/v3/scores', (q, url) => {
        const traceIds = list(q, 'traceId');
        const sources = list(q, 'source')?.map((v) => v.toUpperCase()) ?? null;
        const rows = data.scores.filter((s) => (traceIds === null || traceIds.includes(String(s.traceId))) && (sources === null || sources.includes(String(s.source))) && inRange(s.timestamp, q.get('fromTimestamp'), q.get('toTimestamp')));
        return cursorPage(rows.map((s) => v3Score(s, (q.get('fields') ?? '').split(','))), url, 100);
      }, true),
      route('/api/public/v2/metrics', (q) => {
        const query = JSON.parse(q.get('query') ?? '{}') as { filters?: { column: string; value: unknown }[]; fromTimestamp: string; toTimestamp: string; dimensions?: { field: string }[] };
        const userFilter = query.filters?.find((f) => f.column === 'userId')?.value;
        const rows = data.observations.filter((o) => (userFilter === undefined || userOf.get(o.traceId) === userFilter) && inRange(o.startTime, query.fromTimestamp, query.toTimestamp));
        if (!query.dimensions?.some((d) => d.field === 'isRootObservation')) return HttpResponse.json({ data: [{ count_count: rows.length }] });
        const roots = rows.filter((o) => o.isRootObservation === true).length;
        return HttpResponse.json({ data: [{ isRootObservation: true, count_count: roots }, { isRootObservation: false, count_count: rows.length - roots }].filter((r) => r.count_count > 0) });
      }, true),
      route('/api/public/traces', (q, url) =>
        page(
          data.traces
            .filter((t) => user(q, t.userId) && env(q, t.environment) && inRange(t.timestamp, q.get('fromTimestamp'), q.get('toTimestamp')))
            .sort((a, b) => Date.parse(String(b.timestamp)) - Date.parse(String(a.timestamp))),
          url,
        ),
      ),
      route('/api/public/observations', (q, url) => page(observationsOf(q, q.get('fromStartTime'), q.get('toStartTime')), url)),
      route('/api/public/v2/scores', (q, url) => page(data.scores.filter((s) => user(q, (s.trace as Row | undefined)?.userId) && inRange(s.timestamp, q.get('fromTimestamp'), q.get('toTimestamp'))), url)),
      route('/api/public/score-configs', (_q, url) => page(data.configs, url)),
    ],
  };
}
