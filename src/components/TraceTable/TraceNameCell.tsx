import type { Trace } from '../../core/model';
import { oneLineText } from '../primitives/MetadataChip';
import { OpenableName } from '../primitives/OpenableName';
import { safeHref } from '../primitives/safe-href';

/** How a trace is opened from the table: a real link, a callback, or both (the callback takes plain clicks). */
export interface TraceLink {
  /** URL of the trace in the host's trace view; only `http(s):` and relative URLs are rendered. */
  getTraceHref?: (trace: Trace) => string | null | undefined;
  /** Called when the trace is opened by a plain click, a row click or Enter. */
  onTraceOpen?: (trace: Trace) => void;
}

/** The trace's visible name: its operation name, else its id. */
function traceName(trace: Trace): string {
  const name = trace.name === undefined ? '' : oneLineText(trace.name);
  return name === '' ? trace.id : name;
}

/**
 * The name column: the name as a link when `getTraceHref` gives a safe URL (middle-click and copy-link work), else
 * a button when `onTraceOpen` is set, with the input preview below. All trace text is rendered as text.
 */
export function TraceNameCell({ trace, link }: { trace: Trace; link: TraceLink }) {
  const preview = trace.inputPreview === undefined ? '' : oneLineText(trace.inputPreview);
  const open = link.onTraceOpen;
  return (
    <span className="us-cell-text" data-slot="trace-name">
      <OpenableName name={traceName(trace)} href={safeHref(link.getTraceHref?.(trace))} onOpen={open ? () => open(trace) : undefined} slot="trace-link" />
      {preview ? (
        <span className="us-cell-text__secondary" title={preview.slice(0, 500)}>
          {preview}
        </span>
      ) : null}
    </span>
  );
}
