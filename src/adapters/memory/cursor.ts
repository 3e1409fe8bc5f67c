/**
 * Opaque cursors of the memory provider's cursor-paged lists. A cursor is base64url JSON of a fingerprint of the
 * query it belongs to and a position inside that query's result, so a cursor replayed against another query (other
 * user, range, filters or sorting) is rejected instead of silently skipping or repeating rows.
 * @module
 */
import { badCursor, openCursor, queryFingerprint, sealCursor } from '../../core/cursor';

export { openCursor, queryFingerprint, sealCursor };
import { parseLimit } from '../../core/params';
import type { Page } from '../../core/results';


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
