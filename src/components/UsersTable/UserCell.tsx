import type { MouseEvent } from 'react';
import type { User } from '../../core/model';
import { safeHref } from '../primitives/safe-href';

/** How a user is opened from the table: a real link, a callback, or both (the callback takes plain clicks). */
export interface UserLink {
  /** URL of the user's detail page; only `http(s):` and relative URLs are rendered. */
  getUserHref?: (user: User) => string | null | undefined;
  /** Called when the user is opened by a plain click, a row click or Enter. */
  onUserOpen?: (user: User) => void;
}

/** True for a primary click without modifier keys, the only click a callback may take over from a link. */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** The user's visible name: display name, else id. */
function userName(user: User): string {
  return user.displayName?.trim() ? user.displayName : user.id;
}

function initials(name: string): string {
  const parts = name.split(/[\s._@-]+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [name];
  return letters.map((p) => Array.from(p as string)[0] ?? '').join('').toUpperCase();
}

/** Hue 0..359 from the user id, so a user's avatar keeps its colour everywhere. */
function hue(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) % 360;
  return h;
}

/**
 * The user column: initials avatar, name (as a link when `getUserHref` gives a safe URL, else a button when
 * `onUserOpen` is set) and the email or id below. All user text is rendered as text.
 */
export function UserCell({ user, link }: { user: User; link: UserLink }) {
  const name = userName(user);
  const secondary = user.email?.trim() ? user.email : name === user.id ? undefined : user.id;
  const href = safeHref(link.getUserHref?.(user));
  const open = link.onUserOpen;
  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (open && isPlainClick(event)) {
      event.preventDefault();
      open(user);
    }
  };
  return (
    <span className="us-user-cell" data-slot="user-cell">
      <span className="us-user-cell__avatar" aria-hidden="true" style={{ ['--us-avatar-hue' as string]: hue(user.id) }}>
        {initials(name)}
      </span>
      <span className="us-user-cell__text">
        {href ? (
          <a className="us-user-cell__name" href={href} tabIndex={-1} onClick={onLinkClick} data-slot="user-link">
            {name}
          </a>
        ) : open ? (
          <button type="button" className="us-user-cell__name" tabIndex={-1} onClick={() => open(user)} data-slot="user-link">
            {name}
          </button>
        ) : (
          <span className="us-user-cell__name">{name}</span>
        )}
        {secondary ? <span className="us-user-cell__secondary">{secondary}</span> : null}
      </span>
    </span>
  );
}
