import { useCallback, useEffect, useState } from 'react';
import type { AttentionKind, AttentionReason } from '../../core/results';
import { AttentionBadge } from '../primitives/AttentionBadge';
import { useTooltip } from '../primitives/Tooltip';
import type { UsersTableLabels } from './users-table-labels';
import { oneLineText } from '../primitives/display-text';

/** Opens while the grid cell that contains `node` has keyboard focus. */
function useCellFocus(node: HTMLElement | null): boolean {
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    const cell = node?.closest<HTMLElement>('[data-cell]');
    if (!cell) return undefined;
    const onFocus = () => setFocused(true);
    const onBlur = () => setFocused(false);
    cell.addEventListener('focus', onFocus);
    cell.addEventListener('blur', onBlur);
    if (document.activeElement === cell) setFocused(true);
    return () => {
      cell.removeEventListener('focus', onFocus);
      cell.removeEventListener('blur', onBlur);
    };
  }, [node]);
  return focused;
}

/**
 * The attention column: one badge per reason. Hovering the badges, or focusing the cell, opens a tooltip that says
 * exactly why; screen readers get the same messages from the badges' text.
 */
export function AttentionCell({ reasons, labels }: { reasons: readonly AttentionReason[]; labels: UsersTableLabels }) {
  const [node, setNode] = useState<HTMLSpanElement | null>(null);
  const cellFocused = useCellFocus(node);
  const tooltip = useTooltip<HTMLSpanElement>({ open: cellFocused && reasons.length > 0 });
  const anchorRef = tooltip.anchorProps.ref;
  const ref = useCallback(
    (n: HTMLSpanElement | null) => {
      anchorRef(n);
      setNode(n);
    },
    [anchorRef],
  );
  if (reasons.length === 0) {
    return <span className="us-visually-hidden">{labels.attentionNone}</span>;
  }
  const badgeLabels: Record<AttentionKind, string> = {
    errors: labels.badgeErrors,
    latency: labels.badgeLatency,
    cost: labels.badgeCost,
  };
  return (
    <span {...tooltip.anchorProps} ref={ref} className="us-attention-cell" data-slot="attention-cell">
      {reasons.map((reason) => (
        <AttentionBadge key={reason.kind} reason={reason} labels={badgeLabels} />
      ))}
      {tooltip.render(
        <>
          <span className="us-tooltip__title">{labels.attentionTitle}</span>
          <span className="us-tooltip__list">
            {reasons.map((reason) => (
              <span key={reason.kind} className="us-tooltip__item" data-kind={reason.kind}>
                {oneLineText(reason.message)}
              </span>
            ))}
          </span>
        </>,
      )}
    </span>
  );
}
