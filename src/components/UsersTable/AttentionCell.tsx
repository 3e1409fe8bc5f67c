import { useCallback, useEffect, useState } from 'react';
import type { AttentionKind, AttentionReason } from '../../core/results';
import { AttentionBadge } from '../primitives/AttentionBadge';
import { formatCount, formatDecimal, formatDuration, formatPercent, formatUsd } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
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

/** A reason's measure formatted: error rate as a percentage, p95 latency as a duration, cost per trace as money. */
function formatReasonValue(kind: AttentionKind, value: number, locale: string): string {
  if (kind === 'errors') return formatPercent(value, locale, 0);
  if (kind === 'latency') return formatDuration(value, locale);
  return formatUsd(value, locale);
}

/** The short visible text of a reason: "Errors 32% vs 4%", "Slow 4.2 s vs 1.1 s", "Cost $0.12 vs $0.03". */
export function attentionReasonText(reason: AttentionReason, kindText: string, template: string, locale: string): string {
  return formatLabel(template, {
    kind: kindText,
    value: formatReasonValue(reason.kind, reason.value, locale),
    baseline: formatReasonValue(reason.kind, reason.baseline, locale),
  });
}

/**
 * The full text of a reason in the labels' language when the provider gave its counts (`sampleCount`), else the
 * provider's own `message` (English from the built-in engines).
 */
export function attentionReasonDetail(reason: AttentionReason, labels: UsersTableLabels, locale: string): string {
  const count = reason.sampleCount;
  if (count === undefined) return reason.message;
  // The full text gives error rates one decimal (the badge rounds to whole points).
  const format = (v: number) => (reason.kind === 'errors' ? formatPercent(v, locale) : formatReasonValue(reason.kind, v, locale));
  const value = format(reason.value);
  const baseline = format(reason.baseline);
  const countText = formatCount(count, locale);
  if (reason.kind === 'errors') {
    if (reason.failedCount === undefined) return reason.message;
    return labels.attentionErrorsDetail(value, baseline, formatCount(reason.failedCount, locale), count, countText);
  }
  const ratio = reason.baseline > 0 ? `${formatDecimal(reason.value / reason.baseline, locale, 1)}×` : '';
  const detail = reason.kind === 'latency' ? labels.attentionLatencyDetail : labels.attentionCostDetail;
  return detail(value, baseline, ratio, count, countText);
}

/**
 * The attention column: one badge per reason, each saying it in short ("Errors 32% vs 4%": the user's value vs all
 * users'). Hovering the badges, or focusing the cell, opens a tooltip with the full messages; screen readers get the
 * same messages from the badges' text.
 */
export function AttentionCell({ reasons, labels, locale }: { reasons: readonly AttentionReason[]; labels: UsersTableLabels; locale: string }) {
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
  // Each reason's full text serves both its badge (for screen readers) and the tooltip's list.
  const details = reasons.map((reason) => attentionReasonDetail(reason, labels, locale));
  return (
    <span {...tooltip.anchorProps} ref={ref} className="us-attention-cell" data-slot="attention-cell">
      {reasons.map((reason, i) => (
        <AttentionBadge
          key={reason.kind}
          reason={reason}
          labels={{ [reason.kind]: attentionReasonText(reason, badgeLabels[reason.kind], labels.badgeDetail, locale) }}
          detail={details[i]}
        />
      ))}
      {tooltip.render(
        <>
          <span className="us-tooltip__title">{labels.attentionTitle}</span>
          <span className="us-tooltip__list">
            {reasons.map((reason, i) => (
              <span key={reason.kind} className="us-tooltip__item" data-kind={reason.kind}>
                {oneLineText(details[i] as string)}
              </span>
            ))}
          </span>
        </>,
      )}
    </span>
  );
}
