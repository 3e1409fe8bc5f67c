import { formatScore } from './format';
import { formatLabel } from './format-label';
import { ScorePill, scoreTone } from './ScorePill';

/** Props of {@link ScoreCell}. */
export interface ScoreCellProps {
  /** A mean normalised feedback score (0..1); `null` or `undefined` shows "—". */
  score: number | null | undefined;
  /** Intl locale of the two decimals. */
  locale: string;
  /** `data-slot` of the pill, for hosts' styles and tests (e.g. `trace-feedback`). */
  slot: string;
  /** What screen readers hear for a score; `{score}` is the score with two decimals. */
  spoken: string;
  /** What screen readers hear without a score. */
  none: string;
}

/**
 * A grid cell's mean feedback score as FeedbackPanel shows scores: two decimals in a {@link ScorePill} toned
 * positive (≥ 0.5) or negative, "—" without one. The tone comes from the raw score, as the engine counts positives,
 * so 0.496 shows "0.50" toned negative (docs/components/feedback.md, "Score colours"). The visible text is hidden from screen readers, which hear
 * `spoken` ("Feedback score 0.75 of 1") or `none` instead.
 */
export function ScoreCell({ score, locale, slot, spoken, none }: ScoreCellProps) {
  const tone = scoreTone(score);
  const text = formatScore(score, locale);
  const shown = <span aria-hidden="true">{text}</span>;
  return (
    <>
      {tone === 'none' ? shown : <ScorePill tone={tone} slot={slot}>{shown}</ScorePill>}
      <span className="us-visually-hidden">{tone === 'none' ? none : formatLabel(spoken, { score: text })}</span>
    </>
  );
}
