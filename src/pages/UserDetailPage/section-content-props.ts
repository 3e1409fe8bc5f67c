import { headingBelow, type HeadingLevel } from '../../components/primitives/heading-level';
import type { UserDetailContext } from './sections';

/** How a built-in section's content relates to the section's heading. */
export interface SectionHeading {
  /** Id of the section's heading: the section's `aria-labelledby` (`<anchor id>-title`). */
  titleId: string;
  /** Level of the section's heading. */
  level: HeadingLevel;
  /**
   * The content renders that heading itself, at the section's level: its own title (the user's name, the feedback
   * panel's title) is the section's, so nothing repeats it. False for content a host wraps (`defaultContent`), which
   * sits under the section's own heading.
   */
  contentTitle: boolean;
}

/** Props of the built-in sections' content components. */
export interface SectionContentProps {
  /** The page state. */
  context: UserDetailContext;
}

/** Props of the built-in content components that meet the section's heading (header, metrics, feedback). */
export interface HeadedSectionContentProps extends SectionContentProps {
  /** The section's heading. */
  heading: SectionHeading;
}

/**
 * The id and level a built-in content gives its own title (the user's name, the feedback panel's title): the
 * section's heading when `contentTitle`, else a heading one level below the section's. The page's `<section>` is
 * the one region either way, so the content's own `<section>` stays unnamed (see the components' `headingId`).
 */
export function contentTitleProps(heading: SectionHeading): { headingId: string; headingLevel: HeadingLevel } {
  if (heading.contentTitle) return { headingId: heading.titleId, headingLevel: heading.level };
  return { headingId: `${heading.titleId}-content`, headingLevel: headingBelow(heading.level) };
}
