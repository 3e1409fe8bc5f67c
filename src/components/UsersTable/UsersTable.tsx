import { useTable, type ColumnOrderState, type ColumnVisibilityState, type Header } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { OffsetPagination, SortingItem } from '../../core/contract';
import type { User } from '../../core/model';
import type { UserRow } from '../../core/results';
import { ColumnPicker } from '../primitives/ColumnPicker';
import { formatCount } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import { SectionState } from '../primitives/SectionState';
import { useControllableState } from '../primitives/use-controllable-state';
import { useIsomorphicLayoutEffect } from '../primitives/use-isomorphic-layout-effect';
import { isPlainClick, type UserLink } from './UserCell';
import { UsersTablePagination } from './UsersTablePagination';
import { SortIndicator } from './SortIndicator';
import { cellKey, useGridNavigation, type GridPosition } from './use-grid-navigation';
import {
  buildUsersColumns,
  DEFAULT_HIDDEN_COLUMNS,
  orderedColumnIds,
  usersTableFeatures,
  type MetadataColumn,
  type UsersColumnMeta,
} from './users-table-columns';
import { usersTableLabels, type UsersTableLabels } from './users-table-labels';

/** Sorting when none is given: most recently active first (the contract's default). */
export const DEFAULT_USERS_TABLE_SORTING: SortingItem[] = [{ id: 'lastSeen', desc: true }];
/** Page when none is given. */
export const DEFAULT_USERS_TABLE_PAGINATION: OffsetPagination = { pageIndex: 0, pageSize: 50 };
/** Page sizes offered when none are given. */
export const DEFAULT_PAGE_SIZES: readonly number[] = [25, 50, 100, 250, 500, 1000];
/** Metadata columns when none are given. */
export const DEFAULT_METADATA_COLUMNS: readonly MetadataColumn[] = ['plan', 'tier', 'region'];
/** Visibility when none is given: {@link DEFAULT_HIDDEN_COLUMNS} hidden. */
export const DEFAULT_USERS_TABLE_VISIBILITY: ColumnVisibilityState = Object.fromEntries(DEFAULT_HIDDEN_COLUMNS.map((id) => [id, false]));

const NO_ORDER: ColumnOrderState = [];
const SKELETON_ROWS = 8;

/** Why the table is empty: nothing in the range at all, or nothing that matches the search and filters. */
export type UsersTableEmptyReason = 'range' | 'filters';

/** Props of {@link UsersTable}. Sorting, visibility, order and pagination are each controlled or uncontrolled. */
export interface UsersTableProps extends UserLink {
  /** The rows of the current page, already sorted and filtered by the provider. */
  rows: readonly UserRow[];
  /** Rows matching across all pages (the page's `total`). Default: `rows.length`. */
  rowCount?: number;
  /** Load state: `pending` shows skeleton rows, `error` an error with Retry. Default `success`. */
  status?: 'pending' | 'error' | 'success';
  /** A request is in flight while older rows show (marks the table busy). */
  isFetching?: boolean;
  /** The load error, shown in the error state. */
  error?: unknown;
  /** Retry button of the error state. */
  onRetry?: () => void;
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
  /** Intl locale. Default `en-US`. */
  locale?: string;
  /** "Now" for relative dates (epoch ms). Default `Date.now()` at first render. */
  now?: number;
  /** Strings. */
  labels?: Partial<UsersTableLabels>;
  /** Height of the scrolling body (CSS length or px). Default 640. */
  maxHeight?: number | string;
  /** Row height in px; rows are virtualised beyond {@link UsersTableProps.virtualizeAbove}. Default 52. */
  rowHeight?: number;
  /** Render every row up to this many; virtualise above. Default 100. */
  virtualizeAbove?: number;
  /** Extra class on the root. */
  className?: string;
}

function ariaSort(sorting: readonly SortingItem[], id: string): 'ascending' | 'descending' | 'none' | undefined {
  const primary = sorting[0];
  if (primary?.id === id) return primary.desc ? 'descending' : 'ascending';
  return undefined;
}

function isInteractive(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('a, button, input, select, textarea, label') !== null;
}

/**
 * The users list as a data grid: one row per user with identity, metadata, volume, quality, latency, cost,
 * feedback, activity, a traces-per-day sparkline and explained attention badges. Presentational: rows come in
 * through props (sorted and paged by the provider: sorting and pagination are manual), changes go out through
 * callbacks. Rows are virtualised above `virtualizeAbove`. Keyboard: arrows, Home/End, Page Up/Down, Enter opens
 * the user (or sorts from a header); a user opens with `getUserHref` (a real link, middle-click works) and/or
 * `onUserOpen`.
 */
export function UsersTable(props: UsersTableProps) {
  const {
    rows,
    status = 'success',
    isFetching = false,
    locale = 'en-US',
    maxHeight = 640,
    rowHeight = 52,
    virtualizeAbove = 100,
    pageSizeOptions = DEFAULT_PAGE_SIZES,
    metadataColumns = DEFAULT_METADATA_COLUMNS,
  } = props;
  const labels = useMemo(() => ({ ...usersTableLabels, ...props.labels }), [props.labels]);
  const [firstNow] = useState(() => Date.now());
  const now = props.now ?? firstNow;
  const rowCount = props.rowCount ?? rows.length;

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

  // The link callbacks are read through a ref so inline functions from the host do not rebuild the columns.
  const linkProps = useRef<UserLink>(props);
  linkProps.current = props;
  const hasHref = props.getUserHref !== undefined;
  const hasOpen = props.onUserOpen !== undefined;
  const link = useMemo<UserLink>(
    () => ({
      getUserHref: hasHref ? (user) => linkProps.current.getUserHref?.(user) : undefined,
      onUserOpen: hasOpen ? (user) => linkProps.current.onUserOpen?.(user) : undefined,
    }),
    [hasHref, hasOpen],
  );
  const metadataKey = JSON.stringify(metadataColumns);
  const columns = useMemo(
    () => buildUsersColumns({ labels, locale, now, metadataColumns, link }),
    // metadataColumns is compared by content so an inline array does not rebuild the columns every render.
    [labels, locale, now, metadataKey, link],
  );

  // Rows are virtualised over the whole page and TanStack only gets the rows in view, so it builds row objects for
  // those alone: mounting or holding a 100k-row page costs the virtualiser's offsets, not 100k table rows.
  const showRows = status === 'success' && rows.length > 0;
  const virtual = showRows && rows.length > virtualizeAbove;
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(rowHeight);
  useIsomorphicLayoutEffect(() => {
    if (head.current && head.current.offsetHeight > 0) setHeadHeight(head.current.offsetHeight);
  }, [labels]);
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    enabled: virtual,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    scrollMargin: headHeight,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  const padTop = firstItem ? firstItem.start - headHeight : 0;
  const padBottom = lastItem ? virtualizer.getTotalSize() - (lastItem.end - headHeight) : 0;
  const windowStart = firstItem?.index ?? 0;
  const windowEnd = virtual ? (lastItem ? lastItem.index + 1 : 0) : showRows ? rows.length : 0;
  const windowRows = useMemo(
    () => (windowStart === 0 && windowEnd === rows.length ? rows : rows.slice(windowStart, windowEnd)),
    [rows, windowStart, windowEnd],
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
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const tableRows = table.getRowModel().rows;

  const openRow = useCallback(
    (user: User, row: HTMLElement | null) => {
      if (link.onUserOpen) link.onUserOpen(user);
      else row?.querySelector<HTMLAnchorElement>('a[data-slot="user-link"]')?.click();
    },
    [link],
  );

  const grid = useGridNavigation({
    rowCount: showRows ? rows.length : 0,
    colCount: visibleColumns.length,
    scrollToRow: virtual ? (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) : undefined,
    onActivate: (position: GridPosition, event: KeyboardEvent) => {
      if (position.row === -1) {
        const column = headers[position.col]?.column;
        if (column?.getCanSort()) column.toggleSorting(undefined, event.shiftKey);
        return;
      }
      const row = rows[position.row];
      if (row) openRow(row.user, (event.target as HTMLElement).closest('tr'));
    },
  });

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, user: User) => {
    if (!isPlainClick(event) || isInteractive(event.target)) return;
    if (window.getSelection()?.toString()) return;
    openRow(user, event.currentTarget);
  };

  const pageStart = pagination.pageIndex * pagination.pageSize;
  const resultText = (() => {
    if (status === 'pending') return labels.loading;
    if (status === 'error') return '';
    if (rowCount === 0 || rows.length === 0) return labels.resultNone;
    return formatLabel(labels.resultRange, {
      from: formatCount(pageStart + 1, locale),
      to: formatCount(pageStart + rows.length, locale),
      total: formatCount(rowCount, locale),
    });
  })();
  const state = status === 'pending' ? 'loading' : status === 'error' ? 'error' : rows.length === 0 ? 'empty' : 'ready';
  const colSpan = Math.max(1, visibleColumns.length);
  const pickerColumns = new Map(
    table.getAllLeafColumns().map((c) => [c.id, { id: c.id, label: (c.columnDef.meta as UsersColumnMeta).label, canHide: c.getCanHide() }]),
  );
  const orderedPickerColumns = orderedColumnIds([...pickerColumns.keys()], columnOrder).flatMap((id) => pickerColumns.get(id) ?? []);

  const renderHeader = (header: Header<typeof usersTableFeatures, UserRow, unknown>, col: number) => {
    const column = header.column;
    const meta = column.columnDef.meta as UsersColumnMeta;
    const sorted = column.getIsSorted();
    const canSort = column.getCanSort();
    return (
      <th
        key={header.id}
        scope="col"
        className="us-users-table__th"
        data-align={meta.align}
        data-sticky={col === 0 ? '' : undefined}
        data-cell={cellKey(-1, col)}
        tabIndex={grid.tabIndexFor(-1, col)}
        aria-sort={canSort ? (ariaSort(sorting, column.id) ?? 'none') : undefined}
        data-state={sorted ? `sorted-${sorted}` : 'unsorted'}
      >
        {canSort ? (
          <button type="button" tabIndex={-1} className="us-users-table__sort" onClick={column.getToggleSortingHandler()}>
            <span>{meta.label}</span>
            <SortIndicator direction={sorted} index={sorting.length > 1 && sorted ? column.getSortIndex() + 1 : undefined} />
          </button>
        ) : (
          <span className="us-users-table__header-text">{meta.label}</span>
        )}
      </th>
    );
  };

  return (
    <div
      className={props.className ? `us-users-table ${props.className}` : 'us-users-table'}
      data-slot="users-table"
      data-state={state}
      data-fetching={isFetching ? '' : undefined}
      style={{ ['--us-users-table-row-height' as string]: `${rowHeight}px` } as CSSProperties}
    >
      <div className="us-users-table__bar">
        <span className="us-users-table__result" role="status" aria-live="polite">
          {resultText}
          {isFetching && status === 'success' ? (
            <span className="us-users-table__updating">
              <span className="us-spinner" aria-hidden="true" /> {labels.updating}
            </span>
          ) : null}
        </span>
        <ColumnPicker
          columns={orderedPickerColumns}
          visibility={columnVisibility}
          onVisibilityChange={(id, visible) => setColumnVisibility((v) => ({ ...v, [id]: visible }))}
          onOrderChange={setColumnOrder}
          onReset={() => {
            setColumnVisibility(props.defaultColumnVisibility ?? DEFAULT_USERS_TABLE_VISIBILITY);
            setColumnOrder(props.defaultColumnOrder ?? NO_ORDER);
          }}
          labels={{
            button: labels.columnsButton,
            title: labels.columnsTitle,
            moveUp: labels.columnsMoveUp,
            moveDown: labels.columnsMoveDown,
            reset: labels.columnsReset,
            close: labels.columnsDone,
          }}
        />
      </div>
      <div className="us-users-table__scroll" ref={scroller} style={{ maxHeight }} data-slot="users-table-scroll">
        <table
          ref={grid.ref}
          role="grid"
          className="us-users-table__table"
          aria-rowcount={showRows ? rows.length + 1 : -1}
          aria-colcount={visibleColumns.length}
          aria-busy={status === 'pending' || isFetching}
          onKeyDown={grid.onKeyDown}
          onFocus={grid.onFocus}
          style={{ width: visibleColumns.reduce((sum, c) => sum + (c.columnDef.meta as UsersColumnMeta).width, 0) }}
        >
          <caption className="us-visually-hidden">{labels.caption}</caption>
          <colgroup>
            {visibleColumns.map((c) => (
              <col key={c.id} style={{ width: (c.columnDef.meta as UsersColumnMeta).width }} />
            ))}
          </colgroup>
          <thead ref={head} className="us-users-table__head">
            <tr aria-rowindex={1}>{headers.map(renderHeader)}</tr>
          </thead>
          <tbody className="us-users-table__body">
            {status === 'pending'
              ? Array.from({ length: SKELETON_ROWS }, (_, i) => (
                  <tr key={i} className="us-users-table__row" data-state="skeleton" aria-hidden="true">
                    {visibleColumns.map((c) => (
                      <td key={c.id} className="us-users-table__td" data-align={(c.columnDef.meta as UsersColumnMeta).align}>
                        <span className="us-skeleton" />
                      </td>
                    ))}
                  </tr>
                ))
              : null}
            {status === 'error' ? (
              <tr>
                <td colSpan={colSpan} className="us-users-table__message">
                  <SectionState state="error" error={props.error} onRetry={props.onRetry} message={labels.error} labels={{ retry: labels.retry }} />
                </td>
              </tr>
            ) : null}
            {status === 'success' && rows.length === 0 ? (
              <tr>
                <td colSpan={colSpan} className="us-users-table__message">
                  <SectionState
                    state="empty"
                    message={props.emptyReason === 'filters' ? labels.emptyFilters : labels.emptyRange}
                    action={
                      props.emptyReason === 'filters' && props.onClearFilters ? (
                        <button type="button" className="us-button" onClick={props.onClearFilters}>
                          {labels.clearFilters}
                        </button>
                      ) : undefined
                    }
                  />
                </td>
              </tr>
            ) : null}
            {padTop > 0 ? (
              <tr aria-hidden="true" className="us-users-table__spacer">
                <td colSpan={colSpan} style={{ height: padTop }} />
              </tr>
            ) : null}
            {tableRows.map((row, offset) => {
              const index = windowStart + offset;
              const user = row.original.user;
              return (
                <tr
                  key={row.id}
                  className="us-users-table__row"
                  aria-rowindex={index + 2}
                  data-state={row.original.attention.length > 0 ? 'attention' : 'normal'}
                  data-user-id={user.id}
                  onClick={(event) => onRowClick(event, user)}
                >
                  {row.getVisibleCells().map((cell, col) => {
                    const meta = cell.column.columnDef.meta as UsersColumnMeta;
                    return (
                      <td
                        key={cell.id}
                        role="gridcell"
                        className="us-users-table__td"
                        data-align={meta.align}
                        data-column={cell.column.id}
                        data-sticky={col === 0 ? '' : undefined}
                        data-cell={cellKey(index, col)}
                        tabIndex={grid.tabIndexFor(index, col)}
                      >
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {padBottom > 0 ? (
              <tr aria-hidden="true" className="us-users-table__spacer">
                <td colSpan={colSpan} style={{ height: padBottom }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {status === 'success' && rowCount > 0 ? <UsersTablePagination table={table} pageSizeOptions={pageSizeOptions} labels={labels} locale={locale} /> : null}
    </div>
  );
}
