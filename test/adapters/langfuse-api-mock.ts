/**
 * A mock Langfuse public API for tests: msw handlers answering `GET /api/public/traces`, `/api/public/observations`,
 * `/api/public/v2/scores` and `/api/public/score-configs` in the shapes of Langfuse's API definition
 * (`TraceWithDetails`, `ObservationsView`, `GetScoresResponseData`, `ScoreConfig`, `meta` pagination), with Basic
 * auth and the query filters the provider uses. Data comes from the contract dataset or from the UI-export fixtures.
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
  /** Every request URL received, in order. */
  requests: URL[];
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
    usage: { input: 0, output: 0, total: 0, unit: 'TOKENS' },
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
    observations.push(observation(t, { id: `${t.id}-root`, type: 'SPAN', name: t.name ?? 'run', startTime: t.startTime, endTime: end, level: t.status === 'error' ? 'ERROR' : 'DEFAULT', statusMessage: t.status === 'error' ? (t.errorType ?? null) : null }));
    if (t.model === undefined && t.inputTokens === undefined && t.outputTokens === undefined && t.costUsd === undefined) continue;
    const [inA, inB] = half(t.inputTokens ?? 0);
    const [outA, outB] = half(t.outputTokens ?? 0);
    const usage = (i: number, o: number): Row => ({
      ...(t.inputTokens === undefined ? {} : { input: i }),
      ...(t.outputTokens === undefined ? {} : { output: o }),
      ...(t.inputTokens === undefined || t.outputTokens === undefined ? {} : { total: i + o }),
    });
    const cost = t.costUsd === undefined ? {} : { total: t.costUsd / 2 };
    observations.push(observation(t, { id: `${t.id}-gen-a`, type: 'GENERATION', parentObservationId: `${t.id}-root`, model: t.model ?? null, startTime: t.startTime, endTime: end, usageDetails: usage(inA, outA), costDetails: cost }));
    observations.push(observation(t, { id: `${t.id}-gen-b`, type: 'GENERATION', parentObservationId: `${t.id}-gen-a`, model: t.model ?? null, startTime: new Date(start + 1).toISOString(), endTime: end, usageDetails: usage(inB, outB), costDetails: cost }));
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

/** UI-export files as the API serves them: the trace without inline observations and scores, the observations apart. */
export function exportsAsLangfuse(files: readonly string[]): LangfuseData {
  const out: LangfuseData = { traces: [], observations: [], scores: [], configs: [] };
  for (const text of files) {
    const { trace, observations } = JSON.parse(text) as { trace: Row & { observations: Row[]; scores: Row[] }; observations: Row[] };
    out.traces.push({ ...trace, htmlPath: `/traces/${String(trace.id)}`, observations: observations.map((o) => o.id), scores: [] });
    out.observations.push(...observations);
  }
  return out;
}

function page(rows: Row[], url: URL): Response {
  const n = Number(url.searchParams.get('page') ?? '1');
  const limit = Number(url.searchParams.get('limit') ?? '50');
  const data = rows.slice((n - 1) * limit, n * limit);
  return HttpResponse.json({ data, meta: { page: n, limit, totalItems: rows.length, totalPages: Math.ceil(rows.length / limit) } });
}

const inRange = (iso: unknown, from: string | null, to: string | null): boolean =>
  (from === null || Date.parse(String(iso)) >= Date.parse(from)) && (to === null || Date.parse(String(iso)) < Date.parse(to));

/** msw handlers serving `data` under `baseUrl`, answering 401 unless the `Authorization` header is `authorization`. */
export function createLangfuseMock(baseUrl: string, authorization: string, data: LangfuseData): LangfuseMock {
  const requests: URL[] = [];
  const userOf = new Map(data.traces.map((t) => [t.id, t.userId]));
  const route = (path: string, rows: (q: URLSearchParams) => Row[]) =>
    http.get(`${baseUrl}${path}`, ({ request }) => {
      const url = new URL(request.url);
      requests.push(url);
      if (request.headers.get('authorization') !== authorization) return HttpResponse.json({ message: 'Invalid credentials' }, { status: 401 });
      return page(rows(url.searchParams), url);
    });
  const user = (q: URLSearchParams, id: unknown) => q.get('userId') === null || q.get('userId') === id;
  return {
    requests,
    handlers: [
      route('/api/public/traces', (q) =>
        data.traces
          .filter((t) => user(q, t.userId) && inRange(t.timestamp, q.get('fromTimestamp'), q.get('toTimestamp')))
          .sort((a, b) => Date.parse(String(b.timestamp)) - Date.parse(String(a.timestamp))),
      ),
      route('/api/public/observations', (q) =>
        data.observations.filter(
          (o) =>
            user(q, userOf.get(o.traceId)) &&
            (q.get('type') === null || o.type === q.get('type')) &&
            (q.get('level') === null || o.level === q.get('level')) &&
            inRange(o.startTime, q.get('fromStartTime'), q.get('toStartTime')),
        ),
      ),
      route('/api/public/v2/scores', (q) => data.scores.filter((s) => user(q, (s.trace as Row | undefined)?.userId) && inRange(s.timestamp, q.get('fromTimestamp'), q.get('toTimestamp')))),
      route('/api/public/score-configs', () => data.configs),
    ],
  };
}
