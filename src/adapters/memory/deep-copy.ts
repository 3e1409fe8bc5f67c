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
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepCopy(v)])) as T;
  }
  return value;
}
