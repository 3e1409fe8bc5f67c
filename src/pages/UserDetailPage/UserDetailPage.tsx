import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MetricCardKey } from '../../components/MetricCards/card-specs';
import { LinkProvider, type RenderLink } from '../../components/primitives/HostLink';
import { resolveTimeRange, type TimeRangeValue } from '../../components/primitives/time-range';
import { TimeRangePicker, timeRangePickerLabels } from '../../components/primitives/TimeRangePicker';
import { useControllableState } from '../../components/primitives/use-controllable-state';
import { isProviderError } from '../../core/errors';
import type { Cohort, ConversationSummary } from '../../core/results';
import { LoadProgressNote } from '../../components/primitives/LoadProgressNote';
import { useLoadProgress } from '../../hooks/load-progress';
import { useUser } from '../../hooks/query-hooks';
import { useUserFetching } from '../../hooks/use-user-fetching';
import { useCapabilities, useUserscope } from '../../hooks/userscope-provider';
import { resolveSections } from './built-in-sections';
import { DetailSection, sectionTitleId } from './DetailSection';
import type { UserDetailNavigation } from './navigation';
import { SectionNav } from './SectionNav';
import { UserNavigation } from './UserNavigation';
import { UserNotFound } from './UserNotFound';
import {
  DEFAULT_USER_DETAIL_SECTIONS,
  type UserDetailContext,
  type UserDetailSectionItem,
  type UserDetailTraceRef,
} from './sections';
import { useContextLabels } from './use-context-labels';
import { useContextLabels } from './use-context-labels';
import { useContextLabels } from './use-context-labels';
import { useScrollToHash } from './use-scroll-to-hash';
import { userDetailPageLabels, type UserDetailPageLabels } from './user-detail-page-labels';
import { useResetUserQueries } from '../../hooks/use-reset-queries';
import { sectionQueries } from './section-queries';

/** Props of {@link UserDetailPage}. */
export interface UserDetailPageProps {
  /** The user to show. Render with `key={userId}` to reset the page's own state when it changes. */
  userId: string;
  /** Controlled time range shared by every section (e.g. kept in the host's URL). */
  range?: TimeRangeValue;
  /** Initial range when uncontrolled. Default the last 30 days. */
  defaultRange?: TimeRangeValue;
  /** Called with every new range. */
  onRangeChange?: (range: TimeRangeValue) => void;
  /** Controlled cohort the user is compared with; `null` for none. */
  cohort?: Cohort | null;
  /** Initial cohort when uncontrolled. Default `null`. */
  defaultCohort?: Cohort | null;
  /** Called when a metadata chip selects or clears the cohort. */
  onCohortChange?: (cohort: Cohort | null) => void;
  /** Controlled selected conversation (`"(none)"`: traces without one); `null` for none. */
  selectedConversationId?: string | null;
  /** Initial selection when uncontrolled. Default `null`. */
  defaultSelectedConversationId?: string | null;
  /** Called when the selection changes, with the loaded summary when there is one. */
  onSelectedConversationChange?: (conversationId: string | null, conversation: ConversationSummary | null) => void;
  /** URL of a trace in the host's trace view: trace names render as real links. */
  getTraceHref?: (trace: UserDetailTraceRef) => string | null | undefined;
  /** Called when a trace is opened (plain click, row click, Enter). */
  onTraceOpen?: (trace: UserDetailTraceRef) => void;
  /**
   * Renders the trace and navigation links (back, previous, next) with the host's router, e.g. `({ href, ...rest }) => <Link to={href} {...rest} />`:
   * real anchors that navigate client-side. Default: a plain `<a>` (or an outer `LinkProvider`'s).
   */
  renderLink?: RenderLink;
  /**
   * The sections, in order: built-in ids and host definitions (`{ id, title?, render }`; a built-in id replaces
   * that section's content). Leave an id out to omit it. Default {@link DEFAULT_USER_DETAIL_SECTIONS}.
   */
  sections?: readonly UserDetailSectionItem[];
  /** Prefix of the section anchors: `#<idPrefix><sectionId>`. Default `userscope-`. */
  idPrefix?: string;
  /**
   * A back link and previous / next user above the sections, driven by the host: `{ back: { href, label },
   * previous, next, position }`, each target a real link (`href`) whose plain clicks go to `onNavigate` when given
   * (client-side routing). Find the neighbours in the list's current view with `useAdjacentUsers`. Default: none.
   */
  navigation?: UserDetailNavigation;
  /** Show the in-page navigation. Default true. */
  nav?: boolean;
  /** Show the time-range picker (hide it when the host's own picker drives `range`). Default true. */
  rangePicker?: boolean;
  /**
   * Called once per id when the provider has no such user (`getUser` rejects with `ProviderError` code `not-found`),
   * e.g. to set the host's 404 status or redirect. The page then shows one not-found state instead of its sections.
   */
  onNotFound?: (userId: string) => void;
  /**
   * Replaces the whole not-found state (default: a "User not found" heading, the id and `navigation.back` when
   * given), e.g. with the host's own 404 page.
   */
  renderNotFound?: (userId: string) => ReactNode;
  /** Called when a section's rendering throws (the section shows an error with Retry; the page stays). */
  onSectionError?: (sectionId: string, error: unknown) => void;
  /** The instant range presets end at, and "now" of relative times (epoch ms). Default `Date.now()` at mount. */
  now?: number;
  /** Page size of the conversation and trace lists. Default 50. */
  pageSize?: number;
  /**
   * Level of the section headings (2 or 3); headings inside sections are one level below (h3 or h4), so content
   * under a section heading is never at the heading's own level. Default 2.
   */
  headingLevel?: 2 | 3;
  /** Page strings (also settable as `userDetail.<key>` in `<UserscopeProvider labels>`). */
  labels?: Partial<UserDetailPageLabels>;
  /** Extra class on the root. */
  className?: string;
}

const DEFAULT_RANGE: TimeRangeValue = { preset: '30d' };

/**
 * The user detail page, in the seed's top-to-bottom order: profile and metadata, key metrics, trends and model
 * usage, user feedback (when the provider has it), conversations, traces. The sections share one time range, one
 * cohort and one selected conversation (which narrows the traces); each loads and fails on its own, with its own
 * Retry and error boundary, and has an anchor for deep links. While the user's data loads from a provider that reports
 * progress (`ProgressSource`, e.g. Langfuse), "Loaded 3,200 of ~10,000 traces" shows under the toolbar. An id the
 * provider does not know shows one "User not found" state instead of the sections (see `onNotFound`,
 * `renderNotFound`). Render it inside a `<UserscopeProvider>`.
 */
export function UserDetailPage(props: UserDetailPageProps) {
  const { locale } = useUserscope();
  const capabilities = useCapabilities();
  const resetUserQueries = useResetUserQueries();
  // Listens before the sections' queries start their load; shown while any of this user's queries is fetching.
  const progress = useLoadProgress({ active: useUserFetching(props.userId) });
  // The header section's own query (same key, one request). The sections start with it rather than after it, so a
  // known user's page is not delayed by a round trip; an unknown one's sections unmount when the answer comes.
  const user = useUser({ userId: props.userId });
  const notFound = user.status === 'error' && isProviderError(user.error) && user.error.code === 'not-found';
  useNotFoundCallback(notFound ? props.userId : null, props.onNotFound);
  const l = useContextLabels(userDetailPageLabels, 'userDetail', props.labels);
  const rangeLabels = useContextLabels(timeRangePickerLabels, 'timeRange');
  const [mountedAt] = useState(() => Date.now());
  const now = props.now ?? mountedAt;
  const idPrefix = props.idPrefix ?? 'userscope-';
  const headingLevel = props.headingLevel ?? 2;

  const [rangeValue, setRangeValue] = useControllableState<TimeRangeValue>({
    value: props.range,
    defaultValue: props.defaultRange ?? DEFAULT_RANGE,
    onChange: props.onRangeChange,
  });
  // Compared by content, so a new but equal object from the host does not refetch: the value is rebuilt from its
  // JSON (plain strings) only when that changes.
  const rangeKey = JSON.stringify(rangeValue);
  const stableRangeValue = useMemo(() => JSON.parse(rangeKey) as TimeRangeValue, [rangeKey]);
  const range = useMemo(() => resolveTimeRange(stableRangeValue, now), [stableRangeValue, now]);
  const [cohort, setCohort] = useControllableState<Cohort | null>({
    value: props.cohort,
    defaultValue: props.defaultCohort ?? null,
    onChange: props.onCohortChange,
  });

  // The summary travels with the id to `onSelectedConversationChange`; the title is kept for the traces' chip.
  const summaryRef = useRef<ConversationSummary | null>(null);
  const [selectedId, setSelectedId] = useControllableState<string | null>({
    value: props.selectedConversationId,
    defaultValue: props.defaultSelectedConversationId ?? null,
    onChange: (id) => props.onSelectedConversationChange?.(id, summaryRef.current),
  });
  const [titled, setTitled] = useState<{ id: string; title: string | null } | null>(null);
  const selectConversation = useCallback(
    (id: string | null, conversation: ConversationSummary | null) => {
      summaryRef.current = conversation;
      if (id !== null && conversation) setTitled({ id, title: conversation.title });
      setSelectedId(id);
    },
    [setSelectedId],
  );
  const [focusMetric, setFocusMetric] = useState<MetricCardKey | null>(null);

  const sections = resolveSections(props.sections ?? DEFAULT_USER_DETAIL_SECTIONS, capabilities, l);
  const context: UserDetailContext = {
    userId: props.userId,
    range,
    rangeValue,
    onRangeChange: setRangeValue,
    cohort,
    onCohortChange: setCohort,
    capabilities,
    selectedConversationId: selectedId,
    selectedConversationTitle: titled !== null && titled.id === selectedId ? titled.title : null,
    onSelectedConversationChange: selectConversation,
    focusMetric,
    onMetricFocus: setFocusMetric,
    trendsShown: sections.some((section) => section.id === 'trends'),
    getTraceHref: props.getTraceHref,
    onTraceOpen: props.onTraceOpen,
    now,
    locale,
    contentHeadingLevel: (headingLevel + 1) as 3 | 4,
    pageSize: props.pageSize ?? 50,
  };
  useScrollToHash(sections.map((section) => `${idPrefix}${section.id}`));
  const resetKey = `${props.userId}|${range.from}|${range.to}|${JSON.stringify(cohort)}`;
  const showNav = props.nav ?? true;
  const showPicker = props.rangePicker ?? true;

  const className = props.className ? `us-user-detail ${props.className}` : 'us-user-detail';
  if (notFound) {
    return (
      <LinkProvider renderLink={props.renderLink}>
        <div className={className} data-slot="user-detail-page" data-state="not-found">
          {props.renderNotFound ? (
            props.renderNotFound(props.userId)
          ) : (
            <UserNotFound
              userId={props.userId}
              back={props.navigation?.back}
              headingLevel={headingLevel}
              titleId={`${idPrefix}not-found-title`}
              labels={l}
              locale={locale}
            />
          )}
        </div>
      </LinkProvider>
    );
  }
  return (
    <LinkProvider renderLink={props.renderLink}>
      <div className={className} data-slot="user-detail-page">
        {props.navigation ? <UserNavigation navigation={props.navigation} labels={l} locale={locale} /> : null}
        {showNav || showPicker ? (
          <div className="us-user-detail__toolbar">
            {showNav ? (
              <SectionNav label={l.navLabel} links={sections.map((s) => ({ anchorId: `${idPrefix}${s.id}`, title: s.title }))} />
            ) : null}
            {showPicker ? (
              <TimeRangePicker value={rangeValue} onValueChange={setRangeValue} now={now} locale={locale} labels={rangeLabels} />
            ) : null}
          </div>
        ) : null}
        <LoadProgressNote progress={progress} locale={locale} labels={l} />
        {sections.map((section) => (
          <DetailSection
            key={section.id}
            sectionId={section.id}
            anchorId={`${idPrefix}${section.id}`}
            title={section.title}
            contentTitle={section.contentTitle}
            hideTitle={section.hideTitle}
            description={section.description}
            headingLevel={headingLevel}
            resetKey={resetKey}
            onError={props.onSectionError}
            onRetry={() => void resetUserQueries(props.userId, sectionQueries(section.id))}
            labels={l}
            render={() => section.render(context, { titleId: sectionTitleId(`${idPrefix}${section.id}`), level: headingLevel })}
          />
        ))}
      </div>
    </LinkProvider>
  );
}

/** Calls `onNotFound` once for each id that turns out unknown (`notFoundId`: that id, else `null`). */
function useNotFoundCallback(notFoundId: string | null, onNotFound: ((userId: string) => void) | undefined) {
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (notFoundId === null || reported.current === notFoundId) return;
    reported.current = notFoundId;
    onNotFound?.(notFoundId);
  }, [notFoundId, onNotFound]);
}
