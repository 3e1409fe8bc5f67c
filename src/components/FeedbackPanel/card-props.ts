import { type HeadingLevel } from '../primitives/heading-level';
import type { FeedbackOverview } from '../../core/results';
import type { FeedbackPanelLabels } from './labels';

/** What every card of the feedback panel takes: the overview it draws, its heading level, locale and strings. */
export interface FeedbackCardProps {
  /** The user's feedback overview for the range. */
  overview: FeedbackOverview;
  /** Heading level of the card title. */
  headingLevel: HeadingLevel;
  /** Locale. */
  locale: string;
  /** Strings. */
  labels: FeedbackPanelLabels;
}
