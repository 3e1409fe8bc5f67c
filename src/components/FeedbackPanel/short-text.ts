import { oneLineText, truncateText } from '../primitives/MetadataChip';

/** Longest feedback key, category, model or release name shown; longer ones end with "…". */
const MAX_SHORT_TEXT = 40;

/** Host- or user-supplied names (feedback keys, categories, models) as one short line of plain text. */
export function shortText(text: string): string {
  return truncateText(oneLineText(text), MAX_SHORT_TEXT);
}
