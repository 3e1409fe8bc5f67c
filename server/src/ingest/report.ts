/**
 * The ingest report: what was imported and, for everything left out, which record and why. Nothing is dropped
 * without a line here.
 * @module
 */

/** One record left out. */
export interface SkippedRecord {
  /** Where it was, e.g. `traces[12]` or `file.json: resourceSpans[0].scopeSpans[1].spans[3]`. */
  path: string;
  /** Why, in plain words (the validation message names the field). */
  reason: string;
}

/** Totals of an ingest, and every record left out. */
export interface IngestReport {
  /** Traces written (with or without a user id). */
  traces: number;
  /** Of `traces`, those without a user id (`Trace.userId === null`): kept, counted in no user's figures. */
  unattributedTraces: number;
  /** Users written (given or first seen on a trace). */
  users: number;
  /** Feedback records written. */
  feedback: number;
  /** Records already in the database (same trace or feedback id): not written again, never counted twice. */
  duplicates: number;
  /** Records left out, with the reason. At most {@link MAX_SKIPPED_DETAILS} are detailed; `skippedCount` counts all. */
  skipped: SkippedRecord[];
  /** Every record left out (including those beyond the detailed list). */
  skippedCount: number;
}

/** Most skipped records listed one by one in a report; the rest are counted. */
export const MAX_SKIPPED_DETAILS = 1_000;

/** An empty report. */
export function emptyReport(): IngestReport {
  return { traces: 0, unattributedTraces: 0, users: 0, feedback: 0, duplicates: 0, skipped: [], skippedCount: 0 };
}

/** Records a skipped record. */
export function skip(report: IngestReport, path: string, reason: string): void {
  report.skippedCount++;
  if (report.skipped.length < MAX_SKIPPED_DETAILS) report.skipped.push({ path, reason });
}

/** Adds `other` into `into`. */
export function mergeReport(into: IngestReport, other: IngestReport): void {
  into.traces += other.traces;
  into.unattributedTraces += other.unattributedTraces;
  into.users += other.users;
  into.feedback += other.feedback;
  into.duplicates += other.duplicates;
  into.skippedCount += other.skippedCount;
  for (const s of other.skipped) if (into.skipped.length < MAX_SKIPPED_DETAILS) into.skipped.push(s);
}
