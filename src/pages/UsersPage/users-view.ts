/**
 * The users page's view state (range, search, filters, sorting, page, columns) as one serialisable object, so a
 * host can keep it in the URL, and its translation to `listUsers` params.
 * @module
 */
import type { FilterItem, ListUsersParams, OffsetPagination, SortingItem } from '../../core/contract';
import type { MetadataValue, TimeRange } from '../../core/model';
import type { TimeRangeValue } from '../../components/primitives/time-range';
import {
  DEFAULT_USERS_TABLE_PAGINATION,
  DEFAULT_USERS_TABLE_SORTING,
  DEFAULT_USERS_TABLE_VISIBILITY,
} from '../../components/UsersTable/UsersTable';

/** Everything the users page shows, as plain data. */
export interface UsersView {
  /** Time range: a preset relative to `now` or custom UTC days. */
  range: TimeRangeValue;
  /** Search text (sent to the provider after the debounce). */
  search: string;
  /** Metadata filters: key → accepted values (a user matches any of them). Empty arrays are ignored. */
  filters: Record<string, MetadataValue[]>;
  /** Only users with at least one attention reason. */
  attentionOnly: boolean;
  /** Sort keys, first wins. */
  sorting: SortingItem[];
  /** Current page. */
  pagination: OffsetPagination;
  /** Column visibility (`false` hides). */
  columnVisibility: Record<string, boolean>;
  /** Column order (ids). */
  columnOrder: string[];
}

/** The view when nothing is given: last 7 days, no search or filters, most recent first, 50 per page. */
export const DEFAULT_USERS_VIEW: UsersView = {
  range: { preset: '7d' },
  search: '',
  filters: {},
  attentionOnly: false,
  sorting: DEFAULT_USERS_TABLE_SORTING,
  pagination: DEFAULT_USERS_TABLE_PAGINATION,
  columnVisibility: DEFAULT_USERS_TABLE_VISIBILITY,
  columnOrder: [],
};

/** True when search, metadata filters or the attention filter narrow the list. */
export function isFiltered(view: Pick<UsersView, 'search' | 'filters' | 'attentionOnly'>): boolean {
  return view.search.trim() !== '' || view.attentionOnly || Object.values(view.filters).some((values) => values.length > 0);
}

/** The view's filters as contract filter items (`metadata.<key>`, `attention`). */
export function viewFilters(view: Pick<UsersView, 'filters' | 'attentionOnly'>): FilterItem[] {
  const items: FilterItem[] = Object.entries(view.filters)
    .filter(([, values]) => values.length > 0)
    .map(([key, values]) => ({ id: `metadata.${key}`, value: values }));
  if (view.attentionOnly) items.push({ id: 'attention', value: true });
  return items;
}

/** `listUsers` params (without signal) for a view, its resolved range and the debounced search. */
export function viewParams(view: UsersView, range: TimeRange, search: string): Omit<ListUsersParams, 'signal'> {
  const trimmed = search.trim();
  const filters = viewFilters(view);
  return {
    range,
    ...(trimmed ? { search: trimmed } : {}),
    ...(filters.length > 0 ? { filters } : {}),
    sorting: view.sorting,
    pagination: view.pagination,
  };
}
