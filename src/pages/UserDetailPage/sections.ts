/**
 * The `sections` API of `UserDetailPage`: built-in section ids, host section definitions, and the shared page state
 * every section receives.
 * @module
 */
import type { HeadingLevel } from '../../components/primitives/heading-level';
import type { ReactNode } from 'react';
import type { ProviderCapabilities } from '../../core/contract';
import type { TimeRange, Trace } from '../../core/model';
import type { Cohort, ConversationSummary } from '../../core/results';
import type { MetricCardKey } from '../../components/MetricCards/card-specs';
import type { TimeRangeValue } from '../../core/time-range-value';

/** The built-in sections, in the seed's top-to-bottom order. */
export type UserDetailSectionId = 'header' | 'metrics' | 'trends' | 'feedback' | 'conversations' | 'traces';

/**
 * The default `sections`: every built-in section in the seed's order. `feedback` shows only when the provider's
 * `capabilities.feedback` is true, `conversations` only when `capabilities.conversations` is.
 */
export const DEFAULT_USER_DETAIL_SECTIONS: readonly UserDetailSectionId[] = [
  'header',
  'metrics',
  'trends',
  'feedback',
  'conversations',
  'traces',
];

/** A trace as the page's trace callbacks receive it: the id always, the rest when the section has it. */
export type UserDetailTraceRef = Pick<Trace, 'id'> & Partial<Trace>;

/** The page state every section shares: one user, one range, one cohort, one selected conversation. */
export interface UserDetailContext {
  /** The user shown. */
  userId: string;
  /** The page's time range, resolved to ISO instants (half-open). */
  range: TimeRange;
  /** The range as the picker holds it (preset or custom days). */
  rangeValue: TimeRangeValue;
  /** Changes the page's range. */
  onRangeChange: (range: TimeRangeValue) => void;
  /** The cohort the user is compared with, or `null`. */
  cohort: Cohort | null;
  /** Selects or clears the cohort. */
  onCohortChange: (cohort: Cohort | null) => void;
  /** What the provider can answer. */
  capabilities: ProviderCapabilities;
  /** The selected conversation (`"(none)"`: traces without one), or `null`. */
  selectedConversationId: string | null;
  /** Its title when known (from the conversation list), else `null`. */
  selectedConversationTitle: string | null;
  /** Selects a conversation (`null` clears); pass its summary when you have it, for the title. */
  onSelectedConversationChange: (conversationId: string | null, conversation: ConversationSummary | null) => void;
  /** A metric card the trend charts should show and focus; set back to `null` once handled. */
  focusMetric: MetricCardKey | null;
  /** Requests (or, with `null`, acknowledges) a trend-chart focus. */
  onMetricFocus: (metric: MetricCardKey | null) => void;
  /**
   * Whether a `trends` section is shown to take {@link UserDetailContext.onMetricFocus} requests. When false, metric
   * cards offer no focus action (their titles stay plain text).
   */
  trendsShown: boolean;
  /** URL of a trace in the host's trace view. */
  getTraceHref?: (trace: UserDetailTraceRef) => string | null | undefined;
  /** Called when a trace is opened (plain click, row click, Enter). */
  onTraceOpen?: (trace: UserDetailTraceRef) => void;
  /** "Now" of the range presets and relative times (epoch ms). */
  now: number;
  /** Intl locale. */
  locale: string;
  /** Heading level for headings inside a section (one below the section's own). */
  contentHeadingLevel: HeadingLevel;
  /** Page size of the cursor-paged lists. */
  pageSize: number;
}

/** What a section's `render` receives. */
export interface UserDetailSectionRenderProps extends UserDetailContext {
  /** The section's id. */
  sectionId: string;
  /** The built-in content of this id (ready to wrap), or `null` for a host section with a new id. */
  defaultContent: ReactNode;
}

/**
 * A section the host defines. Its `id` places the anchor (`#<idPrefix><id>`). Using a built-in id replaces that
 * section's content while keeping its place in the nav, its anchor and its title.
 */
export interface UserDetailSectionDef {
  /** Anchor and React key; unique on the page. */
  id: string;
  /** Heading and nav text. Default: the built-in title for built-in ids, else the id. */
  title?: string;
  /** A line under the heading. Default: the built-in one for built-in ids, else none. */
  description?: string;
  /** Keep the heading for screen readers only. Default: as the built-in section, else false. */
  hideTitle?: boolean;
  /** The content, rendered inside the section's error boundary. */
  render: (props: UserDetailSectionRenderProps) => ReactNode;
}

/** One entry of `sections`: a built-in id, or a host definition. */
export type UserDetailSectionItem = UserDetailSectionId | UserDetailSectionDef;
