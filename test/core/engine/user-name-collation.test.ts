import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collateUserNames, primaryPrefix, USER_NAME_LOCALE } from '../../../src/core/engine/user-name-collation';

/** The naive reference: the collator itself, equal names by id. */
function referenceOrder(names: readonly string[], ids: readonly string[]): number[] {
  const compare = new Intl.Collator(USER_NAME_LOCALE).compare;
  return names.map((_, u) => u).sort((a, b) => compare(names[a], names[b]) || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
}

const printable: string[] = [];
for (let c = 0x20; c <= 0x7e; c++) printable.push(String.fromCharCode(c));

describe('user name collation', () => {
  it('orders every printable-ASCII string of up to two characters as Intl.Collator("en") does', () => {
    const names = ['', ...printable, ...printable.flatMap((a) => printable.map((b) => a + b))];
    const ids = names.map((_, i) => `u${String(i).padStart(5, '0')}`);
    expect(Array.from(collateUserNames(names, ids))).toEqual(referenceOrder(names, ids));
  });

  it('primary prefixes never contradict the collator on random ASCII strings', () => {
    const compare = new Intl.Collator(USER_NAME_LOCALE).compare;
    const ascii = fc.string({ unit: fc.constantFrom(...printable, 'a', 'A', 'z', ' ', '-', '1'), maxLength: 20 });
    fc.assert(
      fc.property(ascii, ascii, (a, b) => {
        const out = new Float64Array(4);
        expect(primaryPrefix(a, out, 0) && primaryPrefix(b, out, 1)).toBe(true);
        const byPrefix = out[0] !== out[2] ? out[0] - out[2] : out[1] - out[3];
        if (byPrefix !== 0) expect(Math.sign(byPrefix)).toBe(Math.sign(compare(a, b)));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves names outside printable ASCII to the collator', () => {
    const out = new Float64Array(2);
    expect(primaryPrefix('Zoë', out, 0)).toBe(false);
    expect(primaryPrefix('a\tb', out, 0)).toBe(false);
    expect(primaryPrefix('plain name', out, 0)).toBe(true);
  });

  it('mixed ASCII and other names sort as the collator, equal names by id', () => {
    const name = fc.oneof(
      fc.string({ unit: fc.constantFrom(...printable), maxLength: 18 }),
      fc.string({ unit: fc.constantFrom('a', 'A', 'b', ' ', '-', '1', '2'), maxLength: 18 }),
      fc.string({ unit: fc.constantFrom('a', 'A', 'á', 'Ä', 'ß', 's', 'ø', 'o', 'é', 'E', ' ', '-', '日', '😀', '\u0301', '1', '2'), maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(name, { maxLength: 60 }), (names) => {
        const ids = names.map((_, i) => `id${(i * 7) % 11}-${i}`);
        expect(Array.from(collateUserNames(names, ids))).toEqual(referenceOrder(names, ids));
      }),
      { numRuns: 300 },
    );
  });

  it('puts accents after their letter and lower case before upper case (as AG Grid with accentedSort)', () => {
    const names = ['b', 'Á', 'a', 'A', 'á', 'B', 'user-2', 'user-10', 'Zoë', 'zoe'];
    const order = collateUserNames(names, names.map((_, i) => String(i)));
    expect(Array.from(order, (u) => names[u])).toEqual(['a', 'A', 'á', 'Á', 'b', 'B', 'user-10', 'user-2', 'zoe', 'Zoë']);
  });
});
