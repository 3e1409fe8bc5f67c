import { createContext, useContext, type MouseEvent, type ReactNode } from 'react';

/**
 * What the library hands a host's link renderer: spread it onto the router's link component (`href` is already
 * a safe URL from the host's own href function). `onClick` is the library's handler: it prevents the default only
 * when the host also gave an open callback (`onUserOpen`, `onNavigate`, …), so a router link that checks
 * `event.defaultPrevented` (React Router's and Next's `Link` do) navigates client-side on every other plain click.
 */
export interface LinkRenderProps {
  /** The URL, from the host's href function (`getUserHref`, `getTraceHref`, `navigation.*.href`). */
  href: string;
  /** The link's content. */
  children: ReactNode;
  /** The library's class names (styling). */
  className?: string;
  /** The library's click handler; call it first (routers' links do when it is passed as `onClick`). */
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
  /** `-1` for links inside a grid, whose active cell is the tab stop. */
  tabIndex?: number;
  /** Hover text (e.g. a cut-off name in full). */
  title?: string;
  /** Accessible name when it differs from the text. */
  'aria-label'?: string;
  /** The library's slot name (tests and styling hooks). */
  'data-slot'?: string;
}

/**
 * Renders a link with the host's router, e.g. React Router: `({ href, ...rest }) => <Link to={href} {...rest} />`,
 * Next: `(props) => <Link {...props} />`. It must render an anchor with the given props.
 */
export type RenderLink = (props: LinkRenderProps) => ReactNode;

const LinkContext = createContext<RenderLink | null>(null);

/** Props of {@link LinkProvider}. */
export interface LinkProviderProps {
  /** The host's link renderer; when omitted, an outer provider's (or a plain `<a>`) stays in use. */
  renderLink?: RenderLink;
  /** The tree whose user and trace links use it. */
  children: ReactNode;
}

/**
 * Gives every user and trace link below it the host's link renderer (the pages and tables take it as their
 * `renderLink` prop; wrap a page composed from components in it once).
 */
export function LinkProvider({ renderLink, children }: LinkProviderProps) {
  const outer = useContext(LinkContext);
  return <LinkContext.Provider value={renderLink ?? outer}>{children}</LinkContext.Provider>;
}

/** A user or trace link: the nearest {@link LinkProvider}'s renderer, else a plain `<a>`. */
export function HostLink(props: LinkRenderProps) {
  const renderLink = useContext(LinkContext);
  if (renderLink) return <>{renderLink(props)}</>;
  const { children, ...rest } = props;
  return <a {...rest}>{children}</a>;
}
