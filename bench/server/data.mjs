/**
 * Bench data for the server: the synthetic dataset of bench/lib (skewed traffic, plan/tier/region metadata), produced
 * in chunks of at most 1M traces so 10M traces never sit in memory as objects at once. Chunk k renames its traces
 * and feedback (`trace-k-i`); the users come once, from chunk 0.
 */
import { syntheticDataset } from '../lib/dataset.mjs';

export const DAY = 86_400_000;
export const END = Date.UTC(2025, 2, 1);
export const DAYS = 45;

/** Yields `{ users, traces, feedback }` chunks adding up to `traceCount` traces over `userCount` users. */
export function* chunks({ userCount, traceCount, chunkSize = 1_000_000 }) {
  for (let k = 0; k * chunkSize < traceCount; k++) {
    const n = Math.min(chunkSize, traceCount - k * chunkSize);
    const data = syntheticDataset({ userCount, traceCount: n, days: DAYS, end: END, seed: 42 + k });
    if (k > 0) {
      for (const t of data.traces) t.id = `trace-${k}-${t.id.slice('trace-'.length)}`;
      for (const f of data.feedback) {
        f.id = `fb-${k}-${f.id.slice('fb-'.length)}`;
        f.traceId = `trace-${k}-${f.traceId.slice('trace-'.length)}`;
      }
    }
    yield { users: k === 0 ? data.users : [], traces: data.traces, feedback: data.feedback };
  }
}
