/**
 * Previous and next user of a users list's current view, for "previous / next user" on a detail page.
 * @module
 */
import type { DataProvider, ListUsersParams } from '../core/contract';
import type { UserRow } from '../core/results';
import type { HookParams } from './query-hooks';
import type { QueryHookOptions, QueryResult } from './query-result';
import { useProviderQuery } from './use-provider-query';

/** Rows read per call while looking for the user. */
export const ADJACENT_SCAN_PAGE_SIZE = 500;

/** Default bound of the search: the first 5,000 rows of the view. */
export const DEFAULT_ADJACENT_MAX_ROWS = 5_000;

/** Params of {@link useAdjacentUsers}. */
export interface AdjacentUsersParams {
  /**
   * The list's current view as `listUsers` takes it (range, search, filters, sorting), so previous / next follow
   * its order. Pagination is left out: the hook reads the rows it needs.
   */
  list: HookParams<Omit<ListUsersParams, 'pagination'>>;
  /** The user shown. */
  userId: string;
  /**
   * Where the user was in the list (0-based, e.g. the clicked row's index over the whole view). When the row there
   * is this user, three one-row calls answer; otherwise the hook searches from the top.
   */
  indexHint?: number;
  /** Most rows searched before giving up (`found: false`). Default {@link DEFAULT_ADJACENT_MAX_ROWS}. */
  maxRows?: number;
}

/** Where the user sits in the view, and its neighbours. */
export interface AdjacentUsers {
  /** Whether the user is in the view (within `maxRows`); when false, the other fields are `null`. */
  found: boolean;
  /** The user's 0-based index in the view. */
  index: number | null;
  /** Users in the view (`Page.total`), when the provider knows it. */
  total: number | null;
  /** The row before, `null` for the first user (or when not found). */
  previous: UserRow | null;
  /** The row after, `null` for the last user (or when not found). */
  next: UserRow | null;
}

type ListParams = AdjacentUsersParams['list'];

/** The row at `index` of the view (a one-row page), or `null` past the end. */
async function rowAt(provider: DataProvider, list: ListParams, index: number, signal: AbortSignal): Promise<{ row: UserRow | null; total: number | null }> {
  if (index < 0) return { row: null, total: null };
  const page = await provider.listUsers({ ...list, pagination: { pageIndex: index, pageSize: 1 }, signal });
  return { row: page.rows[0] ?? null, total: page.total ?? null };
}

/** The answer around a known index, reading the two neighbours as one-row pages. */
async function around(provider: DataProvider, list: ListParams, index: number, total: number | null, signal: AbortSignal): Promise<AdjacentUsers> {
  const [before, after] = await Promise.all([rowAt(provider, list, index - 1, signal), rowAt(provider, list, index + 1, signal)]);
  return { found: true, index, total: total ?? after.total ?? before.total, previous: before.row, next: after.row };
}

const NOT_FOUND: AdjacentUsers = { found: false, index: null, total: null, previous: null, next: null };

/**
 * Finds `userId` in the view: at `indexHint` first, then page by page from the top (pages of
 * {@link ADJACENT_SCAN_PAGE_SIZE}, at most `maxRows` rows, the abort signal checked before each call).
 */
export async function findAdjacentUsers(
  provider: DataProvider,
  params: AdjacentUsersParams,
  signal: AbortSignal,
): Promise<AdjacentUsers> {
  const { list, userId, indexHint } = params;
  const maxRows = Math.max(1, params.maxRows ?? DEFAULT_ADJACENT_MAX_ROWS);
  if (indexHint !== undefined && Number.isInteger(indexHint) && indexHint >= 0) {
    const at = await rowAt(provider, list, indexHint, signal);
    if (at.row?.user.id === userId) return around(provider, list, indexHint, at.total, signal);
  }
  const pageSize = Math.min(ADJACENT_SCAN_PAGE_SIZE, maxRows);
  for (let pageIndex = 0; pageIndex * pageSize < maxRows; pageIndex += 1) {
    signal.throwIfAborted();
    const page = await provider.listUsers({ ...list, pagination: { pageIndex, pageSize }, signal });
    const i = page.rows.findIndex((row) => row.user.id === userId);
    if (i >= 0) {
      const index = pageIndex * pageSize + i;
      const total = page.total ?? null;
      // Neighbours inside the page come free; one at a page edge is one more one-row call.
      const previous = i > 0 ? (page.rows[i - 1] as UserRow) : (await rowAt(provider, list, index - 1, signal)).row;
      const next = i + 1 < page.rows.length ? (page.rows[i + 1] as UserRow) : (await rowAt(provider, list, index + 1, signal)).row;
      return { found: true, index, total, previous, next };
    }
    if (page.rows.length < pageSize) break;
  }
  return NOT_FOUND;
}

/**
 * The previous and next user of a users list's current view (`provider.listUsers` with the view's range, search,
 * filters and sorting), so a detail page's "previous / next user" follows the list the user came from. Pass the
 * clicked row's index as `indexHint` when known: three one-row calls then answer. Otherwise the view is read from
 * the top, at most `maxRows` rows (default 5,000); a user outside them is `found: false`.
 * Key: `['userscope', providerId, 'listUsers', { ...list, adjacentTo, indexHint, maxRows }]`.
 */
export function useAdjacentUsers(params: AdjacentUsersParams, options?: QueryHookOptions): QueryResult<AdjacentUsers> {
  const { list, userId, indexHint, maxRows } = params;
  return useProviderQuery(
    {
      method: 'listUsers',
      params: { ...list, adjacentTo: userId, indexHint, maxRows },
      fetch: (provider, signal) => findAdjacentUsers(provider, { list, userId, indexHint, maxRows }, signal),
    },
    options,
  );
}
