/**
 * The `navigation` API of `UserDetailPage`: a back link and previous / next user, all driven by the host.
 * @module
 */

/**
 * Where a navigation control leads. Give `href` (a real link: middle-click and "copy link" work) and, for client-side
 * routing, `onNavigate`, which then takes the link's plain clicks (the browser's navigation is prevented). With
 * `onNavigate` alone the control is a button.
 */
export interface UserDetailNavTarget {
  /** URL in the host's router (`http:`, `https:` or relative; other schemes are not rendered as links). */
  href?: string | null;
  /** Called on a plain click or activation, e.g. `() => router.navigate({ to: href })`. */
  onNavigate?: () => void;
  /** Visible text of the back link (default "All users"), or the name of the previous / next user. */
  label?: string;
}

/**
 * The page's navigation bar, above the sections. Previous and next are the neighbours in the list the user came
 * from (see `useAdjacentUsers`), so they follow its sort and filters.
 */
export interface UserDetailNavigation {
  /** Back to the list. Omit for no back link. */
  back?: UserDetailNavTarget;
  /** The previous user; `null`: this is the first user (shown disabled); omitted: no previous / next controls. */
  previous?: UserDetailNavTarget | null;
  /** The next user; `null`: this is the last user (shown disabled); omitted: no previous / next controls. */
  next?: UserDetailNavTarget | null;
  /** The user's place in the list (0-based `index`), shown as "3 of 120"; `total` `null` when unknown. */
  position?: { index: number; total: number | null } | null;
  /** The neighbours are still being looked up: previous and next show disabled, in place. */
  pending?: boolean;
}
