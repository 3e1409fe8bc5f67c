import type { Cohort } from '../../core/results';
import { metadataValueText, oneLineText, truncateText } from '../primitives/MetadataChip';
import type { CohortNames } from './comparisons';
import type { MetricCardsLabels } from './labels';

/** Longest cohort key or value inside a label. */
const MAX_COHORT_TEXT = 40;

/**
 * How the labels name a cohort ("pro users", "vs pro", …), with its key and value on one line and cut to
 * {@link MAX_COHORT_TEXT} characters; `labels.unnamedCohort` when the cohort is not known. The metric cards and the
 * detail page's cohort trend line both name a cohort this way, so the two read the same.
 */
export function cohortNames(cohort: Cohort | null | undefined, l: MetricCardsLabels): CohortNames {
  if (!cohort) {
    return { users: l.unnamedCohort, averageUser: l.unnamedCohort, vs: l.vsCohort(l.unnamedCohort), vsAverage: l.vsCohortAverage(l.unnamedCohort) };
  }
  const key = truncateText(oneLineText(cohort.key), MAX_COHORT_TEXT);
  const value = truncateText(metadataValueText(cohort.value), MAX_COHORT_TEXT);
  return {
    users: l.cohortUsers(key, value),
    averageUser: l.cohortAverageUser(key, value),
    vs: l.vsCohort(value),
    vsAverage: l.vsCohortAverage(value),
  };
}
