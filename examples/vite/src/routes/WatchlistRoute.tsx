import { Link } from 'react-router';
import { MetricCards, UserHeader } from 'userscope';
import { DEMO_USERS } from 'userscope/adapters/demo';
import type { TimeRange } from 'userscope/core';
import { useUser, useUserMetrics } from 'userscope/hooks';
import { DEMO_NOW } from '../demo-now';
import { userPath } from './UsersRoute';

const DAY_MS = 86_400_000;

/** The last 7 days of the demo. */
const RANGE: TimeRange = { from: new Date(DEMO_NOW - 7 * DAY_MS).toISOString(), to: new Date(DEMO_NOW).toISOString() };

/** The host's own list of users to keep an eye on: one per kind of trouble the demo dataset plants. */
const WATCHED = [
  { id: DEMO_USERS.regression, why: 'Got worse after the model switch' },
  { id: DEMO_USERS.highErrors[0], why: 'High error rate' },
  { id: DEMO_USERS.slow[0], why: 'Slow answers' },
  { id: DEMO_USERS.expensive[0], why: 'Expensive' },
] as const;

/**
 * `/watchlist`: a page userscope does not ship, composed from its hooks (`useUser`, `useUserMetrics`) and its
 * presentational components (`UserHeader`, `MetricCards`), which take the hooks' status, data and retry as props.
 */
export function WatchlistRoute() {
  return (
    <section aria-labelledby="watchlist-title">
      <h1 id="watchlist-title">Watchlist</h1>
      <p>Last 7 days of the users the team keeps an eye on.</p>
      {WATCHED.map((entry) => (
        <WatchedUser key={entry.id} userId={entry.id} why={entry.why} />
      ))}
    </section>
  );
}

function WatchedUser({ userId, why }: { userId: string; why: string }) {
  const user = useUser({ userId });
  const metrics = useUserMetrics({ userId, range: RANGE });
  return (
    <article className="watchlist-entry" aria-label={`${why}: ${userId}`}>
      <p className="watchlist-why">
        {why} · <Link to={userPath(userId)}>Open the user</Link>
      </p>
      <UserHeader
        user={user.data ?? null}
        status={user.status}
        error={user.error}
        onRetry={user.refetch}
        cohortsEnabled={false}
        now={DEMO_NOW}
        headingLevel={2}
      />
      <MetricCards
        metrics={metrics.data ?? null}
        status={metrics.status}
        error={metrics.error}
        onRetry={metrics.refetch}
      />
    </article>
  );
}
