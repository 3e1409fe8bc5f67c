import type { RefObject } from 'react';
import type { ListLoadProps } from '../primitives/list-props';
import { SectionState } from '../primitives/SectionState';
import type { TraceTableLabels } from './trace-table-labels';

/** Props of {@link TraceTableMessage}. */
export interface TraceTableMessageProps extends Pick<ListLoadProps, 'error' | 'onRetry'> {
  /** Which message: the load error, or the empty state. */
  state: 'error' | 'empty';
  /** Whether status or model filters are active (the empty message then offers "Clear filters"). */
  filtered: boolean;
  /** The conversation the rows are narrowed to, else `null`. */
  conversationId: string | null;
  /** Clears the status and model filters. */
  onClearFilters: () => void;
  /** The status filter, which takes focus when "Clear filters" (about to disappear) is pressed. */
  statusSelectRef: RefObject<HTMLSelectElement | null>;
  /** Strings. */
  labels: TraceTableLabels;
}

/** The grid's full-width message: the error with Retry, or why there are no traces (with "Clear filters" when filtered). */
export function TraceTableMessage({ state, error, onRetry, filtered, conversationId, onClearFilters, statusSelectRef, labels }: TraceTableMessageProps) {
  if (state === 'error') {
    return <SectionState state="error" error={error} onRetry={onRetry} message={labels.error} labels={{ retry: labels.retry }} />;
  }
  return (
    <SectionState
      state="empty"
      message={filtered ? labels.emptyFilters : conversationId !== null ? labels.emptyConversation : labels.emptyRange}
      action={
        filtered ? (
          <button
            type="button"
            className="us-button"
            onClick={() => {
              statusSelectRef.current?.focus();
              onClearFilters();
            }}
          >
            {labels.clearFilters}
          </button>
        ) : undefined
      }
    />
  );
}
