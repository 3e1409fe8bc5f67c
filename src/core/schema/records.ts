/**
 * Zod schemas of the domain records (`User`, `Trace`, `Feedback`, `TimeRange`) for data entering the library.
 *
 * Rules, shared with the hand-written trace check in `fast-trace.ts`:
 * - Nothing is coerced: `"12"` is not a number, `1` is not a boolean.
 * - Unknown extra keys are tolerated and passed through untouched (neither an error nor dropped).
 * - Optional fields may be absent or `undefined`, never `null` (the model has no `null` there).
 * - Timestamps are ISO-8601 date-times with seconds and `Z` or an offset, on real calendar dates.
 * - Ids are non-empty strings; durations, costs and token counts are finite and ≥ 0; tokens are integers.
 * @module
 */
import { z } from 'zod';
import type { Feedback, FeedbackSource, FeedbackValue, MetadataValue, TimeRange, Trace, User } from '../model';

/** An ISO-8601 date-time: `YYYY-MM-DDTHH:mm:ss[.fff](Z|±HH:mm)`, on a real calendar date. */
export const isoTimestampSchema = z.iso.datetime({ offset: true });

/** A non-empty id string. */
export const idSchema = z.string().min(1);

/** A finite number ≥ 0 (durations, money). */
export const nonNegativeSchema = z.number().nonnegative();

/** A safe integer ≥ 0 (counts, tokens). */
export const countSchema = z.int().nonnegative();

/** A fraction in `[0, 1]` (rates, normalised scores, shares). */
export const fractionSchema = z.number().min(0).max(1);

/** A user metadata value: string, number, boolean or `null`. */
export const metadataValueSchema: z.ZodType<MetadataValue> = z.union(
  [z.string(), z.number(), z.boolean(), z.null()],
  { error: 'expected string, number, boolean or null' },
);

/** A feedback value: number, boolean or category string. */
export const feedbackValueSchema: z.ZodType<FeedbackValue> = z.union([z.number(), z.boolean(), z.string()], {
  error: 'expected number, boolean or string',
});

/**
 * User metadata: a record of {@link metadataValueSchema}. The key `__proto__` is refused (path `….__proto__`):
 * copying it into an object would change the object's prototype instead of adding a key, so it cannot be kept, and
 * dropping it silently would lose data.
 */
export const metadataSchema: z.ZodType<Record<string, MetadataValue>> = z
  .unknown()
  .superRefine((value, ctx) => {
    if (typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, '__proto__')) {
      const input: unknown = (value as Record<string, unknown>)['__proto__'];
      ctx.addIssue({ code: 'custom', message: 'expected no "__proto__" key (reserved)', path: ['__proto__'], input });
    }
  })
  .pipe(z.record(z.string(), metadataValueSchema));

/** A {@link User}. */
export const userSchema: z.ZodType<User> = z.looseObject({
  id: idSchema,
  displayName: z.string().optional(),
  email: z.string().optional(),
  metadata: metadataSchema,
  firstSeen: isoTimestampSchema.optional(),
  lastSeen: isoTimestampSchema.optional(),
});

/** The fields of a {@link Trace}, in the order they are checked in (the fast check follows it). */
export const traceShape = {
  id: idSchema,
  /** `null` marks an unattributed trace; a missing `userId` is refused. */
  userId: idSchema.nullable(),
  conversationId: idSchema.optional(),
  name: z.string().optional(),
  startTime: isoTimestampSchema,
  endTime: isoTimestampSchema.optional(),
  latencyMs: nonNegativeSchema,
  status: z.enum(['ok', 'error']),
  errorType: z.string().optional(),
  model: z.string().optional(),
  release: z.string().optional(),
  inputTokens: countSchema.optional(),
  outputTokens: countSchema.optional(),
  totalTokens: countSchema.optional(),
  costUsd: nonNegativeSchema.optional(),
  inputPreview: z.string().optional(),
  outputPreview: z.string().optional(),
  tags: z.array(z.string()).optional(),
};

/** A {@link Trace}. */
export const traceSchema: z.ZodType<Trace> = z.looseObject(traceShape);

/** A {@link FeedbackSource}: `user`, `reviewer` or `eval`. */
export const feedbackSourceSchema: z.ZodType<FeedbackSource> = z.enum(['user', 'reviewer', 'eval']);

/** A {@link Feedback}. `score`, when given, is a normalised fraction in `[0, 1]` or `null`. */
export const feedbackSchema: z.ZodType<Feedback> = z.looseObject({
  id: idSchema,
  traceId: idSchema,
  userId: idSchema,
  key: z.string().min(1),
  value: feedbackValueSchema,
  score: fractionSchema.nullable().optional(),
  comment: z.string().optional(),
  createdAt: isoTimestampSchema,
  source: feedbackSourceSchema.optional(),
});

/** A {@link TimeRange}. */
export const timeRangeSchema: z.ZodType<TimeRange> = z.looseObject({
  from: isoTimestampSchema,
  to: isoTimestampSchema,
});
