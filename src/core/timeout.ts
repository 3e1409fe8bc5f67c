/**
 * A deadline for one provider call: a signal that aborts when the caller's signal aborts or when `timeoutMs`
 * elapses, and the `ProviderError` that says which happened. Every network adapter bounds its calls with it.
 * @module
 */
import { ProviderError } from './errors';

/** Longest delay a timer can wait (2^31 − 1 ms, about 24.8 days); longer timeouts mean none. */
const MAX_TIMER_MS = 2_147_483_647;

/** A running deadline made by {@link startDeadline}. */
export interface Deadline {
  /** Aborts when the caller's signal aborts or the time is up; pass it to `fetch` and waits. */
  signal: AbortSignal;
  /** True once the time ran out (and the caller had not aborted first). */
  timedOut(): boolean;
  /** Stops the timer and detaches from the caller's signal; call it when the work settled. */
  clear(): void;
}

/**
 * Starts a deadline of `timeoutMs` (a number > 0; `Infinity`, or anything above 24.8 days, for none) over the caller's `signal`.
 * Nothing keeps running after `clear()`.
 */
export function startDeadline(signal: AbortSignal | undefined, timeoutMs: number): Deadline {
  const controller = new AbortController();
  let expired = false;
  const onAbort = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  const timer =
    timeoutMs <= MAX_TIMER_MS && !controller.signal.aborted
      ? setTimeout(() => {
          expired = true;
          controller.abort(new Error(`timed out after ${timeoutMs} ms`));
        }, timeoutMs)
      : undefined;
  return {
    signal: controller.signal,
    timedOut: () => expired && !signal?.aborted,
    clear: () => {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** `ProviderError('network')` saying that `label` timed out after `timeoutMs`; `option` names the setting to change. */
export function timeoutError(label: string, timeoutMs: number, option = 'timeoutMs'): ProviderError {
  return new ProviderError('network', `${label}: timed out after ${timeoutMs} ms (raise \`${option}\` to wait longer)`);
}

/**
 * Checks a `timeoutMs` option: a finite number > 0, or `Infinity` for no timeout.
 * @throws ProviderError `invalid-data` naming `field` (default `timeoutMs`).
 */
export function checkTimeoutMs(timeoutMs: unknown, field = 'timeoutMs'): number {
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || Number.isNaN(timeoutMs)) {
    throw new ProviderError('invalid-data', `${field}: expected a number of ms > 0 (or Infinity), got ${String(timeoutMs)}`, { field });
  }
  return timeoutMs;
}
