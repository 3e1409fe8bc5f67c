import type { MouseEvent, ReactNode } from 'react';
import { isPlainClick } from '../../components/primitives/click-intent';
import { HostLink } from '../../components/primitives/HostLink';
import { formatCount } from '../../components/primitives/format';
import { formatLabel } from '../../components/primitives/format-label';
import { safeHref } from '../../components/primitives/safe-href';
import type { UserDetailNavigation, UserDetailNavTarget } from './navigation';
import type { UserDetailPageLabels } from './user-detail-page-labels';

interface NavControlProps {
  target: UserDetailNavTarget | null | undefined;
  slot: string;
  /** Accessible name when enabled. */
  name?: string;
  /** Title (hover) when enabled. */
  title?: string;
  children: ReactNode;
}

/** A link (with `href`; the host's `renderLink` when given), a button (with `onNavigate` only) or, without a target, a disabled placeholder. */
function NavControl({ target, slot, name, title, children }: NavControlProps) {
  const href = safeHref(target?.href);
  const onNavigate = target?.onNavigate;
  const className = 'us-user-detail__pager-link';
  if (href) {
    const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
      if (onNavigate && isPlainClick(event)) {
        event.preventDefault();
        onNavigate();
      }
    };
    return (
      <HostLink className={className} href={href} onClick={onClick} data-slot={slot} aria-label={name} title={title}>
        {children}
      </HostLink>
    );
  }
  if (onNavigate) {
    return (
      <button type="button" className={className} onClick={onNavigate} data-slot={slot} aria-label={name} title={title}>
        {children}
      </button>
    );
  }
  // The disabled-link pattern: still a link to assistive tech ("dimmed"), but with nowhere to go and no tab stop.
  return (
    <a className={className} role="link" data-slot={slot} data-disabled="" aria-disabled="true">
      {children}
    </a>
  );
}

/** Props of {@link UserNavigation}. */
export interface UserNavigationProps {
  /** What the host gives. */
  navigation: UserDetailNavigation;
  /** Page strings. */
  labels: UserDetailPageLabels;
  /** BCP 47 locale. */
  locale: string;
}

/**
 * The detail page's navigation bar: a back link to the list, the user's place in it ("3 of 120") and previous / next
 * user. A missing neighbour (first or last user, or still loading) stays in place, disabled, so nothing moves.
 */
export function UserNavigation({ navigation: n, labels: l, locale }: UserNavigationProps) {
  const pager = n.previous !== undefined || n.next !== undefined || n.pending === true;
  if (!n.back && !pager) return null;
  const position = n.position
    ? n.position.total === null
      ? formatLabel(l.navPositionNoTotal, { index: formatCount(n.position.index + 1, locale) })
      : formatLabel(l.navPosition, { index: formatCount(n.position.index + 1, locale), total: formatCount(n.position.total, locale) })
    : null;
  const previous = n.pending ? null : n.previous;
  const next = n.pending ? null : n.next;
  const named = (template: string, target: UserDetailNavTarget | null | undefined) =>
    target?.label ? formatLabel(template, { name: target.label }) : undefined;
  return (
    <nav className="us-user-detail__pager" aria-label={l.pagerLabel} data-slot="user-pager">
      {n.back ? (
        <NavControl target={n.back} slot="back">
          <span aria-hidden="true">←</span>
          {n.back.label ?? l.navBack}
        </NavControl>
      ) : null}
      {pager ? (
        <div className="us-user-detail__pager-steps">
          {position ? (
            <span className="us-user-detail__pager-position" data-slot="user-position">
              {position}
            </span>
          ) : null}
          <NavControl target={previous} slot="previous-user" name={named(l.navPreviousNamed, previous)} title={previous?.label}>
            <span aria-hidden="true">‹</span>
            {l.navPrevious}
          </NavControl>
          <NavControl target={next} slot="next-user" name={named(l.navNextNamed, next)} title={next?.label}>
            {l.navNext}
            <span aria-hidden="true">›</span>
          </NavControl>
        </div>
      ) : null}
    </nav>
  );
}
