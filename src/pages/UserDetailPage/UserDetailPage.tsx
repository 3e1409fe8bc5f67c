import { forwardRef, useState, type ReactNode } from 'react';
import type { MetricCardKey } from '../../components/MetricCards/card-specs';
import { headingBelow, type HeadingLevel } from '../../components/primitives/heading-level';
import { LinkProvider, type RenderLink } from '../../components/primitives/HostLink';
import { rootClassName, type RootAttributes } from '../../components/primitives/root-props';
import { TimeRangePicker, timeRangePickerLabels } from '../../components/primitives/TimeRangePicker';
import { LoadProgressNote } from '../../components/primitives/LoadProgressNote';
import { useCapabilities, useUserscope } from '../../hooks/userscope-provider';
import { useUserDetailPageController, type UserDetailPageControllerOptions } from '../../hooks/user-detail-page-controller';
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
import { useScrollToHash } from './use-scroll-to-hash';
import { userDetailPageLabels, type UserDetailPageLabels } from './user-detail-page-labels';
import { sectionQueries } from './section-queries';
import { useBelowFoldReady } from './use-below-fold-ready';

/**
 * Props of {@link UserDetailPage}: the controller's options ({@link UserDetailPageControllerOptions}: user, range,
 * cohort, selected conversation, `onNotFound`, `now`), the layout's, and the root `<div>`'s HTML attributes.
 */
export interface UserDetailPageProps extends UserDetailPageControllerOptions, RootAttributes<HTMLDivElement> {
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
   * Replaces the whole not-found state (default: a "User not found" heading, the id and `navigation.back` when
   * given), e.g. with the host's own 404 page.
   */
  renderNotFound?: (userId: string) => ReactNode;
  /** Called when a section's rendering throws (the section shows an error with Retry; the page stays). */
  onSectionError?: (sectionId: string, error: unknown) => void;
  /** Page size of the conversation and trace lists. Default 50. */
  pageSize?: number;
  /**
   * Level of the section headings; headings inside sections are one level below, so content under a section heading
   * is never at the heading's own level. Default 2.
   */
  headingLevel?: HeadingLevel;
  /** Page strings (also settable as `userDetail.<key>` in `<UserscopeProvider labels>`). */
  labels?: Partial<UserDetailPageLabels>;
}

/**
 * The user detail page, in the seed's top-to-bottom order: profile and metadata, key metrics, trends and model
 * usage, user feedback (when the provider has it), conversations, traces. The sections share one time range, one
 * cohort and one selected conversation (which narrows the traces); each loads and fails on its own, with its own
 * Retry and error boundary, and has an anchor for deep links. While the user's data loads from a provider that reports
 * progress (`ProgressSource`, e.g. Langfuse), "Loaded 3,200 of ~10,000 traces" shows under the toolbar. An id the
 * provider does not know shows one "User not found" state instead of the sections (see `onNotFound`,
 * `renderNotFound`). Render it inside a `<UserscopeProvider>`.
 */
export const UserDetailPage = forwardRef<HTMLDivElement, UserDetailPageProps>(function UserDetailPage(props, ref) {
  const {
    userId,
    range: rangeProp,
    defaultRange,
    onRangeChange,
    cohort: cohortProp,
    defaultCohort,
    onCohortChange,
    selectedConversationId,
    defaultSelectedConversationId,
    onSelectedConversationChange,
    onNotFound,
    now: nowProp,
    getTraceHref,
    onTraceOpen,
    renderLink,
    sections: sectionItems = DEFAULT_USER_DETAIL_SECTIONS,
    idPrefix = 'userscope-',
    navigation,
    nav: showNav = true,
    rangePicker: showPicker = true,
    renderNotFound,
    onSectionError,
    pageSize = 50,
    headingLevel = 2,
    labels,
    className: classNameProp,
    ...rest
  } = props;
  const { locale } = useUserscope();
  const capabilities = useCapabilities();
  const c = useUserDetailPageController({
    userId,
    range: rangeProp,
    defaultRange,
    onRangeChange,
    cohort: cohortProp,
    defaultCohort,
    onCohortChange,
    selectedConversationId,
    defaultSelectedConversationId,
    onSelectedConversationChange,
    onNotFound,
    now: nowProp,
  });
  const l = useContextLabels(userDetailPageLabels, 'userDetail', labels);
  const rangeLabels = useContextLabels(timeRangePickerLabels, 'timeRange');
  const [focusMetric, setFocusMetric] = useState<MetricCardKey | null>(null);

  const sections = resolveSections(sectionItems, capabilities, l);
  const context: UserDetailContext = {
    userId,
    range: c.range,
    rangeValue: c.rangeValue,
    onRangeChange: c.setRange,
    cohort: c.cohort,
    onCohortChange: c.setCohort,
    capabilities,
    selectedConversationId: c.selectedConversationId,
    selectedConversationTitle: c.selectedConversationTitle,
    onSelectedConversationChange: c.selectConversation,
    focusMetric,
    onMetricFocus: setFocusMetric,
    trendsShown: sections.some((section) => section.id === 'trends'),
    getTraceHref,
    onTraceOpen,
    now: c.now,
    locale,
    contentHeadingLevel: headingBelow(headingLevel),
    pageSize,
  };
  useScrollToHash(sections.map((section) => `${idPrefix}${section.id}`));
  // The sections after the trend charts mount once those have drawn (see useBelowFoldReady).
  const trendsIndex = sections.findIndex((section) => section.id === 'trends');
  const belowFoldReady = useBelowFoldReady(context, trendsIndex >= 0 && !c.notFound);

  const className = rootClassName('us-user-detail', classNameProp);
  if (c.notFound) {
    return (
      <LinkProvider renderLink={renderLink}>
        <div {...rest} ref={ref} className={className} data-slot="user-detail-page" data-state="not-found">
          {renderNotFound ? (
            renderNotFound(userId)
          ) : (
            <UserNotFound
              userId={userId}
              back={navigation?.back}
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
    <LinkProvider renderLink={renderLink}>
      <div {...rest} ref={ref} className={className} data-slot="user-detail-page">
        {navigation ? <UserNavigation navigation={navigation} labels={l} locale={locale} /> : null}
        {showNav || showPicker ? (
          <div className="us-user-detail__toolbar">
            {showNav ? (
              <SectionNav label={l.navLabel} links={sections.map((s) => ({ anchorId: `${idPrefix}${s.id}`, title: s.title }))} />
            ) : null}
            {showPicker ? (
              <TimeRangePicker value={c.rangeValue} onValueChange={c.setRange} now={c.now} locale={locale} labels={rangeLabels} />
            ) : null}
          </div>
        ) : null}
        <LoadProgressNote progress={c.progress} locale={locale} labels={l} />
        {sections.map((section, index) => (
          <DetailSection
            key={section.id}
            sectionId={section.id}
            anchorId={`${idPrefix}${section.id}`}
            title={section.title}
            contentTitle={section.contentTitle}
            hideTitle={section.hideTitle}
            description={section.description}
            headingLevel={headingLevel}
            resetKey={c.resetKey}
            onError={onSectionError}
            onRetry={() => c.resetQueries(sectionQueries(section.id))}
            labels={l}
            waiting={!belowFoldReady && index > trendsIndex}
            render={() => section.render(context, { titleId: sectionTitleId(`${idPrefix}${section.id}`), level: headingLevel })}
          />
        ))}
      </div>
    </LinkProvider>
  );
});
