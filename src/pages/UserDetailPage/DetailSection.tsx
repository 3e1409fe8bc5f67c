import type { ReactNode } from 'react';
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
  /** Keep the heading for screen readers only (the content shows its own title). */
  hideTitle: boolean;
  /** A line under the heading. */
  description?: string;
  /** Level of the heading. */
  headingLevel: 2 | 3 | 4;
  /** Clears a caught render error when it changes. */
  resetKey: string;
  /** Told about a render error of the content. */
  onError?: (sectionId: string, error: unknown) => void;
  /** Strings of the render-error state. */
  labels: { sectionCrashed: string; retry: string };
  /** Renders the content; called inside the error boundary, so a throw here is caught too. */
  render: () => ReactNode;
}

function Content({ render }: { render: () => ReactNode }) {
  return <>{render()}</>;
}

/**
 * One section of the user detail page: a `<section>` with a stable id for deep links (focusable, so following a
 * link to it moves keyboard focus there), named by its heading, whose content renders inside its own error boundary.
 */
export function DetailSection(props: DetailSectionProps) {
  const titleId = `${props.anchorId}-title`;
  const Heading = `h${props.headingLevel}` as 'h2';
  return (
    <section
      id={props.anchorId}
      className="us-user-detail__section"
      data-slot="user-detail-section"
      data-section={props.sectionId}
      aria-labelledby={titleId}
      // Focusable from script only: following a link to the anchor moves focus here, not back to <body>.
      tabIndex={-1}
    >
      <div className={props.hideTitle ? 'us-visually-hidden' : 'us-user-detail__section-header'}>
        <Heading id={titleId} className="us-user-detail__section-title">
          {props.title}
        </Heading>
        {props.description ? <p className="us-user-detail__section-description">{props.description}</p> : null}
      </div>
      <SectionErrorBoundary
        resetKey={props.resetKey}
        onError={(error) => props.onError?.(props.sectionId, error)}
        fallback={(retry, error) => (
          <div className="us-user-detail__crashed" data-state="crashed">
            <SectionState state="error" message={props.labels.sectionCrashed} error={error} onRetry={retry} labels={{ retry: props.labels.retry }} />
          </div>
        )}
      >
        <Content render={props.render} />
      </SectionErrorBoundary>
    </section>
  );
}
