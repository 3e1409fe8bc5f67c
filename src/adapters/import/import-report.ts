/**
 * What the file importers (`fromOtlpJson`, `fromLangfuseExport`) return: a dataset for `createMemoryProvider` plus a
 * report of what was left out or kept with reservations, and why.
 * @module
 */
import type { Feedback, Trace, User } from '../../core/model';

/** One thing an import skipped or flagged. */
export interface ImportIssue {
  /** The trace concerned, when known. */
  traceId?: string;
  /** The span, observation or score concerned, when it is not the trace itself. */
  itemId?: string;
  /** The attribute or field concerned, e.g. `gen_ai.usage.input_tokens` or `latency`. */
  field?: string;
  /** Why, in plain words. */
  reason: string;
}

/** The report of an import. */
export interface ImportReport {
  /** Traces imported. */
  traceCount: number;
  /** Users imported. */
  userCount: number;
  /** Feedback records imported. */
  feedbackCount: number;
  /** Traces, spans, observations or scores left out, and why. */
  skipped: ImportIssue[];
  /** Data kept although incomplete or unusual (orphan spans, partial token counts, clipped text, …), and why. */
  flagged: ImportIssue[];
}

/** An import: `users`, `traces` and `feedback` go straight into `createMemoryProvider`; `report` says what happened. */
export interface ImportResult {
  /** One user per distinct user id, with `firstSeen`/`lastSeen` from the imported traces. */
  users: User[];
  /** The imported traces. */
  traces: Trace[];
  /** Feedback on those traces. */
  feedback: Feedback[];
  /** What was skipped or flagged, and why. */
  report: ImportReport;
}

/** Collects skipped and flagged issues during an import. */
export interface IssueLog {
  /** Records something left out. */
  skip: (issue: ImportIssue) => void;
  /** Records something kept with reservations. */
  flag: (issue: ImportIssue) => void;
  /** Everything recorded so far. */
  readonly skipped: ImportIssue[];
  /** Everything recorded so far. */
  readonly flagged: ImportIssue[];
}

/** A fresh {@link IssueLog}. */
export function createIssueLog(): IssueLog {
  const skipped: ImportIssue[] = [];
  const flagged: ImportIssue[] = [];
  return { skip: (i) => void skipped.push(i), flag: (i) => void flagged.push(i), skipped, flagged };
}

/** Identity a source knows about a user besides the id. */
export type UserProfile = Pick<User, 'displayName' | 'email'>;

/**
 * Assembles the result: one user per user id of `traces` (profile fields from `profiles`, empty metadata,
 * `firstSeen`/`lastSeen` from the traces), traces in start order, and the report.
 */
export function finishImport(traces: Trace[], feedback: Feedback[], log: IssueLog, profiles: ReadonlyMap<string, UserProfile> = new Map()): ImportResult {
  traces.sort((a, b) => (a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : 0));
  const users = new Map<string, User>();
  for (const t of traces) {
    const user = users.get(t.userId);
    if (user === undefined) users.set(t.userId, { id: t.userId, ...profiles.get(t.userId), metadata: {}, firstSeen: t.startTime, lastSeen: t.startTime });
    else user.lastSeen = t.startTime;
  }
  return {
    users: [...users.values()],
    traces,
    feedback,
    report: { traceCount: traces.length, userCount: users.size, feedbackCount: feedback.length, skipped: log.skipped, flagged: log.flagged },
  };
}
