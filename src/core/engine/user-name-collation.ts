/**
 * The collation of the users list's `user` sort key: ICU's English collation with its default options, exactly as
 * `new Intl.Collator('en').compare` orders strings (letters before accents before case, lower case first,
 * punctuation and spaces not ignored, digits compared one by one). DuckDB's `COLLATE en` and ClickHouse's
 * `COLLATE 'en'` are the same ICU collation, so the server orders names the same way.
 *
 * Sorting 100k names with the collator's `compare` alone costs about three times a code-unit sort. So names of
 * printable ASCII first compare by two numbers packing the collator's primary weights of their first 14 characters
 * (see {@link primaryPrefix}); only names that tie there, or that hold any other character, go to the collator.
 * @module
 */

/** The locale of the `user` sort's collation. */
export const USER_NAME_LOCALE = 'en';

/** First and last printable ASCII code. */
const FIRST = 0x20;
const LAST = 0x7e;

/** Characters packed per number: 7 × 7 bits stay exact in a double. */
const PER_NUMBER = 7;
/** 2^7: each character's primary weight is below it. */
const RADIX = 128;

let primaryWeights: Uint8Array | null = null;

/**
 * The primary weight (from 1; 0 outside printable ASCII) of each printable ASCII character in the runtime's `en`
 * collation, read from the collator itself (letters of either case share one). Each of these characters is one
 * collation element (no contractions or expansions in `en`), so a printable-ASCII string's primary weights are its
 * characters' weights, in order.
 */
function asciiPrimaryWeights(): Uint8Array {
  if (primaryWeights) return primaryWeights;
  const full = new Intl.Collator(USER_NAME_LOCALE).compare;
  const base = new Intl.Collator(USER_NAME_LOCALE, { sensitivity: 'base' }).compare;
  const chars: string[] = [];
  for (let c = FIRST; c <= LAST; c++) chars.push(String.fromCharCode(c));
  chars.sort(full);
  const weights = new Uint8Array(RADIX);
  let weight = 1;
  chars.forEach((ch, i) => {
    if (i > 0 && base(chars[i - 1], ch) !== 0) weight++;
    weights[ch.charCodeAt(0)] = weight;
  });
  primaryWeights = weights;
  return weights;
}

/**
 * Writes into `out[2u]`, `out[2u + 1]` the primary weights of the first 14 characters of `s` (7 per number, 0 past
 * the end: a shorter string's end sorts before any character, as in the collation) and returns true, when `s` is
 * printable ASCII (U+0020–U+007E) only; returns false otherwise. Two such strings whose numbers differ are in the
 * order of their numbers; equal numbers say nothing.
 */
export function primaryPrefix(s: string, out: Float64Array, u: number): boolean {
  const weights = asciiPrimaryWeights();
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < FIRST || c > LAST) return false;
    if (i < PER_NUMBER) hi = hi * RADIX + weights[c];
    else if (i < 2 * PER_NUMBER) lo = lo * RADIX + weights[c];
  }
  for (let i = s.length; i < PER_NUMBER; i++) hi *= RADIX;
  for (let i = Math.max(s.length, PER_NUMBER); i < 2 * PER_NUMBER; i++) lo *= RADIX;
  out[2 * u] = hi;
  out[2 * u + 1] = lo;
  return true;
}

/**
 * The order of user positions by name in the `en` collation ({@link USER_NAME_LOCALE}), equal names by user id
 * (code units) ascending.
 */
export function collateUserNames(names: readonly string[], ids: readonly string[]): Int32Array {
  const compare = new Intl.Collator(USER_NAME_LOCALE).compare;
  const prefix = new Float64Array(2 * names.length);
  const keyed = Uint8Array.from(names, (name, u) => (primaryPrefix(name, prefix, u) ? 1 : 0));
  const order = Int32Array.from(names, (_, u) => u);
  order.sort((a, b) => {
    if (keyed[a] & keyed[b]) {
      const ha = prefix[2 * a];
      const hb = prefix[2 * b];
      if (ha !== hb) return ha < hb ? -1 : 1;
      const la = prefix[2 * a + 1];
      const lb = prefix[2 * b + 1];
      if (la !== lb) return la < lb ? -1 : 1;
    }
    const c = compare(names[a], names[b]);
    if (c !== 0) return c;
    return ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0;
  });
  return order;
}
