import { type HeadingLevel } from '../primitives/heading-level';
import { formatCount, formatDateTime, formatPercent, formatScore } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import { markerState } from '../primitives/marker-vocabulary';
import { MIN_SCORES_PER_SIDE, type ChangeImpact } from './change-impact';
import type { FeedbackPanelLabels } from './labels';
import { shortText } from './short-text';

/** Props of {@link ChangeImpactList}. */
export interface ChangeImpactListProps {
  /** Changes with their feedback windows, in time order (their position + 1 is the marker number). */
  impacts: readonly ChangeImpact[];
  /** Heading level of the list title. */
  headingLevel: HeadingLevel;
  /** Locale for numbers and dates. */
  locale: string;
  /** Strings. */
  labels: FeedbackPanelLabels;
}

function changeTitle(impact: ChangeImpact, l: FeedbackPanelLabels): string {
  const { kind, from, to } = impact.change;
  if (kind === 'release') return formatLabel(l.changeRelease, { to: shortText(to) });
  return from === null
    ? formatLabel(l.changeModelSwitchFirst, { to: shortText(to) })
    : formatLabel(l.changeModelSwitch, { from: shortText(from), to: shortText(to) });
}

/** The feedback sentence of a change, and its verdict (`data-shift`: `improved`, `worsened`, `unclear`, `too-few`). */
function feedbackLine(
  impact: ChangeImpact,
  locale: string,
  l: FeedbackPanelLabels,
): { text: string; verdict: string | null; shift: string | null } {
  const { before, after, periods, shift } = impact;
  if (periods === 0) return { text: l.changeFeedbackNoWindow, verdict: null, shift: null };
  const values = {
    beforeScores: formatCount(before.scored, locale),
    afterScores: formatCount(after.scored, locale),
    periods: formatCount(periods, locale),
  };
  if (before.scored === 0 || after.scored === 0) {
    return { text: formatLabel(l.changeFeedbackNoScores, values), verdict: null, shift: null };
  }
  const text = formatLabel(l.changeFeedback, {
    ...values,
    before: formatScore(before.avgScore, locale),
    after: formatScore(after.avgScore, locale),
    beforePositive: formatPercent(before.positive / before.scored, locale, 0),
    afterPositive: formatPercent(after.positive / after.scored, locale, 0),
  });
  if (shift === null) {
    return { text, verdict: formatLabel(l.changeFeedbackTooFew, { min: formatCount(MIN_SCORES_PER_SIDE, locale) }), shift: 'too-few' };
  }
  const verdict =
    shift === 'improved' ? l.changeFeedbackImproved : shift === 'worsened' ? l.changeFeedbackWorsened : l.changeFeedbackUnclear;
  return { text, verdict, shift };
}

/**
 * The releases and model switches inside the feedback trend, numbered like their chart markers: when, the success
 * rate before → after (the engine's equal trace windows) and the feedback before → after (equal windows of whole
 * periods: average score and share of positive scores, with a verdict only when the shift is significant), so a fix
 * can be validated. Regressions (docs/metrics.md rule) are flagged.
 */
export function ChangeImpactList({ impacts, headingLevel, locale, labels: l }: ChangeImpactListProps) {
  if (impacts.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="us-feedback-changes" data-slot="feedback-changes">
      <Heading className="us-feedback-changes__title">{l.changesTitle}</Heading>
      <p className="us-feedback-changes__description">{l.changesDescription}</p>
      <ol className="us-feedback-changes__list">
        {impacts.map((impact, i) => {
          const { change } = impact;
          const feedback = feedbackLine(impact, locale, l);
          return (
            <li
              key={`${change.kind}-${change.at}-${change.to}`}
              className="us-feedback-change"
              data-kind={change.kind}
              data-state={markerState(change.regression)}
            >
              <span className="us-feedback-change__number" aria-hidden="true">
                {i + 1}
              </span>
              <div className="us-feedback-change__body">
                <p className="us-feedback-change__title">
                  <span>{changeTitle(impact, l)}</span>{' '}
                  <time dateTime={change.at} className="us-feedback-change__time">
                    {formatDateTime(change.at, locale)}
                  </time>
                  {change.regression ? (
                    <>
                      {' '}
                      <span className="us-feedback-change__regression">{l.changeRegression}</span>
                    </>
                  ) : null}
                </p>
                <p className="us-feedback-change__metric">
                  {formatLabel(l.changeSuccess, {
                    before: formatPercent(change.before.successRate, locale),
                    after: formatPercent(change.after.successRate, locale),
                    beforeTraces: formatCount(change.before.traceCount, locale),
                    afterTraces: formatCount(change.after.traceCount, locale),
                  })}
                </p>
                <p className="us-feedback-change__metric" data-shift={feedback.shift ?? undefined}>
                  {feedback.text}
                  {feedback.verdict ? <strong className="us-feedback-change__verdict"> · {feedback.verdict}</strong> : null}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
