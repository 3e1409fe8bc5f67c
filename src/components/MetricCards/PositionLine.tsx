import type { DistributionMetric, UsersDistribution } from '../../core/results';
import { formatCount, formatPercent } from '../primitives/format';
import type { MetricCardsLabels } from './labels';
import { userPosition } from './position';

/** Props of {@link PositionLine}. */
export interface PositionLineProps {
  /** `getUsersDistribution` answers asked with this user's `userId`. */
  distributions: readonly UsersDistribution[];
  /** Strings. */
  labels: MetricCardsLabels;
  /** BCP 47 locale. */
  locale: string;
}

const MEASURE: Record<DistributionMetric, 'positionCostUsd' | 'positionTraceCount' | 'positionErrorRate' | 'positionLatencyP95Ms'> = {
  costUsd: 'positionCostUsd',
  traceCount: 'positionTraceCount',
  errorRate: 'positionErrorRate',
  latencyP95Ms: 'positionLatencyP95Ms',
};

/**
 * The user's place among every user of the range, one phrase per measure: "Cost in the top 2% of users (rank 3 of
 * 580)". Renders nothing when no distribution has a position worth showing (see `userPosition`).
 */
export function PositionLine({ distributions, labels: l, locale }: PositionLineProps) {
  const positions = distributions.map(userPosition).filter((p) => p !== null);
  if (positions.length === 0) return null;
  return (
    <ul className="us-metric-cards__positions" data-slot="positions" aria-label={l.positionsLabel}>
      {positions.map((p) => {
        const share = formatPercent(p.share, locale);
        const measure = l[MEASURE[p.metric]];
        return (
          <li key={p.metric} data-metric={p.metric} data-side={p.side}>
            {p.side === 'top' ? l.positionTop(measure, share) : l.positionBottom(measure, share)}{' '}
            <span className="us-metric-cards__rank">({l.positionRank(formatCount(p.rank, locale), formatCount(p.userCount, locale))})</span>
          </li>
        );
      })}
    </ul>
  );
}
