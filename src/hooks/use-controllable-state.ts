import { useCallback, useRef, useState } from 'react';

/** A next value, or a function of the current value (as React's and TanStack's setters accept). */
export type Updater<T> = T | ((previous: T) => T);

/** The Radix-style trio of a controllable piece of state. */
export interface ControllableStateOptions<T> {
  /** Controlled value; when defined the component never changes it on its own. */
  value: T | undefined;
  /** Initial value when uncontrolled. */
  defaultValue: T;
  /** Called with every new value, controlled or not. */
  onChange?: (value: T) => void;
}

/** The value an updater gives when applied to `previous`. */
export function resolveUpdater<T>(updater: Updater<T>, previous: T): T {
  return typeof updater === 'function' ? (updater as (previous: T) => T)(previous) : updater;
}

/**
 * State that is controlled when `value` is defined and uncontrolled otherwise (Radix's `value` / `defaultValue` /
 * `onValueChange` pattern). The setter accepts a value or an updater and always calls `onChange`.
 */
export function useControllableState<T>({ value, defaultValue, onChange }: ControllableStateOptions<T>): [T, (next: Updater<T>) => void] {
  const [own, setOwn] = useState<T>(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  const latest = useRef({ current, controlled, onChange });
  latest.current = { current, controlled, onChange };

  const set = useCallback((next: Updater<T>) => {
    const { current: previous, controlled: isControlled, onChange: notify } = latest.current;
    const resolved = resolveUpdater(next, previous);
    if (Object.is(resolved, previous)) return;
    if (!isControlled) setOwn(resolved);
    // Later calls in the same tick build on this value, even when controlled and the owner has not re-rendered
    // yet; the next render resets it to the owner's value.
    latest.current = { ...latest.current, current: resolved };
    notify?.(resolved);
  }, []);
  return [current, set];
}
