import { useTable } from '@tanstack/react-table';
import { forwardRef, type KeyboardEvent, type MouseEvent, useCallback, useMemo, useRef } from 'react';
import { hostRootProps, rootElementProps, type OwnProps, type RootAttributes } from '../primitives/root-props';
import type { FilterItem, SortingItem } from '../../core/contract';
import type { TraceRow } from '../../core/results';
import { isRowOpenClick } from '../primitives/click-intent';
import { cursorListView } from '../primitives/cursor-list';
import { DataGrid } from '../primitives/DataGrid';
import { sortFromHeader } from '../primitives/GridHeaderCell';
import type { CursorPagingProps, ListLayoutProps, ListLoadProps } from '../primitives/list-props';
import { LinkProvider, type RenderLink } from '../primitives/HostLink';
import { ListFrame, ListResult } from '../primitives/ListFrame';
import { LoadMoreFooter } from '../primitives/LoadMoreFooter';
import { SectionState } from '../primitives/SectionState';
import { resolveUpdater, useControllableState } from '../../hooks/use-controllable-state';
import { useGridNavigation, type GridPosition } from '../primitives/use-grid-navigation';
import { useVirtualRows } from '../primitives/use-virtual-rows';
import { TraceFilterBar } from './TraceFilterBar';
import { TraceTableMessage } from './TraceTableMessage';
import { TraceTableRow } from './TraceTableRow';
import type { TraceLink } from './TraceNameCell';
import { activeFilters, modelFilterOptions } from './trace-filters';
import { buildTraceColumns, traceTableFeatures } from './trace-table-columns';
import { traceTableLabels, type TraceTableLabels } from './trace-table-labels';
import { useLabels } from '../primitives/labels-context';

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
export interface TraceTableProps extends TraceLink, ListLoadProps, CursorPagingProps, ListLayoutProps, RootAttributes<HTMLDivElement> {
  /**
   * The traces loaded so far (every loaded page, in order), already sorted and filtered by the provider. When the
   * rows carry `feedbackScore` (`null` included), a Feedback column shows it.
   */
  rows: readonly TraceRow[];
  /** Traces matching across all pages (the pages' `total`), when known. */
  rowCount?: number;

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

  /**
   * Renders the trace links with the host's router, e.g. `({ href, ...rest }) => <Link to={href} {...rest} />`:
   * real anchors that navigate client-side. Default: a plain `<a>` (or an outer `LinkProvider`'s).
   */
  renderLink?: RenderLink;
  /** Strings. */
  labels?: Partial<TraceTableLabels>;
}

/** The props of {@link TraceTable} that are not its root element's attributes. */
const TRACE_TABLE_OWN_PROPS: OwnProps<TraceTableProps, HTMLDivElement> = {
  rows: true,
  rowCount: true,
  sorting: true,
  defaultSorting: true,
  onSortingChange: true,
  filters: true,
  defaultFilters: true,
  onFiltersChange: true,
  modelOptions: true,
  conversationId: true,
  conversationTitle: true,
  onClearConversation: true,
  onConversationSelect: true,
  renderLink: true,
  labels: true,
  getTraceHref: true,
  onTraceOpen: true,
  status: true,
  isFetching: true,
  error: true,
  onRetry: true,
  hasNextPage: true,
  isFetchingNextPage: true,
  onLoadMore: true,
  infiniteScroll: true,
  locale: true,
  maxHeight: true,
  rowHeight: true,
  virtualizeAbove: true,
};

/**
 * A user's traces as a data grid: time, name (with input preview), status with error type, latency, model, tokens,
 * cost, conversation and, when the provider computes it, the mean feedback score. Presentational: rows come in
 * through props (sorted and filtered by the provider, loaded page by page with cursors), changes go out through
 * callbacks. Status and model filters sit above the grid, with a "Filtered by conversation … — Clear" chip when
 * `conversationId` is set. More rows load from "Load more" or by scrolling to the end; rows are virtualised above
 * `virtualizeAbove`. Keyboard: arrows, Home/End, Page Up/Down, Enter opens the trace (or sorts from a header).
 * Layout defaults: `maxHeight` 560, `rowHeight` 48, `virtualizeAbove` 100.
 */
export const TraceTable = forwardRef<HTMLDivElement, TraceTableProps>(function TraceTable(props, ref) {
  const root = hostRootProps(props, TRACE_TABLE_OWN_PROPS, ref);
  const { rows, locale = 'en-US', maxHeight = 560, rowHeight = 48, virtualizeAbove = 100 } = props;
  const labels = useLabels('traceTable', traceTableLabels, props.labels);
  const conversationId = props.conversationId ?? null;
  const showConversation = conversationId === null;
  // Providers that compute feedback scores set the field on every row (null: no scored feedback); others leave it out.
  const showFeedback = useMemo(() => rows.some((row) => row.feedbackScore !== undefined), [rows]);

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

  // `getTraceHref` decides what the cells render, so a new function rebuilds the columns (and re-renders the rows).
  // Event callbacks only run on clicks: they are read through a ref so inline functions do not rebuild the columns.
  const callbacks = useRef(props);
  callbacks.current = props;
  const getTraceHref = props.getTraceHref;
  const hasOpen = props.onTraceOpen !== undefined;
  const hasSelect = props.onConversationSelect !== undefined;
  const columns = useMemo(
    () =>
      buildTraceColumns({
        labels,
        locale,
        showConversation,
        showFeedback,
        link: {
          getTraceHref,
          onTraceOpen: hasOpen ? (trace) => callbacks.current.onTraceOpen?.(trace) : undefined,
        },
        onConversationSelect: hasSelect ? (id) => callbacks.current.onConversationSelect?.(id) : undefined,
      }),
    [labels, locale, showConversation, showFeedback, getTraceHref, hasOpen, hasSelect],
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
    onSortingChange: (updater) => setSorting(resolveUpdater(updater, shownSorting)),
  });

  const leafColumns = table.getAllLeafColumns();
  const tableRows = table.getRowModel().rows;
  const list = cursorListView(props, rows.length, locale, labels);
  const showRows = list.showRows;

  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const rowWindow = useVirtualRows({
    count: showRows ? tableRows.length : 0,
    virtualizeAbove,
    scroller,
    rowHeight,
    maxHeight,
    overscan: 10,
    header: head,
    headerKey: labels,
    getItemKey: (index) => tableRows[index]?.id ?? index,
  });

  const openRow = useCallback((trace: TraceRow, row: HTMLElement | null) => {
    const open = callbacks.current.onTraceOpen;
    if (open) open(trace);
    else row?.querySelector<HTMLElement>('[data-slot="trace-link"]')?.click();
  }, []);

  const grid = useGridNavigation({
    rowCount: showRows ? tableRows.length : 0,
    colCount: leafColumns.length,
    scrollToRow: rowWindow.scrollToRow,
    onActivate: (position: GridPosition, event: KeyboardEvent) => {
      if (position.row === -1) return sortFromHeader(leafColumns[position.col], event);
      const row = tableRows[position.row];
      if (row) openRow(row.original, (event.target as HTMLElement).closest('tr'));
    },
  });

  // A virtualised body may have scrolled the active cell out of the DOM; the header then keeps the grid's tab stop.
  const activeRendered = grid.active.row === -1 || (grid.active.row >= rowWindow.start && grid.active.row < rowWindow.end);
  const tabIndexFor = (row: number, col: number): 0 | -1 =>
    activeRendered ? grid.tabIndexFor(row, col) : row === -1 && col === grid.active.col ? 0 : -1;

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, trace: TraceRow) => {
    if (isRowOpenClick(event)) openRow(trace, event.currentTarget);
  };

  // The status select takes focus from buttons that disappear once pressed (see TraceFilterBar).
  const statusSelect = useRef<HTMLSelectElement>(null);
  const filtered = activeFilters(filters).length > 0;
  const modelOptions = useMemo(() => props.modelOptions ?? modelFilterOptions(rows, filters), [props.modelOptions, rows, filters]);
  const message =
    list.state === 'error' || list.state === 'empty' ? (
      <TraceTableMessage
        state={list.state}
        error={props.error}
        onRetry={props.onRetry}
        filtered={filtered}
        conversationId={conversationId}
        onClearFilters={() => setFilters([])}
        statusSelectRef={statusSelect}
        labels={labels}
      />
    ) : null;

  return (
    <LinkProvider renderLink={props.renderLink}>
      <ListFrame root={root} baseClassName="us-trace-table" slot="trace-table" state={list.state} fetching={list.fetching} rowHeight={rowHeight}>
        <div className="us-list-frame__bar">
          <TraceFilterBar
            filters={filters}
            onFiltersChange={setFilters}
            modelOptions={modelOptions}
            conversationId={conversationId}
            conversationTitle={props.conversationTitle}
            onClearConversation={props.onClearConversation}
            statusSelectRef={statusSelect}
            labels={labels}
          />
          <ListResult text={list.resultText} updating={list.updating} updatingLabel={labels.updating} />
        </div>
        {list.failed && showRows && !list.footer.hasNextPage ? (
          <SectionState state="error" error={props.error} onRetry={props.onRetry} message={labels.error} labels={{ retry: labels.retry }} />
        ) : null}
        <div className="us-list-frame__scroll" ref={scroller} style={{ maxHeight }} data-slot="trace-table-scroll">
          <DataGrid
            navigation={{ ...grid, tabIndexFor }}
            caption={labels.caption}
            columns={leafColumns}
            sorting={shownSorting}
            ariaRowCount={showRows ? (props.rowCount ?? rows.length) + 1 : -1}
            busy={list.state === 'loading' || list.fetching}
            skeletonRows={list.state === 'loading' ? SKELETON_ROWS : 0}
            message={message}
            headRef={head}
            padding={{ top: rowWindow.padTop, bottom: rowWindow.padBottom }}
          >
            {tableRows.slice(rowWindow.start, rowWindow.end).map((row, offset) => {
              const index = rowWindow.start + offset;
              const activeCol = activeRendered && grid.active.row === index ? grid.active.col : null;
              return <TraceTableRow key={row.id} row={row} index={index} activeCol={activeCol} onRowClick={onRowClick} />;
            })}
          </DataGrid>
          {showRows ? (
            <LoadMoreFooter {...list.footer} root={scroller} focusRow={(index) => grid.focusCell({ row: index, col: grid.active.col })} labels={labels} />
          ) : null}
        </div>
      </ListFrame>
    </LinkProvider>
  );
});
