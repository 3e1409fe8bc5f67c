import type { CohortComparison } from '../../core/contract';
import type { UserDetailContext } from './sections';

/**
 * The `compare` of the page's `getUserTrends` requests: the page's cohort when the provider supports cohorts.
 * The trends and feedback sections both ask with it, so their requests for the same range stay one request.
 */
export function cohortCompare(c: Pick<UserDetailContext, 'cohort' | 'capabilities'>): CohortComparison | undefined {
  return c.capabilities.cohorts && c.cohort ? { cohort: c.cohort } : undefined;
}
