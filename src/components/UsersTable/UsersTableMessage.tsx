import type { ListLoadProps } from '../primitives/list-props';
import { SectionState } from '../primitives/SectionState';
import type { UsersTableLabels } from './users-table-labels';

/** Props of {@link UsersTableMessage}. */
export interface UsersTableMessageProps extends Pick<ListLoadProps, 'error' | 'onRetry'> {
  /** Which message: the load error, or the empty state. */
  state: 'error' | 'empty';
  /** Why the table is empty: nothing in the range, nothing matching the search and filters, or no user ids. */
  emptyReason?: 'range' | 'filters' | 'no-user-ids';
  /** "Clear filters" button of the `filters` empty state. */
  onClearFilters?: () => void;
  /** Strings. */
  labels: UsersTableLabels;
}

/** The grid's full-width message: the error with Retry, or why there are no users (with "Clear filters" when given). */
export function UsersTableMessage({ state, error, onRetry, emptyReason, onClearFilters, labels }: UsersTableMessageProps) {
  if (state === 'error') {
    return <SectionState state="error" error={error} onRetry={onRetry} message={labels.error} labels={{ retry: labels.retry }} />;
  }
  const filtered = emptyReason === 'filters';
  return (
    <SectionState
      state="empty"
      message={filtered ? labels.emptyFilters : emptyReason === 'no-user-ids' ? labels.emptyNoUserIds : labels.emptyRange}
      action={
        filtered && onClearFilters ? (
          <button type="button" className="us-button" onClick={onClearFilters}>
            {labels.clearFilters}
          </button>
        ) : undefined
      }
    />
  );
}
