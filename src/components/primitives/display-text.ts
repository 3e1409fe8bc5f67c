/**
 * The one rule for showing user-supplied text (names, ids, emails, metadata, model names, keys, comments, server
 * messages): characters that could reorder, hide or fake what is shown are replaced by a space, then whitespace
 * collapses. Every component shows user text through {@link oneLineText} (directly, or via `formatLabel`).
 * @module
 */

/**
 * Control characters, bidi marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A–E, U+2066–9) and
 * invisible characters (zero-width space U+200B, word joiner and invisible operators U+2060–4, BOM U+FEFF, Mongolian
 * vowel separator U+180E, Hangul fillers). The zero-width joiners U+200C/D stay: emoji sequences and Persian or Indic
 * text need them.
 */
const UNSAFE = /[\p{Cc}\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u115F\u1160\u3164\uFFA0]+/gu;

/** User-supplied text made safe to show on one line: unsafe characters become spaces, whitespace collapses. */
export function oneLineText(text: string): string {
  return text.replace(UNSAFE, ' ').replace(/\s+/gu, ' ').trim();
}

/** Cuts `text` to `max` characters (code points), ending with "…" when cut. */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
