import { useId } from 'react';
import { formatCount, formatPercent, formatScore } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import type { FeedbackCardProps } from './card-props';
import { keyDetail } from './key-detail';
import { averageKind } from './score-display';
import { shortText } from './short-text';

interface StatProps {
  id: string;
  label: string;
  value: string;
  detail: string;
}

function Stat({ id, label, value, detail }: StatProps) {
  return (
    <div className="us-feedback-stat" data-stat={id}>
      <dt className="us-feedback-stat__label">{label}</dt>
      <dd className="us-feedback-stat__value">{value}</dd>
      <dd className="us-feedback-stat__detail">{detail}</dd>
    </div>
  );
}

/**
 * Feedback Summary: volume, average score, coverage and comments. The average reads by kind: the share of thumbs
 * up when every score is a thumbs vote, otherwise the normalised 0–1 mean with the average of each scored key when
 * there are several. Coverage is a percentage with its counts ("10.5% · 274 of 2,606 traces").
 */
export function FeedbackSummary({ overview, headingLevel, locale, labels: l }: FeedbackCardProps) {
  const { summary, topKeys } = overview;
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  const average = averageKind(overview);
  const scored = average.kind === 'normalised' ? average.scored : average.kind === 'thumbs' ? average.up + average.down : 0;

  let avgValue: string;
  let avgDetail: string;
  if (average.kind === 'thumbs') {
    avgValue = formatLabel(l.summaryAverageThumbs, { percent: formatPercent(average.up / (average.up + average.down), locale) });
    avgDetail = formatLabel(l.summaryAverageThumbsDetail, {
      up: formatCount(average.up, locale),
      down: formatCount(average.down, locale),
    });
  } else if (average.kind === 'normalised') {
    avgValue = formatScore(summary.avgScore, locale);
    avgDetail = formatLabel(l.summaryAverageDetail, { scored: formatCount(average.scored, locale) });
  } else {
    avgValue = formatScore(null, locale);
    avgDetail = l.summaryAverageNone;
  }
  const perKey = average.kind === 'normalised' && average.keys.length > 1 ? average.keys : [];

  return (
    <section
      className="us-feedback-card us-feedback-card--wide us-feedback-summary"
      data-slot="feedback-summary"
      aria-labelledby={titleId}
    >
      <Heading id={titleId} className="us-feedback-card__title">
        {l.summaryTitle}
      </Heading>
      <dl className="us-feedback-summary__stats">
        <Stat
          id="count"
          label={l.summaryCount}
          value={formatCount(summary.count, locale)}
          detail={formatLabel(l.summaryCountDetail, {
            scored: formatCount(scored, locale),
            keys: formatLabel(new Intl.PluralRules(locale).select(topKeys.length) === 'one' ? l.summaryKeysOne : l.summaryKeysOther, {
              count: formatCount(topKeys.length, locale),
            }),
          })}
        />
        <Stat id="average" label={l.summaryAverage} value={avgValue} detail={avgDetail} />
        <Stat
          id="coverage"
          label={l.summaryCoverage}
          value={formatPercent(summary.coverage, locale)}
          detail={
            summary.coverage === null
              ? l.summaryCoverageNone
              : formatLabel(l.summaryCoverageDetail, {
                  withFeedback: formatCount(summary.tracesWithFeedback, locale),
                  traces: formatCount(summary.traceCount, locale),
                })
          }
        />
        <Stat
          id="comments"
          label={l.summaryComments}
          value={formatCount(summary.commentCount, locale)}
          detail={formatLabel(l.summaryCommentsDetail, {
            share: formatPercent(summary.count === 0 ? null : summary.commentCount / summary.count, locale),
          })}
        />
      </dl>
      {perKey.length > 0 ? (
        <div className="us-feedback-summary__keys" data-slot="feedback-per-key">
          <span className="us-feedback-summary__keys-label">{l.summaryPerKey}</span>
          <ul>
            {perKey.map((k) => (
              <li key={k.key} data-key={k.key}>
                <span className="us-feedback-summary__key">{shortText(k.key)}</span> {keyDetail(k, locale, l)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
