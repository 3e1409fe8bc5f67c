/**
 * What the main thread went through while a provider loaded: its busy time (event-loop utilisation, so work in a
 * worker does not count), its longest task and its total blocking time (the sum over tasks of their time above
 * 50 ms, as Lighthouse's TBT), seen by a 1 ms timer whose late ticks reveal the tasks that held the thread.
 */
import { performance } from 'node:perf_hooks';

const LONG_TASK_MS = 50;

/** Starts watching; `stop()` returns `{ busyMs, longestTaskMs, blockingMs, longTasks }`. */
export function watchMainThread() {
  const elu = performance.eventLoopUtilization();
  let last = performance.now();
  let longest = 0;
  let blocking = 0;
  let longTasks = 0;
  const record = () => {
    const now = performance.now();
    const gap = now - last - 1;
    last = now;
    longest = Math.max(longest, gap);
    if (gap > LONG_TASK_MS) {
      blocking += gap - LONG_TASK_MS;
      longTasks++;
    }
  };
  const timer = setInterval(record, 1);
  return {
    stop() {
      record();
      clearInterval(timer);
      const used = performance.eventLoopUtilization(elu);
      return { busyMs: used.active, longestTaskMs: longest, blockingMs: blocking, longTasks };
    },
  };
}
