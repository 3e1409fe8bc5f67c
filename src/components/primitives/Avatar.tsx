import type { User } from '../../core/model';
import { oneLineText } from './display-text';

/** Number of `--us-color-chart-*` colours avatars cycle through. */
const PALETTE_SIZE = 5;

/** The first letter or digit of a word (skipping punctuation such as the "(" of "(EMEA)"). */
function firstGrapheme(word: string): string {
  return Array.from(word).find((c) => /[\p{L}\p{N}]/u.test(c)) ?? '';
}

/**
 * One or two initials for a user: first and last word of the display name, else of the email's local part
 * (split on `.`, `_`, `-`), else the first character of the id. Upper-cased in `locale`.
 */
export function initialsOf(user: Pick<User, 'id' | 'displayName' | 'email'>, locale = 'en-US'): string {
  const name = oneLineText(user.displayName ?? '');
  const source = name || user.email?.split('@')[0]?.trim() || '';
  const words = source.split(name ? /\s+/u : /[\s._-]+/u).filter((w) => /\p{L}|\p{N}/u.test(w));
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const initials = first ? firstGrapheme(first) + (last ? firstGrapheme(last) : '') : firstGrapheme(user.id) || '?';
  return initials.toLocaleUpperCase(locale);
}

/** A stable palette slot (1..5) for an id, so a user keeps their colour everywhere. */
export function avatarColorIndex(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return (Math.abs(hash) % PALETTE_SIZE) + 1;
}

/** Props of {@link Avatar}. */
export interface AvatarProps {
  /** Whose initials to show. */
  user: Pick<User, 'id' | 'displayName' | 'email'>;
  /** Locale for upper-casing. Default `en-US`. */
  locale?: string;
  /** `sm` (28 px, list rows), `md` (40 px) or `lg` (56 px, the user header). Default `lg`. */
  size?: 'sm' | 'md' | 'lg';
}

/**
 * Initials on a colour picked from the chart palette by the user's id. Decorative (`aria-hidden`): the name next
 * to it carries the meaning.
 */
export function Avatar({ user, locale = 'en-US', size = 'lg' }: AvatarProps) {
  return (
    <span
      className="us-avatar"
      data-slot="avatar"
      data-size={size}
      data-color={avatarColorIndex(user.id)}
      aria-hidden="true"
    >
      {initialsOf(user, locale)}
    </span>
  );
}
