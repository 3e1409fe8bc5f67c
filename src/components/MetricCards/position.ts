/**
 * Where a user sits among every user of the range, from a `getUsersDistribution` answer: "cost in the top 2 % of users".
 * @module
 */
import type { DistributionMetric, UsersDistribution } from '../../core/results';

/** Fewest users with a known value for a position to be shown: "top 50 % of 2 users" says nothing. */
export const MIN_POSITION_USERS = 10;

/** A user's place in one measure's distribution, ready to phrase. */
export interface UserPosition {
  /** The measure. */
  metric: DistributionMetric;
  /** `top`: the user is in the upper half (highest values); `bottom`: in the lower half. */
  side: 'top' | 'bottom';
  /**
   * The smallest share of users, from that side, that includes this user, rounded up to a whole percent (0.1 % below
   * 1 %), so "top 2 %" is never an overstatement.
   */
  share: number;
  /** 1-based rank from the highest value; users with an equal value share the best rank. */
  rank: number;
  /** Users with a known value. */
  userCount: number;
}

/** Rounds a share up: whole percents, tenths of a percent below 1 %. */
function roundUpShare(share: number): number {
  const step = share < 0.01 ? 1000 : 100;
  return Math.min(1, Math.ceil(share * step - 1e-9) / step);
}

/**
 * The user's position in `distribution`, or `null` when there is none to show: no `position`, an unknown value, or
 * fewer than {@link MIN_POSITION_USERS} users with a known value.
 */
export function userPosition(distribution: UsersDistribution): UserPosition | null {
  const p = distribution.position;
  const n = distribution.userCount;
  if (!p || p.value === null || p.aboveCount === null || n < MIN_POSITION_USERS) return null;
  const rank = p.aboveCount + 1;
  const top = rank / n;
  if (top <= 0.5) return { metric: distribution.metric, side: 'top', share: roundUpShare(top), rank, userCount: n };
  return { metric: distribution.metric, side: 'bottom', share: roundUpShare((n - p.aboveCount) / n), rank, userCount: n };
}
