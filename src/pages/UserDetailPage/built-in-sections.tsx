import type { ReactNode } from 'react';
import type { ProviderCapabilities } from '../../core/contract';
import { ConversationsSection } from './ConversationsSection';
import { FeedbackSection } from './FeedbackSection';
import { HeaderSection } from './HeaderSection';
import { MetricsSection } from './MetricsSection';
import type { UserDetailContext, UserDetailSectionId, UserDetailSectionItem } from './sections';
import { TracesSection } from './TracesSection';
import { TrendsSection } from './TrendsSection';
import type { UserDetailPageLabels } from './user-detail-page-labels';

/** How a built-in section looks and what it needs. */
interface BuiltInSection {
  /** Label key of its title. */
  title: keyof UserDetailPageLabels;
  /** Label key of the line under its heading. */
  description?: keyof UserDetailPageLabels;
  /** The content shows its own title (the user's name, the panel's heading), so the section heading is hidden. */
  hideTitle: boolean;
  /** Whether the provider can feed it; otherwise the section is left out. */
  available: (capabilities: ProviderCapabilities) => boolean;
  /** Its content. */
  render: (context: UserDetailContext, labels: UserDetailPageLabels) => ReactNode;
}

const always = () => true;

const BUILT_IN: Record<UserDetailSectionId, BuiltInSection> = {
  header: { title: 'sectionHeader', hideTitle: true, available: always, render: (c) => <HeaderSection context={c} /> },
  metrics: { title: 'sectionMetrics', hideTitle: false, available: always, render: (c) => <MetricsSection context={c} /> },
  trends: {
    title: 'sectionTrends',
    hideTitle: false,
    available: always,
    render: (c, l) => <TrendsSection context={c} backLabel={l.backToRange} />,
  },
  feedback: {
    title: 'sectionFeedback',
    hideTitle: true,
    available: (capabilities) => capabilities.feedback,
    render: (c) => <FeedbackSection context={c} />,
  },
  conversations: {
    title: 'sectionConversations',
    description: 'conversationsHint',
    hideTitle: false,
    available: (capabilities) => capabilities.conversations,
    render: (c) => <ConversationsSection context={c} />,
  },
  traces: {
    title: 'sectionTraces',
    description: 'tracesHint',
    hideTitle: false,
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
  /** Heading and nav text. */
  title: string;
  /** Heading for screen readers only. */
  hideTitle: boolean;
  /** Line under the heading. */
  description?: string;
  /** Its content for the page state. */
  render: (context: UserDetailContext) => ReactNode;
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
      hideTitle: known?.hideTitle ?? false,
      description: known?.description ? labels[known.description] : undefined,
    };
    if (typeof item === 'string') {
      out.push({ ...base, render: (context) => (known as BuiltInSection).render(context, labels) });
    } else {
      out.push({
        ...base,
        title: item.title ?? base.title,
        hideTitle: item.hideTitle ?? base.hideTitle,
        description: item.description ?? base.description,
        render: (context) => item.render({ ...context, sectionId: id, defaultContent: known ? known.render(context, labels) : null }),
      });
    }
  }
  return out;
}
