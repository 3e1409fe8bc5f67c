/**
 * English defaults of the strings `UserDetailPage` itself shows (each section's component has its own). Hosts
 * override them with the `labels` prop or `<UserscopeProvider labels>` ids `userDetail.<key>`.
 * @module
 */

/**
 * The page's own strings in English: section titles and descriptions, the nav's name, the crashed-section message.
 * Override any of them with `UserDetailPage`'s `labels` prop or the provider's `userDetail.<key>` labels.
 */
export const userDetailPageLabels = {
  /** Accessible name of the in-page navigation. */
  navLabel: 'Sections of this page',
  /** Accessible name of the back / previous / next bar (`navigation` prop). */
  pagerLabel: 'Users',
  /** The back link's text when `navigation.back.label` is not given. */
  navBack: 'All users',
  /** Previous / next user: visible text, and the accessible name with the user's name (`{name}`). */
  navPrevious: 'Previous',
  navNext: 'Next',
  navPreviousNamed: 'Previous user: {name}',
  navNextNamed: 'Next user: {name}',
  /** The user's place in the list. `{index}`, `{total}`: formatted numbers. */
  navPosition: '{index} of {total}',
  navPositionNoTotal: 'User {index}',
  /** Section titles: headings, nav links and the sections' accessible names. */
  sectionHeader: 'Profile and metadata',
  sectionMetrics: 'Key metrics',
  sectionTrends: 'Trends and model usage',
  sectionFeedback: 'User feedback',
  sectionConversations: 'Conversations',
  sectionTraces: 'Traces',
  /** Line under the conversations heading. */
  conversationsHint: 'Traces grouped into user journeys. Select one to show only its traces below.',
  /** Line under the traces heading. */
  tracesHint: 'Every run of this user in the selected range.',
  /** A section whose rendering threw: the rest of the page is unaffected. */
  sectionCrashed: 'This section could not be shown.',
  retry: 'Retry',
  /** Shown under the trend charts after a zoom. */
  backToRange: 'Back to the selected range',
  /** While a long provider load runs (e.g. Langfuse under a rate limit). `{loaded}`, `{expected}`: formatted numbers. */
  loadProgress: 'Loaded {loaded} of ~{expected} traces',
  /** The same without an estimate of the total. */
  loadProgressUnknown: 'Loaded {loaded} traces',
  /** Heading of the page-level state shown when the provider has no user with this id. */
  notFoundTitle: 'User not found',
  /** Line under it. `{userId}`: the id as given. */
  notFoundMessage: 'No user has the id “{userId}” in this project.',
};

/** Every string `UserDetailPage` shows; see {@link userDetailPageLabels}. */
export type UserDetailPageLabels = typeof userDetailPageLabels;
