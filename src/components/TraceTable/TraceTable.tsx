import { useTable, type Header } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { FilterItem, SortingItem } from '../../core/contract';
import type { Trace } from '../../core/model';
import { formatCount } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import { SectionState } from '../primitives/SectionState';
import { useControllableState, type Updater } from '../primitives/use-controllable-state';
import { SortIndicator } from '../UsersTable/SortIndicator';
import { isPlainClick } from '../UsersTable/UserCell';
import { cellKey, useGridNavigation, type GridPosition } from '../UsersTable/use-grid-navigation';
import { LoadMoreFooter } from './LoadMoreFooter';
import { TraceFilterBar } from './TraceFilterBar';
import { TraceRow } from './TraceRow';
import type { TraceLink } from './TraceNameCell';
import { activeFilters, filterValues } from './trace-filters';
import { buildTraceColumns, traceTableFeatures, type TraceColumnMeta } from './trace-table-columns';
import { traceTableLabels, type TraceTableLabels } from './trace-table-labels';
import { useInfiniteScroll } from './use-infinite-scroll';

const NO_SORTING: SortingItem[] = [];
const NO_FILTERS: FilterItem[] = [];
const SKELETON_ROWS = 8;

/**
 * The order the provider uses when `sorting` is empty: newest first, or step order (oldest first) when the table is
 * narrowed to one conversation. The grid shows it on the Time header.
 */
export function defaultTraceSorting(conversationId: string | null | undefined): SortingItem[] {
  return [{ id: 'startTime', desc: conversationId === null || conversationId === undefined }];
}

/** Props of {@link TraceTable}. Sorting and filters are each controlled or uncontrolled. */
export interface TraceTableProps extends TraceLink {
  /** The traces loaded so far (every loaded page, in order), already sorted and filtered by the provider. */
  rows: readonly Trace[];
  /** Traces matching across all pages (the pages' `total`), when known. */
  rowCount?: number;
  /** Load state: `pending` shows skeleton rows, `error` an error with Retry (rows already loaded stay). Default `success`. */
  status?: 'pending' | 'error' | 'success';
  /** A request is in flight while older rows show (marks the grid busy). */
  isFetching?: boolean;
  /** The load error, shown in the error state. */
  error?: unknown;
  /** Retry button of the error state (e.g. the hook's `refetch`). */
  onRetry?: () => void;

  /** There is a next page (the hook's `hasNextPage`). */
  hasNextPage?: boolean;
  /** The next page is loading (the hook's `isFetchingNextPage`). */
  isFetchingNextPage?: boolean;
  /** Loads the next page (the hook's `fetchNextPage`), from "Load more" and from infinite scroll. */
  onLoadMore?: () => void;
  /** Load the next page when the end of the list scrolls into view. Default `true`. */
  infiniteScroll?: boolean;

  /**
   * Controlled sorting (ids are `listTraces` sort ids). `[]` is the provider's default order (newest first, or
   * step order inside a conversation), shown on the Time header.
   */
  sorting?: SortingItem[];
  /** Initial sorting when uncontrolled. Default `[]`. */
  defaultSorting?: SortingItem[];
  /** Called with the new sorting, TanStack's `SortingState` shape. */
  onSortingChange?: (sorting: SortingItem[]) => void;
  /** Controlled filters (`listTraces` filter ids; the grid offers `status` and `model`, others show as chips). */
  filters?: FilterItem[];
  /** Initial filters when uncontrolled. Default `[]`. */
  defaultFilters?: FilterItem[];
  /** Called with the new filters, TanStack's `ColumnFiltersState` shape. */
  onFiltersChange?: (filters: FilterItem[]) => void;
  /** Models the model filter offers (e.g. from `useModelUsage`). Default: the models of the loaded rows. */
  modelOptions?: readonly string[];

  /** The conversation the rows are narrowed to (`"(none)"`: traces without one). Shows the filter chip. */
  conversationId?: string | null;
  /** Title of that conversation for the chip (e.g. the summary's `title`). Default: its id. `"(none)"` is always "No conversation". */
  conversationTitle?: string | null;
  /** The chip's Clear button. */
  onClearConversation?: () => void;
  /** Makes conversation cells buttons that select that conversation (e.g. in the `ConversationList`). */
  onConversationSelect?: (conversationId: string) => void;

  /** Intl locale. Default `en-US`. */
  locale?: string;
  /** Strings. */
  labels?: Partial<TraceTableLabels>;
  /** Height of the scrolling body (CSS length or px). Default 560. */
  maxHeight?: number | string;
  /** Row height in px. Default 48. */
  rowHeight?: number;
  /** Render every row up to this many; virtualise above. Default 100. */
  virtualizeAbove?: number;
  /** Extra class on the root. */
  className?: string;
}

function resolve<T>(updater: Updater<T>, previous: T): T {
  return typeof updater === 'function' ? (updater as (previous: T) => T)(previous) : updater;
}

function distinctModels(rows: readonly Trace[], selected: readonly string[]): string[] {
  const models = new Set(selected);
  for (const row of rows) if (row.model !== undefined) models.add(row.model);
  return [...models].sort();
}

/**
 * A user's traces as a data grid: time, name (with input preview), status with error type, latency, model,
 * tokens, cost and conversation. Presentational: rows come in through props (sorted and filtered by the provider,
 * loaded page by page with cursors), changes go out through callbacks. Status and model filters sit above the grid,
 * with a "Filtered by conversation … — Clear" chip when `conversationId` is set. More rows load from "Load more"
 * or by scrolling to the end; rows are virtualised above `virtualizeAbove`. Keyboard: arrows, Home/End,
 * Page Up/Down, Enter opens the trace (or sorts from a header).
 */
export function TraceTable(props: TraceTableProps) {
  const {
    rows,
    status = 'success',
    isFetching = false,
    hasNextPage = false,
    isFetchingNextPage = false,
    infiniteScroll = true,
    locale = 'en-US',
    maxHeight = 560,
    rowHeight = 48,
    virtualizeAbove = 100,
  } = props;
  const labels = useMemo(() => ({ ...traceTableLabels, ...props.labels }), [props.labels]);
  const conversationId = props.conversationId ?? null;
  const showConversation = conversationId === null;

  const [sorting, setSorting] = useControllableState({
    value: props.sorting,
    defaultValue: props.defaultSorting ?? NO_SORTING,
    onChange: props.onSortingChange,
  });
  const [filters, setFilters] = useControllableState({
    value: props.filters,
    defaultValue: props.defaultFilters ?? NO_FILTERS,
    onChange: props.onFiltersChange,
  });
  const shownSorting = useMemo(() => (sorting.length > 0 ? sorting : defaultTraceSorting(conversationId)), [sorting, conversationId]);

  // Link callbacks are read through a ref so inline functions from the host do not rebuild the columns.
  const callbacks = useRef(props);
  callbacks.current = props;
  const hasHref = props.getTraceHref !== undefined;
  const hasOpen = props.onTraceOpen !== undefined;
  const hasSelect = props.onConversationSelect !== undefined;
  const columns = useMemo(
    () =>
      buildTraceColumns({
        labels,
        locale,
        showConversation,
        link: {
          getTraceHref: hasHref ? (trace) => callbacks.current.getTraceHref?.(trace) : undefined,
          onTraceOpen: hasOpen ? (trace) => callbacks.current.onTraceOpen?.(trace) : undefined,
        },
        onConversationSelect: hasSelect ? (id) => callbacks.current.onConversationSelect?.(id) : undefined,
      }),
    [labels, locale, showConversation, hasHref, hasOpen, hasSelect],
  );

  const table = useTable({
    features: traceTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableMultiSort: true,
    enableSortingRemoval: false,
    state: { sorting: shownSorting },
    onSortingChange: (updater) => setSorting(resolve(updater, shownSorting)),
  });

  const leafColumns = table.getAllLeafColumns();
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const tableRows = table.getRowModel().rows;
  const showRows = status !== 'pending' && tableRows.length > 0;
  const virtual = showRows && tableRows.length > virtualizeAbove;

  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(40);
  useLayoutEffect(() => {
    if (head.current && head.current.offsetHeight > 0) setHeadHeight(head.current.offsetHeight);
  }, [labels]);
  const virtualizer = useVirtualizer({
    count: virtual ? tableRows.length : 0,
    enabled: virtual,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    scrollMargin: headHeight,
    getItemKey: (index) => tableRows[index]?.id ?? index,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  const padTop = firstItem ? firstItem.start - headHeight : 0;
  const padBottom = lastItem ? virtualizer.getTotalSize() - (lastItem.end - headHeight) : 0;
  const renderedIndexes = virtual ? items.map((item) => item.index) : showRows ? tableRows.map((_, i) => i) : [];

  const failed = status === 'error';
  const sentinelRef = useInfiniteScroll({
    root: scroller,
    enabled: infiniteScroll && showRows && hasNextPage && !isFetchingNextPage && !failed,
    onLoadMore: props.onLoadMore,
    rowCount: rows.length,
  });

  const openRow = useCallback((trace: Trace, row: HTMLElement | null) => {
    const open = callbacks.current.onTraceOpen;
    if (open) open(trace);
    else row?.querySelector<HTMLElement>('[data-slot="trace-link"]')?.click();
  }, []);

  const grid = useGridNavigation({
    rowCount: showRows ? tableRows.length : 0,
    colCount: leafColumns.length,
    scrollToRow: virtual ? (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) : undefined,
    onActivate: (position: GridPosition, event: KeyboardEvent) => {
      if (position.row === -1) {
        const column = headers[position.col]?.column;
        if (column?.getCanSort()) column.toggleSorting(undefined, event.shiftKey);
        return;
      }
      const row = tableRows[position.row];
      if (row) openRow(row.original, (event.target as HTMLElement).closest('tr'));
    },
  });

  // A virtualised body may have scrolled the active cell out of the DOM; the header then keeps the grid's tab stop.
  const activeRendered = grid.active.row === -1 || renderedIndexes.includes(grid.active.row);
  const tabIndexFor = (row: number, col: number): 0 | -1 =>
    activeRendered ? grid.tabIndexFor(row, col) : row === -1 && col === grid.active.col ? 0 : -1;

  const onRowClick = useCallback(
    (event: MouseEvent<HTMLTableRowElement>, trace: Trace) => {
      if (!isPlainClick(event)) return;
      if (window.getSelection()?.toString()) return;
      openRow(trace, event.currentTarget);
    },
    [openRow],
  );

  const filtered = activeFilters(filters).length > 0;
  const modelOptions = useMemo(
    () => props.modelOptions ?? distinctModels(rows, filterValues(filters, 'model')),
    [props.modelOptions, rows, filters],
  );
  const resultText = (() => {
    if (status === 'pending') return labels.loading;
    if (rows.length === 0) return failed ? '' : labels.resultNone;
    const shown = formatCount(rows.length, locale);
    return props.rowCount === undefined
      ? formatLabel(labels.resultLoaded, { shown })
      : formatLabel(labels.resultCount, { shown, total: formatCount(props.rowCount, locale) });
  })();
  const state = status === 'pending' ? 'loading' : failed && rows.length === 0 ? 'error' : rows.length === 0 ? 'empty' : 'ready';
  const colSpan = Math.max(1, leafColumns.length);
  const emptyMessage = filtered ? labels.emptyFilters : conversationId !== null ? labels.emptyConversation : labels.emptyRange;

  const renderHeader = (header: Header<typeof traceTableFeatures, Trace, unknown>, col: number) => {
    const column = header.column;
    const meta = column.columnDef.meta as TraceColumnMeta;
    const sorted = column.getIsSorted();
    const canSort = column.getCanSort();
    return (
      <th
        key={header.id}
        scope="col"
        className="us-trace-table__th"
        data-align={meta.align}
        data-cell={cellKey(-1, col)}
        tabIndex={tabIndexFor(-1, col)}
        aria-sort={canSort ? (shownSorting[0]?.id === column.id ? (sorted === 'desc' ? 'descending' : 'ascending') : 'none') : undefined}
        data-state={sorted ? `sorted-${sorted}` : 'unsorted'}
      >
        {canSort ? (
          <button type="button" tabIndex={-1} className="us-trace-table__sort" onClick={column.getToggleSortingHandler()}>
            <span>{meta.label}</span>
            <SortIndicator direction={sorted} index={shownSorting.length > 1 && sorted ? column.getSortIndex() + 1 : undefined} />
          </button>
        ) : (
          <span className="us-trace-table__header-text">{meta.label}</span>
        )}
      </th>
    );
  };

  const message = (content: ReactNode) => (
    <tr>
      <td colSpan={colSpan} className="us-trace-table__message">
        {content}
      </td>
    </tr>
  );

  return (
    <div
      className={props.className ? `us-trace-table ${props.className}` : 'us-trace-table'}
      data-slot="trace-table"
      data-state={state}
      data-fetching={isFetching ? '' : undefined}
      style={{ ['--us-trace-table-row-height' as string]: `${rowHeight}px` } as CSSProperties}
    >
      <div className="us-trace-table__bar">
        <TraceFilterBar
          filters={filters}
          onFiltersChange={setFilters}
          modelOptions={modelOptions}
          conversationId={conversationId}
          conversationTitle={props.conversationTitle}
          onClearConversation={props.onClearConversation}
          labels={labels}
        />
        <span className="us-trace-table__result" role="status" aria-live="polite">
          {resultText}
          {isFetching && !isFetchingNextPage && status === 'success' ? (
            <span className="us-trace-table__updating">
              <span className="us-spinner" aria-hidden="true" /> {labels.updating}
            </span>
          ) : null}
        </span>
      </div>
      {failed && rows.length > 0 && !hasNextPage ? (
        <SectionState state="error" error={props.error} onRetry={props.onRetry} message={labels.error} labels={{ retry: labels.retry }} />
      ) : null}
      <div className="us-trace-table__scroll" ref={scroller} style={{ maxHeight }} data-slot="trace-table-scroll">
        <table
          ref={grid.ref}
          role="grid"
          className="us-trace-table__table"
          aria-rowcount={showRows ? (props.rowCount ?? rows.length) + 1 : -1}
          aria-colcount={leafColumns.length}
          aria-busy={status === 'pending' || isFetching}
          onKeyDown={grid.onKeyDown}
          onFocus={grid.onFocus}
          style={{ width: leafColumns.reduce((sum, c) => sum + (c.columnDef.meta as TraceColumnMeta).width, 0) }}
        >
          <caption className="us-visually-hidden">{labels.caption}</caption>
          <colgroup>
            {leafColumns.map((c) => (
              <col key={c.id} style={{ width: (c.columnDef.meta as TraceColumnMeta).width }} />
            ))}
          </colgroup>
          <thead ref={head} className="us-trace-table__head">
            <tr aria-rowindex={1}>{headers.map(renderHeader)}</tr>
          </thead>
          <tbody className="us-trace-table__body">
            {status === 'pending'
              ? Array.from({ length: SKELETON_ROWS }, (_, i) => (
                  <tr key={i} className="us-trace-table__row" data-state="skeleton" aria-hidden="true">
                    {leafColumns.map((c) => (
                      <td key={c.id} className="us-trace-table__td" data-align={(c.columnDef.meta as TraceColumnMeta).align}>
                        <span className="us-skeleton" />
                      </td>
                    ))}
                  </tr>
                ))
              : null}
            {state === 'error'
              ? message(<SectionState state="error" error={props.error} onRetry={props.onRetry} message={labels.error} labels={{ retry: labels.retry }} />)
              : null}
            {state === 'empty'
              ? message(
                  <SectionState
                    state="empty"
                    message={emptyMessage}
                    action={
                      filtered ? (
                        <button type="button" className="us-button" onClick={() => setFilters([])}>
                          {labels.clearFilters}
                        </button>
                      ) : undefined
                    }
                  />,
                )
              : null}
            {padTop > 0 ? (
              <tr aria-hidden="true" className="us-trace-table__spacer">
                <td colSpan={colSpan} style={{ height: padTop }} />
              </tr>
            ) : null}
            {renderedIndexes.map((index) => {
              const row = tableRows[index];
              return row ? (
                <TraceRow key={row.id} row={row} index={index} activeCol={activeRendered && grid.active.row === index ? grid.active.col : null} onRowClick={onRowClick} />
              ) : null;
            })}
            {padBottom > 0 ? (
              <tr aria-hidden="true" className="us-trace-table__spacer">
                <td colSpan={colSpan} style={{ height: padBottom }} />
              </tr>
            ) : null}
          </tbody>
        </table>
        {showRows ? (
          <LoadMoreFooter
            hasNextPage={hasNextPage}
            isFetchingNextPage={isFetchingNextPage}
            failed={failed}
            onLoadMore={props.onLoadMore}
            sentinelRef={sentinelRef}
            labels={labels}
          />
        ) : null}
      </div>
    </div>
  );
}
