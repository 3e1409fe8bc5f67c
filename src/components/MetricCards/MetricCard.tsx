import { type HeadingLevel } from '../primitives/heading-level';
import type { UserMetrics } from '../../core/results';
import { Delta } from '../primitives/Delta';
import { formatCount } from '../primitives/format';
import { oneLineText, truncateText } from '../primitives/MetadataChip';
import { formatStat, statValue, type CardSpec, type MetricCardKey, type StatSpec } from './card-specs';
import { statComparisons, topErrorComparisons, type CohortNames } from './comparisons';
import type { MetricCardsLabels } from './labels';

/** Longest text value (the top error type) shown before "…". */
const MAX_TEXT = 60;

/** Props of {@link MetricCard}. */
export interface MetricCardProps {
  /** Which card. */
  spec: CardSpec;
  /** The numbers. */
  metrics: UserMetrics;
  /** Names of the compared cohort, when one is. */
  cohort: CohortNames | null;
  /** This card's area is where the verdict says to look first. */
  attention: boolean;
  /** Makes the title a button that focuses the matching trend chart. */
  onFocus?: (metric: MetricCardKey) => void;
  /** Heading level of the title. */
  headingLevel: HeadingLevel;
  /** Strings. */
  labels: MetricCardsLabels;
  /** BCP 47 locale. */
  locale: string;
}

interface StatProps {
  spec: StatSpec;
  metrics: UserMetrics;
  cohort: CohortNames | null;
  labels: MetricCardsLabels;
  locale: string;
}

/** Hover text of a stat: the exact value when compacted, the input/output split for tokens. */
function statTitle(spec: StatSpec, metrics: UserMetrics, shown: string, full: string, l: MetricCardsLabels, locale: string) {
  const m = metrics.current;
  if (spec.key === 'tokens' && (m.inputTokens !== null || m.outputTokens !== null)) {
    return l.tokenSplit(formatCount(m.inputTokens, locale), formatCount(m.outputTokens, locale));
  }
  return shown === full ? undefined : full;
}

/** One stat: term, value and its deltas. */
function Stat({ spec, metrics, cohort, labels: l, locale }: StatProps) {
  const raw = statValue(metrics.current, spec.key);
  const text = typeof raw === 'string' ? oneLineText(raw) : null;
  const shown = text !== null ? truncateText(text, MAX_TEXT) : formatStat(spec.format, raw, locale, true);
  const full = text ?? formatStat(spec.format, raw, locale);
  const comparisons = statComparisons(spec, metrics, cohort, l, locale);
  return (
    <div className="us-metric-card__stat" data-slot="stat" data-stat={spec.key}>
      <dt className="us-metric-card__term">{l[spec.key]}</dt>
      <dd className="us-metric-card__data">
        <span className="us-metric-card__value" title={statTitle(spec, metrics, shown, full, l, locale)}>
          {shown}
        </span>
        {spec.key === 'topErrorType'
          ? topErrorComparisons(metrics, cohort, l).map((c) => (
              <span key={c.baseline} className="us-metric-card__compare" data-slot="top-error-compare" data-baseline={c.baseline}>
                {c.text}
              </span>
            ))
          : null}
        {comparisons.length > 0 ? (
          <span className="us-metric-card__deltas">
            {comparisons.map((c) => (
              <Delta
                key={c.baseline}
                change={c.change}
                direction={spec.direction}
                baselineLabel={c.label}
                description={c.description}
                locale={locale}
                labels={{ new: l.deltaNew, same: l.deltaSame }}
              />
            ))}
          </span>
        ) : null}
      </dd>
    </div>
  );
}

/**
 * One key-metrics card: a title (a button when `onFocus` is given; the whole card is its click target), the
 * headline stat and the secondary stats, each with deltas against the previous period and the cohort.
 */
export function MetricCard({ spec, metrics, cohort, attention, onFocus, headingLevel, labels: l, locale }: MetricCardProps) {
  const Heading = `h${headingLevel}` as const;
  const title = l[spec.title];
  const noCost = spec.key === 'costUsd' && metrics.current.costUsd === null;
  return (
    <article
      className="us-metric-card"
      data-slot="metric-card"
      data-metric={spec.key}
      data-attention={attention || undefined}
      data-interactive={onFocus ? true : undefined}
    >
      <Heading className="us-metric-card__title">
        {onFocus ? (
          <button
            type="button"
            className="us-metric-card__focus"
            aria-label={`${title}, ${l.showTrend}`}
            onClick={() => onFocus(spec.key)}
          >
            {title}
          </button>
        ) : (
          title
        )}
      </Heading>
      <dl className="us-metric-card__stats">
        {spec.stats.map((stat) => (
          <Stat key={stat.key} spec={stat} metrics={metrics} cohort={cohort} labels={l} locale={locale} />
        ))}
      </dl>
      {noCost ? (
        <p className="us-metric-card__note" data-slot="note">
          {l.noCost}
        </p>
      ) : null}
    </article>
  );
}
