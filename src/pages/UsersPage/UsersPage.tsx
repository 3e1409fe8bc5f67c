import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MetadataValue, User } from '../../core/model';
import type { UserRow } from '../../core/results';
import { formatLabel } from '../../components/primitives/format-label';
import { useContextLabels } from '../UserDetailPage/use-context-labels';
import { resolveTimeRange, utcDay } from '../../components/primitives/time-range';
import { timeRangePickerLabels } from '../../components/primitives/TimeRangePicker';
import type { RenderLink } from '../../components/primitives/HostLink';
import { useControllableState } from '../../components/primitives/use-controllable-state';
import { DEFAULT_METADATA_COLUMNS, UsersTable } from '../../components/UsersTable/UsersTable';
import { defaultColumnIds, visibleColumnIds, type MetadataColumn } from '../../components/UsersTable/users-table-columns';
import { usersTableLabels, type UsersTableLabels } from '../../components/UsersTable/users-table-labels';
import { LoadProgressNote } from '../../components/primitives/LoadProgressNote';
import { useLoadProgress } from '../../hooks/load-progress';
import { useUsers } from '../../hooks/query-hooks';
import { useUserscope } from '../../hooks/userscope-provider';
import { isLowAttribution } from './attributed-share';
import { ExportControl } from './ExportControl';
import { MissingUserIdsNotice } from './MissingUserIdsNotice';
import { useCsvExport, type UsersCsvFile } from './use-csv-export';
import { useDebouncedValue } from './use-debounced-value';
import { DEFAULT_SUMMARY_SCAN_LIMIT, useUsersSummary } from './use-users-summary';
import { usersCsvColumns } from './users-csv-columns';
import { usersPageLabels, type UsersPageLabels } from './users-page-labels';
import { UsersPopulation } from './UsersPopulation';
import { UsersSummaryStrip } from './UsersSummaryStrip';
import { UsersToolbar } from './UsersToolbar';
import { binEdges, metricName } from '../../components/UsersDistribution/distribution-format';
import { usersDistributionLabels } from '../../components/UsersDistribution/labels';
import { DEFAULT_USERS_VIEW, isFiltered, viewParams, withAttentionOnly, type UsersView } from './users-view';

/** Props of {@link UsersPage}. */
export interface UsersPageProps {
  /** Controlled view (range, search, filters, sorting, page, columns), e.g. kept in the host's URL. */
  view?: UsersView;
  /** Initial view when uncontrolled; missing fields take {@link DEFAULT_USERS_VIEW}'s. */
  defaultView?: Partial<UsersView>;
  /** Called with every new view. Search changes arrive after the debounce. */
  onViewChange?: (view: UsersView) => void;
  /** The instant time-range presets end at (epoch ms). Default: `Date.now()` at mount. */
  now?: number;
  /** URL of a user's detail page: the user column renders a real link (middle-click opens a tab). */
  getUserHref?: (user: User) => string | null | undefined;
  /** Called when a user is opened (plain click, row click, Enter). */
  onUserOpen?: (user: User) => void;
  /**
   * Renders the user links with the host's router (`({ href, ...rest }) => <Link to={href} {...rest} />`), so rows
   * are real anchors that navigate client-side from `getUserHref` alone. Default: a plain `<a>`.
   */
  renderLink?: RenderLink;
  /** Metadata keys shown as table columns. Default plan, tier, region. */
  metadataColumns?: readonly MetadataColumn[];
  /** Metadata keys offered as filters, in order. Default: discovered from the data. */
  filterKeys?: readonly string[];
  /** Search debounce in ms. Default 300. */
  searchDebounceMs?: number;
  /** Most active users read to total traces, error rate and cost in the header strip. Default 20,000. */
  summaryScanLimit?: number;
  /**
   * URL of the conventions for user ids (e.g. your copy of docs/adapters.md, "Conventions → fields"), linked from
   * the notice shown when few traces of the range carry a user id. Without it the notice names the document.
   */
  userIdDocsHref?: string;
  /**
   * Shows the population above the list: users by cost, traces, error rate or p95 latency (a bar filters the list to
   * its users, shown as a removable chip in the toolbar) and segments by a metadata key (a segment filters the
   * list). Default `true`.
   */
  population?: boolean;
  /** Receives the CSV export instead of the browser download. */
  onExport?: (file: UsersCsvFile) => void;
  /** Page strings (also settable as `users.<key>` in `<UserscopeProvider labels>`). */
  labels?: Partial<UsersPageLabels>;
  /** Table strings (also settable as `usersTable.<key>`). */
  tableLabels?: Partial<UsersTableLabels>;
  /** Level of the page heading. Default 2. */
  headingLevel?: 1 | 2 | 3;
  /** Height of the table's scrolling body. Default 640. */
  tableMaxHeight?: number | string;
  /** Extra class on the root. */
  className?: string;
}

const NO_ROWS: UserRow[] = [];

function titleCase(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1).replace(/[_-]+/g, ' ');
}

/**
 * The users list page: heading, population totals of the range (with new users and the share of traces that carry
 * a user id), a "why are users missing?" notice when few traces carry one, the population (users by cost, traces,
 * error rate or p95 latency; segments by a metadata key), search (debounced), metadata filters discovered from the
 * data, a "needs attention" quick filter (which also sorts by severity until another sort is picked), a time-range picker, CSV export of the whole view (all pages, through the
 * provider, with progress and cancel) and the {@link UsersTable}. Sorting and paging keep the previous
 * rows on screen while the provider answers. While the list loads from a provider that reports progress
 * (`ProgressSource`, e.g. Langfuse), "Loaded 3,200 of ~10,000 traces" shows above the table. Render it inside a
 * `<UserscopeProvider>`.
 */
export function UsersPage(props: UsersPageProps) {
  const { provider, locale } = useUserscope();
  const l = useContextLabels(usersPageLabels, 'users', props.labels);
  const tableLabels = useContextLabels(usersTableLabels, 'usersTable', props.tableLabels);
  const rangeLabels = useContextLabels(timeRangePickerLabels, 'timeRange');
  const distributionLabels = useContextLabels(usersDistributionLabels, 'usersDistribution');
  const [mountedAt] = useState(() => Date.now());
  const now = props.now ?? mountedAt;
  const metadataColumns = props.metadataColumns ?? DEFAULT_METADATA_COLUMNS;
  const scanLimit = props.summaryScanLimit ?? DEFAULT_SUMMARY_SCAN_LIMIT;

  const [view, setView] = useControllableState<UsersView>({
    value: props.view,
    defaultValue: { ...DEFAULT_USERS_VIEW, ...props.defaultView },
    onChange: props.onViewChange,
  });
  const update = useCallback(
    (patch: Partial<UsersView>, resetPage = false) =>
      setView((v) => ({ ...v, ...patch, ...(resetPage ? { pagination: { ...(patch.pagination ?? v.pagination), pageIndex: 0 } } : {}) })),
    [setView],
  );

  // The search box is local and immediate; the view's search follows it after the debounce. A search set from
  // outside (controlled view) is copied into the box.
  const [searchInput, setSearchInput] = useState(view.search);
  const committedSearch = useRef(view.search);
  const debouncedSearch = useDebouncedValue(searchInput, props.searchDebounceMs ?? 300);
  useEffect(() => {
    if (view.search !== committedSearch.current) {
      committedSearch.current = view.search;
      setSearchInput(view.search);
    }
  }, [view.search]);
  useEffect(() => {
    if (debouncedSearch !== committedSearch.current) {
      committedSearch.current = debouncedSearch;
      update({ search: debouncedSearch }, true);
    }
  }, [debouncedSearch, update]);

  const rangeKey = JSON.stringify(view.range);
  // The range is compared by content, so a new but equal object from the host does not refetch.
  const range = useMemo(() => resolveTimeRange(view.range, now), [rangeKey, now]);
  const params = viewParams(view, range, view.search);
  // Before useUsers, so it listens before the list's load starts.
  const progress = useLoadProgress();
  const users = useUsers(params, { keepPreviousData: true });
  const summary = useUsersSummary(range, { scanLimit, facetKeys: props.filterKeys });
  const exporter = useCsvExport(provider, props.onExport);

  const labelOf = (key: string) => {
    const column = metadataColumns.find((c) => (typeof c === 'string' ? c : c.key) === key);
    return column && typeof column !== 'string' ? column.label : titleCase(key);
  };
  const filtered = isFiltered(view);
  const searchInputRef = useRef<HTMLInputElement | null>(null);
  // Both "Clear filters" buttons (toolbar, table's "no match" state) go away once pressed; focus moves to the search
  // box first, so it goes straight there instead of falling to <body>.
  const clearFilters = () => {
    searchInputRef.current?.focus();
    committedSearch.current = '';
    setSearchInput('');
    update({ search: '', filters: {}, measure: null, ...withAttentionOnly(view, false) }, true);
  };
  const clearMeasure = () => {
    searchInputRef.current?.focus();
    update({ measure: null }, true);
  };
  const measure = view.measure ?? null;
  const measureChip = useMemo(() => {
    if (measure === null) return null;
    const values = { metric: metricName(measure.metric, distributionLabels), ...binEdges(measure.metric, measure.bin, locale) };
    return {
      text: formatLabel(l.measureChip, values),
      removeLabel: formatLabel(l.measureChipRemove, { ...values, metric: values.metric.toLocaleLowerCase(locale) }),
    };
  }, [measure, distributionLabels, locale, l]);
  const startExport = () => {
    const { pagination: _page, ...exportParams } = params;
    const ids = visibleColumnIds(defaultColumnIds(metadataColumns), view.columnOrder, view.columnVisibility);
    void exporter.start({
      params: exportParams,
      columns: usersCsvColumns(ids),
      filename: `users-${utcDay(Date.parse(range.from))}-${utcDay(Date.parse(range.to) - 1)}.csv`,
    });
  };
  const headingLevel = props.headingLevel ?? 2;
  const Heading = `h${headingLevel}` as 'h2';
  const noUserIds = summary.status === 'success' && summary.summary.activeUserCount === 0 && (summary.summary.unattributedTraceCount ?? 0) > 0;

  return (
    <div className={props.className ? `us-users-page ${props.className}` : 'us-users-page'} data-slot="users-page">
      <header className="us-users-page__header">
        <div className="us-users-page__heading">
          <Heading className="us-users-page__title">{l.title}</Heading>
          <p className="us-users-page__subtitle">{l.subtitle}</p>
        </div>
        <ExportControl
          state={exporter.state}
          onStart={startExport}
          onCancel={exporter.cancel}
          disabled={users.status !== 'success' || (users.data.total ?? users.data.rows.length) === 0}
          labels={l}
          locale={locale}
        />
      </header>
      <UsersSummaryStrip
        summary={summary.summary}
        pending={summary.status === 'pending'}
        isFetching={summary.isFetching}
        tooLarge={summary.tooLarge}
        scanLimit={scanLimit}
        labels={l}
        locale={locale}
      />
      {summary.status === 'success' && isLowAttribution(summary.summary) ? (
        <MissingUserIdsNotice
          summary={summary.summary}
          docsHref={props.userIdDocsHref}
          headingLevel={(headingLevel + 1) as 2 | 3 | 4}
          labels={l}
          locale={locale}
        />
      ) : null}
      <UsersToolbar
        search={searchInput}
        onSearchChange={setSearchInput}
        searchInputRef={searchInputRef}
        facets={summary.facets}
        filters={view.filters}
        onFilterChange={(key: string, values: MetadataValue[]) => update({ filters: { ...view.filters, [key]: values } }, true)}
        facetLabel={labelOf}
        attentionOnly={view.attentionOnly}
        onAttentionOnlyChange={(on) => update(withAttentionOnly(view, on), true)}
        measureChip={measureChip}
        onMeasureClear={clearMeasure}
        filtered={filtered}
        onClearFilters={clearFilters}
        range={view.range}
        onRangeChange={(value) => update({ range: value }, true)}
        now={now}
        locale={locale}
        labels={l}
        rangeLabels={rangeLabels}
      />
      {props.population === false ? null : (
        <UsersPopulation
          range={range}
          view={view}
          update={update}
          segmentKeys={summary.facets.map((facet) => facet.key)}
          keyLabel={labelOf}
          headingLevel={(headingLevel + 1) as 2 | 3 | 4}
          labels={l}
        />
      )}
      <LoadProgressNote progress={users.isFetching ? progress : null} locale={locale} labels={l} />
      <UsersTable
        rows={users.data?.rows ?? NO_ROWS}
        rowCount={users.data?.total}
        status={users.status}
        isFetching={users.isFetching}
        error={users.error}
        onRetry={users.refetch}
        emptyReason={filtered ? 'filters' : noUserIds ? 'no-user-ids' : 'range'}
        onClearFilters={clearFilters}
        sorting={view.sorting}
        onSortingChange={(sorting) => update({ sorting })}
        columnVisibility={view.columnVisibility}
        onColumnVisibilityChange={(columnVisibility) => update({ columnVisibility })}
        columnOrder={view.columnOrder}
        onColumnOrderChange={(columnOrder) => update({ columnOrder })}
        pagination={view.pagination}
        onPaginationChange={(pagination) => update({ pagination })}
        metadataColumns={metadataColumns}
        getUserHref={props.getUserHref}
        onUserOpen={props.onUserOpen}
        renderLink={props.renderLink}
        locale={locale}
        now={now}
        labels={tableLabels}
        maxHeight={props.tableMaxHeight}
      />
    </div>
  );
}
