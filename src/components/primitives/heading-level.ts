/**
 * The one heading-level type of every public component's `headingLevel` prop.
 * @module
 */

/**
 * A level of the document outline: the component's own heading is `h<level>`, headings inside it go one level below
 * (never past `h6`).
 */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** The level `depth` below `level`, kept at 6 at most (an `h6` has no level under it). */
export function headingBelow(level: HeadingLevel, depth = 1): HeadingLevel {
  return Math.min(6, level + depth) as HeadingLevel;
}
