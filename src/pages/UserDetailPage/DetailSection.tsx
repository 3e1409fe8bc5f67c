import type { HeadingLevel } from '../../components/primitives/heading-level';
import { Suspense, type ReactNode } from 'react';
import { SectionState } from '../../components/primitives/SectionState';
import { SectionErrorBoundary } from './SectionErrorBoundary';

/** Props of {@link DetailSection}. */
export interface DetailSectionProps {
  /** The section's id (`data-section`). */
  sectionId: string;
  /** The anchor: the element id deep links point at. */
  anchorId: string;
  /** Heading text; it names the section. */
  title: string;
  /**
   * The content renders the section's heading itself, with id {@link sectionTitleId} (the user's name, the feedback
   * panel's title): the section adds none, and `title` names it only until that heading shows (loading, errors).
   */
  contentTitle: boolean;
  /** Keep the heading for screen readers only (the content shows its own title). */
  hideTitle: boolean;
  /** A line under the heading. */
  description?: string;
  /** Level of the heading. */
  headingLevel: HeadingLevel;
  /** Clears a caught render error when it changes. */
  resetKey: string;
  /** Told about a render error of the content (the only place its raw message goes). */
  onError?: (sectionId: string, error: unknown) => void;
  /** Called by Retry after a render error, before the content renders again: reset the section's queries here. */
  onRetry?: () => void;
  /** Strings of the render-error state. */
  labels: { sectionCrashed: string; retry: string };
  /** Renders the content; called inside the error boundary, so a throw here is caught too. */
  render: () => ReactNode;
  /** Not mounted yet: the section shows its loading state (the page draws the sections above the fold first). */
  waiting?: boolean;
}

/** Id of a section's heading, the section's `aria-labelledby`. */
export function sectionTitleId(anchorId: string): string {
  return `${anchorId}-title`;
}

function Content({ render }: { render: () => ReactNode }) {
  return <>{render()}</>;
}

/**
 * One section of the user detail page: a `<section>` with a stable id for deep links (focusable, so following a
 * link to it moves keyboard focus there), named by its heading (its own, or the content's), whose content renders
 * inside its own error boundary and Suspense boundary (a lazy content shows the loading state until its code
 * arrives). It is the section's one region: contents leave their own `<section>` unnamed.
 */
export function DetailSection(props: DetailSectionProps) {
  const titleId = sectionTitleId(props.anchorId);
  const Heading = `h${props.headingLevel}` as 'h2';
  const heading = (
    <Heading id={titleId} className="us-user-detail__section-title">
      {props.title}
    </Heading>
  );
  const description = props.description ? <p className="us-user-detail__section-description">{props.description}</p> : null;
  return (
    <section
      id={props.anchorId}
      className="us-user-detail__section"
      data-slot="user-detail-section"
      data-section={props.sectionId}
      aria-labelledby={titleId}
      // Used only while the content's heading is not rendered (accname falls back when aria-labelledby finds nothing).
      aria-label={props.contentTitle ? props.title : undefined}
      // Focusable from script only: following a link to the anchor moves focus here, not back to <body>.
      tabIndex={-1}
    >
      {props.contentTitle ? null : props.hideTitle ? (
        // Only the heading is for screen readers; the description still shows.
        <>
          <div className="us-visually-hidden">{heading}</div>
          {description}
        </>
      ) : (
        <div className="us-user-detail__section-header">
          {heading}
          {description}
        </div>
      )}
      <SectionErrorBoundary
        resetKey={props.resetKey}
        onError={(error) => props.onError?.(props.sectionId, error)}
        fallback={(retry) => (
          <div className="us-user-detail__crashed" data-state="crashed">
            {/* No raw exception text ("Cannot read properties of undefined"): it means nothing to a reader. */}
            <SectionState
              state="error"
              message={props.labels.sectionCrashed}
              onRetry={() => {
                props.onRetry?.();
                retry();
              }}
              labels={{ retry: props.labels.retry }}
            />
          </div>
        )}
      >
        {/* A lazy content (the built-in sections below the fold, or a host's React.lazy section) loads here. */}
        <Suspense fallback={<SectionState state="loading" />}>
          {props.waiting ? <SectionState state="loading" /> : <Content render={props.render} />}
        </Suspense>
      </SectionErrorBoundary>
    </section>
  );
}
