/**
 * Schemas of the domain records (`User`, `Trace`, `Feedback`, `TimeRange`) for data entering the library, on zod's
 * mini build (functions instead of methods, so a bundler keeps only what is used: `userscope/core` stays small).
 *
 * Rules, shared with the hand-written trace check in `fast-trace.ts`:
 * - Nothing is coerced: `"12"` is not a number, `1` is not a boolean.
 * - Unknown extra keys are tolerated and passed through untouched (neither an error nor dropped).
 * - Optional fields may be absent or `undefined`, never `null` (the model has no `null` there).
 * - Timestamps are ISO-8601 date-times with seconds and `Z` or an offset, on real calendar dates.
 * - Ids are non-empty strings; durations, costs and token counts are finite and ≥ 0; tokens are integers.
 * @module
 */
import * as z from 'zod/mini';
import type { Feedback, FeedbackSource, FeedbackValue, MetadataValue, TimeRange, Trace, User } from '../model';

/** An ISO-8601 date-time: `YYYY-MM-DDTHH:mm:ss[.fff](Z|±HH:mm)`, on a real calendar date. */
export const isoTimestampSchema = z.iso.datetime({ offset: true });

/** A non-empty id string. */
export const idSchema = z.string().check(z.minLength(1));

/** A finite number ≥ 0 (durations, money). */
export const nonNegativeSchema = z.number().check(z.nonnegative());

/** A safe integer ≥ 0 (counts, tokens). */
export const countSchema = z.int().check(z.nonnegative());

/** A fraction in `[0, 1]` (rates, normalised scores, shares). */
export const fractionSchema = z.number().check(z.gte(0), z.lte(1));

/** A user metadata value: string, number, boolean or `null`. */
export const metadataValueSchema: z.ZodMiniType<MetadataValue> = z.union(
  [z.string(), z.number(), z.boolean(), z.null()],
  { error: 'expected string, number, boolean or null' },
);

/** A feedback value: number, boolean or category string. */
export const feedbackValueSchema: z.ZodMiniType<FeedbackValue> = z.union([z.number(), z.boolean(), z.string()], {
  error: 'expected number, boolean or string',
});

/**
 * User metadata: a record of {@link metadataValueSchema}. The key `__proto__` is refused (path `….__proto__`):
 * copying it into an object would change the object's prototype instead of adding a key, so it cannot be kept, and
 * dropping it silently would lose data.
 */
export const metadataSchema: z.ZodMiniType<Record<string, MetadataValue>> = z.pipe(
  z.unknown().check(
    z.superRefine((value, ctx) => {
      if (typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, '__proto__')) {
        const input: unknown = (value as Record<string, unknown>)['__proto__'];
        ctx.addIssue({ code: 'custom', message: 'expected no "__proto__" key (reserved)', path: ['__proto__'], input });
      }
    }),
  ),
  z.record(z.string(), metadataValueSchema),
);

/** A {@link User}. */
export const userSchema: z.ZodMiniType<User> = z.looseObject({
  id: idSchema,
  displayName: z.optional(z.string()),
  email: z.optional(z.string()),
  metadata: metadataSchema,
  firstSeen: z.optional(isoTimestampSchema),
  lastSeen: z.optional(isoTimestampSchema),
});

/** The fields of a {@link Trace}, in the order they are checked in (the fast check follows it). */
export const traceShape = {
  id: idSchema,
  /** `null` marks an unattributed trace; a missing `userId` is refused. */
  userId: z.nullable(idSchema),
  conversationId: z.optional(idSchema),
  name: z.optional(z.string()),
  startTime: isoTimestampSchema,
  endTime: z.optional(isoTimestampSchema),
  latencyMs: nonNegativeSchema,
  status: z.enum(['ok', 'error']),
  errorType: z.optional(z.string()),
  model: z.optional(z.string()),
  release: z.optional(z.string()),
  inputTokens: z.optional(countSchema),
  outputTokens: z.optional(countSchema),
  totalTokens: z.optional(countSchema),
  costUsd: z.optional(nonNegativeSchema),
  inputPreview: z.optional(z.string()),
  outputPreview: z.optional(z.string()),
  tags: z.optional(z.array(z.string())),
};

/** A {@link Trace}. */
export const traceSchema: z.ZodMiniType<Trace> = z.looseObject(traceShape);

/** A {@link FeedbackSource}: `user`, `reviewer` or `eval`. */
export const feedbackSourceSchema: z.ZodMiniType<FeedbackSource> = z.enum(['user', 'reviewer', 'eval']);

/** A {@link Feedback}. `score`, when given, is a normalised fraction in `[0, 1]` or `null`. */
export const feedbackSchema: z.ZodMiniType<Feedback> = z.looseObject({
  id: idSchema,
  traceId: idSchema,
  userId: idSchema,
  key: z.string().check(z.minLength(1)),
  value: feedbackValueSchema,
  score: z.optional(z.nullable(fractionSchema)),
  comment: z.optional(z.string()),
  createdAt: isoTimestampSchema,
  source: z.optional(feedbackSourceSchema),
});

/** A {@link TimeRange}. */
export const timeRangeSchema: z.ZodMiniType<TimeRange> = z.looseObject({
  from: isoTimestampSchema,
  to: isoTimestampSchema,
});
