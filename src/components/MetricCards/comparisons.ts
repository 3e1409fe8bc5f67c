import { relativeChange, type RelativeChange } from '../../core/engine/verdict';
import type { CohortMetrics, UserMetrics } from '../../core/results';
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

/** What a stat is compared with: the previous period, the selected cohort, or every user (`metrics.population`). */
export type ComparisonBaseline = 'previous' | 'cohort' | 'population';

/** One delta of a stat, ready to render. */
export interface StatComparison {
  /** Which baseline. */
  baseline: ComparisonBaseline;
  /** The change. */
  change: RelativeChange;
  /** Short visible baseline name. */
  label: string;
  /** Full text alternative. */
  description: string;
}

/** How every user (the population baseline) is named in deltas and sentences. */
export function populationNames(l: MetricCardsLabels): CohortNames {
  return { users: l.populationUsers, averageUser: l.populationAverageUser, vs: l.vsPopulation, vsAverage: l.vsPopulationAverage };
}

/**
 * Whether the cards compare with every user instead of the previous period: the previous period has no trace and the
 * provider answered `population`.
 */
export function comparesWithPopulation(metrics: UserMetrics): boolean {
  return metrics.previous.traceCount === 0 && metrics.population !== undefined;
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

/** The delta of one value against a group of users (a cohort or the population), or `null` when none is fair. */
function groupComparison(
  spec: StatSpec,
  value: number,
  valueText: string,
  group: CohortMetrics,
  names: CohortNames,
  baseline: 'cohort' | 'population',
  l: MetricCardsLabels,
  locale: string,
): StatComparison | null {
  if (spec.cohort === 'none') return null;
  const perUser = spec.cohort === 'per-user' || spec.cohort === 'user-mean';
  const total = numeric(statValue(group, spec.key));
  const users = group.userCount;
  const base =
    spec.cohort === 'user-mean' ? group.activeDaysPerUser : spec.cohort === 'per-user' ? (total !== null && users > 0 ? total / users : null) : total;
  const baseText = perUser && base !== null && spec.format === 'count' ? formatAverage(base, locale) : formatStat(spec.format, base, locale);
  const change = relativeChange(value, base);
  return {
    baseline,
    change,
    label: perUser ? names.vsAverage : names.vs,
    description: describe(
      change,
      { metric: l[spec.key], value: valueText, baseline: perUser ? names.averageUser : names.users, baselineValue: baseText },
      l,
      locale,
    ),
  };
}

/**
 * The deltas of one stat (none when the user's value is unknown): against the previous period — or, when it has no
 * trace and `metrics.population` is present, against every user — and against the cohort when `metrics.cohort` is
 * present. Groups compare fairly: `direct` values as they are, totals against the group's per-user average.
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
  const valueText = formatStat(spec.format, value, locale);
  const out: (StatComparison | null)[] = [];

  if (comparesWithPopulation(metrics) && metrics.population) {
    out.push(groupComparison(spec, value, valueText, metrics.population, populationNames(l), 'population', l, locale));
  } else {
    const previous = numeric(statValue(metrics.previous, spec.key));
    const previousChange = relativeChange(value, previous);
    out.push({
      baseline: 'previous',
      change: previousChange,
      label: l.vsPrevious,
      description: describe(
        previousChange,
        { metric: l[spec.key], value: valueText, baseline: l.previousPeriod, baselineValue: formatStat(spec.format, previous, locale) },
        l,
        locale,
      ),
    });
  }
  if (metrics.cohort && cohort) out.push(groupComparison(spec, value, valueText, metrics.cohort, cohort, 'cohort', l, locale));
  return out.filter((c): c is StatComparison => c !== null);
}

/** How a user's top error type compares with a group's: `same` when both name the same type. */
export interface TopErrorComparison {
  /** Which group. */
  baseline: 'cohort' | 'population';
  /** The visible text, e.g. `pro users: Timeout` or `same as all users`. */
  text: string;
}

/**
 * The top-error comparisons of a user (none when the user has no top error): with every user when the cards compare
 * with them, and with the cohort. A group without a top error says so ("none for pro users").
 */
export function topErrorComparisons(metrics: UserMetrics, cohort: CohortNames | null, l: MetricCardsLabels): TopErrorComparison[] {
  const mine = metrics.current.topErrorType;
  if (mine === null) return [];
  const groups: [TopErrorComparison['baseline'], CohortMetrics | undefined, CohortNames | null][] = [
    ['population', comparesWithPopulation(metrics) ? metrics.population : undefined, populationNames(l)],
    ['cohort', metrics.cohort, cohort],
  ];
  const out: TopErrorComparison[] = [];
  for (const [baseline, group, names] of groups) {
    if (!group || !names) continue;
    const theirs = group.topErrorType;
    const text =
      theirs === null ? l.topErrorNone(names.users) : theirs === mine ? l.topErrorSame(names.users) : l.topErrorOther(names.users, theirs);
    out.push({ baseline, text });
  }
  return out;
}
