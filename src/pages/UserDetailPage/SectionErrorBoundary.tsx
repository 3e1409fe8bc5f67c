import { Component, type ReactNode } from 'react';

/** Props of {@link SectionErrorBoundary}. */
export interface SectionErrorBoundaryProps {
  /** A change of this key (user, range, cohort) clears a caught error, so the section tries again. */
  resetKey: string;
  /** Told about each caught render error (e.g. to log it). */
  onError?: (error: unknown) => void;
  /** What shows instead of the children after a render error; `retry` renders them again. */
  fallback: (retry: () => void, error: unknown) => ReactNode;
  /** The section's content. */
  children: ReactNode;
}

interface State {
  failed: boolean;
  error: unknown;
}

/**
 * Catches render errors of one section, so a failing section never blanks the page. Errors of data requests do not
 * reach it: each section shows those itself, with a Retry.
 */
export class SectionErrorBoundary extends Component<SectionErrorBoundaryProps, State> {
  override state: State = { failed: false, error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: true, error };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError?.(error);
  }

  override componentDidUpdate(previous: SectionErrorBoundaryProps): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.retry();
  }

  private readonly retry = (): void => this.setState({ failed: false, error: null });

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.retry, this.state.error) : this.props.children;
  }
}
