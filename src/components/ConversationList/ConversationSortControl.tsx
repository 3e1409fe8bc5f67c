import { useId } from 'react';
import type { SortingItem } from '../../core/contract';
import type { ConversationListLabels } from './conversation-list-labels';

/** The order the provider uses when `sorting` is empty: most recent activity first. */
export const DEFAULT_CONVERSATION_LIST_SORTING: readonly SortingItem[] = [{ id: 'lastTime', desc: true }];

/** Sort ids offered by default: recency, errors, cost, length in steps and in time (`listConversations` ids). */
export const CONVERSATION_SORT_OPTIONS: readonly string[] = ['lastTime', 'errorCount', 'costUsd', 'traceCount', 'durationMs'];

function optionLabel(id: string, labels: ConversationListLabels): string {
  const known: Record<string, string> = {
    lastTime: labels.sortLastTime,
    errorCount: labels.sortErrorCount,
    costUsd: labels.sortCostUsd,
    traceCount: labels.sortTraceCount,
    durationMs: labels.sortDurationMs,
  };
  return known[id] ?? id;
}

/** Props of {@link ConversationSortControl}. */
export interface ConversationSortControlProps {
  /** Current sorting; empty means {@link DEFAULT_CONVERSATION_LIST_SORTING}. */
  sorting: readonly SortingItem[];
  /** Called with the new sorting. */
  onSortingChange: (sorting: SortingItem[]) => void;
  /** Sort ids offered. */
  options: readonly string[];
  /** Strings. */
  labels: ConversationListLabels;
}

/**
 * "Sort by" select plus a direction button. Picking a key sorts highest (or most recent) first; the button flips
 * the direction. Emits one-item TanStack `SortingState` arrays.
 */
export function ConversationSortControl({ sorting, onSortingChange, options, labels }: ConversationSortControlProps) {
  const id = useId();
  const current = sorting[0] ?? (DEFAULT_CONVERSATION_LIST_SORTING[0] as SortingItem);
  const ids = options.includes(current.id) ? options : [...options, current.id];
  return (
    <span className="us-conversation-sort" data-slot="conversation-sort">
      <label htmlFor={id} className="us-conversation-sort__label">
        {labels.sortBy}
      </label>
      <select id={id} className="us-select" value={current.id} onChange={(event) => onSortingChange([{ id: event.target.value, desc: true }])}>
        {ids.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option, labels)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="us-icon-button"
        data-state={current.desc ? 'desc' : 'asc'}
        aria-label={current.desc ? labels.sortDescending : labels.sortAscending}
        title={current.desc ? labels.sortDescending : labels.sortAscending}
        onClick={() => onSortingChange([{ id: current.id, desc: !current.desc }])}
      >
        <span aria-hidden="true">{current.desc ? '↓' : '↑'}</span>
      </button>
    </span>
  );
}
