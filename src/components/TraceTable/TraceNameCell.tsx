import type { MouseEvent } from 'react';
import type { Trace } from '../../core/model';
import { oneLineText } from '../primitives/MetadataChip';
import { safeHref } from '../primitives/safe-href';
import { isPlainClick } from '../UsersTable/UserCell';

/** How a trace is opened from the table: a real link, a callback, or both (the callback takes plain clicks). */
export interface TraceLink {
  /** URL of the trace in the host's trace view; only `http(s):` and relative URLs are rendered. */
  getTraceHref?: (trace: Trace) => string | null | undefined;
  /** Called when the trace is opened by a plain click, a row click or Enter. */
  onTraceOpen?: (trace: Trace) => void;
}

/** The trace's visible name: its operation name, else its id. */
export function traceName(trace: Trace): string {
  const name = trace.name === undefined ? '' : oneLineText(trace.name);
  return name === '' ? trace.id : name;
}

/**
 * The name column: the name as a link when `getTraceHref` gives a safe URL (middle-click and copy-link work), else
 * a button when `onTraceOpen` is set, with the input preview below. Links are not tab stops: the grid's active cell
 * is, and Enter opens the row. All trace text is rendered as text.
 */
export function TraceNameCell({ trace, link }: { trace: Trace; link: TraceLink }) {
  const name = traceName(trace);
  const preview = trace.inputPreview === undefined ? '' : oneLineText(trace.inputPreview);
  const href = safeHref(link.getTraceHref?.(trace));
  const open = link.onTraceOpen;
  // The row opens the trace on click too; a click on the name is handled here only.
  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.stopPropagation();
    if (open && isPlainClick(event)) {
      event.preventDefault();
      open(trace);
    }
  };
  return (
    <span className="us-trace-name" data-slot="trace-name">
      {href ? (
        <a className="us-trace-name__name" href={href} tabIndex={-1} onClick={onLinkClick} data-slot="trace-link">
          {name}
        </a>
      ) : open ? (
        <button
          type="button"
          className="us-trace-name__name"
          tabIndex={-1}
          onClick={(event) => {
            event.stopPropagation();
            open(trace);
          }}
          data-slot="trace-link"
        >
          {name}
        </button>
      ) : (
        <span className="us-trace-name__name">{name}</span>
      )}
      {preview ? (
        <span className="us-trace-name__preview" title={preview.slice(0, 500)}>
          {preview}
        </span>
      ) : null}
    </span>
  );
}
