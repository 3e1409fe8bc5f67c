/**
 * Yielding the main thread between slices of work, so input and paint run in between.
 * @module
 */

type Resolve = () => void;
let channel: { port: MessagePort; waiting: Resolve[] } | undefined;

/**
 * Resolves after the host had a chance to run other tasks: `scheduler.yield()` where it exists, else `setImmediate`
 * (Node), else a `MessageChannel` message (no 4 ms timer clamp), else `setTimeout(0)`.
 */
export function yieldToHost(): Promise<void> {
  const g = globalThis as { scheduler?: { yield?: () => Promise<void> }; setImmediate?: (fn: Resolve) => unknown };
  if (typeof g.scheduler?.yield === 'function') return g.scheduler.yield();
  if (typeof g.setImmediate === 'function') {
    const setImmediateFn = g.setImmediate;
    return new Promise((resolve) => void setImmediateFn(resolve));
  }
  if (typeof MessageChannel === 'function') {
    if (!channel) {
      const { port1, port2 } = new MessageChannel();
      const state = { port: port2, waiting: [] as Resolve[] };
      port1.onmessage = () => state.waiting.shift()?.();
      channel = state;
    }
    const open = channel;
    return new Promise((resolve) => {
      open.waiting.push(resolve);
      open.port.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
