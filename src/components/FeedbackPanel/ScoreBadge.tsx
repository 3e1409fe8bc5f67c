import type { FeedbackComment } from '../../core/results';
import { formatDecimal, formatScore } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import { ScorePill, scoreTone } from '../primitives/ScorePill';
import type { FeedbackPanelLabels } from './labels';
import { shortText } from './short-text';
import { ThumbIcon } from './ThumbIcon';

/** Props of {@link ScoreBadge}. */
export interface ScoreBadgeProps {
  /** The raw value and its normalised score. */
  comment: Pick<FeedbackComment, 'value' | 'score'>;
  /** Locale of the numbers. */
  locale: string;
  /** Strings. */
  labels: FeedbackPanelLabels;
}

/**
 * A feedback value as its kind reads: a thumb up or down, a number with its normalised score, or a category, in a
 * {@link ScorePill} toned by the score (`positive` from 0.5, `negative`, `none` when unscored); the text never relies
 * on colour.
 */
export function ScoreBadge({ comment, locale, labels: l }: ScoreBadgeProps) {
  const { value, score } = comment;
  let content;
  if (typeof value === 'boolean') {
    content = (
      <>
        <ThumbIcon direction={value ? 'up' : 'down'} />
        {value ? l.thumbsUp : l.thumbsDown}
      </>
    );
  } else if (typeof value === 'number') {
    content = formatLabel(score === null ? l.scoreNumericNone : l.scoreNumeric, {
      value: formatDecimal(value, locale),
      score: formatScore(score, locale),
    });
  } else {
    content = shortText(value);
  }
  return (
    <ScorePill tone={scoreTone(score)} slot="score-badge" kind={typeof value}>
      {content}
    </ScorePill>
  );
}
