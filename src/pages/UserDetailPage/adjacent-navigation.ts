/**
 * `navigation` targets from a `useAdjacentUsers` / `useAdjacentUsersInView` result, for `UserDetailPage`.
 * @module
 */
import type { User } from '../../core/model';
import type { UserRow } from '../../core/results';
import type { AdjacentUsers } from '../../hooks/use-adjacent-users';
import type { QueryResult } from '../../hooks/query-result';
import type { UserDetailNavigation, UserDetailNavTarget } from './navigation';

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
