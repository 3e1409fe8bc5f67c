import type { HeadingLevel } from '../../components/primitives/heading-level';
import { formatLabel } from '../../components/primitives/format-label';
import type { UserDetailNavTarget } from './navigation';
import { UserNavigation } from './UserNavigation';
import type { UserDetailPageLabels } from './user-detail-page-labels';

/** Props of {@link UserNotFound}. */
export interface UserNotFoundProps {
  /** The id the provider has no user for. */
  userId: string;
  /** The host's back link (`navigation.back`), shown under the message; none when omitted. */
  back?: UserDetailNavTarget;
  /** Level of the heading (the page's section level). */
  headingLevel: HeadingLevel;
  /** Id of the heading, the region's accessible name. */
  titleId: string;
  /** Page strings. */
  labels: UserDetailPageLabels;
  /** BCP 47 locale. */
  locale: string;
}

/**
 * The detail page's one not-found state, in place of every section: a "User not found" heading, the id, and the
 * host's back link when it gave one (a real, focusable link).
 */
export function UserNotFound({ userId, back, headingLevel, titleId, labels: l, locale }: UserNotFoundProps) {
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <section className="us-user-detail__not-found" data-slot="user-not-found" aria-labelledby={titleId}>
      <Heading id={titleId} className="us-user-detail__not-found-title">
        {l.notFoundTitle}
      </Heading>
      <p className="us-user-detail__not-found-message">{formatLabel(l.notFoundMessage, { userId })}</p>
      {back ? <UserNavigation navigation={{ back }} labels={l} locale={locale} /> : null}
    </section>
  );
}
