import { useState } from 'react';

/**
 * Radix-style controllable state: controlled when `prop` is not `undefined`, otherwise held internally from
 * `defaultProp`. The setter calls `onChange` either way.
 */
export function useControllableState<T>(
  prop: T | undefined,
  defaultProp: T,
  onChange: ((value: T) => void) | undefined,
): [T, (next: T) => void] {
  const [uncontrolled, setUncontrolled] = useState(defaultProp);
  const controlled = prop !== undefined;
  const setValue = (next: T) => {
    if (!controlled) setUncontrolled(next);
    onChange?.(next);
  };
  return [controlled ? prop : uncontrolled, setValue];
}
