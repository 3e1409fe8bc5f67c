/**
 * The users page's view state (range, search, filters, sorting, page, columns) as one serialisable object, so a
 * host can keep it in the URL, and its translation to `listUsers` params.
 * @module
 */
import type { FilterItem, ListUsersParams, OffsetPagination, SortingItem } from '../core/contract';
import { USER_METRIC_COLUMNS } from '../core/metrics/user-metrics';
import type { MetadataValue, TimeRange } from '../core/model';
import type { MetricRange } from '../core/params-filters';
import type { DistributionMetric } from '../core/results';
import type { TimeRangeValue } from '../core/time-range-value';

/** Users-list sorting when none is given: most recently active first (the contract's default). */
export const DEFAULT_USERS_TABLE_SORTING: SortingItem[] = [{ id: 'lastSeen', desc: true }];
/** Users-list page when none is given. */
export const DEFAULT_USERS_TABLE_PAGINATION: OffsetPagination = { pageIndex: 0, pageSize: 50 };
/**
 * Users-table columns hidden until the user picks them: the metric registry's hidden columns (`column.hidden`) and
 * first seen. Metadata columns other than plan and region start hidden too.
 */
export const DEFAULT_HIDDEN_COLUMNS: readonly string[] = [
  ...USER_METRIC_COLUMNS.filter((m) => m.column.hidden).map((m) => m.id),
  'firstSeen',
  'metadata.tier',
];
/** Users-table column visibility when none is given: {@link DEFAULT_HIDDEN_COLUMNS} hidden. */
export const DEFAULT_USERS_TABLE_VISIBILITY: Record<string, boolean> = Object.fromEntries(DEFAULT_HIDDEN_COLUMNS.map((id) => [id, false]));

/**
 * A distribution bar picked as a filter of the list: the measure, the `listUsers` range of the bar (core's
 * `binRange`, open at the end bars, so the list holds exactly the bar's users) and the bar's edges, which the filter
 * chip shows and the distribution highlights.
 */
export interface MeasureFilter {
  /** The binned measure, also the `listUsers` filter id. */
  metric: DistributionMetric;
  /** The `listUsers` filter value. */
  range: MetricRange;
  /** The picked bar's edges. */
  bin: { from: number; to: number };
}

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
  /** Only the users of a distribution bar; `null` (or absent) for none. */
  measure?: MeasureFilter | null;
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
  measure: null,
  sorting: DEFAULT_USERS_TABLE_SORTING,
  pagination: DEFAULT_USERS_TABLE_PAGINATION,
  columnVisibility: DEFAULT_USERS_TABLE_VISIBILITY,
  columnOrder: [],
};

/** The sort the "Needs attention" toggle sets: severity, the most reasons and the highest ratio first. */
export const ATTENTION_SORTING: readonly SortingItem[] = [{ id: 'attention', desc: true }];

/** True when `sorting` is {@link ATTENTION_SORTING}. */
export function isAttentionSorting(sorting: readonly SortingItem[]): boolean {
  return sorting.length === 1 && sorting[0]?.id === 'attention' && sorting[0]?.desc === true;
}

/**
 * The view after the "Needs attention" toggle: on, the list also sorts by severity; off, a list still sorted by
 * severity goes back to the default sort. A sort picked after switching it on is kept either way.
 */
export function withAttentionOnly(view: UsersView, on: boolean): Partial<UsersView> {
  if (on) return { attentionOnly: true, sorting: [...ATTENTION_SORTING] };
  return isAttentionSorting(view.sorting) ? { attentionOnly: false, sorting: DEFAULT_USERS_VIEW.sorting } : { attentionOnly: false };
}

/** True when search, metadata filters, the attention filter or a distribution bar narrow the list. */
export function isFiltered(view: Pick<UsersView, 'search' | 'filters' | 'attentionOnly' | 'measure'>): boolean {
  return (
    view.search.trim() !== '' || view.attentionOnly || (view.measure ?? null) !== null || Object.values(view.filters).some((values) => values.length > 0)
  );
}

/** The view's filters as contract filter items (`metadata.<key>`, `attention`, the bar's measure). */
export function viewFilters(view: Pick<UsersView, 'filters' | 'attentionOnly' | 'measure'>): FilterItem[] {
  const items: FilterItem[] = Object.entries(view.filters)
    .filter(([, values]) => values.length > 0)
    .map(([key, values]) => ({ id: `metadata.${key}`, value: values }));
  if (view.attentionOnly) items.push({ id: 'attention', value: true });
  if (view.measure) items.push({ id: view.measure.metric, value: view.measure.range });
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
