/**
 * Previous / next user of a `UsersPage` view, ready for `UserDetailPage`'s `navigation` prop.
 * @module
 */
import { useMemo } from 'react';
import type { User } from '../../core/model';
import type { UserRow } from '../../core/results';
import { resolveTimeRange } from '../../components/primitives/time-range';
import { useAdjacentUsers, type AdjacentUsers } from '../../hooks/use-adjacent-users';
import type { QueryHookOptions, QueryResult } from '../../hooks/query-result';
import { DEFAULT_USERS_VIEW, viewParams, type UsersView } from '../UsersPage/users-view';
import type { UserDetailNavigation, UserDetailNavTarget } from './navigation';

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

/** A user's name for the previous / next controls: display name, else email, else id. */
export function userLabel(user: Pick<User, 'id' | 'displayName' | 'email'>): string {
  return user.displayName || user.email || user.id;
}

/**
 * `navigation`'s previous, next, position and pending from a `useAdjacentUsers` result: each neighbour becomes the
 * target `toTarget` makes of it (e.g. `{ href: `/users/${row.user.id}`, onNavigate }`), labelled with the user's
 * name unless the target has its own. A user not found in the view gets no previous / next controls.
 */
export function adjacentNavigation(
  adjacent: QueryResult<AdjacentUsers>,
  toTarget: (row: UserRow) => UserDetailNavTarget,
): Pick<UserDetailNavigation, 'previous' | 'next' | 'position' | 'pending'> {
  if (adjacent.status === 'pending') return { pending: true };
  const data = adjacent.data;
  if (adjacent.status === 'error' || !data?.found || data.index === null) return {};
  const target = (row: UserRow | null) => (row ? { label: userLabel(row.user), ...toTarget(row) } : null);
  return { previous: target(data.previous), next: target(data.next), position: { index: data.index, total: data.total } };
}
