/**
 * Opaque cursors of the memory provider's cursor-paged lists. A cursor is base64url JSON of a fingerprint of the
 * query it belongs to and a position inside that query's result, so a cursor replayed against another query (other
 * user, range, filters or sorting) is rejected instead of silently skipping or repeating rows.
 * @module
 */
import { ProviderError } from '../../core/errors';
import type { Page } from '../../core/results';

/** Default page size of cursor-paged lists. */
export const DEFAULT_LIMIT = 50;

/** 32-bit FNV-1a of the JSON of `query`, as 8 hex digits. Pass arrays, not objects, so key order cannot vary. */
export function queryFingerprint(query: readonly unknown[]): string {
  const text = JSON.stringify(query);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

function badCursor(message: string): ProviderError {
  return new ProviderError('invalid-data', `cursor: ${message}`, { field: 'cursor' });
}

/** Wraps `position` (any string) into a cursor bound to `fingerprint`. */
export function sealCursor(position: string, fingerprint: string): string {
  return toBase64Url(JSON.stringify([fingerprint, position]));
}

/**
 * The position inside a cursor made by {@link sealCursor} for the same `fingerprint`; `null` when there is no cursor.
 * @throws ProviderError `invalid-data` (field `cursor`) for a malformed cursor or one of another query.
 */
export function openCursor(cursor: string | null | undefined, fingerprint: string): string | null {
  if (cursor === undefined || cursor === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(String(cursor)));
  } catch {
    throw badCursor('not a cursor of this provider');
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') {
    throw badCursor('not a cursor of this provider');
  }
  if (parsed[0] !== fingerprint) throw badCursor('belongs to another query (user, range, conversation, filters or sorting changed)');
  return parsed[1];
}

/** Validates a page size: a positive integer, default {@link DEFAULT_LIMIT}. */
export function parseLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isSafeInteger(limit) || limit <= 0) {
    throw new ProviderError('invalid-data', `limit: expected a positive integer, got ${JSON.stringify(limit)}`, { field: 'limit' });
  }
  return limit;
}

/**
 * One page of `rows` (the complete, ordered result of the query with `fingerprint`), each mapped with `copy`.
 * The cursor position is the offset of the next row; `total` is the full row count; `nextCursor` is `null` on the
 * last page.
 */
export function cursorPage<R, T>(
  rows: readonly R[],
  params: { cursor?: string | null; limit?: number },
  fingerprint: string,
  copy: (row: R) => T,
): Page<T> {
  const limit = parseLimit(params.limit);
  const position = openCursor(params.cursor, fingerprint);
  const offset = position === null ? 0 : Number(position);
  if (!Number.isSafeInteger(offset) || offset < 0) throw badCursor('not a cursor of this provider');
  const end = offset + limit;
  return {
    rows: rows.slice(offset, end).map(copy),
    total: rows.length,
    nextCursor: end < rows.length ? sealCursor(String(end), fingerprint) : null,
  };
}
