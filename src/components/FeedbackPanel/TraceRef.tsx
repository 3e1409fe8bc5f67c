import type { MouseEvent } from 'react';
import type { Trace } from '../../core/model';
import type { FeedbackComment } from '../../core/results';
import { formatDuration } from '../primitives/format';
import { HostLink } from '../primitives/HostLink';
import { safeHref } from '../primitives/safe-href';
import type { FeedbackPanelLabels } from './labels';
import { shortText } from './short-text';

/**
 * The trace a comment refers to, as `getTraceHref` receives it: the id always, the rest when the provider returned
 * the trace with the comment.
 */
export type FeedbackTraceRef = Pick<Trace, 'id'> & Partial<Pick<Trace, 'name' | 'status' | 'latencyMs' | 'model' | 'startTime'>>;

/** How a comment's trace is opened: a real link, a callback, or both (the callback takes plain clicks). */
export interface TraceLinkProps {
  /** URL of the trace; only `http(s):` and relative URLs are rendered as links. */
  getTraceHref?: (trace: FeedbackTraceRef) => string | null | undefined;
  /** Called with the trace id when the trace is opened by a plain click (or activated, without a link). */
  onTraceOpen?: (traceId: string) => void;
}

/** True for a primary click without modifier keys: the only click a callback may take over from a link. */
function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** Props of {@link TraceRef}. */
export interface TraceRefProps extends TraceLinkProps {
  /** The comment. */
  comment: FeedbackComment;
  /** Locale of the latency. */
  locale: string;
  /** Strings. */
  labels: FeedbackPanelLabels;
}

/**
 * The related trace of a comment: name (or id) as a link to the trace, its status, latency and model. Without
 * trace details (the provider did not return them) the id is still linked and the rest says so.
 */
export function TraceRef({ comment, getTraceHref, onTraceOpen, locale, labels: l }: TraceRefProps) {
  const trace: FeedbackTraceRef = comment.trace ?? { id: comment.traceId };
  const href = safeHref(getTraceHref?.(trace));
  const name = trace.name?.trim() ? shortText(trace.name) : null;
  const content = (
    <>
      {name ? <span className="us-feedback-trace__name">{name}</span> : null}{' '}
      <span className="us-feedback-trace__id">{shortText(trace.id)}</span>
    </>
  );
  const open = () => onTraceOpen?.(trace.id);
  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (onTraceOpen && isPlainClick(event)) {
      event.preventDefault();
      open();
    }
  };
  const target = href ? (
    <HostLink className="us-feedback-trace__link" href={href} onClick={onLinkClick} data-slot="trace-link">
      {content}
    </HostLink>
  ) : onTraceOpen ? (
    <button type="button" className="us-feedback-trace__link" onClick={open} data-slot="trace-link">
      {content}
    </button>
  ) : (
    <span className="us-feedback-trace__text">{content}</span>
  );

  return (
    <p className="us-feedback-trace" data-slot="comment-trace">
      <span className="us-feedback-trace__label">{l.trace}</span> {target}
      {comment.trace ? (
        <>
          <span className="us-feedback-trace__status" data-status={comment.trace.status}>
            {comment.trace.status === 'error' ? l.statusError : l.statusOk}
          </span>
          <span className="us-feedback-trace__latency">{formatDuration(comment.trace.latencyMs, locale)}</span>
          {comment.trace.model ? <span className="us-feedback-trace__model">{shortText(comment.trace.model)}</span> : null}
        </>
      ) : (
        <span className="us-feedback-trace__missing">{l.traceDetailsUnavailable}</span>
      )}
    </p>
  );
}
