import { useState } from 'react';
import { ConversationList } from '../../components/ConversationList/ConversationList';
import { conversationListLabels } from '../../components/ConversationList/conversation-list-labels';
import type { SortingItem } from '../../core/contract';
import { useConversations } from '../../hooks/cursor-hooks';
import { cursorListProps } from './query-props';
import type { SectionContentProps } from './section-content-props';
import { useContextLabels } from './use-context-labels';

/** Built-in `conversations` section: the user's journeys; selecting one narrows the traces section. */
export function ConversationsSection({ context: c }: SectionContentProps) {
  const [sorting, setSorting] = useState<SortingItem[]>([]);
  const conversations = useConversations(
    { userId: c.userId, range: c.range, sorting, limit: c.pageSize },
    { keepPreviousData: true },
  );
  const labels = useContextLabels(conversationListLabels, 'conversationList');
  return (
    <ConversationList
      {...cursorListProps(conversations)}
      sorting={sorting}
      onSortingChange={setSorting}
      selectedConversationId={c.selectedConversationId}
      onSelectedConversationChange={c.onSelectedConversationChange}
      now={c.now}
      locale={c.locale}
      labels={labels}
    />
  );
}
