import { useMemo, useState } from 'react';
import { TraceTable } from '../../components/TraceTable/TraceTable';
import { traceTableLabels } from '../../components/TraceTable/trace-table-labels';
import type { FilterItem, SortingItem } from '../../core/contract';
import { NO_CONVERSATION } from '../../core/engine/conversations';
import { UNKNOWN_MODEL } from '../../core/engine/models';
import { useTraces } from '../../hooks/cursor-hooks';
import { useModelUsage } from '../../hooks/query-hooks';
import { cursorListProps } from './query-props';
import type { SectionContentProps } from './section-content-props';
import { useContextLabels } from './use-context-labels';

/** Sorting remembered with the conversation it was chosen for: a new selection starts in step order. */
interface SortingFor {
  conversationId: string | null;
  sorting: SortingItem[];
}

/**
 * Built-in `traces` section: every run of the user, narrowed to the selected conversation (in step order) when
 * there is one. The model filter offers the models `getModelUsage` reports.
 */
export function TracesSection({ context: c }: SectionContentProps) {
  const conversationId = c.selectedConversationId;
  const [sortingFor, setSortingFor] = useState<SortingFor>({ conversationId, sorting: [] });
  const sorting = sortingFor.conversationId === conversationId ? sortingFor.sorting : [];
  const [filters, setFilters] = useState<FilterItem[]>([]);
  const traces = useTraces(
    { userId: c.userId, range: c.range, conversationId: conversationId ?? undefined, sorting, filters, limit: c.pageSize },
    { keepPreviousData: true },
  );
  const usage = useModelUsage({ userId: c.userId, range: c.range });
  const models = usage.data?.models;
  const modelOptions = useMemo(() => models?.map((m) => m.model).filter((m) => m !== UNKNOWN_MODEL), [models]);
  const labels = useContextLabels(traceTableLabels, 'traceTable');

  // Without a title from the conversation list (a selection from the URL, or from a conversation cell), the first
  // step's input is the conversation's title.
  const firstStep = sorting.length === 0 && filters.length === 0 && !traces.isPlaceholderData ? traces.rows[0] : undefined;
  const title = c.selectedConversationTitle ?? (conversationId !== NO_CONVERSATION ? (firstStep?.inputPreview ?? null) : null);

  return (
    <TraceTable
      {...cursorListProps(traces)}
      sorting={sorting}
      onSortingChange={(next) => setSortingFor({ conversationId, sorting: next })}
      filters={filters}
      onFiltersChange={setFilters}
      modelOptions={modelOptions}
      conversationId={conversationId}
      conversationTitle={title}
      onClearConversation={() => c.onSelectedConversationChange(null, null)}
      onConversationSelect={(id) => c.onSelectedConversationChange(id, null)}
      getTraceHref={c.getTraceHref}
      onTraceOpen={c.onTraceOpen}
      locale={c.locale}
      labels={labels}
    />
  );
}
