/**
 * Opaque, query-bound cursors for cursor-paged lists. A cursor is base64url JSON of a fingerprint of the query it
 * belongs to and a position inside that query's result (an offset, or a keyset position), so a cursor replayed
 * against another query (other user, range, filters or sorting) is rejected instead of silently skipping or
 * repeating rows. Shared by the memory provider and the SQL server.
 * @module
 */
import { ProviderError } from './errors';

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

/** `ProviderError('invalid-data')` on field `cursor`. */
export function badCursor(message: string): ProviderError {
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
