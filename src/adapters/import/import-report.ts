/**
 * What the file importers (`fromOtlpJson`, `fromLangfuseExport`) return: a dataset for `createMemoryProvider` plus a
 * report of what was left out or kept with reservations, and why.
 * @module
 */
import type { Feedback, MetadataValue, Trace, User } from '../../core/model';

/** What a skipped issue left out: a whole input document (or JSON line), a span, a trace, an observation, a score. */
export type ImportItemKind = 'document' | 'span' | 'trace' | 'observation' | 'score';

/** One thing an import skipped or flagged. */
export interface ImportIssue {
  /** What was left out (skipped issues); see {@link ImportReport.skippedCounts}. */
  kind?: ImportItemKind;
  /**
   * Where the record is in the input, e.g. `resourceSpans[0].scopeSpans[1].spans[3]`, `lines[7]` or
   * `[2].trace.scores[0]`; set for records that could not be read.
   */
  path?: string;
  /** How many items of `kind` this entry stands for, when more than one (e.g. the spans of an unreadable scope). */
  count?: number;
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
  /**
   * Imported traces without any user id (`userId: null`, kept unattributed because no `defaultUserId` was given):
   * they count in `traceCount` and in the provider's `UsersSummary.unattributedTraceCount`, in no user's figures.
   */
  unattributedTraceCount: number;
  /** Users imported. */
  userCount: number;
  /** Feedback records imported. */
  feedbackCount: number;
  /** Traces, spans, observations or scores left out, and why. */
  skipped: ImportIssue[];
  /** How many items of each kind were left out: the `skipped` entries, each counted `count` (default 1) times. */
  skippedCounts: Record<ImportItemKind, number>;
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

/** Identity a source knows about a user besides the id, and metadata (e.g. from `langfuse.trace.metadata.*`). */
export type UserProfile = Pick<User, 'displayName' | 'email'> & { metadata?: Record<string, MetadataValue> };

/** Counts `skipped` by kind (entries without a kind count as traces), each entry `count` (default 1) times. */
export function countSkipped(skipped: readonly ImportIssue[]): Record<ImportItemKind, number> {
  const counts: Record<ImportItemKind, number> = { document: 0, span: 0, trace: 0, observation: 0, score: 0 };
  for (const issue of skipped) counts[issue.kind ?? 'trace'] += issue.count ?? 1;
  return counts;
}

/**
 * Assembles the result: one user per user id of `traces` (profile fields and metadata from `profiles`,
 * `firstSeen`/`lastSeen` from the traces), traces in start order, and the report.
 */
export function finishImport(traces: Trace[], feedback: Feedback[], log: IssueLog, profiles: ReadonlyMap<string, UserProfile> = new Map()): ImportResult {
  traces.sort((a, b) => (a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : 0));
  const users = new Map<string, User>();
  for (const t of traces) {
    if (t.userId === null) continue;
    const user = users.get(t.userId);
    if (user === undefined) {
      const { metadata = {}, ...profile } = profiles.get(t.userId) ?? {};
      users.set(t.userId, { id: t.userId, ...profile, metadata, firstSeen: t.startTime, lastSeen: t.startTime });
    }
    else user.lastSeen = t.startTime;
  }
  return {
    users: [...users.values()],
    traces,
    feedback,
    report: {
      traceCount: traces.length,
      unattributedTraceCount: traces.filter((t) => t.userId === null).length,
      userCount: users.size, feedbackCount: feedback.length, skipped: log.skipped, skippedCounts: countSkipped(log.skipped), flagged: log.flagged,
    },
  };
}
