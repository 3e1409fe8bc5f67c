'use client';
/**
 * `userscope/hooks`: `<UserscopeProvider>`, one headless hook per DataProvider method on TanStack Query, and the page
 * controllers (`useUsersPageController`, `useUserDetailPageController`) for hosts' own layouts. No markup.
 * @module
 */
export {
  UserscopeProvider,
  useUserscope,
  useCapabilities,
  type UserscopeProviderProps,
  type UserscopeContextValue,
  type UserscopeLabels,
} from './userscope-provider';
export {
  useUsers,
  useUser,
  useUserMetrics,
  useUserTrends,
  useModelUsage,
  useFeedback,
  useUsersSummary,
  useUsersScan,
  type HookParams,
  type UsersScanParams,
} from './query-hooks';
export {
  useUsersDistribution,
  useUsersSegments,
  DEFAULT_FALLBACK_SCAN_LIMIT,
  type PopulationHookOptions,
} from './population-hooks';
export { useFeedbackComments, useConversations, useTraces, type CursorHookParams } from './cursor-hooks';
export type {
  QueryResult,
  QueryPending,
  QueryError,
  QuerySuccess,
  QueryResultBase,
  QueryHookOptions,
  CursorQueryResult,
  CursorPages,
  CursorFields,
} from './query-result';
export { useLoadProgress, type LoadProgressState, type LoadProgressOptions } from './load-progress';
export { useUserFetching } from './use-user-fetching';
export { createUserscopeQueryClient, USERSCOPE_STALE_TIME_MS } from './query-client';
export { userscopeQueryKey, type ProviderMethod } from './query-key';
export { useResetUserQueries } from './use-reset-queries';
export {
  useAdjacentUsers,
  findAdjacentUsers,
  DEFAULT_ADJACENT_MAX_ROWS,
  type AdjacentUsers,
  type AdjacentUsersParams,
} from './use-adjacent-users';
export { useAdjacentUsersInView, type AdjacentUsersInViewParams } from './use-adjacent-users-in-view';
export {
  useUsersPageController,
  type UsersPageController,
  type UsersPageControllerOptions,
  type UsersCsvExport,
} from './users-page-controller';
export {
  useUserDetailPageController,
  type UserDetailPageController,
  type UserDetailPageControllerOptions,
} from './user-detail-page-controller';
export {
  useUsersOverview,
  DEFAULT_SUMMARY_SCAN_LIMIT,
  type UsersOverview,
  type UsersOverviewTotals,
} from './users-overview';
export { type MetadataFacet } from './metadata-facets';
export { DEFAULT_USERS_VIEW, type MeasureFilter, type UsersView } from './users-view';
export { type CsvExportState, type UsersCsvFile } from './use-csv-export';
