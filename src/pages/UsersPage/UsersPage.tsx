import { forwardRef, useMemo, useRef } from 'react';
import type { User } from '../../core/model';
import { formatLabel } from '../../components/primitives/format-label';
import { useContextLabels } from '../UserDetailPage/use-context-labels';
import { timeRangePickerLabels } from '../../components/primitives/TimeRangePicker';
import type { RenderLink } from '../../components/primitives/HostLink';
import { headingBelow, type HeadingLevel } from '../../components/primitives/heading-level';
import { rootClassName, type RootAttributes } from '../../components/primitives/root-props';
import { DEFAULT_METADATA_COLUMNS, UsersTable } from '../../components/UsersTable/UsersTable';
import { defaultColumnIds, visibleColumnIds, type MetadataColumn } from '../../components/UsersTable/users-table-columns';
import { usersTableLabels, type UsersTableLabels } from '../../components/UsersTable/users-table-labels';
import { LoadProgressNote } from '../../components/primitives/LoadProgressNote';
import { useUserscope } from '../../hooks/userscope-provider';
import { isLowAttribution } from '../../hooks/attributed-share';
import { useUsersPageController, type UsersPageControllerOptions } from '../../hooks/users-page-controller';
import { ExportControl } from './ExportControl';
import { MissingUserIdsNotice } from './MissingUserIdsNotice';
import { usersPageLabels, type UsersPageLabels } from './users-page-labels';
import { UsersPopulation } from './UsersPopulation';
import { UsersSummaryStrip } from './UsersSummaryStrip';
import { UsersToolbar } from './UsersToolbar';
import { binEdges, metricName } from '../../components/UsersDistribution/distribution-format';
import { usersDistributionLabels } from '../../components/UsersDistribution/labels';

/**
 * Props of {@link UsersPage}: the controller's options ({@link UsersPageControllerOptions}: view, defaults, search
 * debounce, summary scan limit, export hand-off), the layout's, and the root `<div>`'s HTML attributes.
 */
export interface UsersPageProps extends UsersPageControllerOptions, RootAttributes<HTMLDivElement> {
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
  /** Page strings (also settable as `users.<key>` in `<UserscopeProvider labels>`). */
  labels?: Partial<UsersPageLabels>;
  /** Table strings (also settable as `usersTable.<key>`). */
  tableLabels?: Partial<UsersTableLabels>;
  /** Level of the page heading; the population's headings are one below. Default 2. */
  headingLevel?: HeadingLevel;
  /** Height of the table's scrolling body. Default 640. */
  tableMaxHeight?: number | string;
}

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
export const UsersPage = forwardRef<HTMLDivElement, UsersPageProps>(function UsersPage(props, ref) {
  const {
    view,
    defaultView,
    onViewChange,
    now,
    filterKeys,
    searchDebounceMs,
    summaryScanLimit,
    onExport,
    getUserHref,
    onUserOpen,
    renderLink,
    metadataColumns = DEFAULT_METADATA_COLUMNS,
    userIdDocsHref,
    population,
    labels,
    tableLabels: tableLabelsProp,
    headingLevel = 2,
    tableMaxHeight,
    className,
    ...rest
  } = props;
  const { locale } = useUserscope();
  const l = useContextLabels(usersPageLabels, 'users', labels);
  const tableLabels = useContextLabels(usersTableLabels, 'usersTable', tableLabelsProp);
  const rangeLabels = useContextLabels(timeRangePickerLabels, 'timeRange');
  const distributionLabels = useContextLabels(usersDistributionLabels, 'usersDistribution');
  const c = useUsersPageController({ view, defaultView, onViewChange, now, filterKeys, searchDebounceMs, summaryScanLimit, onExport });
  const { overview } = c;

  const labelOf = (key: string) => {
    const column = metadataColumns.find((m) => (typeof m === 'string' ? m : m.key) === key);
    return column && typeof column !== 'string' ? column.label : titleCase(key);
  };
  const searchInputRef = useRef<HTMLInputElement | null>(null);
  // Both "Clear filters" buttons (toolbar, table's "no match" state) go away once pressed; focus moves to the search
  // box first, so it goes straight there instead of falling to <body>.
  const clearFilters = () => {
    searchInputRef.current?.focus();
    c.clearFilters();
  };
  const clearMeasure = () => {
    searchInputRef.current?.focus();
    c.setMeasure(null);
  };
  const measure = c.view.measure ?? null;
  const measureChip = useMemo(() => {
    if (measure === null) return null;
    const values = { metric: metricName(measure.metric, distributionLabels), ...binEdges(measure.metric, measure.bin, locale) };
    return {
      text: formatLabel(l.measureChip, values),
      removeLabel: formatLabel(l.measureChipRemove, { ...values, metric: distributionLabels.metricInSentence(values.metric, locale) }),
    };
  }, [measure, distributionLabels, locale, l]);
  // The CSV holds the table's visible columns, in their order.
  const startExport = () =>
    c.csvExport.start(visibleColumnIds(defaultColumnIds(metadataColumns), c.view.columnOrder, c.view.columnVisibility));
  const Heading = `h${headingLevel}` as 'h2';

  return (
    <div {...rest} ref={ref} className={rootClassName('us-users-page', className)} data-slot="users-page">
      <header className="us-users-page__header">
        <div className="us-users-page__heading">
          <Heading className="us-users-page__title">{l.title}</Heading>
          <p className="us-users-page__subtitle">{l.subtitle}</p>
        </div>
        <ExportControl
          state={c.csvExport.state}
          onStart={startExport}
          onCancel={c.csvExport.cancel}
          disabled={c.csvExport.disabled}
          labels={l}
          locale={locale}
        />
      </header>
      <UsersSummaryStrip
        summary={overview.totals}
        pending={overview.status === 'pending'}
        isFetching={overview.isFetching}
        tooLarge={overview.tooLarge}
        scanLimit={c.summaryScanLimit}
        labels={l}
        locale={locale}
      />
      {overview.status === 'success' && isLowAttribution(overview.totals) ? (
        <MissingUserIdsNotice
          summary={overview.totals}
          docsHref={userIdDocsHref}
          headingLevel={headingBelow(headingLevel)}
          labels={l}
          locale={locale}
        />
      ) : null}
      <UsersToolbar
        search={c.searchInput}
        onSearchChange={c.setSearchInput}
        searchInputRef={searchInputRef}
        facets={overview.facets}
        filters={c.view.filters}
        onFilterChange={c.setFilter}
        facetLabel={labelOf}
        attentionOnly={c.view.attentionOnly}
        onAttentionOnlyChange={c.setAttentionOnly}
        measureChip={measureChip}
        onMeasureClear={clearMeasure}
        filtered={c.filtered}
        onClearFilters={clearFilters}
        range={c.view.range}
        onRangeChange={c.setRange}
        now={c.now}
        locale={locale}
        labels={l}
        rangeLabels={rangeLabels}
      />
      {population === false ? null : (
        <UsersPopulation
          range={c.range}
          view={c.view}
          update={c.updateView}
          segmentKeys={overview.facets.map((facet) => facet.key)}
          segmentKeysPending={overview.facetsPending}
          keyLabel={labelOf}
          headingLevel={headingBelow(headingLevel)}
          labels={l}
        />
      )}
      <LoadProgressNote progress={c.progress} locale={locale} labels={l} />
      <UsersTable
        rows={c.rows}
        rowCount={c.users.data?.total}
        status={c.users.status}
        isFetching={c.users.isFetching}
        error={c.users.error}
        onRetry={c.users.refetch}
        emptyReason={c.emptyReason}
        onClearFilters={clearFilters}
        sorting={c.view.sorting}
        onSortingChange={(sorting) => c.updateView({ sorting })}
        columnVisibility={c.view.columnVisibility}
        onColumnVisibilityChange={(columnVisibility) => c.updateView({ columnVisibility })}
        columnOrder={c.view.columnOrder}
        onColumnOrderChange={(columnOrder) => c.updateView({ columnOrder })}
        pagination={c.view.pagination}
        onPaginationChange={(pagination) => c.updateView({ pagination })}
        metadataColumns={metadataColumns}
        getUserHref={getUserHref}
        onUserOpen={onUserOpen}
        renderLink={renderLink}
        locale={locale}
        now={c.now}
        labels={tableLabels}
        maxHeight={tableMaxHeight}
      />
    </div>
  );
});
