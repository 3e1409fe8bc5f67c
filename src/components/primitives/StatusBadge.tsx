import type { TraceStatus } from '../../core/model';
import { oneLineText } from './MetadataChip';
import { useLabels } from './labels-context';

/** Default strings of {@link StatusBadge}. */
export const statusBadgeLabels = {
  ok: 'OK',
  error: 'Error',
};

/** Props of {@link StatusBadge}. */
export interface StatusBadgeProps {
  /** The trace outcome: picks colour, icon and text. */
  status: TraceStatus;
  /** Error class of a failed trace, shown after the status (plain text). Ignored when `status` is `ok`. */
  errorType?: string | null;
  /** Strings. */
  labels?: Partial<typeof statusBadgeLabels>;
}

function Icon({ status }: { status: TraceStatus }) {
  const common = { width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': true, focusable: false } as const;
  if (status === 'ok') {
    return (
      <svg {...common}>
        <path d="M2.5 6.3 5 8.6l4.5-5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <path d="m3 3 6 6m0-6-6 6" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

/**
 * A trace's outcome as a small badge: icon and text (never colour alone), plus the error type for failed traces,
 * e.g. "✕ Error · RateLimitError". `data-state` is `ok` or `error` for host styling.
 */
export function StatusBadge({ status, errorType, labels }: StatusBadgeProps) {
  const l = useLabels('statusBadge', statusBadgeLabels, labels);
  const type = status === 'error' && errorType ? oneLineText(errorType) : '';
  return (
    <span className="us-status-badge" data-state={status} data-slot="status-badge" title={type || undefined}>
      <Icon status={status} />
      <span className="us-status-badge__text">{status === 'ok' ? l.ok : l.error}</span>
      {type ? <span className="us-status-badge__type">{type}</span> : null}
    </span>
  );
}
