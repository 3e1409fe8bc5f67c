/**
 * `docs/rest-api.yaml` is generated, never written by hand: this test rebuilds it from the route table and the zod
 * schemas the client validates with (via `z.toJSONSchema`), with examples computed by the memory provider over the
 * contract dataset, and fails when the committed file differs. Regenerate it with
 * `UPDATE_REST_API_DOC=1 npx vitest run test/adapters/rest-openapi.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { restErrorBodySchema } from '../../src/adapters/rest/error-body';
import { filtersParamSchema, REST_ROUTES, sortingParamSchema, type RestMethodName, type RestQueryParam } from '../../src/adapters/rest/routes';
import * as records from '../../src/core/schema/records';
import * as results from '../../src/core/schema/results';
import { validate } from '../../src/core/schema/validate';
import { contractDataset, contractRanges } from '../../src/testing/contract/contract-dataset';

const DOC_PATH = resolve(__dirname, '../../docs/rest-api.yaml');
const SCHEMA_REF = '#/components/schemas/';

/** Named components: every record and result schema, the page schemas of the routes, params and the error body. */
function namedSchemas(): [string, z.core.$ZodType][] {
  const route = (m: RestMethodName) => REST_ROUTES.find((r) => r.method === m)!.response;
  return [
    ['Timestamp', records.isoTimestampSchema],
    ['MetadataValue', records.metadataValueSchema],
    ['FeedbackValue', records.feedbackValueSchema],
    ['User', records.userSchema],
    ['Trace', records.traceSchema],
    ['TraceRow', results.traceRowSchema],
    ['Granularity', results.granularitySchema],
    ['SparkPoint', results.sparkPointSchema],
    ['AttentionReason', results.attentionReasonSchema],
    ['UserRow', results.userRowSchema],
    ['UserRowPage', route('listUsers')],
    ['UsersSummary', results.usersSummarySchema],
    ['DistributionMetric', results.distributionMetricSchema],
    ['DistributionBin', results.distributionBinSchema],
    ['DistributionPosition', results.distributionPositionSchema],
    ['UsersDistribution', results.usersDistributionSchema],
    ['UserSegment', results.userSegmentSchema],
    ['UsersSegments', results.usersSegmentsSchema],
    ['KeyMetrics', results.keyMetricsSchema],
    ['CohortMetrics', results.cohortMetricsSchema],
    ['Cohort', results.cohortSchema],
    ['UserMetrics', results.userMetricsSchema],
    ['TrendBucket', results.trendBucketSchema],
    ['CohortTrends', results.cohortTrendsSchema],
    ['UserTrends', results.userTrendsSchema],
    ['WindowMetrics', results.windowMetricsSchema],
    ['ModelStat', results.modelStatSchema],
    ['ModelMixBucket', results.modelMixBucketSchema],
    ['ChangeEvent', results.changeEventSchema],
    ['ModelUsage', results.modelUsageSchema],
    ['FeedbackSummary', results.feedbackSummarySchema],
    ['FeedbackTrendBucket', results.feedbackTrendBucketSchema],
    ['ScoreBin', results.scoreBinSchema],
    ['FeedbackKeyStat', results.feedbackKeyStatSchema],
    ['CommentMomentumBucket', results.commentMomentumBucketSchema],
    ['FeedbackOverview', results.feedbackOverviewSchema],
    ['FeedbackComment', results.feedbackCommentSchema],
    ['FeedbackCommentPage', route('listFeedbackComments')],
    ['ConversationSummary', results.conversationSummarySchema],
    ['ConversationSummaryPage', route('listConversations')],
    ['TracePage', route('listTraces')],
    ['Sorting', sortingParamSchema],
    ['Filters', filtersParamSchema],
    ['ErrorBody', restErrorBodySchema],
  ];
}

/** Drops what JSON Schema output adds but OpenAPI readers don't need: `$schema`, `$id`, the safe-integer bounds. */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '$schema' || key === '$id') continue;
    if ((key === 'maximum' && v === Number.MAX_SAFE_INTEGER) || (key === 'minimum' && v === Number.MIN_SAFE_INTEGER)) continue;
    out[key] = tidy(v);
  }
  return out;
}

function components(named: [string, z.core.$ZodType][]): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of named) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `${SCHEMA_REF}${id}`, io: 'output' }) as { schemas: Record<string, unknown> };
  return tidy(schemas) as Record<string, unknown>;
}

function schemaOf(schema: z.core.$ZodType, named: Map<z.core.$ZodType, string>): unknown {
  const id = named.get(schema);
  return id === undefined ? tidy(z.toJSONSchema(schema, { io: 'output' })) : { $ref: `${SCHEMA_REF}${id}` };
}

function parameter(param: RestQueryParam, named: Map<z.core.$ZodType, string>): Record<string, unknown> {
  let schema = schemaOf(param.schema, named) as Record<string, unknown>;
  if (param.default !== undefined) schema = { ...schema, default: param.default };
  const where = param.encoding === 'json' ? { content: { 'application/json': { schema } } } : { schema };
  return { name: param.name, in: 'query', required: param.required, description: param.description, ...where };
}

/** Keeps the first `max` items of every array, so examples stay short (and still valid). */
function trimArrays(value: unknown, max: number): unknown {
  if (Array.isArray(value)) return value.slice(0, max).map((v) => trimArrays(v, max));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimArrays(v, max)]));
}

async function examples(): Promise<Record<RestMethodName, unknown>> {
  const p = createMemoryProvider(contractDataset);
  const range = contractRanges.main;
  const week = { range, granularity: 'week' as const };
  return {
    listUsers: await p.listUsers({ range, pagination: { pageIndex: 0, pageSize: 1 } }),
    getUsersSummary: await p.getUsersSummary?.({ range }),
    getUsersDistribution: await p.getUsersDistribution?.({ range, metric: 'costUsd', binCount: 3, userId: 'u01' }),
    getUsersSegments: await p.getUsersSegments?.({ range, key: 'plan', limit: 2 }),
    getUser: await p.getUser({ userId: 'u01' }),
    getUserMetrics: await p.getUserMetrics({ userId: 'u01', range, compare: { cohort: { key: 'plan', value: 'pro' }, population: true } }),
    getUserTrends: await p.getUserTrends({ userId: 'u01', ...week, compare: { cohort: { key: 'plan', value: 'pro' } } }),
    getModelUsage: await p.getModelUsage({ userId: 'u-switch', ...week }),
    getFeedback: await p.getFeedback({ userId: 'u01', ...week }),
    listFeedbackComments: await p.listFeedbackComments({ userId: 'u01', range, limit: 1 }),
    listConversations: await p.listConversations({ userId: 'u01', range, limit: 1 }),
    listTraces: await p.listTraces({ userId: 'u01', range, limit: 1 }),
  };
}

const errorResponse = (description: string, example: unknown) => ({
  description,
  content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}ErrorBody` }, example } },
});

const DESCRIPTION = `JSON over HTTP contract of userscope's \`createRestProvider\`: one GET route per DataProvider method.
Generated from the zod schemas the client validates every answer with (test/adapters/rest-openapi.test.ts), so it
cannot drift. Conventions: timestamps are ISO-8601 strings, ranges are half-open [from, to), money is USD,
durations are milliseconds, rates are fractions 0..1, and unknown numbers are null (never 0). Extra keys in answers
are allowed and ignored. Authentication is up to the host: the client sends whatever its \`headers\` callback returns.
Errors carry { error: { code, message, field? } }: 400 invalid-data names the bad param in \`field\`; 404 not-found
for an unknown user, and for the optional /users-summary, /users-distribution and /users-segments routes when the
backend does not serve them; 5xx answers are retried by the client (GET is idempotent), 4xx never.`;

async function buildDocument(): Promise<Record<string, unknown>> {
  const named = namedSchemas();
  const byId = new Map(named.map(([id, schema]) => [schema, id]));
  const sample = await examples();
  const paths: Record<string, unknown> = {};
  for (const route of REST_ROUTES) {
    const example = trimArrays(sample[route.method], 2);
    validate(route.response, example, route.method);
    const hasUser = route.path.includes(':userId');
    const responses: Record<string, unknown> = {
      '200': { description: route.summary, content: { 'application/json': { schema: schemaOf(route.response, byId), example } } },
    };
    if (route.query.length > 0) responses['400'] = { $ref: '#/components/responses/InvalidData' };
    if (hasUser) responses['404'] = { $ref: '#/components/responses/NotFound' };
    responses['5XX'] = { $ref: '#/components/responses/ServerError' };
    const userParam = { name: 'userId', in: 'path', required: true, description: 'User id (URL-encoded).', schema: { type: 'string' } };
    paths[route.path.replace(':userId', '{userId}')] = {
      get: {
        operationId: route.method,
        summary: route.summary,
        parameters: [...(hasUser ? [userParam] : []), ...route.query.map((q) => parameter(q, byId))],
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'userscope REST contract', version: '1.0.0', description: DESCRIPTION },
    servers: [{ url: 'https://api.example.com/userscope', description: 'Any base URL; pass it as `baseUrl`.' }],
    paths,
    components: {
      schemas: components(named),
      responses: {
        InvalidData: errorResponse('A param is missing or invalid; `field` names it.', {
          error: { code: 'invalid-data', message: 'range: expected from < to, got 2025-03-17T00:00:00.000Z → 2025-03-03T00:00:00.000Z', field: 'range' },
        }),
        NotFound: errorResponse('Unknown user.', { error: { code: 'not-found', message: 'Unknown user "u404"' } }),
        ServerError: errorResponse('The server failed; the client retries with backoff.', { error: { code: 'internal', message: 'Internal error' } }),
      },
    },
  };
}

// ——— A small YAML writer: block style, strings quoted whenever a plain scalar could be misread. ———

const PLAIN = /^[A-Za-z_][\w .,()/@+-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
const PLAIN_KEY = /^[A-Za-z_$/][\w.$/-]*$/;

function scalar(value: unknown, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return /e/.test(String(value)) && !String(value).includes('.') ? String(value).replace('e', '.0e') : String(value);
  if (typeof value === 'boolean') return String(value);
  const text = String(value);
  if (text.includes('\n') && !/[ \t]\n|[ \t]$|^\s|[\u0000-\u0009\u000b-\u001f]/.test(text)) {
    return `|-\n${text.split('\n').map((line) => (line === '' ? '' : `${indent}  ${line}`)).join('\n')}`;
  }
  return PLAIN.test(text) && !RESERVED.test(text) && !text.endsWith(' ') && !/: | #/.test(text) ? text : JSON.stringify(text);
}

function isBlock(value: unknown): value is object {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

function emptyOrScalar(value: unknown, indent: string): string {
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object' && value !== null) return '{}';
  return scalar(value, indent);
}

function blockLines(value: object, indent: string): string[] {
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!isBlock(item)) lines.push(`${indent}- ${emptyOrScalar(item, indent)}`);
      else {
        const inner = blockLines(item, `${indent}  `);
        lines.push(Array.isArray(item) ? `${indent}-` : `${indent}- ${(inner.shift() as string).trimStart()}`, ...inner);
      }
    }
    return lines;
  }
  for (const [key, v] of Object.entries(value)) {
    const k = PLAIN_KEY.test(key) && !RESERVED.test(key) ? key : JSON.stringify(key);
    if (isBlock(v)) lines.push(`${indent}${k}:`, ...blockLines(v, `${indent}  `));
    else lines.push(`${indent}${k}: ${emptyOrScalar(v, indent)}`);
  }
  return lines;
}

function toYaml(doc: object): string {
  return `# Generated by test/adapters/rest-openapi.test.ts from the route table and the zod schemas. Do not edit.\n${blockLines(doc, '').join('\n')}\n`;
}

describe('docs/rest-api.yaml', () => {
  it('is the OpenAPI 3.1 document generated from REST_ROUTES and the validation schemas (no drift)', async () => {
    const yaml = toYaml(await buildDocument());
    if (process.env.UPDATE_REST_API_DOC === '1') writeFileSync(DOC_PATH, yaml);
    expect(readFileSync(DOC_PATH, 'utf8'), 'run UPDATE_REST_API_DOC=1 npx vitest run test/adapters/rest-openapi.test.ts').toBe(yaml);
  });

  it('documents every route of the table with its params, and every example passes its schema', async () => {
    const doc = (await buildDocument()) as { paths: Record<string, { get: { operationId: string; parameters: { name: string; in: string }[] } }> };
    expect(Object.values(doc.paths).map((p) => p.get.operationId)).toEqual(REST_ROUTES.map((r) => r.method));
    for (const route of REST_ROUTES) {
      const op = doc.paths[route.path.replace(':userId', '{userId}')]!.get;
      expect(op.parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(route.query.map((q) => q.name));
    }
  });

  it('writes YAML that keeps numbers, reserved words and multi-line text intact', () => {
    expect(toYaml({ a: 1e-7, b: 'true', c: 'x: y', d: 'two\nlines', e: [], f: [{ g: 1, h: [1, 'no'] }], '200': 'ok' })).toBe(
      '# Generated by test/adapters/rest-openapi.test.ts from the route table and the zod schemas. Do not edit.\n' +
        '"200": ok\na: 1.0e-7\nb: "true"\nc: "x: y"\nd: |-\n  two\n  lines\ne: []\nf:\n  - g: 1\n    h:\n      - 1\n      - "no"\n',
    );
  });
});
