import { formatCount, formatPercent, formatUsd } from '../../components/primitives/format';
import { formatLabel } from '../../components/primitives/format-label';
import type { UsersPageLabels } from './users-page-labels';
import { attributedShare, LOW_ATTRIBUTED_SHARE } from '../../hooks/attributed-share';
import type { UsersOverviewTotals } from '../../hooks/users-overview';

/** Props of {@link UsersSummaryStrip}. */
export interface UsersSummaryStripProps {
  /** Totals; `null` values show "—". */
  summary: UsersOverviewTotals;
  /** Totals are loading: values show as skeletons. */
  pending: boolean;
  /** Newer totals are loading while these show. */
  isFetching: boolean;
  /** Traces, error rate and cost were not totalled (too many users); a note says so. */
  tooLarge: boolean;
  /** The scan limit, for the "too large" note. */
  scanLimit: number;
  /** Strings. */
  labels: UsersPageLabels;
  /** Intl locale. */
  locale: string;
}

/**
 * The header strip: users, active and new users, users needing attention, traces, the share of traces with a user
 * id, error rate and cost of the range.
 */
export function UsersSummaryStrip({ summary, pending, isFetching, tooLarge, scanLimit, labels: l, locale }: UsersSummaryStripProps) {
  const share = attributedShare(summary);
  const items: { id: string; label: string; value: string; hint?: string; tone?: 'danger' }[] = [
    { id: 'users', label: l.summaryUsers, value: formatCount(summary.userCount, locale), hint: l.summaryUsersHint },
    { id: 'active', label: l.summaryActiveUsers, value: formatCount(summary.activeUserCount, locale), hint: l.summaryActiveUsersHint },
    { id: 'new', label: l.summaryNewUsers, value: formatCount(summary.newUserCount, locale), hint: l.summaryNewUsersHint },
    {
      id: 'attention',
      label: l.summaryAttention,
      value: formatCount(summary.attentionUserCount, locale),
      tone: summary.attentionUserCount ? 'danger' : undefined,
    },
    { id: 'traces', label: l.summaryTraces, value: formatCount(summary.traceCount, locale) },
    {
      id: 'attributed',
      label: l.summaryAttributed,
      value: formatPercent(share, locale),
      hint: l.summaryAttributedHint,
      tone: share !== null && share < LOW_ATTRIBUTED_SHARE ? 'danger' : undefined,
    },
    { id: 'errorRate', label: l.summaryErrorRate, value: formatPercent(summary.errorRate, locale) },
    { id: 'cost', label: l.summaryCost, value: formatUsd(summary.costUsd, locale, true) },
  ];
  return (
    <section className="us-users-summary" aria-label={l.summaryLabel} aria-busy={pending || isFetching} data-slot="users-summary" data-state={pending ? 'loading' : 'ready'}>
      <dl className="us-users-summary__list">
        {items.map((item) => (
          <div key={item.id} className="us-users-summary__item" data-item={item.id} data-tone={item.tone}>
            <dt className="us-users-summary__label">{item.label}</dt>
            <dd className="us-users-summary__value">{pending ? <span className="us-skeleton" aria-hidden="true" /> : item.value}</dd>
            {item.hint ? <dd className="us-users-summary__hint">{item.hint}</dd> : null}
          </div>
        ))}
      </dl>
      {tooLarge ? (
        <p className="us-users-summary__note">{formatLabel(l.summaryTooLarge, { limit: formatCount(scanLimit, locale) })}</p>
      ) : null}
    </section>
  );
}
