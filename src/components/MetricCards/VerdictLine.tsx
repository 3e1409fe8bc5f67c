import type { Verdict, VerdictArea, VerdictMeasure, VerdictRule } from '../../core/engine/verdict';
import { changeCallout } from '../charts/change-markers';
import { formatCount, formatDuration, formatPercent, formatUsd } from '../primitives/format';
import type { CohortNames } from './comparisons';
import type { MetricCardsLabels } from './labels';

/** Props of {@link VerdictLine}. */
export interface VerdictLineProps {
  /** The verdict to tell. */
  verdict: Verdict;
  /** Traces of the user in range (for "too few traces"). */
  traceCount: number;
  /** Rule the verdict was computed with (for "it takes N"). */
  rule: VerdictRule;
  /** Names of the selected cohort, when one is compared. */
  cohort: CohortNames | null;
  /** Strings. */
  labels: MetricCardsLabels;
  /** BCP 47 locale. */
  locale: string;
}

const AREA_LABEL: Record<VerdictArea, 'areaQuality' | 'areaPerformance' | 'areaSpend'> = {
  quality: 'areaQuality',
  performance: 'areaPerformance',
  spend: 'areaSpend',
};

const MEASURE_LABEL: Record<VerdictMeasure, 'verdictErrorRate' | 'verdictLatencyP95' | 'verdictCostPerTrace'> = {
  errorRate: 'verdictErrorRate',
  latencyP95Ms: 'verdictLatencyP95',
  costPerTraceUsd: 'verdictCostPerTrace',
};

function formatMeasure(measure: VerdictMeasure, value: number, locale: string): string {
  if (measure === 'errorRate') return formatPercent(value, locale);
  if (measure === 'latencyP95Ms') return formatDuration(value, locale);
  return formatUsd(value, locale);
}

/** The baselines a verdict was judged against, as a list: "the previous period and pro users". */
export function baselineList(names: string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}

/**
 * One line telling where to look first (quality, performance or spend) and why, from `computeVerdict`: the latest
 * regression callout when there is one, else the largest deviation from a baseline.
 * `data-state` is the verdict status, `data-area` the area to look at.
 */
export function VerdictLine({ verdict, traceCount, rule, cohort, labels: l, locale }: VerdictLineProps) {
  if (verdict.status === 'regression') {
    const more = verdict.regressionCount - 1;
    return (
      <p className="us-verdict" data-slot="verdict" data-state="regression" data-area={verdict.area}>
        <strong className="us-verdict__lead">{l.verdictLead(l[AREA_LABEL[verdict.area]])}</strong>{' '}
        {changeCallout(verdict.change, locale, l)}.{more > 0 ? ` ${l.verdictMoreRegressions(more, formatCount(more, locale))}` : null}
      </p>
    );
  }
  if (verdict.status === 'focus') {
    const { top } = verdict;
    const baseline =
      top.baseline === 'previous'
        ? l.verdictInPrevious
        : top.baseline === 'population'
          ? l.verdictForPopulation
          : l.verdictForCohort(cohort?.users ?? l.unnamedCohort);
    return (
      <p className="us-verdict" data-slot="verdict" data-state="focus" data-area={verdict.area}>
        <strong className="us-verdict__lead">{l.verdictLead(l[AREA_LABEL[verdict.area]])}</strong>{' '}
        {l.verdictDetail({
          measure: l[MEASURE_LABEL[top.measure]],
          value: formatMeasure(top.measure, top.value, locale),
          baseline,
          baselineValue: formatMeasure(top.measure, top.baselineValue, locale),
        })}
      </p>
    );
  }
  const text =
    verdict.status === 'steady'
      ? l.verdictSteady(
          baselineList(
            verdict.compared.map((b) =>
              b === 'previous' ? l.previousPeriod : b === 'population' ? l.populationUsers : (cohort?.users ?? l.unnamedCohort),
            ),
            locale,
          ),
        )
      : verdict.status === 'too-few-traces'
        ? l.verdictTooFewTraces(formatCount(traceCount, locale), formatCount(rule.minTraces, locale))
        : l.verdictNoBaseline;
  return (
    <p className="us-verdict" data-slot="verdict" data-state={verdict.status}>
      {text}
    </p>
  );
}
