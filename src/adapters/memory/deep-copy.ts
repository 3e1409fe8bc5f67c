/**
 * Copies of internal records handed to callers, so a host mutating a result cannot corrupt the provider.
 * @module
 */

/**
 * A deep copy of plain objects and arrays; other values (primitives, class instances) are kept as they are.
 * Keys are defined as own data properties, so a key named `__proto__` stays a plain key.
 */
export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(source)) {
      const copy = deepCopy(source[key]);
      if (key === '__proto__') Object.defineProperty(out, key, { value: copy, writable: true, enumerable: true, configurable: true });
      else out[key] = copy;
    }
    return out as T;
  }
  return value;
}
