/**
 * Work deferred until the thread is idle, in one queue: work scheduled later runs later.
 * @module
 */

/** A `requestIdleCallback` (browsers' main thread). */
type IdleScheduler = (work: () => void, options: { timeout: number }) => unknown;

/**
 * Runs `work` once the thread is idle: through `requestIdleCallback` where there is one (at the latest after 1 s),
 * else on a timer after the current task (a worker, Node; the timer does not keep Node running). Both run their
 * callbacks in the order they were scheduled, so waiting on `whenIdle` waits for the idle work scheduled before.
 */
export function whenIdle(work: () => void): void {
  const requestIdle = (globalThis as { requestIdleCallback?: IdleScheduler }).requestIdleCallback;
  if (requestIdle) {
    requestIdle(work, { timeout: 1000 });
    return;
  }
  const timer: { unref?: () => void } = setTimeout(work, 0);
  timer.unref?.();
}
