/**
 * Equal strings found without a hash table. Each string's FNV-1a hash is computed in one pass in position order
 * (the strings of rows sit near their rows in memory, so the reads stay local), the positions are radix-sorted by
 * hash (three 11-bit passes), and only strings of equal hash are compared. A hash table instead probes a random slot
 * per string and reads back the string it holds there: two or three cache misses per string at a million strings.
 * @module
 */

/** FNV-1a over the UTF-16 code units of `s`, as an unsigned 32-bit integer. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const DIGIT_BITS = 11;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;

/** The positions holding a string, by hash ascending, equal hashes by position; their hashes in that order. */
interface HashOrder {
  /** Positions holding a string. */
  order: Int32Array;
  /** `hash[k]` is the hash of the string at `order[k]`. */
  hash: Uint32Array;
}

/** Reads a key at a position: anything but a string is no string. */
type KeyAt = (position: number) => unknown;

/**
 * Hashes, in one pass over positions `0..count-1`, the strings each of `keyAts` gives (the fields of one row sit
 * together in memory, so a row is read once for all its keys), and orders each key's positions by hash.
 */
function hashOrders(count: number, keyAts: readonly KeyAt[]): HashOrder[] {
  const hashes = keyAts.map(() => new Uint32Array(count));
  const orders = keyAts.map(() => new Int32Array(count));
  const held = keyAts.map(() => 0);
  for (let p = 0; p < count; p++) {
    for (let j = 0; j < keyAts.length; j++) {
      const key = (keyAts[j] as KeyAt)(p);
      if (typeof key !== 'string') continue;
      const k = held[j] as number;
      (hashes[j] as Uint32Array)[k] = hashString(key);
      (orders[j] as Int32Array)[k] = p;
      held[j] = k + 1;
    }
  }
  return keyAts.map((_, j) => {
    const m = held[j] as number;
    return byHash((hashes[j] as Uint32Array).subarray(0, m), (orders[j] as Int32Array).subarray(0, m));
  });
}

/** `order` (positions, with their hashes `hash`) sorted by hash, stably: a radix sort of three 11-bit digits. */
function byHash(hash: Uint32Array, order: Int32Array): HashOrder {
  const m = order.length;
  let nextHash: Uint32Array = new Uint32Array(m);
  let nextOrder: Int32Array = new Int32Array(m);
  const start = new Int32Array(DIGIT_MASK + 2);
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    start.fill(0);
    for (let k = 0; k < m; k++) start[(((hash[k] as number) >>> shift) & DIGIT_MASK) + 1]++;
    for (let d = 0; d <= DIGIT_MASK; d++) start[d + 1] = (start[d + 1] as number) + (start[d] as number);
    for (let k = 0; k < m; k++) {
      const h = hash[k] as number;
      const at = start[(h >>> shift) & DIGIT_MASK]++;
      nextHash[at] = h;
      nextOrder[at] = order[k] as number;
    }
    [hash, nextHash] = [nextHash, hash];
    [order, nextOrder] = [nextOrder, order];
  }
  return { order, hash };
}

/**
 * The smallest position whose string equals the string at a smaller position, `-1` when every string is distinct.
 * Only strings of equal hash are compared (read back through `keyAt`).
 */
function firstRepeat(ho: HashOrder, keyAt: KeyAt): number {
  const { order, hash } = ho;
  const m = order.length;
  let repeat = -1;
  for (let k = 0; k < m; ) {
    let end = k + 1;
    while (end < m && hash[end] === hash[k]) end++;
    for (let q = k + 1; q < end; q++) {
      const p = order[q] as number;
      const key = keyAt(p);
      for (let first = k; first < q; first++) {
        if (keyAt(order[first] as number) !== key) continue;
        if (repeat < 0 || p < repeat) repeat = p;
        break;
      }
    }
    k = end;
  }
  return repeat;
}

/** Equal strings grouped: what {@link groupStrings} returns. */
export interface StringGroups {
  /** Group of each position, from 0; `-1` where there is no string. */
  groupOf: Int32Array;
  /** The smallest position of each group (its length is the number of groups). */
  firstOf: Int32Array;
  /** The string of each group. */
  keys: string[];
}

/** A key's groups while they are checked against the strings. */
interface Grouping {
  /** Group of each position, `-1` where there is no string. */
  groupOf: Int32Array;
  /** The smallest position of each group of one hash. */
  firstOf: Int32Array;
  /** The string of each group, once met. */
  keys: (string | undefined)[];
  /** Group of each string split off its hash's group. */
  split: Map<string, number> | undefined;
  /** The smallest position of each split-off group, in group order. */
  splitFirstOf: number[];
}

/**
 * One group per distinct hash of `ho`, numbered in hash order. The hash order keeps equal hashes in position order,
 * so each group's first position is where its run starts.
 */
function groupsByHash(count: number, ho: HashOrder): Grouping {
  const { order, hash } = ho;
  let groups = 0;
  for (let k = 0; k < order.length; k++) if (k === 0 || hash[k] !== hash[k - 1]) groups++;
  const groupOf = new Int32Array(count).fill(-1);
  const firstOf = new Int32Array(groups);
  for (let k = 0, g = -1; k < order.length; k++) {
    if (k === 0 || hash[k] !== hash[k - 1]) firstOf[++g] = order[k] as number;
    groupOf[order[k] as number] = g;
  }
  return { groupOf, firstOf, keys: new Array<string | undefined>(groups), split: undefined, splitFirstOf: [] };
}

/**
 * Groups, for each of `keyAts`, the strings it gives at positions `0..count-1` (anything but a string is none) by
 * equality, reading each row once for all keys. Groups are numbered in no particular order; `firstOf` gives each
 * one's first position. A group is first made of the strings of one hash; then, in position order (each string
 * read where it sits, next to the previous one), each string is compared with its group's first, and the rare
 * strings that differ (another string of the same hash) move to a group of their own.
 */
export function groupStrings(count: number, keyAts: readonly KeyAt[]): StringGroups[] {
  const groupings = hashOrders(count, keyAts).map((ho) => groupsByHash(count, ho));
  for (let p = 0; p < count; p++) {
    for (let j = 0; j < keyAts.length; j++) {
      const grouping = groupings[j] as Grouping;
      const g = grouping.groupOf[p] as number;
      if (g < 0) continue;
      const key = (keyAts[j] as KeyAt)(p) as string;
      const first = grouping.keys[g];
      if (first === undefined) grouping.keys[g] = key;
      else if (key !== first) {
        grouping.split ??= new Map();
        let own = grouping.split.get(key);
        if (own === undefined) {
          own = grouping.keys.length;
          grouping.split.set(key, own);
          grouping.splitFirstOf.push(p);
          grouping.keys.push(key);
        }
        grouping.groupOf[p] = own;
      }
    }
  }
  return groupings.map(({ groupOf, firstOf, keys, splitFirstOf }) => ({ groupOf, firstOf: appended(firstOf, splitFirstOf), keys: keys as string[] }));
}

/** `head` followed by `tail`; `head` itself when `tail` is empty. */
function appended(head: Int32Array, tail: readonly number[]): Int32Array {
  if (tail.length === 0) return head;
  const all = new Int32Array(head.length + tail.length);
  all.set(head);
  all.set(tail, head.length);
  return all;
}

/** Strings by position, for lookups: what {@link indexStrings} returns. */
export interface StringIndex {
  /** The smallest position holding `key`; `undefined` when none does (or when `key` is not a string). */
  get(key: string): number | undefined;
  /** The smallest position whose string equals one at a smaller position; `-1` when all strings are distinct. */
  firstRepeat: number;
}

/**
 * An index of the strings at positions `0..count-1` (`keyAt(p)`; anything but a string is none): look-ups by
 * string, and the first repeated one. It keeps the hashes in order (4 bytes per string), their positions (4 more)
 * and a directory by the hashes' leading bits, so a look-up reads one short run of hashes; the strings themselves are
 * read back through `keyAt`, which must keep giving the same strings.
 */
export function indexStrings(count: number, keyAt: KeyAt): StringIndex {
  const [ho] = hashOrders(count, [keyAt]) as [HashOrder];
  const { order, hash } = ho;
  const m = order.length;
  // Runs of the hash order by the leading `bits` bits of the hash: about one string per run.
  const bits = Math.min(20, Math.max(1, 31 - Math.clz32(m)));
  const shift = 32 - bits;
  const runStart = new Int32Array((1 << bits) + 1);
  for (let k = 0; k < m; k++) runStart[((hash[k] as number) >>> shift) + 1]++;
  for (let r = 0; r < 1 << bits; r++) runStart[r + 1] = (runStart[r + 1] as number) + (runStart[r] as number);
  return {
    firstRepeat: firstRepeat(ho, keyAt),
    get(key) {
      if (typeof key !== 'string') return undefined;
      const h = hashString(key);
      const run = h >>> shift;
      for (let k = runStart[run] as number, end = runStart[run + 1] as number; k < end; k++) {
        if (hash[k] === h && keyAt(order[k] as number) === key) return order[k] as number;
      }
      return undefined;
    },
  };
}
