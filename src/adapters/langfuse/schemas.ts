/**
 * Zod schemas of the Langfuse shapes userscope reads — the UI trace export and the public API's observations (v2,
 * cursor-paged, `fields` groups: `observations.yml`), scores (v3: `scores-v3.yml`; legacy v2), metrics (v2:
 * `metrics.yml`), legacy traces (`trace.yml`) and score configs — keeping only the fields it uses and tolerating the
 * rest. Field names follow Langfuse's API definition (langfuse/langfuse `fern/apis/server/definition/`).
 * @module
 */
import * as z from 'zod/mini';
import { isoTimestampSchema } from '../../core/schema/records';
import { MAX_ID_CHARS } from '../import/text';

const id = z.string().check(z.minLength(1), z.maxLength(MAX_ID_CHARS));
const optionalId = z.nullish(z.string().check(z.maxLength(MAX_ID_CHARS)));
const text = z.nullish(z.string());
const numberMap = z.nullish(z.record(z.string(), z.number()));

/** An observation (SPAN, GENERATION, EVENT, …): `ObservationsView` in the API, the same fields in the UI export. */
export const langfuseObservationSchema = z.looseObject({
  id,
  traceId: optionalId,
  type: z.string(),
  name: text,
  startTime: isoTimestampSchema,
  endTime: z.nullish(isoTimestampSchema),
  model: text,
  level: text,
  statusMessage: text,
  input: z.optional(z.unknown()),
  output: z.optional(z.unknown()),
  usageDetails: numberMap,
  costDetails: numberMap,
  usage: z.nullish(z.looseObject({ input: z.nullish(z.number()), output: z.nullish(z.number()) })),
  calculatedTotalCost: z.nullish(z.number()),
  totalCost: z.nullish(z.number()),
  parentObservationId: optionalId,
  // v2 observations, `basic` and `trace_context` groups (`observations.yml`): the trace lives on its observations.
  userId: optionalId,
  sessionId: optionalId,
  environment: text,
  isRootObservation: z.nullish(z.boolean()),
  traceName: text,
  release: text,
  tags: z.nullish(z.array(z.string())),
  /** v2 `model` group: the model as the SDK sent it. */
  providedModelName: text,
});

/** A score: `ScoreV1` (UI export, `trace.scores`) or a `GetScoresResponseData` item of `GET /api/public/v2/scores`. */
export const langfuseScoreSchema = z.looseObject({
  id,
  traceId: optionalId,
  name: z.string().check(z.minLength(1)),
  dataType: text,
  value: z.nullish(z.number()),
  stringValue: text,
  timestamp: isoTimestampSchema,
  comment: text,
  configId: text,
  /** `API`, `ANNOTATION` or `EVAL` (`commons.yml` `ScoreSource`). */
  source: text,
  sessionId: optionalId,
  observationId: optionalId,
});

/** What a v3 score is about (`scores-v3.yml` `ScoreSubjectV3`, field group `subject`). */
const scoreSubjectSchema = z.looseObject({ kind: z.string(), id, traceId: optionalId });

/**
 * An item of `GET /api/public/v3/scores` (`scores-v3.yml` `ScoreV3`): `value` is a number (NUMERIC), a boolean
 * (BOOLEAN) or a string (CATEGORICAL, TEXT, CORRECTION); `comment`/`configId` come with the `details` group and
 * `subject` with the `subject` group.
 */
export const langfuseScoreV3Schema = z.looseObject({
  id,
  name: z.string().check(z.minLength(1)),
  dataType: z.string(),
  value: z.nullish(z.union([z.number(), z.boolean(), z.string()])),
  source: text,
  timestamp: isoTimestampSchema,
  comment: text,
  configId: text,
  subject: z.nullish(scoreSubjectSchema),
});

const traceShape = {
  id,
  timestamp: isoTimestampSchema,
  name: text,
  userId: optionalId,
  sessionId: optionalId,
  release: text,
  tags: z.nullish(z.array(z.string())),
  input: z.optional(z.unknown()),
  output: z.optional(z.unknown()),
  latency: z.nullish(z.number()),
};

/** An item of `GET /api/public/traces` (`TraceWithDetails`: `latency` in seconds, `totalCost` in USD). */
export const langfuseListedTraceSchema = z.looseObject({ ...traceShape, totalCost: z.nullish(z.number()) });

/** A score config (`GET /api/public/score-configs`): numeric bounds used to normalise numeric scores. */
export const langfuseScoreConfigSchema = z.looseObject({
  id,
  name: z.string(),
  minValue: z.nullish(z.number()),
  maxValue: z.nullish(z.number()),
});

/** A page of a list endpoint: `{ data, meta: { page, limit, totalItems, totalPages } }`. */
export function langfusePageSchema<T>(item: z.ZodMiniType<T>) {
  return z.looseObject({
    data: z.array(item),
    meta: z.looseObject({ page: z.number(), limit: z.number(), totalItems: z.number(), totalPages: z.number() }),
  });
}

/**
 * A page of a cursor-paged endpoint (`GET /api/public/v2/observations`, `GET /api/public/v3/scores`):
 * `{ data, meta: { cursor? } }`; no cursor means the last page.
 */
export function langfuseCursorPageSchema<T>(item: z.ZodMiniType<T>) {
  return z.looseObject({ data: z.array(item), meta: z.looseObject({ cursor: z.nullish(z.string()) }) });
}

/** An answer of `GET /api/public/v2/metrics` (`metrics.yml` `MetricsV2Response`): rows of dimensions and metrics. */
export const langfuseMetricsSchema = z.looseObject({ data: z.array(z.record(z.string(), z.unknown())) });

/** A validated v3 score. */
export type LangfuseScoreV3 = z.infer<typeof langfuseScoreV3Schema>;
/** A validated observation. */
export type LangfuseObservation = z.infer<typeof langfuseObservationSchema>;
/** A validated score. */
export type LangfuseScore = z.infer<typeof langfuseScoreSchema>;
/** The trace fields both the export and the API carry. */
export type LangfuseTrace = z.infer<typeof langfuseListedTraceSchema>;
/** A validated score config. */
export type LangfuseScoreConfig = z.infer<typeof langfuseScoreConfigSchema>;
