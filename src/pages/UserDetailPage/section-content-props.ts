import type { UserDetailContext } from './sections';

/** Props of the built-in sections' content components. */
export interface SectionContentProps {
  /** The page state. */
  context: UserDetailContext;
}
