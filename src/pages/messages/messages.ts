/**
 * `UserscopeMessages`: every visible string of userscope in one typed object, one label set per component (the keys
 * are the ids of `<UserscopeProvider labels>`: `users`, `usersTable`, `timeRange`, …). A translation is a value of this
 * type, so a missing or misspelled key fails the typecheck; `userscope/locales/<lang>` ship de, fr, es, ja, pt-BR and
 * zh-CN. Numbers and dates are not in it: they follow `<UserscopeProvider locale>`.
 * @module
 */
import { conversationListLabels } from '../../components/ConversationList/conversation-list-labels';
import { feedbackPanelLabels } from '../../components/FeedbackPanel/labels';
import { metricCardsLabels } from '../../components/MetricCards/labels';
import { modelUsageLabels } from '../../components/ModelUsage/labels';
import { attentionBadgeLabels } from '../../components/primitives/AttentionBadge';
import { columnPickerLabels } from '../../components/primitives/ColumnPicker';
import { copyButtonLabels } from '../../components/primitives/CopyButton';
import { deltaLabels } from '../../components/primitives/Delta';
import { loadProgressLabels } from '../../components/primitives/LoadProgressNote';
import { metadataChipLabels } from '../../components/primitives/MetadataChip';
import { sectionStateLabels } from '../../components/primitives/SectionState';
import { sparklineLabels } from '../../components/primitives/Sparkline';
import { statusBadgeLabels } from '../../components/primitives/StatusBadge';
import { timeRangePickerLabels } from '../../components/primitives/TimeRangePicker';
import { traceTableLabels } from '../../components/TraceTable/trace-table-labels';
import { trendChartsLabels } from '../../components/TrendCharts/labels';
import { userHeaderLabels } from '../../components/UserHeader/labels';
import { userSegmentsLabels } from '../../components/UserSegments/labels';
import { usersDistributionLabels } from '../../components/UsersDistribution/labels';
import { usersTableLabels } from '../../components/UsersTable/users-table-labels';
import { userDetailPageLabels } from '../UserDetailPage/user-detail-page-labels';
import { usersPageLabels } from '../UsersPage/users-page-labels';

/** The English strings of every component, by label-set id: the defaults, and the shape of every translation. */
export const englishMessages = {
  /** `UsersPage`'s own strings (heading, search, filters, totals strip, notices, export). */
  users: usersPageLabels,
  /** `UsersTable`. */
  usersTable: usersTableLabels,
  /** `UsersDistribution` (users by cost, traces, error rate or latency). */
  usersDistribution: usersDistributionLabels,
  /** `UserSegments`. */
  userSegments: userSegmentsLabels,
  /** `UserDetailPage`'s own strings (section titles, navigation, not found). */
  userDetail: userDetailPageLabels,
  /** `UserHeader`. */
  userHeader: userHeaderLabels,
  /** `MetricCards` (cards, verdict, position line, regression callouts). */
  metricCards: metricCardsLabels,
  /** `TrendCharts` (with the shared chart strings). */
  trendCharts: trendChartsLabels,
  /** `ModelUsage` (with the shared chart strings). */
  modelUsage: modelUsageLabels,
  /** `FeedbackPanel`. */
  feedback: feedbackPanelLabels,
  /** `ConversationList`. */
  conversationList: conversationListLabels,
  /** `TraceTable`. */
  traceTable: traceTableLabels,
  /** `TimeRangePicker`. */
  timeRange: timeRangePickerLabels,
  /** `SectionState`: the generic loading, error and retry texts. */
  sectionState: sectionStateLabels,
  /** `LoadProgressNote`. */
  loadProgress: loadProgressLabels,
  /** `Delta`. */
  delta: deltaLabels,
  /** `Sparkline`'s accessible name. */
  sparkline: sparklineLabels,
  /** `MetadataChip`. */
  metadataChip: metadataChipLabels,
  /** `AttentionBadge`. */
  attentionBadge: attentionBadgeLabels,
  /** `CopyButton`. */
  copyButton: copyButtonLabels,
  /** `ColumnPicker`. */
  columnPicker: columnPickerLabels,
  /** `StatusBadge`. */
  statusBadge: statusBadgeLabels,
};

/**
 * Every visible string of userscope: one label set per component, every key required. Type a translation with it
 * (`const fi: UserscopeMessages = { … }`) and apply it with `<MessagesProvider messages={fi}>`. Parametrised strings
 * are either `{name}` templates or functions, as in the English set.
 */
export type UserscopeMessages = {
  readonly [Id in keyof typeof englishMessages]: (typeof englishMessages)[Id];
};

/** The id of one label set of {@link UserscopeMessages} (`users`, `usersTable`, …). */
export type MessagesSetId = keyof UserscopeMessages;
