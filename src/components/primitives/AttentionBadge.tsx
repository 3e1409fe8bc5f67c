import type { AttentionKind, AttentionReason } from '../../core/results';
import { oneLineText } from './display-text';
import { useLabels } from './labels-context';

/** Default strings of {@link AttentionBadge}: the short badge text per attention kind. */
export const attentionBadgeLabels: Record<AttentionKind, string> = {
  errors: 'Errors',
  latency: 'Slow',
  cost: 'Cost',
};

/** Props of {@link AttentionBadge}. */
export interface AttentionBadgeProps {
  /** The reason to show: its kind picks colour, icon and short text; its message is the text alternative. */
  reason: AttentionReason;
  /** Short texts per kind. */
  labels?: Partial<Record<AttentionKind, string>>;
  /** The full explanation for screen readers, in the UI's language; default: the reason's own `message`. */
  detail?: string;
}

function Icon({ kind }: { kind: AttentionKind }) {
  const common = { width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': true, focusable: false } as const;
  if (kind === 'errors') {
    return (
      <svg {...common}>
        <circle cx="6" cy="6" r="5.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M6 3.2v3.3" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        <circle cx="6" cy="8.6" r="0.85" fill="currentColor" />
      </svg>
    );
  }
  if (kind === 'latency') {
    return (
      <svg {...common}>
        <circle cx="6" cy="6" r="5.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M6 3v3l2 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <path
        d="M8.2 3.6C7.8 2.9 7 2.6 6 2.6c-1.3 0-2.2.6-2.2 1.6 0 2.2 4.5 1.2 4.5 3.6 0 1-.9 1.6-2.3 1.6-1 0-1.9-.4-2.3-1.1M6 1.2v1.4m0 6.8v1.4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinecap="round"
      />
    </svg>
  );
}

/**
 * A compact badge for one attention reason (errors, slow, cost). The visible text is short; the reason's full
 * message ("Error rate 32 % vs 4 % across all users …") is part of the badge's text for screen readers.
 */
export function AttentionBadge({ reason, labels, detail = reason.message }: AttentionBadgeProps) {
  const text = useLabels('attentionBadge', attentionBadgeLabels, labels)[reason.kind];
  return (
    <span className="us-attention-badge" data-slot="attention-badge" data-kind={reason.kind}>
      <Icon kind={reason.kind} />
      <span aria-hidden="true">{text}</span>
      <span className="us-visually-hidden">{`${text}: ${oneLineText(detail)}.`}</span>
    </span>
  );
}
