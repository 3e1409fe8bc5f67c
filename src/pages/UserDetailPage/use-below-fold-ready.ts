import { startTransition, useEffect, useState } from 'react';
import { useUserTrends } from '../../hooks/query-hooks';
import { cohortCompare } from './cohort-compare';
import type { UserDetailContext } from './sections';

/**
 * Whether the sections below the trend charts may mount: once the page's first `getUserTrends` answer for this user
 * has settled (data or error), in a transition after the commit that drew it. So the sections above the fold draw
 * first, each in its own task, and the lists' requests queue behind theirs on a provider that answers in order (the
 * worker). Latched per user: a new range or cohort never hides the lists again. Always true when `gated` is false
 * (no trends section on the page). The trends section asks the same query, so this adds no request.
 */
export function useBelowFoldReady(c: Pick<UserDetailContext, 'userId' | 'range' | 'cohort' | 'capabilities'>, gated: boolean): boolean {
  const trends = useUserTrends({ userId: c.userId, range: c.range, compare: cohortCompare(c) }, { enabled: gated });
  const [readyFor, setReadyFor] = useState<string | null>(null);
  const settled = trends.status !== 'pending';
  useEffect(() => {
    if (gated && settled && readyFor !== c.userId) startTransition(() => setReadyFor(c.userId));
  }, [gated, settled, readyFor, c.userId]);
  return !gated || readyFor === c.userId;
}
