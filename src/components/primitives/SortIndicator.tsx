/** The arrow after a sortable header: up for ascending, down for descending, a faint pair when unsorted. */
export function SortIndicator({ direction, index }: { direction: false | 'asc' | 'desc'; index?: number }) {
  return (
    <span className="us-sort-indicator" data-state={direction || 'none'} aria-hidden="true">
      <svg width="10" height="12" viewBox="0 0 10 12" focusable="false">
        <path className="us-sort-indicator__up" d="M5 1 9 5H1z" />
        <path className="us-sort-indicator__down" d="M5 11 1 7h8z" />
      </svg>
      {index !== undefined ? <span className="us-sort-indicator__index">{index}</span> : null}
    </span>
  );
}
