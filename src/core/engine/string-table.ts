/**
 * An open-addressing hash table of strings held by position, on one typed array: a slot stores a position and the
 * key's hash side by side (one cache line read per probe), the key itself is read back through `keyAt(position)` and
 * compared only when the hashes match. No per-entry allocation: a million trace ids cost one typed array of 16 MB
 * instead of a million `Map` entries.
 * @module
 */

/** FNV-1a over the UTF-16 code units of `s`, as a signed 32-bit integer. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Strings by position: `add` while building, `get` to look up. */
export interface StringTable {
  /**
   * Adds `key` (the key of `position`) unless an equal key is already held; returns the position holding the equal
   * key, or `-1` when `key` was added.
   */
  add(key: string, position: number): number;
  /** The position holding `key`, `undefined` when none does (or when `key` is not a string). */
  get(key: string): number | undefined;
}

/**
 * A table for at most `capacity` keys; `keyAt(position)` gives back the key added with `position` (the table keeps
 * only positions and hashes). Callers size it by the number of rows; adding more than `capacity` keys throws.
 */
export function createStringTable(capacity: number, keyAt: (position: number) => string): StringTable {
  let size = 16;
  while (size < 2 * capacity) size *= 2;
  const mask = size - 1;
  // slots[2 * s] = position + 1 (0: empty), slots[2 * s + 1] = hash
  const slots = new Int32Array(2 * size);
  let count = 0;
  return {
    add(key, position) {
      const h = hashString(key);
      let slot = h & mask;
      for (;;) {
        const held = (slots[2 * slot] as number) - 1;
        if (held < 0) {
          if (count === capacity) throw new Error(`string table: more than ${capacity} keys`);
          count++;
          slots[2 * slot] = position + 1;
          slots[2 * slot + 1] = h;
          return -1;
        }
        if (slots[2 * slot + 1] === h && keyAt(held) === key) return held;
        slot = (slot + 1) & mask;
      }
    },
    get(key) {
      if (typeof key !== 'string') return undefined;
      const h = hashString(key);
      let slot = h & mask;
      for (;;) {
        const held = (slots[2 * slot] as number) - 1;
        if (held < 0) return undefined;
        if (slots[2 * slot + 1] === h && keyAt(held) === key) return held;
        slot = (slot + 1) & mask;
      }
    },
  };
}
