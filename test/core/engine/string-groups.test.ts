import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupStrings, hashString, indexStrings, type StringGroups } from '../../../src/core/engine/string-groups';

/** Two pairs of distinct strings with equal FNV-1a hashes: the comparisons, not the hashes, must tell them apart. */
const COLLIDING = [
  ['id-149599', 'id-312382'],
  ['id-149598', 'id-312383'],
] as const;

/** Values drawn from a few strings (the colliding ones included) and a few non-strings. */
const values = fc.array(fc.oneof(fc.constantFrom('a', 'b', '', 'ab', ...COLLIDING.flat()), fc.constantFrom(undefined, null, 7)), {
  maxLength: 60,
});

/** The naive reference: the first position of each distinct string, by a plain loop over a `Map`. */
function firstPositions(list: readonly unknown[]): Map<string, number> {
  const first = new Map<string, number>();
  list.forEach((v, p) => {
    if (typeof v === 'string' && !first.has(v)) first.set(v, p);
  });
  return first;
}

describe('string groups', () => {
  it('the colliding pairs collide', () => {
    for (const [a, b] of COLLIDING) expect(hashString(a)).toBe(hashString(b));
  });

  it('groups equal strings, and only them, with each group\'s first position and string', () => {
    fc.assert(
      fc.property(values, (list) => {
        // Two keys read together: the values, and the values in reverse.
        const reversed = list.slice().reverse();
        const groupings = groupStrings(list.length, [(p) => list[p], (p) => reversed[p]]);
        [list, reversed].forEach((values, j) => {
          const { groupOf, firstOf, keys } = groupings[j] as StringGroups;
          const first = firstPositions(values);
          expect(firstOf.length).toBe(first.size);
          expect(keys.length).toBe(first.size);
          values.forEach((v, p) => {
            if (typeof v !== 'string') return expect(groupOf[p]).toBe(-1);
            const g = groupOf[p] as number;
            expect(keys[g]).toBe(v);
            expect(firstOf[g]).toBe(first.get(v));
          });
        });
      }),
    );
  });

  it('finds the first position of a string, and the first repeated string', () => {
    fc.assert(
      fc.property(values, (list) => {
        const index = indexStrings(list.length, (p) => list[p]);
        const first = firstPositions(list);
        for (const key of ['a', 'b', '', 'ab', 'zz', ...COLLIDING.flat()]) expect(index.get(key)).toBe(first.get(key));
        const repeat = list.findIndex((v, p) => typeof v === 'string' && (first.get(v) as number) < p);
        expect(index.firstRepeat).toBe(repeat);
      }),
    );
  });

  it('tells colliding ids apart: no repeat, each found at its own position', () => {
    const ids = ['x', ...COLLIDING.flat(), 'y'];
    const index = indexStrings(ids.length, (p) => ids[p]);
    expect(index.firstRepeat).toBe(-1);
    ids.forEach((id, p) => expect(index.get(id)).toBe(p));
    expect(index.get(7 as unknown as string)).toBeUndefined();
  });
});
