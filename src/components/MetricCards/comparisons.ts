import { relativeChange, type RelativeChange } from '../../core/engine/verdict';
import type { UserMetrics } from '../../core/results';
import { deltaState, formatChangePercent, formatMultiple, isMultiple } from '../primitives/Delta';
import { formatStat, statValue, type StatSpec } from './card-specs';
import type { DeltaSentence, MetricCardsLabels } from './labels';

/** How the selected cohort is named in deltas and sentences. */
export interface CohortNames {
  /** The cohort as a whole, e.g. `pro users`. */
  users: string;
  /** Its per-user average, e.g. `the average pro user`. */
  averageUser: string;
  /** Short delta label, e.g. `vs pro`. */
  vs: string;
  /** Short delta label against the per-user average, e.g. `vs avg. pro`. */
  vsAverage: string;
}

/** One delta of a stat, ready to render. */
export interface StatComparison {
  /** Which baseline. */
  baseline: 'previous' | 'cohort';
  /** The change. */
  change: RelativeChange;
  /** Short visible baseline name. */
  label: string;
  /** Full text alternative. */
  description: string;
}

const averageCache = new Map<string, Intl.NumberFormat>();

/** A per-user average count keeps one decimal (`0.4` errors per user), unlike whole counts. */
function formatAverage(value: number, locale: string): string {
  let f = averageCache.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    averageCache.set(locale, f);
  }
  return f.format(value);
}

function numeric(value: number | string | null): number | null {
  return typeof value === 'number' ? value : null;
}

/** The sentence read for one delta: "p95 latency 2.4 s, 38% higher than pro users (1.7 s)". */
function describe(
  change: RelativeChange,
  sentence: Omit<DeltaSentence, 'percent' | 'times'>,
  l: MetricCardsLabels,
  locale: string,
): string {
  const state = deltaState(change);
  const ratio = change.kind === 'change' ? change.ratio : null;
  const s: DeltaSentence = {
    ...sentence,
    percent: ratio === null ? '' : formatChangePercent(ratio, locale),
    times: ratio === null ? '' : formatMultiple(ratio, locale),
  };
  switch (state) {
    case 'up':
      return ratio !== null && isMultiple(ratio) ? l.timesHigher(s) : l.higher(s);
    case 'down':
      return l.lower(s);
    case 'same':
      return l.same(s);
    case 'new':
      return l.fromZero(s);
    case 'unknown':
      return l.unknown(s);
  }
}

/**
 * The deltas of one stat (none when the user's value is unknown): against the previous period, and against the cohort when `metrics.cohort` is present and
 * the stat compares fairly (`direct` values as they are, totals against the cohort's per-user average).
 */
export function statComparisons(
  spec: StatSpec,
  metrics: UserMetrics,
  cohort: CohortNames | null,
  l: MetricCardsLabels,
  locale: string,
): StatComparison[] {
  const value = numeric(statValue(metrics.current, spec.key));
  if (spec.format === 'text' || value === null) return [];
  const metric = l[spec.key];
  const valueText = formatStat(spec.format, value, locale);
  const out: StatComparison[] = [];

  const previous = numeric(statValue(metrics.previous, spec.key));
  const previousChange = relativeChange(value, previous);
  out.push({
    baseline: 'previous',
    change: previousChange,
    label: l.vsPrevious,
    description: describe(
      previousChange,
      { metric, value: valueText, baseline: l.previousPeriod, baselineValue: formatStat(spec.format, previous, locale) },
      l,
      locale,
    ),
  });

  if (metrics.cohort && cohort && spec.cohort !== 'none') {
    const perUser = spec.cohort === 'per-user';
    const total = numeric(statValue(metrics.cohort, spec.key));
    const users = metrics.cohort.userCount;
    const base = perUser ? (total !== null && users > 0 ? total / users : null) : total;
    const baseText =
      perUser && base !== null && spec.format === 'count' ? formatAverage(base, locale) : formatStat(spec.format, base, locale);
    const change = relativeChange(value, base);
    out.push({
      baseline: 'cohort',
      change,
      label: perUser ? cohort.vsAverage : cohort.vs,
      description: describe(
        change,
        { metric, value: valueText, baseline: perUser ? cohort.averageUser : cohort.users, baselineValue: baseText },
        l,
        locale,
      ),
    });
  }
  return out;
}
