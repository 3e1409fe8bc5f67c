import { forwardRef } from 'react';
import { hostRootProps, rootElementProps, type OwnProps, type RootAttributes } from '../primitives/root-props';
import { type HeadingLevel } from '../primitives/heading-level';
import { DEFAULT_VERDICT_RULE, computeVerdict, type VerdictRule } from '../../core/engine/verdict';
import type { ChangeEvent, Cohort, UserMetrics, UsersDistribution } from '../../core/results';
import { formatCount } from '../primitives/format';
import { SectionState } from '../primitives/SectionState';
import { CARD_SPECS, type MetricCardKey } from './card-specs';
import { cohortNames } from './cohort-names';
import { comparesWithPopulation } from './comparisons';
import { metricCardsLabels, type MetricCardsLabels } from './labels';
import { MetricCard } from './MetricCard';
import { PositionLine } from './PositionLine';
import { VerdictLine, baselineList } from './VerdictLine';
import { useLabels } from '../primitives/labels-context';

/** Props of {@link MetricCards}. */
export interface MetricCardsProps extends RootAttributes<HTMLElement> {
  /** `getUserMetrics` answer; required once `status` is `success`. */
  metrics?: UserMetrics | null;
  /** Query status, as the hooks return it. Default: `success` when `metrics` is given, else `pending`. */
  status?: 'pending' | 'error' | 'success';
  /** The error of the `error` state. */
  error?: unknown;
  /** Offered as a Retry button in the error state. */
  onRetry?: () => void;
  /** The cohort `metrics.cohort` was computed for; names it in deltas ("pro users"). */
  cohort?: Cohort | null;
  /** Called with the card's id when a card is clicked or activated, to focus the matching trend chart. */
  onMetricFocus?: (metric: MetricCardKey) => void;
  /** Thresholds of the verdict (see docs/components/user-detail-top.md). */
  verdictRule?: Partial<VerdictRule>;
  /**
   * The user's model switches and releases over the same range (`getModelUsage`). A flagged regression among them
   * leads the verdict, so it agrees with the regression callouts of the page. Default: none.
   */
  changes?: readonly ChangeEvent[];
  /**
   * `getUsersDistribution` answers asked with this user's `userId` (e.g. by cost): each shows as the user's place
   * among every user, "Cost in the top 2% of users (rank 3 of 580)". Default: none.
   */
  positions?: readonly UsersDistribution[];
  /** Heading level of the card titles. Default 3. */
  headingLevel?: HeadingLevel;
  /**
   * Id of the heading the cards sit under, e.g. the heading of `UserDetailPage`'s metrics section. The cards are then
   * a group named by it inside the host's region, not a second region named `labels.region`. Default: the cards are
   * a region of their own, named `labels.region`.
   */
  'aria-labelledby'?: string;
  /** BCP 47 locale for numbers. Default `en-US`. */
  locale?: string;
  /** Strings. */
  labels?: Partial<MetricCardsLabels>;
}

/** The props of {@link MetricCards} that are not its root element's attributes. */
const METRIC_CARDS_OWN_PROPS: OwnProps<MetricCardsProps, HTMLElement> = {
  metrics: true,
  status: true,
  error: true,
  onRetry: true,
  cohort: true,
  onMetricFocus: true,
  verdictRule: true,
  changes: true,
  positions: true,
  headingLevel: true,
  locale: true,
  labels: true,
};

/**
 * Key metrics of a user: a one-line verdict (where to look first: quality, performance or spend), then cards for
 * volume, quality, latency and cost, each with deltas against the previous period (against every user instead, when
 * the previous period has no trace and `metrics.population` is present) and, when `metrics.cohort` is present, the
 * cohort. Direction-aware colours; every delta has a sentence as its text alternative.
 * `data-state` is `loading`, `error`, `empty` (no traces in range) or `ready`.
 */
export const MetricCards = forwardRef<HTMLElement, MetricCardsProps>(function MetricCards(props, ref) {
  const {
  metrics,
  status = metrics ? 'success' : 'pending',
  error,
  onRetry,
  cohort,
  onMetricFocus,
  verdictRule,
  changes,
  positions,
  headingLevel = 3,
  locale = 'en-US',
  labels,
  'aria-labelledby': labelledBy,
} = props;
  const root = hostRootProps(props, METRIC_CARDS_OWN_PROPS, ref);
  const l: MetricCardsLabels = useLabels('metricCards', metricCardsLabels, labels);
  const name = labelledBy ? { role: 'group', 'aria-labelledby': labelledBy } : { 'aria-label': l.region };
  const sectionProps = { ...rootElementProps(root, { className: 'us-metric-cards' }), 'data-slot': 'metric-cards', ...name };

  if (status === 'error' || (status === 'success' && !metrics)) {
    return (
      <section {...sectionProps} data-state="error">
        <SectionState state="error" error={error} onRetry={onRetry} labels={{ error: l.error, retry: l.retry }} />
      </section>
    );
  }
  if (status === 'pending' || !metrics) {
    return (
      <section {...sectionProps} data-state="loading" aria-busy="true">
        <SectionState state="loading" labels={{ loading: l.loading }} />
      </section>
    );
  }
  if (metrics.current.traceCount === 0) {
    const previous = metrics.previous.traceCount;
    return (
      <section {...sectionProps} data-state="empty">
        <SectionState
          state="empty"
          message={
            <>
              {l.noTraces}
              {previous > 0 ? <> {l.noTracesPrevious(previous, formatCount(previous, locale))}</> : null}
            </>
          }
        />
      </section>
    );
  }

  const rule: VerdictRule = { ...DEFAULT_VERDICT_RULE, ...verdictRule };
  const verdict = computeVerdict(metrics, rule, changes);
  const names = metrics.cohort ? cohortNames(cohort, l) : null;
  const population = comparesWithPopulation(metrics) ? metrics.population : undefined;
  const legendBaselines = [population ? `${l.populationUsers} ${l.cohortSize(formatCount(population.userCount, locale))}` : l.previousPeriod];
  if (names && metrics.cohort) legendBaselines.push(`${names.users} ${l.cohortSize(formatCount(metrics.cohort.userCount, locale))}`);
  const legend = baselineList(legendBaselines, locale);

  return (
    <section {...sectionProps} data-state="ready">
      <VerdictLine verdict={verdict} traceCount={metrics.current.traceCount} rule={rule} cohort={names} labels={l} locale={locale} />
      <p className="us-metric-cards__legend" data-baseline={population ? 'population' : 'previous'}>
        {population ? l.legendNoPrevious(legend) : l.legend(legend)}
      </p>
      {positions && positions.length > 0 ? <PositionLine distributions={positions} labels={l} locale={locale} /> : null}
      <div className="us-metric-cards__grid">
        {CARD_SPECS.map((spec) => (
          <MetricCard
            key={spec.key}
            spec={spec}
            metrics={metrics}
            cohort={names}
            attention={(verdict.status === 'focus' || verdict.status === 'regression') && verdict.area === spec.area}
            onFocus={onMetricFocus}
            headingLevel={headingLevel}
            labels={l}
            locale={locale}
          />
        ))}
      </div>
    </section>
  );
});
