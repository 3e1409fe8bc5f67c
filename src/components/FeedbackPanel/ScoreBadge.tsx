import type { FeedbackComment } from '../../core/results';
import { formatLabel } from '../primitives/format-label';
import type { FeedbackPanelLabels } from './labels';
import { formatScore, scoreTone } from './score-display';
import { shortText } from './short-text';
import { ThumbIcon } from './ThumbIcon';

const valueFormats = new Map<string, Intl.NumberFormat>();

function formatValue(value: number, locale: string): string {
  let f = valueFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    valueFormats.set(locale, f);
  }
  return f.format(value);
}

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
 * A feedback value as its kind reads: a thumb up or down, a number with its normalised score, or a category.
 * `data-tone` is `positive` (score ≥ 0.5), `negative` or `none` (unscored); the text never relies on colour.
 */
export function ScoreBadge({ comment, locale, labels: l }: ScoreBadgeProps) {
  const { value, score } = comment;
  const tone = scoreTone(score);
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
      value: formatValue(value, locale),
      score: formatScore(score, locale),
    });
  } else {
    content = shortText(value);
  }
  return (
    <span className="us-feedback-badge" data-slot="score-badge" data-tone={tone} data-kind={typeof value}>
      {content}
    </span>
  );
}
