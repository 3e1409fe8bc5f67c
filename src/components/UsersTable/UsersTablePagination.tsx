import type { ReactTable } from '@tanstack/react-table';
import { useId } from 'react';
import type { UserRow } from '../../core/results';
import { formatCount } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import type { usersTableFeatures } from './users-table-columns';
import type { UsersTableLabels } from './users-table-labels';

/** Props of {@link UsersTablePagination}. */
export interface UsersTablePaginationProps {
  /** The table whose (manual) pagination state this drives. */
  table: ReactTable<typeof usersTableFeatures, UserRow>;
  /** Page sizes offered. */
  pageSizeOptions: readonly number[];
  /** Strings. */
  labels: UsersTableLabels;
  /** Intl locale. */
  locale: string;
}

/** Rows-per-page select, "Page x of y" and first / previous / next / last buttons. */
export function UsersTablePagination({ table, pageSizeOptions, labels, locale }: UsersTablePaginationProps) {
  const selectId = useId();
  const { pageIndex, pageSize } = table.state.pagination;
  const pages = Math.max(1, table.getPageCount());
  const sizes = pageSizeOptions.includes(pageSize) ? pageSizeOptions : [...pageSizeOptions, pageSize].sort((a, b) => a - b);
  const button = (label: string, glyph: string, enabled: boolean, onClick: () => void) => (
    <button type="button" className="us-icon-button" aria-label={label} title={label} disabled={!enabled} onClick={onClick}>
      <span aria-hidden="true">{glyph}</span>
    </button>
  );
  return (
    <nav className="us-pagination" aria-label={labels.pagination} data-slot="pagination">
      <label htmlFor={selectId} className="us-pagination__size-label">
        {labels.rowsPerPage}
      </label>
      <select
        id={selectId}
        className="us-select"
        value={pageSize}
        onChange={(event) => table.setPagination({ pageIndex: 0, pageSize: Number(event.target.value) })}
      >
        {sizes.map((size) => (
          <option key={size} value={size}>
            {formatCount(size, locale)}
          </option>
        ))}
      </select>
      <span className="us-pagination__page">
        {formatLabel(labels.pageOf, { page: formatCount(pageIndex + 1, locale), pages: formatCount(pages, locale) })}
      </span>
      <span className="us-pagination__buttons">
        {button(labels.firstPage, '«', table.getCanPreviousPage(), () => table.firstPage())}
        {button(labels.previousPage, '‹', table.getCanPreviousPage(), () => table.previousPage())}
        {button(labels.nextPage, '›', table.getCanNextPage(), () => table.nextPage())}
        {button(labels.lastPage, '»', table.getCanNextPage(), () => table.lastPage())}
      </span>
    </nav>
  );
}
