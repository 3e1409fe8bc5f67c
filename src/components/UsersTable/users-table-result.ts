/**
 * The result line above the users grid ("1–50 of 1,234 users").
 * @module
 */
import type { OffsetPagination } from '../../core/contract';
import { formatCount } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import type { ListLoadProps } from '../primitives/list-props';
import type { UsersTableLabels } from './users-table-labels';

/** Inputs of {@link usersResultText}. */
export interface UsersResultInput {
  /** Load state. */
  status: NonNullable<ListLoadProps['status']>;
  /** Rows matching across all pages. */
  rowCount: number;
  /** Rows on the current page. */
  shown: number;
  /** The current page. */
  pagination: OffsetPagination;
  /** Intl locale. */
  locale: string;
  /** Strings. */
  labels: UsersTableLabels;
}

/** "Loading…" while pending, nothing on error, "No users" when empty, else the range of rows shown and the total. */
export function usersResultText({ status, rowCount, shown, pagination, locale, labels }: UsersResultInput): string {
  if (status === 'pending') return labels.loading;
  if (status === 'error') return '';
  if (rowCount === 0 || shown === 0) return labels.resultNone;
  const pageStart = pagination.pageIndex * pagination.pageSize;
  return formatLabel(labels.resultRange, {
    from: formatCount(pageStart + 1, locale),
    to: formatCount(pageStart + shown, locale),
    total: formatCount(rowCount, locale),
  });
}
