/**
 * The detail page's controlled state (range, cohort, selected conversation) as one object, and its URL form:
 * {@link parseUserDetailView}, {@link serializeUserDetailView}, and {@link detailParamsFromUsersView} to carry the
 * list's range to the detail page.
 *
 * Parameters: `range` (`30d` or `2025-03-01..2025-03-31`), `cohort` (metadata key) with `cohortValue`, and
 * `conversation` (id; `(none)` for traces without one). An empty `cohort` or `conversation` is "none".
 * @module
 */
import type { TimeRangeValue } from '../../core/time-range-value';
import type { Cohort } from '../../core/results';
import { readId, readMetadataValue, readRange, sameValue, toSearchParams, writeMetadataValue, writeRange } from '../UsersPage/url-params';
import type { UsersView } from '../../hooks/users-view';

/** What `UserDetailPage` takes as controlled state (`range`, `cohort`, `selectedConversationId`), as plain data. */
export interface UserDetailView {
  /** The page's time range. */
  range: TimeRangeValue;
  /** The cohort the user is compared with; `null` for none. */
  cohort: Cohort | null;
  /** The selected conversation (`"(none)"`: traces without one); `null` for none. */
  conversationId: string | null;
}

/** The detail page's state when nothing is given: the last 30 days, no cohort, no conversation. */
export const DEFAULT_USER_DETAIL_VIEW: UserDetailView = { range: { preset: '30d' }, cohort: null, conversationId: null };

function readCohort(params: URLSearchParams): Cohort | null | undefined {
  const key = params.get('cohort');
  if (key === null) return undefined;
  if (key === '') return null;
  const valueText = params.get('cohortValue');
  const value = valueText === null ? undefined : readMetadataValue(valueText);
  return readId(key) !== undefined && value !== undefined ? { key, value } : undefined;
}

/**
 * The detail state a URL's query holds: each field from its parameter, or from `defaults` when the parameter is
 * absent or invalid (never throws). Other parameters are ignored.
 */
export function parseUserDetailView(params: URLSearchParams | string, defaults: UserDetailView = DEFAULT_USER_DETAIL_VIEW): UserDetailView {
  const p = toSearchParams(params);
  const conversation = p.get('conversation');
  const cohort = readCohort(p);
  return {
    range: readRange(p.get('range')) ?? defaults.range,
    cohort: cohort === undefined ? defaults.cohort : cohort,
    conversationId: conversation === '' ? null : (readId(conversation) ?? defaults.conversationId),
  };
}

/** The query parameters of a detail state: only fields that differ from `defaults`; parsing them gives it back. */
export function serializeUserDetailView(view: UserDetailView, defaults: UserDetailView = DEFAULT_USER_DETAIL_VIEW): URLSearchParams {
  const p = new URLSearchParams();
  if (!sameValue(view.range, defaults.range)) p.set('range', writeRange(view.range));
  if (!sameValue(view.cohort, defaults.cohort)) {
    p.set('cohort', view.cohort?.key ?? '');
    if (view.cohort) p.set('cohortValue', writeMetadataValue(view.cohort.value));
  }
  if (view.conversationId !== defaults.conversationId) p.set('conversation', view.conversationId ?? '');
  return p;
}

/**
 * The detail page's query for a user opened from the list: the list's range carried over (the rest at `defaults`),
 * e.g. ``getUserHref={(user) => `/users/${user.id}?${detailParamsFromUsersView(view)}`}``.
 */
export function detailParamsFromUsersView(view: Pick<UsersView, 'range'>, defaults: UserDetailView = DEFAULT_USER_DETAIL_VIEW): URLSearchParams {
  return serializeUserDetailView({ ...defaults, range: view.range }, defaults);
}
