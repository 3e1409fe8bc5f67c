import type { User } from '../../core/model';
import { Avatar } from '../primitives/Avatar';
import { OpenableName } from '../primitives/OpenableName';
import { safeHref } from '../primitives/safe-href';
import { oneLineText } from '../primitives/display-text';

/** How a user is opened from the table: a real link, a callback, or both (the callback takes plain clicks). */
export interface UserLink {
  /** URL of the user's detail page; only `http(s):` and relative URLs are rendered. */
  getUserHref?: (user: User) => string | null | undefined;
  /** Called when the user is opened by a plain click, a row click or Enter. */
  onUserOpen?: (user: User) => void;
}

/** The user's visible name: display name, else id. */
function userName(user: User): string {
  const name = oneLineText(user.displayName ?? '');
  return name !== '' ? name : oneLineText(user.id);
}

/**
 * The user column: the initials avatar (same initials and colour as in the user's header), the name (as a link when
 * `getUserHref` gives a safe URL, else a button when `onUserOpen` is set) and the email or id below, each with its
 * full text as a title since the column cuts long ones. All user text is rendered as text.
 */
export function UserCell({ user, link, locale = 'en-US' }: { user: User; link: UserLink; locale?: string }) {
  const name = userName(user);
  const email = oneLineText(user.email ?? '');
  const id = oneLineText(user.id);
  const secondary = email !== '' ? email : name === id ? undefined : id;
  const open = link.onUserOpen;
  return (
    <span className="us-user-cell" data-slot="user-cell">
      <Avatar user={user} locale={locale} size="sm" />
      <span className="us-cell-text">
        <OpenableName
          name={name}
          href={safeHref(link.getUserHref?.(user))}
          onOpen={open ? () => open(user) : undefined}
          slot="user-link"
          className="us-user-cell__name"
        />
        {secondary ? (
          <span className="us-cell-text__secondary" title={secondary}>
            {secondary}
          </span>
        ) : null}
      </span>
    </span>
  );
}
