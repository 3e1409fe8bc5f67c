/** One link of {@link SectionNav}. */
export interface SectionNavLink {
  /** The section's anchor id. */
  anchorId: string;
  /** Link text. */
  title: string;
}

/** The in-page navigation: one plain fragment link per shown section, so it also works without JavaScript. */
export function SectionNav({ links, label }: { links: readonly SectionNavLink[]; label: string }) {
  return (
    <nav className="us-user-detail__nav" aria-label={label} data-slot="user-detail-nav">
      <ul className="us-user-detail__nav-list">
        {links.map((link) => (
          <li key={link.anchorId}>
            <a className="us-user-detail__nav-link" href={`#${link.anchorId}`}>
              {link.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
