import { useTable, type ColumnOrderState, type ColumnVisibilityState } from '@tanstack/react-table';
import { forwardRef, type KeyboardEvent, type MouseEvent, useMemo, useRef, useState } from 'react';
import { hostRootProps, rootElementProps, type OwnProps, type RootAttributes } from '../primitives/root-props';
import type { OffsetPagination, SortingItem } from '../../core/contract';
import type { User } from '../../core/model';
import type { UserRow } from '../../core/results';
import { isRowOpenClick } from '../primitives/click-intent';
import { DataGrid } from '../primitives/DataGrid';
import { sortFromHeader } from '../primitives/GridHeaderCell';
import { GridRow } from '../primitives/GridRows';
import { LinkProvider, type RenderLink } from '../primitives/HostLink';
import { ListFrame, ListResult } from '../primitives/ListFrame';
import type { ListLayoutProps, ListLoadProps } from '../primitives/list-props';
import { useControllableState } from '../../hooks/use-controllable-state';
import { DEFAULT_USERS_TABLE_PAGINATION, DEFAULT_USERS_TABLE_SORTING, DEFAULT_USERS_TABLE_VISIBILITY } from '../../hooks/users-view';
import { useGridNavigation, type GridPosition } from '../primitives/use-grid-navigation';
import { useDeferredProps } from '../primitives/use-deferred-props';
import { useVirtualRows } from '../primitives/use-virtual-rows';
import type { UserLink } from './UserCell';
import { UsersColumnPicker } from './UsersColumnPicker';
import { UsersTableMessage } from './UsersTableMessage';
import { UsersTablePagination } from './UsersTablePagination';
import { usersTableFeatures, type MetadataColumn } from './users-table-columns';
import { usersTableLabels, type UsersTableLabels } from './users-table-labels';
import { usersResultText } from './users-table-result';
import { useUsersColumns } from './use-users-columns';
import { useLabels } from '../primitives/labels-context';

/** Page sizes offered when none are given. */
const DEFAULT_PAGE_SIZES: readonly number[] = [25, 50, 100, 250, 500, 1000];
/** Metadata columns when none are given. */
export const DEFAULT_METADATA_COLUMNS: readonly MetadataColumn[] = ['plan', 'tier', 'region'];

const NO_ORDER: ColumnOrderState = [];
const SKELETON_ROWS = 8;

/**
 * Why the table is empty: nothing in the range at all, nothing that matches the search and filters, or traces in
 * the range that carry no user id.
 */
export type UsersTableEmptyReason = 'range' | 'filters' | 'no-user-ids';

/** Props of {@link UsersTable}. Sorting, visibility, order and pagination are each controlled or uncontrolled. */
export interface UsersTableProps extends UserLink, ListLoadProps, ListLayoutProps, RootAttributes<HTMLDivElement> {
  /** The rows of the current page, already sorted and filtered by the provider. */
  rows: readonly UserRow[];
  /** Rows matching across all pages (the page's `total`). Default: `rows.length`. */
  rowCount?: number;
  /** Which empty message to show when there are no rows. Default `range`. */
  emptyReason?: UsersTableEmptyReason;
  /** "Clear filters" button of the `filters` empty state. */
  onClearFilters?: () => void;

  /** Controlled sorting (column ids are `listUsers` sort ids). */
  sorting?: SortingItem[];
  /** Initial sorting when uncontrolled. Default `lastSeen` descending. */
  defaultSorting?: SortingItem[];
  /** Called with the new sorting (the page index goes back to 0 at the same time). */
  onSortingChange?: (sorting: SortingItem[]) => void;
  /** Controlled column visibility (`false` hides a column id). */
  columnVisibility?: ColumnVisibilityState;
  /** Initial visibility when uncontrolled. Default: {@link DEFAULT_USERS_TABLE_VISIBILITY}. */
  defaultColumnVisibility?: ColumnVisibilityState;
  /** Called with the new visibility. */
  onColumnVisibilityChange?: (visibility: ColumnVisibilityState) => void;
  /** Controlled column order (ids; missing ids follow in default order). */
  columnOrder?: ColumnOrderState;
  /** Initial order when uncontrolled. Default: the built-in order. */
  defaultColumnOrder?: ColumnOrderState;
  /** Called with the new order. */
  onColumnOrderChange?: (order: ColumnOrderState) => void;
  /** Controlled page. */
  pagination?: OffsetPagination;
  /** Initial page when uncontrolled. Default first 50. */
  defaultPagination?: OffsetPagination;
  /** Called with the new page. */
  onPaginationChange?: (pagination: OffsetPagination) => void;
  /** Page sizes offered. */
  pageSizeOptions?: readonly number[];

  /** Metadata keys shown as columns, with optional headers. Default plan, tier, region (tier hidden). */
  metadataColumns?: readonly MetadataColumn[];
  /** "Now" for relative dates (epoch ms). Default `Date.now()` at first render. */
  now?: number;
  /**
   * Renders the user links with the host's router, e.g. `({ href, ...rest }) => <Link to={href} {...rest} />`:
   * real anchors that navigate client-side. Default: a plain `<a>` (or an outer `LinkProvider`'s).
   */
  renderLink?: RenderLink;
  /** Strings. */
  labels?: Partial<UsersTableLabels>;
}

/** The props of {@link UsersTable} that are not its root element's attributes. */
const USERS_TABLE_OWN_PROPS: OwnProps<UsersTableProps, HTMLDivElement> = {
  rows: true,
  rowCount: true,
  emptyReason: true,
  onClearFilters: true,
  sorting: true,
  defaultSorting: true,
  onSortingChange: true,
  columnVisibility: true,
  defaultColumnVisibility: true,
  onColumnVisibilityChange: true,
  columnOrder: true,
  defaultColumnOrder: true,
  onColumnOrderChange: true,
  pagination: true,
  defaultPagination: true,
  onPaginationChange: true,
  pageSizeOptions: true,
  metadataColumns: true,
  now: true,
  renderLink: true,
  labels: true,
  getUserHref: true,
  onUserOpen: true,
  status: true,
  isFetching: true,
  error: true,
  onRetry: true,
  locale: true,
  maxHeight: true,
  rowHeight: true,
  virtualizeAbove: true,
};

/**
 * The users list as a data grid: one row per user with identity, metadata, volume, quality, latency, cost,
 * feedback, activity, a traces-per-day sparkline and explained attention badges. Presentational: rows come in
 * through props (sorted and paged by the provider: sorting and pagination are manual), changes go out through
 * callbacks. Rows are virtualised above `virtualizeAbove`. Keyboard: arrows, Home/End, Page Up/Down, Enter opens
 * the user (or sorts from a header); a user opens with `getUserHref` (a real link, middle-click works) and/or
 * `onUserOpen`. Layout defaults: `maxHeight` 640, `rowHeight` 52, `virtualizeAbove` 40 (a page of 50 renders the
 * rows in view, about twenty: half the layout and paint of a sort or page change).
 */
export const UsersTable = forwardRef<HTMLDivElement, UsersTableProps>(function UsersTable(props, ref) {
  const root = hostRootProps(props, USERS_TABLE_OWN_PROPS, ref);
  const { isFetching = false, locale = 'en-US', maxHeight = 640, rowHeight = 52 } = props;
  // A new page renders in a background render, sliced by React: a sort or page change is no long task.
  const { rows, status, rowCount: givenRowCount } = useDeferredProps({ rows: props.rows, status: props.status ?? 'success', rowCount: props.rowCount });
  const { virtualizeAbove = 40, pageSizeOptions = DEFAULT_PAGE_SIZES, metadataColumns = DEFAULT_METADATA_COLUMNS } = props;
  const labels = useLabels('usersTable', usersTableLabels, props.labels);
  const [firstNow] = useState(() => Date.now());
  const now = props.now ?? firstNow;
  const rowCount = givenRowCount ?? rows.length;

  const [sorting, setSorting] = useControllableState({
    value: props.sorting,
    defaultValue: props.defaultSorting ?? DEFAULT_USERS_TABLE_SORTING,
    onChange: props.onSortingChange,
  });
  const [columnVisibility, setColumnVisibility] = useControllableState({
    value: props.columnVisibility,
    defaultValue: props.defaultColumnVisibility ?? DEFAULT_USERS_TABLE_VISIBILITY,
    onChange: props.onColumnVisibilityChange,
  });
  const [columnOrder, setColumnOrder] = useControllableState({
    value: props.columnOrder,
    defaultValue: props.defaultColumnOrder ?? NO_ORDER,
    onChange: props.onColumnOrderChange,
  });
  const [pagination, setPagination] = useControllableState({
    value: props.pagination,
    defaultValue: props.defaultPagination ?? DEFAULT_USERS_TABLE_PAGINATION,
    onChange: props.onPaginationChange,
  });

  const { getUserHref, onUserOpen } = props;
  const { columns, link } = useUsersColumns({ labels, locale, now, metadataColumns, getUserHref, onUserOpen });

  // Rows are virtualised over the whole page and TanStack only gets the rows in view, so it builds row objects for
  // those alone: mounting or holding a 100k-row page costs the virtualiser's offsets, not 100k table rows.
  const showRows = status === 'success' && rows.length > 0;
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const rowWindow = useVirtualRows({
    count: showRows ? rows.length : 0,
    virtualizeAbove,
    scroller,
    rowHeight,
    maxHeight,
    header: head,
    headerKey: labels,
  });
  const windowRows = useMemo(
    () => (rowWindow.start === 0 && rowWindow.end === rows.length ? rows : rows.slice(rowWindow.start, rowWindow.end)),
    [rows, rowWindow.start, rowWindow.end],
  );

  const table = useTable({
    features: usersTableFeatures,
    columns,
    data: windowRows,
    getRowId: (row) => row.user.id,
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: true,
    enableSortingRemoval: false,
    rowCount,
    state: { sorting, columnVisibility, columnOrder, pagination },
    onSortingChange: (updater) => {
      setSorting(updater);
      setPagination((p) => (p.pageIndex === 0 ? p : { ...p, pageIndex: 0 }));
    },
    onColumnVisibilityChange: setColumnVisibility,
    onColumnOrderChange: setColumnOrder,
    onPaginationChange: setPagination,
  });

  const visibleColumns = table.getVisibleLeafColumns();
  const tableRows = table.getRowModel().rows;

  const openRow = (user: User, row: HTMLElement | null) => {
    if (link.onUserOpen) link.onUserOpen(user);
    else row?.querySelector<HTMLAnchorElement>('a[data-slot="user-link"]')?.click();
  };

  const grid = useGridNavigation({
    rowCount: showRows ? rows.length : 0,
    colCount: visibleColumns.length,
    scrollToRow: rowWindow.scrollToRow,
    onActivate: (position: GridPosition, event: KeyboardEvent) => {
      if (position.row === -1) return sortFromHeader(visibleColumns[position.col], event);
      const row = rows[position.row];
      if (row) openRow(row.user, (event.target as HTMLElement).closest('tr'));
    },
  });

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, user: User) => {
    if (isRowOpenClick(event)) openRow(user, event.currentTarget);
  };

  const resultText = usersResultText({ status, rowCount, shown: rows.length, pagination, locale, labels });
  const state = status === 'pending' ? 'loading' : status === 'error' ? 'error' : rows.length === 0 ? 'empty' : 'ready';
  const message =
    state === 'error' || state === 'empty' ? (
      <UsersTableMessage
        state={state}
        error={props.error}
        onRetry={props.onRetry}
        emptyReason={props.emptyReason}
        onClearFilters={props.onClearFilters}
        labels={labels}
      />
    ) : null;

  return (
    <LinkProvider renderLink={props.renderLink}>
      <ListFrame root={root} baseClassName="us-users-table" slot="users-table" state={state} fetching={isFetching} rowHeight={rowHeight}>
        <div className="us-list-frame__bar">
          <ListResult text={resultText} updating={isFetching && status === 'success'} updatingLabel={labels.updating} />
          <UsersColumnPicker
            table={table}
            columnOrder={columnOrder}
            columnVisibility={columnVisibility}
            onReset={() => {
              setColumnVisibility(props.defaultColumnVisibility ?? DEFAULT_USERS_TABLE_VISIBILITY);
              setColumnOrder(props.defaultColumnOrder ?? NO_ORDER);
            }}
            labels={labels}
          />
        </div>
        <div className="us-list-frame__scroll" ref={scroller} style={{ maxHeight }} data-slot="users-table-scroll">
          <DataGrid
            navigation={grid}
            caption={labels.caption}
            columns={visibleColumns}
            sorting={sorting}
            stickyFirstColumn
            ariaRowCount={showRows ? rows.length + 1 : -1}
            busy={status === 'pending' || isFetching}
            skeletonRows={status === 'pending' ? SKELETON_ROWS : 0}
            message={message}
            headRef={head}
            padding={{ top: rowWindow.padTop, bottom: rowWindow.padBottom }}
          >
            {tableRows.map((row, offset) => {
              const index = rowWindow.start + offset;
              const user = row.original.user;
              return (
                <GridRow
                  key={row.id}
                  cells={row.getVisibleCells()}
                  index={index}
                  activeCol={grid.active.row === index ? grid.active.col : null}
                  state={row.original.attention.length > 0 ? 'attention' : 'normal'}
                  identity={{ 'data-user-id': user.id }}
                  stickyFirstColumn
                  onClick={(event) => onRowClick(event, user)}
                />
              );
            })}
          </DataGrid>
        </div>
        {status === 'success' && rowCount > 0 ? <UsersTablePagination table={table} pageSizeOptions={pageSizeOptions} labels={labels} locale={locale} /> : null}
      </ListFrame>
    </LinkProvider>
  );
});
