import type { MouseEvent } from 'react';
import { isPlainClick } from './click-intent';
import { HostLink } from './HostLink';

/** Props of {@link OpenableName}. */
export interface OpenableNameProps {
  /** The visible name (rendered as text). */
  name: string;
  /** A safe URL (see `safeHref`): the name is a real link, so middle-click and copy-link work. */
  href: string | undefined;
  /** Opens the item: takes a link's plain clicks, or makes the name a button when there is no link. */
  onOpen: (() => void) | undefined;
  /** `data-slot` of the link or button (e.g. `user-link`), which the row clicks on Enter when it has no callback. */
  slot: string;
  /** The component's own class, next to the shared `us-cell-text__primary`. */
  className?: string;
}

/**
 * The name of a row's item in a list cell: a link when there is a URL (the host's `renderLink` when given; a plain
 * click goes to `onOpen` when both are given), else a button when there is `onOpen`, else plain text. Links and buttons are not tab stops: the grid's
 * active cell is, and Enter opens the row. The cell cuts a long name with an ellipsis, so the full name is its title.
 */
export function OpenableName({ name, href, onOpen, slot, className }: OpenableNameProps) {
  const classes = className ? `us-cell-text__primary ${className}` : 'us-cell-text__primary';
  if (href) {
    const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
      if (onOpen && isPlainClick(event)) {
        event.preventDefault();
        onOpen();
      }
    };
    return (
      <HostLink className={classes} href={href} tabIndex={-1} onClick={onClick} data-slot={slot} title={name}>
        {name}
      </HostLink>
    );
  }
  if (onOpen) {
    return (
      <button type="button" className={classes} tabIndex={-1} onClick={onOpen} data-slot={slot} title={name}>
        {name}
      </button>
    );
  }
  return (
    <span className={classes} title={name}>
      {name}
    </span>
  );
}
