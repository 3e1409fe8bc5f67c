'use client';
/**
 * `userscope`: the React components and composed pages. Data comes in through props (components) or through
 * `<UserscopeProvider>` from `userscope/hooks` (pages). Import `userscope/styles.css` once.
 * @module
 */
export { UserHeader, type UserHeaderProps } from './components/UserHeader/UserHeader';
export { userHeaderLabels, type UserHeaderLabels } from './components/UserHeader/labels';
export { MetricCards, type MetricCardsProps } from './components/MetricCards/MetricCards';
export { metricCardsLabels, type MetricCardsLabels } from './components/MetricCards/labels';
export type { MetricCardKey } from './components/MetricCards/card-specs';
export { SectionState, sectionStateLabels, type SectionStateProps } from './components/primitives/SectionState';
export { LoadProgressNote, loadProgressLabels, type LoadProgressLabels, type LoadProgressNoteProps } from './components/primitives/LoadProgressNote';
export { TrendCharts, type TrendChartsProps } from './components/TrendCharts/TrendCharts';
export { trendChartsLabels, type TrendChartsLabels } from './components/TrendCharts/labels';
export { TREND_METRICS, TREND_METRIC_FOR_CARD, type TrendMetricKey } from './components/TrendCharts/trend-metrics';
export type { GranularityChoice } from './components/TrendCharts/GranularityPicker';
export { ModelUsage, type ModelUsageProps } from './components/ModelUsage/ModelUsage';
export { modelUsageLabels, type ModelUsageLabels } from './components/ModelUsage/labels';
export { FeedbackPanel, type FeedbackPanelProps } from './components/FeedbackPanel/FeedbackPanel';
export { feedbackPanelLabels, type FeedbackPanelLabels } from './components/FeedbackPanel/labels';
export type { FeedbackCommentsSource } from './components/FeedbackPanel/CommentList';
export type { FeedbackTraceRef } from './components/FeedbackPanel/TraceRef';
export { UsersTable, type UsersTableEmptyReason, type UsersTableProps } from './components/UsersTable/UsersTable';
export type { MetadataColumn } from './components/UsersTable/users-table-columns';
export { usersTableLabels, type UsersTableLabels } from './components/UsersTable/users-table-labels';
export { UsersDistribution, type UsersDistributionProps } from './components/UsersDistribution/UsersDistribution';
export { usersDistributionLabels, type UsersDistributionLabels } from './components/UsersDistribution/labels';
export { UserSegments, type UserSegmentsProps } from './components/UserSegments/UserSegments';
export { userSegmentsLabels, type UserSegmentsLabels } from './components/UserSegments/labels';
export { ConversationList, type ConversationListProps } from './components/ConversationList/ConversationList';
export { conversationListLabels, type ConversationListLabels } from './components/ConversationList/conversation-list-labels';
export { TraceTable, defaultTraceSorting, type TraceTableProps } from './components/TraceTable/TraceTable';
export { traceTableLabels, type TraceTableLabels } from './components/TraceTable/trace-table-labels';
export { UsersPage, type UsersPageProps } from './pages/UsersPage/UsersPage';
export { usersPageLabels, type UsersPageLabels } from './pages/UsersPage/users-page-labels';
export { UserDetailPage, type UserDetailPageProps } from './pages/UserDetailPage/UserDetailPage';
export { userDetailPageLabels, type UserDetailPageLabels } from './pages/UserDetailPage/user-detail-page-labels';
export { englishMessages, type MessagesSetId, type UserscopeMessages } from './pages/messages/messages';
export { MessagesProvider, type MessagesProviderProps } from './pages/messages/MessagesProvider';
export type { UserDetailNavigation, UserDetailNavTarget } from './pages/UserDetailPage/navigation';
export { DEFAULT_USERS_VIEW, type MeasureFilter, type UsersView } from './hooks/users-view';
export { parseUsersView, serializeUsersView } from './pages/UsersPage/users-view-url';
export {
  DEFAULT_USER_DETAIL_VIEW,
  detailParamsFromUsersView,
  parseUserDetailView,
  serializeUserDetailView,
  type UserDetailView,
} from './pages/UserDetailPage/user-detail-view';
export { timeRangePickerLabels } from './components/primitives/TimeRangePicker';
export { adjacentNavigation, userLabel } from './pages/UserDetailPage/adjacent-navigation';
export {
  DEFAULT_USER_DETAIL_SECTIONS,
  type UserDetailSectionId,
  type UserDetailSectionDef,
  type UserDetailSectionItem,
  type UserDetailSectionRenderProps,
  type UserDetailContext,
  type UserDetailTraceRef,
} from './pages/UserDetailPage/sections';
export type { TimeRangeValue, TimeRangePreset, CustomTimeRange } from './core/time-range-value';
export { LinkProvider, type LinkProviderProps, type LinkRenderProps, type RenderLink } from './components/primitives/HostLink';
export type { HeadingLevel } from './components/primitives/heading-level';
export type { RootAttributes } from './components/primitives/root-props';
export type { CursorPagingProps, ListLayoutProps, ListLoadProps } from './components/primitives/list-props';
