import type { ProviderMethod } from '../../hooks/query-key';
import type { UserDetailSectionId } from './sections';

/**
 * The provider methods each built-in section reads: its Retry after a render crash resets these queries of the
 * user, so the section asks the provider again instead of re-rendering the same answer. Custom sections reset none.
 */
export const SECTION_QUERIES: Readonly<Record<UserDetailSectionId, readonly ProviderMethod[]>> = {
  header: ['getUser'],
  metrics: ['getUserMetrics', 'getModelUsage', 'getUsersDistribution'],
  trends: ['getUserTrends', 'getModelUsage'],
  feedback: ['getFeedback', 'listFeedbackComments', 'getUserTrends', 'getModelUsage'],
  conversations: ['listConversations'],
  traces: ['listTraces', 'getModelUsage'],
};

/** The methods section `id` reads; empty for a custom section. */
export function sectionQueries(id: string): readonly ProviderMethod[] {
  return Object.prototype.hasOwnProperty.call(SECTION_QUERIES, id) ? SECTION_QUERIES[id as UserDetailSectionId] : [];
}
