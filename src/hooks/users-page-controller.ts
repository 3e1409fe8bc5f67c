/**
 * `useUsersPageController`: everything the users page does except drawing it, for hosts that lay the page out
 * themselves (react-admin's `useListController` is the model).
 * @module
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ListUsersParams } from '../core/contract';
import { usersCsvColumns } from '../core/csv/users-csv-columns';
import type { MetadataValue, TimeRange } from '../core/model';
import type { Page, UserRow } from '../core/results';
import { resolveTimeRange, utcDay, type TimeRangeValue } from '../core/time-range-value';
import { useLoadProgress, type LoadProgressState } from './load-progress';
import { useUsers } from './query-hooks';
import type { QueryResult } from './query-result';
import { useControllableState } from './use-controllable-state';
import { useCsvExport, type CsvExportState, type UsersCsvFile } from './use-csv-export';
import { useDebouncedValue } from './use-debounced-value';
import { DEFAULT_SUMMARY_SCAN_LIMIT, useUsersOverview, type UsersOverview } from './users-overview';
import { useUserscope } from './userscope-provider';
import { DEFAULT_USERS_VIEW, isFiltered, viewParams, withAttentionOnly, type MeasureFilter, type UsersView } from './users-view';

/** Options of {@link useUsersPageController}: the users page's non-visual props. */
export interface UsersPageControllerOptions {
  /** Controlled view (range, search, filters, sorting, page, columns), e.g. kept in the host's URL. */
  view?: UsersView;
  /** Initial view when uncontrolled; missing fields take {@link DEFAULT_USERS_VIEW}'s. */
  defaultView?: Partial<UsersView>;
  /** Called with every new view. Search changes arrive after the debounce. */
  onViewChange?: (view: UsersView) => void;
  /** The instant time-range presets end at (epoch ms). Default: `Date.now()` at mount. */
  now?: number;
  /** Metadata keys offered as filters, in order. Default: discovered from the data. */
  filterKeys?: readonly string[];
  /** Search debounce in ms. Default 300. */
  searchDebounceMs?: number;
  /** Most active users read to total traces, error rate and cost without `getUsersSummary`. Default 20,000. */
  summaryScanLimit?: number;
  /** Receives the CSV export instead of the browser download. */
  onExport?: (file: UsersCsvFile) => void;
}

/** The CSV export of the current view: its state, start (with the columns to write) and cancel. */
export interface UsersCsvExport {
  /** Where the export is. */
  state: CsvExportState;
  /**
   * Exports every page of the view (not only the shown one) through the provider: one CSV column group per users-table
   * column id given, in order (`user` always first; ids without CSV columns, like `sparkline`, are skipped).
   */
  start: (columnIds: readonly string[]) => void;
  /** Cancels the running export (aborts the in-flight request). */
  cancel: () => void;
  /** True until the list has loaded at least one user: nothing to export. */
  disabled: boolean;
}

/** What {@link useUsersPageController} returns. */
export interface UsersPageController {
  /** The current view (controlled or the controller's own). Its `search` is the debounced one. */
  view: UsersView;
  /** Changes the view: `patch` merged in; `resetPage` goes back to the first page (for anything that narrows the list). */
  updateView: (patch: Partial<UsersView>, resetPage?: boolean) => void;
  /** "Now" of the range presets (epoch ms). */
  now: number;
  /** The view's range resolved to ISO instants. */
  range: TimeRange;
  /** The `listUsers` params of the view (what the list asks). */
  params: Omit<ListUsersParams, 'signal'>;
  /** The list's page, keeping the previous rows while a new sort or page loads. */
  users: QueryResult<Page<UserRow>>;
  /** The loaded rows (`[]` before the first answer). */
  rows: readonly UserRow[];
  /** Totals of the range (with the bounded fallback when the provider has no `getUsersSummary`) and the metadata facets. */
  overview: UsersOverview;
  /** The scan limit the overview used. */
  summaryScanLimit: number;
  /** Traces loaded so far while the list loads from a `ProgressSource` provider; `null` otherwise. */
  progress: LoadProgressState | null;
  /** The search box text, immediate (the view's `search` follows it after the debounce). */
  searchInput: string;
  /** Sets the search box text. */
  setSearchInput: (search: string) => void;
  /** Search, metadata filters, the attention filter or a distribution bar narrow the list. */
  filtered: boolean;
  /** Sets one metadata key's accepted values (empty: no filter). */
  setFilter: (key: string, values: MetadataValue[]) => void;
  /** The "needs attention" filter (on: also sorts by severity, until another sort is picked). */
  setAttentionOnly: (on: boolean) => void;
  /** Filters the list to a distribution bar's users, or clears that filter (`null`). */
  setMeasure: (measure: MeasureFilter | null) => void;
  /** Picks the time range. */
  setRange: (range: TimeRangeValue) => void;
  /** Clears search, metadata filters, the attention filter and the bar. */
  clearFilters: () => void;
  /** Why an empty list is empty: the filters, no trace carries a user id, or nothing in the range. */
  emptyReason: 'filters' | 'no-user-ids' | 'range';
  /** CSV export of the whole view. */
  csvExport: UsersCsvExport;
}

/**
 * The users page's state and data without its markup: the view (controlled or not; search debounced; filters,
 * the attention filter and a distribution bar going back to page 1), the list (previous rows kept while the next
 * sort or page loads), the overview (totals and metadata facets, with a bounded fallback), load progress and the CSV
 * export. Render `UsersTable`, the toolbar and totals of your own layout from it. Inside a `<UserscopeProvider>`.
 */
export function useUsersPageController(options: UsersPageControllerOptions = {}): UsersPageController {
  const { provider } = useUserscope();
  const [mountedAt] = useState(() => Date.now());
  const now = options.now ?? mountedAt;
  const summaryScanLimit = options.summaryScanLimit ?? DEFAULT_SUMMARY_SCAN_LIMIT;

  const [view, setView] = useControllableState<UsersView>({
    value: options.view,
    defaultValue: { ...DEFAULT_USERS_VIEW, ...options.defaultView },
    onChange: options.onViewChange,
  });
  const updateView = useCallback(
    (patch: Partial<UsersView>, resetPage = false) =>
      setView((v) => ({ ...v, ...patch, ...(resetPage ? { pagination: { ...(patch.pagination ?? v.pagination), pageIndex: 0 } } : {}) })),
    [setView],
  );

  // The search box is local and immediate; the view's search follows it after the debounce. A search set from
  // outside (controlled view) is copied into the box.
  const [searchInput, setSearchInput] = useState(view.search);
  const committedSearch = useRef(view.search);
  const debouncedSearch = useDebouncedValue(searchInput, options.searchDebounceMs ?? 300);
  useEffect(() => {
    if (view.search !== committedSearch.current) {
      committedSearch.current = view.search;
      setSearchInput(view.search);
    }
  }, [view.search]);
  useEffect(() => {
    if (debouncedSearch !== committedSearch.current) {
      committedSearch.current = debouncedSearch;
      updateView({ search: debouncedSearch }, true);
    }
  }, [debouncedSearch, updateView]);

  const rangeKey = JSON.stringify(view.range);
  // The range is compared by content, so a new but equal object from the host does not refetch.
  const range = useMemo(() => resolveTimeRange(view.range, now), [rangeKey, now]);
  const params = viewParams(view, range, view.search);
  // Before useUsers, so it listens before the list's load starts.
  const progress = useLoadProgress();
  const users = useUsers(params, { keepPreviousData: true });
  const overview = useUsersOverview(range, { scanLimit: summaryScanLimit, facetKeys: options.filterKeys });
  const exporter = useCsvExport(provider, options.onExport);

  const clearFilters = () => {
    committedSearch.current = '';
    setSearchInput('');
    updateView({ search: '', filters: {}, measure: null, ...withAttentionOnly(view, false) }, true);
  };
  const filtered = isFiltered(view);
  const totals = overview.totals;
  const noUserIds = overview.status === 'success' && totals.activeUserCount === 0 && (totals.unattributedTraceCount ?? 0) > 0;
  const startExport = (columnIds: readonly string[]) => {
    const { pagination: _page, ...exportParams } = params;
    void exporter.start({
      params: exportParams,
      columns: usersCsvColumns(columnIds),
      filename: `users-${utcDay(Date.parse(range.from))}-${utcDay(Date.parse(range.to) - 1)}.csv`,
    });
  };

  return {
    view,
    updateView,
    now,
    range,
    params,
    users,
    rows: users.data?.rows ?? NO_ROWS,
    overview,
    summaryScanLimit,
    progress: users.isFetching ? progress : null,
    searchInput,
    setSearchInput,
    filtered,
    setFilter: (key, values) => updateView({ filters: { ...view.filters, [key]: values } }, true),
    setAttentionOnly: (on) => updateView(withAttentionOnly(view, on), true),
    setMeasure: (measure) => updateView({ measure }, true),
    setRange: (value) => updateView({ range: value }, true),
    clearFilters,
    emptyReason: filtered ? 'filters' : noUserIds ? 'no-user-ids' : 'range',
    csvExport: {
      state: exporter.state,
      start: startExport,
      cancel: exporter.cancel,
      disabled: users.status !== 'success' || (users.data.total ?? users.data.rows.length) === 0,
    },
  };
}

const NO_ROWS: UserRow[] = [];
