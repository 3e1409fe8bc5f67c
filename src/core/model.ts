/**
 * The userscope domain model as it crosses the DataProvider contract.
 * Timestamps are ISO-8601 UTC strings, money is USD, durations are milliseconds, and unknown is `null` (never 0).
 * @module
 */

/** A metadata value on a user: plan, tier, region and any host-defined key. */
export type MetadataValue = string | number | boolean | null;

/** An end user of the host's LLM application. `plan`, `tier` and `region` are conventional metadata keys. */
export interface User {
  /** Stable id, as the host's traces carry it. */
  id: string;
  /** Human name, when known. */
  displayName?: string;
  /** Email, when known. */
  email?: string;
  /** Free-form metadata: plan, tier, region, … */
  metadata: Record<string, MetadataValue>;
  /** First trace ever seen for this user (ISO UTC), when known. */
  firstSeen?: string;
  /** Last trace ever seen for this user (ISO UTC), when known. */
  lastSeen?: string;
}

/** Outcome of one trace. */
export type TraceStatus = 'ok' | 'error';

/** One run of the host's LLM application for a user. */
export interface Trace {
  /** Unique trace id. */
  id: string;
  /**
   * The user it ran for; `null` for an unattributed trace (the source carried no user id). Unattributed traces count
   * in no user's figures, only in `UsersSummary.unattributedTraceCount`.
   */
  userId: string | null;
  /** Journey it belongs to, when any. */
  conversationId?: string;
  /** Operation name, e.g. `chat` or `summarize`. */
  name?: string;
  /** Start time (ISO UTC). A trace belongs to a range when its start is in `[from, to)`. */
  startTime: string;
  /** End time (ISO UTC), when known. */
  endTime?: string;
  /** Duration in milliseconds. When a source only has start/end, adapters derive it as end − start. */
  latencyMs: number;
  /** `"error"` when the run failed. */
  status: TraceStatus;
  /** Error class for failed runs, e.g. `RateLimitError`. */
  errorType?: string;
  /** Model id with version, e.g. `gpt-4o-2024-08-06`. */
  model?: string;
  /** Host application release that served the run. */
  release?: string;
  /** Prompt tokens, when known. */
  inputTokens?: number;
  /** Completion tokens, when known. */
  outputTokens?: number;
  /**
   * Total tokens as the source reported them (input + output + any other kind, e.g. cached or reasoning tokens),
   * when known. Set by importers that see a total; the UI shows it where `inputTokens`/`outputTokens` are unknown.
   * Never derived from input + output by the engine, and not part of the `inputTokens`/`outputTokens` figures.
   */
  totalTokens?: number;
  /** Cost in USD, when known. */
  costUsd?: number;
  /** Short preview of the input (plain text). */
  inputPreview?: string;
  /** Short preview of the output (plain text). */
  outputPreview?: string;
  /** Free tags. */
  tags?: string[];
}

/** A {@link Trace} that ran for a user (`userId` is not `null`). */
export type AttributedTrace = Trace & { userId: string };

/**
 * Who left a feedback record: `user` — the end user, from the host application (Langfuse `API` scores); `reviewer` —
 * a human reviewer, e.g. in an annotation queue (Langfuse `ANNOTATION`); `eval` — an automated evaluator such as an
 * LLM judge (Langfuse `EVAL`). Feedback figures count `user` and `reviewer` records; `eval` records never enter them.
 */
export type FeedbackSource = 'user' | 'reviewer' | 'eval';

/** A feedback value: a number on any scale, a boolean (thumbs) or a category label. */
export type FeedbackValue = number | boolean | string;

/** A score or comment a user or reviewer left on a trace. */
export interface Feedback {
  /** Unique feedback id. */
  id: string;
  /** The trace it is about. */
  traceId: string;
  /** The user whose trace it is. */
  userId: string;
  /** Signal name, e.g. `thumbs`, `helpfulness`, `category`. */
  key: string;
  /** Raw value. */
  value: FeedbackValue;
  /**
   * Normalised 0..1 score. Derived when absent: booleans map to 0/1; numbers need a known scale
   * (see `normaliseFeedback` in core) and categories have no score (`null`).
   */
  score?: number | null;
  /** Free-text comment, when any. */
  comment?: string;
  /** When it was left (ISO UTC). */
  createdAt: string;
  /**
   * Who left it; absent means `user`. `eval` records (automated evaluators) are kept in datasets but never counted
   * as feedback: the engine leaves them out of every feedback figure, list and score.
   */
  source?: FeedbackSource;
}

/** A half-open time range `[from, to)` in ISO UTC. */
export interface TimeRange {
  /** Inclusive start (ISO UTC). */
  from: string;
  /** Exclusive end (ISO UTC). */
  to: string;
}

/** Bucket size for time series. ISO weeks start on Monday; all buckets align to UTC boundaries. */
export type Granularity = 'hour' | 'day' | 'week';
