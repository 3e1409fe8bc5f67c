import { forwardRef, type ReactNode } from 'react';
import { hostRootProps, rootElementProps, type OwnProps, type RootAttributes } from './root-props';
import { oneLineText } from './display-text';
import { useLabels } from './labels-context';

/** Default strings of {@link SectionState}. */
export const sectionStateLabels = {
  loading: 'Loading…',
  error: 'Could not load this section.',
  retry: 'Retry',
};

/** Props of {@link SectionState}. */
export interface SectionStateProps extends RootAttributes<HTMLDivElement> {
  /** Which state to show. */
  state: 'loading' | 'empty' | 'error';
  /** Heading-free message; defaults per state. */
  message?: ReactNode;
  /** The error, shown as detail text in the error state. */
  error?: unknown;
  /** Shown as a Retry button in the error state. */
  onRetry?: () => void;
  /** An action for the empty state, e.g. a "Clear filters" button. */
  action?: ReactNode;
  /** Strings. */
  labels?: Partial<typeof sectionStateLabels>;
}

/** The props of {@link SectionState} that are not its root element's attributes. */
const SECTION_STATE_OWN_PROPS: OwnProps<SectionStateProps, HTMLDivElement> = {
  state: true,
  message: true,
  error: true,
  onRetry: true,
  action: true,
  labels: true,
};

function errorText(error: unknown): string | null {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : null;
  return text === null ? null : oneLineText(text);
}

/**
 * The loading, empty and error states every section shares. Loading is announced politely; errors are
 * announced as alerts and offer a retry.
 */
export const SectionState = forwardRef<HTMLDivElement, SectionStateProps>(function SectionState(props, ref) {
  const { state, message, error, onRetry, action, labels } = props;
  const root = hostRootProps(props, SECTION_STATE_OWN_PROPS, ref);
  const l = useLabels('sectionState', sectionStateLabels, labels);
  if (state === 'loading') {
    return (
      <div {...rootElementProps(root, { className: 'us-section-state' })} data-state="loading" role="status" aria-live="polite">
        <span className="us-spinner" aria-hidden="true" />
        <span>{message ?? l.loading}</span>
      </div>
    );
  }
  if (state === 'error') {
    const detail = errorText(error);
    return (
      <div {...rootElementProps(root, { className: 'us-section-state' })} data-state="error" role="alert">
        <p className="us-section-state__message">{message ?? l.error}</p>
        {detail ? <p className="us-section-state__detail">{detail}</p> : null}
        {onRetry ? (
          <button type="button" className="us-button" onClick={onRetry}>
            {l.retry}
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <div {...rootElementProps(root, { className: 'us-section-state' })} data-state="empty" role="status">
      <p className="us-section-state__message">{message}</p>
      {action}
    </div>
  );
});
