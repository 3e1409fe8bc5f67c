/**
 * Previous / next user of a `UsersPage` view (for `UserDetailPage`'s `navigation`): `useAdjacentUsers` over the
 * view's `listUsers` params.
 * @module
 */
import { useMemo } from 'react';
import { resolveTimeRange } from '../core/time-range-value';
import { useAdjacentUsers, type AdjacentUsers } from './use-adjacent-users';
import type { QueryHookOptions, QueryResult } from './query-result';
import { DEFAULT_USERS_VIEW, viewParams, type UsersView } from './users-view';

/** Params of {@link useAdjacentUsersInView}. */
export interface AdjacentUsersInViewParams {
  /** The users page's view (as `UsersPage`'s `view` / `onViewChange` hold it); missing fields take the defaults. */
  view: Partial<UsersView>;
  /** The user shown. */
  userId: string;
  /** The users page's `now` (epoch ms), so both resolve the same range preset. */
  now: number;
  /** The clicked row's index over the whole view (page offset included), when known: three one-row calls answer. */
  indexHint?: number;
  /** Most rows searched. Default 5,000. */
  maxRows?: number;
}

/**
 * The neighbours of `userId` in a `UsersPage` view: its range, search, metadata and attention filters and sorting,
 * as the users page asks `listUsers` for them (see `useAdjacentUsers`).
 */
export function useAdjacentUsersInView(params: AdjacentUsersInViewParams, options?: QueryHookOptions): QueryResult<AdjacentUsers> {
  const { view, userId, now, indexHint, maxRows } = params;
  const viewKey = JSON.stringify(view);
  const list = useMemo(() => {
    const full: UsersView = { ...DEFAULT_USERS_VIEW, ...(JSON.parse(viewKey) as Partial<UsersView>) };
    const { pagination: _pagination, ...rest } = viewParams(full, resolveTimeRange(full.range, now), full.search);
    return rest;
  }, [viewKey, now]);
  return useAdjacentUsers({ list, userId, indexHint, maxRows }, options);
}
