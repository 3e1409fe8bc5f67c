/**
 * Checks between fields of one record, after each field passed its own schema: a trace cannot end before it
 * starts, a user cannot be first seen after last seen, feedback cannot be left before its trace started. Each
 * failure throws `ProviderError('invalid-data')` whose `field` is the later field and whose message names both.
 * @module
 */
import { ProviderError } from '../errors';
import type { Trace, User } from '../model';

/** `path.key`, or `key` at the root (`path` empty). */
const at = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/**
 * A record's path: `root[index]`, or `root` itself without an index (empty at the root). Built only when a check
 * fails: a dataset's million valid records cost no path string.
 */
const pathOf = (root: string, index: number | undefined): string => (index === undefined ? root : `${root}[${index}]`);

/** `a < b` as instants; UTC strings of one length compare as text (the common case, no parsing). */
function isBefore(a: string, b: string): boolean {
  if (a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) return a < b;
  return Date.parse(a) < Date.parse(b);
}

function failBefore(laterField: string, later: string, earlierField: string, earlier: string, what: string): never {
  throw new ProviderError('invalid-data', `${laterField}: ${what}: ${later} is before ${earlierField} ${earlier}`, { field: laterField });
}

/** True when a trace's `endTime` is given and before its `startTime` (what {@link checkTraceTimes} refuses). */
export function endsBeforeStart(trace: Pick<Trace, 'startTime' | 'endTime'>): boolean {
  return trace.endTime !== undefined && isBefore(trace.endTime, trace.startTime);
}

/**
 * A trace's `endTime`, when given, is not before its `startTime`. The trace is at `root[index]`, e.g. `traces`, 3
 * (`root` alone without an index; empty at the root).
 */
export function checkTraceTimes(trace: Pick<Trace, 'startTime' | 'endTime'>, root: string, index?: number): void {
  if (endsBeforeStart(trace)) {
    const path = pathOf(root, index);
    failBefore(at(path, 'endTime'), trace.endTime as string, at(path, 'startTime'), trace.startTime, 'expected the end at or after the start');
  }
}

/** A user's `lastSeen`, when both are given, is not before `firstSeen`; the user is at `root[index]`, e.g. `users`, 0. */
export function checkUserSeen(user: Pick<User, 'firstSeen' | 'lastSeen'>, root: string, index?: number): void {
  if (user.firstSeen !== undefined && user.lastSeen !== undefined && isBefore(user.lastSeen, user.firstSeen)) {
    const path = pathOf(root, index);
    failBefore(at(path, 'lastSeen'), user.lastSeen, at(path, 'firstSeen'), user.firstSeen, 'expected last seen at or after first seen');
  }
}

/** Feedback `feedback[feedbackAt].createdAt` is not before the `startTime` of its trace, `traces[traceAt]`. */
export function checkFeedbackAfterTrace(createdAt: string, feedbackAt: number, traceStart: string, traceAt: number): void {
  if (isBefore(createdAt, traceStart)) {
    failBefore(`feedback[${feedbackAt}].createdAt`, createdAt, `traces[${traceAt}].startTime`, traceStart, 'expected feedback created at or after its trace started');
  }
}
