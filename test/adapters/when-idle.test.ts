/**
 * `whenIdle`: the memory provider defers the name order to it, and the worker's engine host waits on it before
 * `ready`, relying on the queue being first in, first out on both schedulers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from '../../src/adapters/memory/when-idle';

describe('whenIdle', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('runs work after the current task, in the order it was scheduled, without requestIdleCallback', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const ran: string[] = [];
    whenIdle(() => ran.push('first'));
    whenIdle(() => ran.push('second'));
    expect(ran).toEqual([]);
    await new Promise<void>((resolve) => whenIdle(resolve));
    expect(ran).toEqual(['first', 'second']);
  });

  it('uses requestIdleCallback where there is one, at the latest after 1 s', () => {
    const requestIdle = vi.fn();
    vi.stubGlobal('requestIdleCallback', requestIdle);
    const work = (): void => undefined;
    whenIdle(work);
    expect(requestIdle).toHaveBeenCalledWith(work, { timeout: 1000 });
  });
});
