import { lazy, type ReactNode } from 'react';
import type { ProviderCapabilities } from '../../core/contract';
import { HeaderSection } from './HeaderSection';
import { MetricsSection } from './MetricsSection';
import type { SectionHeading } from './section-content-props';
import type { UserDetailContext, UserDetailSectionId, UserDetailSectionItem } from './sections';
import { TrendsSection } from './TrendsSection';
import type { UserDetailPageLabels } from './user-detail-page-labels';

// The sections below the fold load on first render, each from its own chunk (the host's bundler splits them off
// the page's), while the sections above draw; each section's Suspense boundary shows its loading state meanwhile.
const FeedbackSection = lazy(() => import('./FeedbackSection').then((m) => ({ default: m.FeedbackSection })));
const ConversationsSection = lazy(() => import('./ConversationsSection').then((m) => ({ default: m.ConversationsSection })));
const TracesSection = lazy(() => import('./TracesSection').then((m) => ({ default: m.TracesSection })));

/** How a built-in section looks and what it needs. */
interface BuiltInSection {
  /** Label key of its title. */
  title: keyof UserDetailPageLabels;
  /** Label key of the line under its heading. */
  description?: keyof UserDetailPageLabels;
  /**
   * The content's own title (the user's name, the feedback panel's title) is the section's heading and names it, so
   * the page adds no heading of its own. Content a host wraps (`defaultContent`) sits under a hidden section heading
   * instead.
   */
  contentTitle: boolean;
  /** Whether the provider can feed it; otherwise the section is left out. */
  available: (capabilities: ProviderCapabilities) => boolean;
  /** Its content. */
  render: (context: UserDetailContext, labels: UserDetailPageLabels, heading: SectionHeading) => ReactNode;
}

const always = () => true;

const BUILT_IN: Record<UserDetailSectionId, BuiltInSection> = {
  header: { title: 'sectionHeader', contentTitle: true, available: always, render: (c, _l, h) => <HeaderSection context={c} heading={h} /> },
  metrics: { title: 'sectionMetrics', contentTitle: false, available: always, render: (c, _l, h) => <MetricsSection context={c} heading={h} /> },
  trends: {
    title: 'sectionTrends',
    contentTitle: false,
    available: always,
    render: (c, l) => <TrendsSection context={c} backLabel={l.backToRange} />,
  },
  feedback: {
    title: 'sectionFeedback',
    contentTitle: true,
    available: (capabilities) => capabilities.feedback,
    render: (c, _l, h) => <FeedbackSection context={c} heading={h} />,
  },
  conversations: {
    title: 'sectionConversations',
    description: 'conversationsHint',
    contentTitle: false,
    available: (capabilities) => capabilities.conversations,
    render: (c) => <ConversationsSection context={c} />,
  },
  traces: {
    title: 'sectionTraces',
    description: 'tracesHint',
    contentTitle: false,
    available: always,
    render: (c) => <TracesSection context={c} />,
  },
};

function builtIn(id: string): BuiltInSection | undefined {
  return Object.prototype.hasOwnProperty.call(BUILT_IN, id) ? BUILT_IN[id as UserDetailSectionId] : undefined;
}

/** A section ready to render. */
export interface ResolvedSection {
  /** Its id. */
  id: string;
  /** Heading and nav text; the section's name while the content has not rendered its own title. */
  title: string;
  /** The content renders the section's heading (built-in header and feedback): the page renders none. */
  contentTitle: boolean;
  /** The page's heading is for screen readers only. */
  hideTitle: boolean;
  /** Line under the heading. */
  description?: string;
  /** Its content for the page state, meeting the section's heading (`titleId`, `level`). */
  render: (context: UserDetailContext, heading: Omit<SectionHeading, 'contentTitle'>) => ReactNode;
}

/**
 * The sections to show, in order: built-in ids the provider cannot feed (feedback, conversations) are left out,
 * host definitions are kept (a built-in id keeps that section's title and gets its content as `defaultContent`),
 * and a repeated id keeps only its first entry.
 */
export function resolveSections(
  items: readonly UserDetailSectionItem[],
  capabilities: ProviderCapabilities,
  labels: UserDetailPageLabels,
): ResolvedSection[] {
  const seen = new Set<string>();
  const out: ResolvedSection[] = [];
  for (const item of items) {
    const id = typeof item === 'string' ? item : item.id;
    const known = builtIn(id);
    if (seen.has(id) || (typeof item === 'string' && (!known || !known.available(capabilities)))) continue;
    seen.add(id);
    const base = {
      id,
      title: known ? labels[known.title] : id,
      description: known?.description ? labels[known.description] : undefined,
    };
    if (typeof item === 'string') {
      const builtInSection = known as BuiltInSection;
      out.push({
        ...base,
        contentTitle: builtInSection.contentTitle,
        hideTitle: false,
        render: (context, heading) => builtInSection.render(context, labels, { ...heading, contentTitle: builtInSection.contentTitle }),
      });
    } else {
      out.push({
        ...base,
        title: item.title ?? base.title,
        contentTitle: false,
        // A wrapped header or feedback panel shows its own title, so the section's heading stays hidden by default.
        hideTitle: item.hideTitle ?? known?.contentTitle ?? false,
        description: item.description ?? base.description,
        render: (context, heading) =>
          item.render({
            ...context,
            sectionId: id,
            defaultContent: known ? known.render(context, labels, { ...heading, contentTitle: false }) : null,
          }),
      });
    }
  }
  return out;
}
