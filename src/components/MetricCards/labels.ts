import { changeCalloutLabels } from '../../core/engine/change-callout';

/** Values of a delta's text alternative, all already formatted. */
export interface DeltaSentence {
  /** Measure name, e.g. `p95 latency`. */
  metric: string;
  /** The user's value, e.g. `2.4 s`. */
  value: string;
  /** Magnitude of the change, e.g. `38%` (empty for `same`, `fromZero` and `unknown`). */
  percent: string;
  /** How many times the baseline the value is, e.g. `12` (used by `timesHigher`, from 10× on). */
  times: string;
  /** Baseline name, e.g. `pro users` or `the previous period`. */
  baseline: string;
  /** The baseline's value, e.g. `1.7 s` ("—" when unknown). */
  baselineValue: string;
}

/** Values of the verdict's detail sentence, all already formatted. */
export interface VerdictSentence {
  /** Measure name, e.g. `p95 latency`. */
  measure: string;
  /** The user's value. */
  value: string;
  /** Where the baseline comes from, e.g. `in the previous period` or `for pro users`. */
  baseline: string;
  /** The baseline's value. */
  baselineValue: string;
}

/** Default English strings of `MetricCards`. Parametrised strings are functions. */
export const metricCardsLabels = {
  /** Accessible name of the section. */
  region: 'Key metrics',
  /** Card titles. */
  volume: 'Volume',
  quality: 'Quality',
  latency: 'Latency',
  cost: 'Cost',
  /** Read after a card title when clicking it focuses the trend chart. */
  showTrend: 'show trend',
  /** Measure names (visible labels and the start of every text alternative). */
  traceCount: 'Traces',
  conversationCount: 'Conversations',
  activeDays: 'Active days',
  successRate: 'Success rate',
  errorCount: 'Errors',
  topErrorType: 'Top error',
  latencyP95Ms: 'p95 latency',
  latencyP50Ms: 'p50 latency',
  costUsd: 'Total cost',
  costPerTraceUsd: 'Cost per trace',
  tokens: 'Tokens',
  /** Hover text of the token total. */
  tokenSplit: (input: string, output: string) => `${input} input, ${output} output`,
  /** The previous period as a baseline. */
  previousPeriod: 'the previous period',
  /** Short delta label against the previous period. */
  vsPrevious: 'vs prev.',
  /** The cohort as a whole, e.g. `pro users`. */
  cohortUsers: (key: string, value: string) => (isWordy(value) ? `${value} users` : `users with ${key} = ${value}`),
  /** The cohort's per-user average, used for totals (traces, errors, cost, …). */
  cohortAverageUser: (key: string, value: string) =>
    isWordy(value) ? `the average ${value} user` : `the average user with ${key} = ${value}`,
  /** Short delta label against the cohort. */
  vsCohort: (value: string) => `vs ${value}`,
  /** Short delta label against the cohort's per-user average. */
  vsCohortAverage: (value: string) => `vs avg. ${value}`,
  /** Every user, as a baseline when the previous period has no trace (`metrics.population`). */
  populationUsers: 'all users',
  /** Every user's per-user average, used for totals. */
  populationAverageUser: 'the average user',
  /** Short delta label against every user. */
  vsPopulation: 'vs all users',
  /** Short delta label against the per-user average of every user. */
  vsPopulationAverage: 'vs avg. user',
  /** The user's top error is also the group's. */
  topErrorSame: (users: string) => `same as ${users}`,
  /** The group's top error is another type. */
  topErrorOther: (users: string, type: string) => `${users}: ${type}`,
  /** The group has no typed failure. */
  topErrorNone: (users: string) => `none for ${users}`,
  /** Delta figure for a rise from zero. */
  deltaNew: 'new',
  /** Delta figure for a change that rounds to zero. */
  deltaSame: '±0',
  /** Name of a cohort whose selector is not known. */
  unnamedCohort: 'cohort',
  /** Text alternatives of a delta. */
  higher: (s: DeltaSentence) => `${s.metric} ${s.value}, ${s.percent} higher than ${s.baseline} (${s.baselineValue})`,
  timesHigher: (s: DeltaSentence) => `${s.metric} ${s.value}, ${s.times} times ${s.baseline} (${s.baselineValue})`,
  lower: (s: DeltaSentence) => `${s.metric} ${s.value}, ${s.percent} lower than ${s.baseline} (${s.baselineValue})`,
  same: (s: DeltaSentence) => `${s.metric} ${s.value}, the same as ${s.baseline}`,
  fromZero: (s: DeltaSentence) => `${s.metric} ${s.value}, compared with 0 for ${s.baseline}`,
  unknown: (s: DeltaSentence) => `${s.metric} ${s.value}, no comparison with ${s.baseline} (${s.baselineValue})`,
  /** Line above the cards naming the baselines. */
  legend: (baselines: string) => `Changes compare with ${baselines}.`,
  /** The legend when the previous period has no trace and the cards compare with every user instead. */
  legendNoPrevious: (baselines: string) => `No traces in the previous period: changes compare with ${baselines}.`,
  /** Size of the cohort, after its name in the legend. */
  cohortSize: (count: string) => `(${count} with traces)`,
  /** Verdict. */
  areaQuality: 'quality',
  areaPerformance: 'performance',
  areaSpend: 'spend',
  /** Measure names inside the verdict sentence. */
  verdictErrorRate: 'error rate',
  verdictLatencyP95: 'p95 latency',
  verdictCostPerTrace: 'cost per trace',
  verdictLead: (area: string) => `Start with ${area}:`,
  verdictDetail: (s: VerdictSentence) => `${s.measure} ${s.value} vs ${s.baselineValue} ${s.baseline}.`,
  verdictInPrevious: 'in the previous period',
  verdictForCohort: (cohortUsers: string) => `for ${cohortUsers}`,
  verdictForPopulation: 'across all users',
  verdictSteady: (baselines: string) =>
    `Nothing stands out: error rate, p95 latency and cost per trace are in line with ${baselines}.`,
  verdictTooFewTraces: (count: string, min: string) => `Too few traces (${count}) to say where to look first; it takes ${min}.`,
  verdictNoBaseline: 'Too little traffic in the previous period to compare with. Select a metadata value to compare with its cohort.',
  /** After the regression sentence when the page shows more than one regression callout. */
  verdictMoreRegressions: (count: number, formatted: string) => `${formatted} more ${count === 1 ? 'regression' : 'regressions'} below.`,
  /** The regression sentence of the verdict (same templates as the callouts, see `changeCalloutLabels`). */
  ...changeCalloutLabels,
  /** Measure names of the user's position among every user. */
  positionCostUsd: 'Cost',
  positionTraceCount: 'Traces',
  positionErrorRate: 'Error rate',
  positionLatencyP95Ms: 'p95 latency',
  /** The user's position: "Cost in the top 2% of users (3rd of 580)". */
  positionTop: (measure: string, share: string) => `${measure} in the top ${share} of users`,
  positionBottom: (measure: string, share: string) => `${measure} in the bottom ${share} of users`,
  positionRank: (rank: string, users: string) => `rank ${rank} of ${users}`,
  /** Accessible name of the list of positions. */
  positionsLabel: 'Position among all users',
  /** States. */
  loading: 'Loading metrics…',
  error: 'Could not load the metrics.',
  retry: 'Retry',
  noTraces: 'No traces in this time range.',
  noTracesPrevious: (count: number, formatted: string) =>
    `The previous period had ${formatted} ${count === 1 ? 'trace' : 'traces'}.`,
  noCost: 'No cost data: none of the traces in this range reports a cost.',
};

/** Whether a value reads well before "users" (`pro users`), unlike `true`, `false` or numbers. */
function isWordy(value: string): boolean {
  return /^\p{L}/u.test(value) && value !== 'true' && value !== 'false';
}

/** Strings of `MetricCards`; pass any subset as `labels`. */
export type MetricCardsLabels = typeof metricCardsLabels;
