/**
 * Records → table rows (values in the column order of `schema/tables.ts`), and back. The lower-cased texts the
 * users list searches and sorts on are computed here with JavaScript's `toLowerCase`, exactly as the memory engine
 * does, so every engine searches and sorts the same way.
 * @module
 */
import type { Feedback, MetadataValue, Trace, User } from 'userscope/core';
import type { SqlValue } from '../db/types';

const ms = (iso: string | undefined): number | null => (iso === undefined ? null : Date.parse(iso));
const opt = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** A trace as a `traces` row. */
export function traceToRow(t: Trace): SqlValue[] {
  return [
    t.userId,
    Date.parse(t.startTime),
    t.id,
    opt(t.conversationId),
    opt(t.name),
    ms(t.endTime),
    t.latencyMs,
    t.status === 'error' ? 1 : 0,
    opt(t.errorType),
    opt(t.model),
    opt(t.release),
    opt(t.inputTokens),
    opt(t.outputTokens),
    opt(t.totalTokens),
    opt(t.costUsd),
    opt(t.inputPreview),
    opt(t.outputPreview),
    t.tags === undefined ? null : JSON.stringify(t.tags),
  ];
}

/** Separator of the searchable texts in `users.search_text`; a search containing it matches nothing across fields. */
export const SEARCH_SEPARATOR = '\u0000';

/** A user as a `users` row (`placeholder` 1 for a user known only from traces). */
export function userToRow(u: User, placeholder: boolean): SqlValue[] {
  const name = u.displayName || u.id;
  const texts = [u.id.toLowerCase()];
  if (u.displayName) texts.push(u.displayName.toLowerCase());
  if (u.email) texts.push(u.email.toLowerCase());
  for (const v of Object.values(u.metadata)) if (v !== null && v !== undefined) texts.push(String(v).toLowerCase());
  return [u.id, JSON.stringify(u), name.toLowerCase(), name, texts.join(SEARCH_SEPARATOR), placeholder ? 1 : 0];
}

/** Kind codes of `user_meta.kind`. */
export const META_KIND = { null: 0, number: 1, boolean: 2, string: 3 } as const;

/** One `user_meta` row per metadata key. */
export function metadataToRows(u: User): SqlValue[][] {
  return Object.entries(u.metadata).map(([key, v]: [string, MetadataValue]) => {
    if (typeof v === 'number') return [u.id, key, META_KIND.number, v, null, null];
    if (typeof v === 'boolean') return [u.id, key, META_KIND.boolean, v ? 1 : 0, null, null];
    if (typeof v === 'string') return [u.id, key, META_KIND.string, null, v, v.toLowerCase()];
    return [u.id, key, META_KIND.null, null, null, null];
  });
}

/** Kind codes of `feedback.value_kind`. */
export const VALUE_KIND = { number: 1, boolean: 2, string: 3 } as const;

/** A feedback record as a `feedback` row. */
export function feedbackToRow(f: Feedback): SqlValue[] {
  const v = f.value;
  const kind = typeof v === 'number' ? VALUE_KIND.number : typeof v === 'boolean' ? VALUE_KIND.boolean : VALUE_KIND.string;
  return [
    f.userId,
    Date.parse(f.createdAt),
    f.id,
    f.traceId,
    f.key,
    kind,
    typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : null,
    typeof v === 'string' ? v : null,
    typeof f.score === 'number' ? f.score : null,
    opt(f.comment),
    opt(f.source),
    f.source === 'eval' ? 1 : 0,
  ];
}
