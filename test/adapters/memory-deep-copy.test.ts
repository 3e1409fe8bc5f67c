import { describe, expect, it } from 'vitest';
import { deepCopy } from '../../src/adapters/memory/deep-copy';

describe('deepCopy (memory provider results)', () => {
  it('copies plain objects and arrays deeply, keeping key order', () => {
    const value = { b: 1, a: [1, { c: 'x', d: null }], e: { f: true, g: undefined } };
    const copy = deepCopy(value);
    expect(copy).toEqual(value);
    expect(Object.keys(copy)).toEqual(['b', 'a', 'e']);
    expect(copy.a).not.toBe(value.a);
    expect(copy.a[1]).not.toBe(value.a[1]);
    expect(copy.e).not.toBe(value.e);
    expect('g' in copy.e).toBe(true);
  });

  it('keeps a key named __proto__ as a plain own key, never as the prototype', () => {
    const value = JSON.parse('{"metadata":{"__proto__":{"polluted":1},"plan":"pro"}}') as { metadata: Record<string, unknown> };
    const copy = deepCopy(value);
    expect(Object.getPrototypeOf(copy.metadata)).toBe(Object.prototype);
    expect(Object.keys(copy.metadata)).toEqual(['__proto__', 'plan']);
    expect(Object.getOwnPropertyDescriptor(copy.metadata, '__proto__')?.value).toEqual({ polluted: 1 });
    expect(Object.getOwnPropertyDescriptor(copy.metadata, '__proto__')?.value).not.toBe(
      Object.getOwnPropertyDescriptor(value.metadata, '__proto__')?.value,
    );
    expect((copy.metadata as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('keeps class instances and null-prototype objects by reference', () => {
    const date = new Date(0);
    const bare = Object.create(null) as Record<string, unknown>;
    const copy = deepCopy({ date, bare });
    expect(copy.date).toBe(date);
    expect(copy.bare).toBe(bare);
  });
});
