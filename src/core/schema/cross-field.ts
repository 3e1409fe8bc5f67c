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

/** `a < b` as instants; UTC strings of one length compare as text (the common case, no parsing). */
export function isBefore(a: string, b: string): boolean {
  if (a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) return a < b;
  return Date.parse(a) < Date.parse(b);
}

function notBefore(laterField: string, later: string, earlierField: string, earlier: string, what: string): void {
  if (isBefore(later, earlier)) {
    throw new ProviderError('invalid-data', `${laterField}: ${what}: ${later} is before ${earlierField} ${earlier}`, { field: laterField });
  }
}

/** A trace's `endTime`, when given, is not before its `startTime`; `path` is the trace's path, e.g. `traces[3]` (empty at the root). */
export function checkTraceTimes(trace: Pick<Trace, 'startTime' | 'endTime'>, path: string): void {
  if (trace.endTime !== undefined) notBefore(at(path, 'endTime'), trace.endTime, at(path, 'startTime'), trace.startTime, 'expected the end at or after the start');
}

/** A user's `lastSeen`, when both are given, is not before `firstSeen`; `path` is the user's path, e.g. `users[0]`. */
export function checkUserSeen(user: Pick<User, 'firstSeen' | 'lastSeen'>, path: string): void {
  if (user.firstSeen !== undefined && user.lastSeen !== undefined) {
    notBefore(at(path, 'lastSeen'), user.lastSeen, at(path, 'firstSeen'), user.firstSeen, 'expected last seen at or after first seen');
  }
}

/** Feedback `createdAt` is not before the `startTime` of its trace (at `tracePath`). */
export function checkFeedbackAfterTrace(createdAt: string, path: string, traceStart: string, tracePath: string): void {
  notBefore(at(path, 'createdAt'), createdAt, at(tracePath, 'startTime'), traceStart, 'expected feedback created at or after its trace started');
}

