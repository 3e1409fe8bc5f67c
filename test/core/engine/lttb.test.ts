import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lttb, lttbWithGaps } from '../../../src/core/engine/lttb';

const RUNS = { numRuns: 1000 };

interface Point {
  x: number;
  y: number;
}

/** Interior bucket `b` of LTTB over `n` points into `threshold` picks: the indices `[start, end)`, written plainly. */
function bucketIndices(n: number, threshold: number, b: number): number[] {
  const size = (n - 2) / (threshold - 2);
  const out: number[] = [];
  for (let i = Math.floor(b * size) + 1; i < Math.floor((b + 1) * size) + 1; i++) out.push(i);
  return out;
}

function triangleArea(a: Point, b: Point, c: Point): number {
  return Math.abs((a.x - c.x) * (b.y - a.y) - (a.x - b.x) * (c.y - a.y));
}

function average(points: Point[]): Point {
  return { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
}

/**
 * Naive LTTB over point objects: the textbook definition with explicit buckets. The last interior bucket's "next
 * bucket" is the final point.
 */
function referenceLttb(points: Point[], threshold: number): number[] {
  const n = points.length;
  if (n <= 2 || threshold >= n) return points.map((_, i) => i);
  if (threshold < 3) return [0, n - 1];
  const buckets = Array.from({ length: threshold - 2 }, (_, b) => bucketIndices(n, threshold, b));
  const picks = [0];
  buckets.forEach((bucket, b) => {
    const nextBucket = b + 1 < buckets.length ? (buckets[b + 1] as number[]) : [n - 1];
    const next = average(nextBucket.map((i) => points[i] as Point));
    const previous = points[picks[picks.length - 1] as number] as Point;
    let best = bucket[0] as number;
    let bestArea = -1;
    for (const i of bucket) {
      const area = triangleArea(previous, points[i] as Point, next);
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    picks.push(best);
  });
  picks.push(n - 1);
  return picks;
}

/** Ascending x (with repeats), y from a small grid (many ties) or any finite double. */
const arbSeries = fc
  .array(fc.record({ dx: fc.integer({ min: 0, max: 3 }), y: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })) }), {
    maxLength: 300,
  })
  .map((rows) => {
    let x = 1_700_000_000_000;
    return rows.map((r) => ({ x: (x += r.dx * 3_600_000), y: r.y }));
  });

const columns = (points: Point[]) => ({ xs: Float64Array.from(points, (p) => p.x), ys: Float64Array.from(points, (p) => p.y) });

describe('lttb', () => {
  it('matches the naive reference for any series and threshold', () => {
    fc.assert(
      fc.property(arbSeries, fc.integer({ min: 0, max: 320 }), (points, threshold) => {
        const { xs, ys } = columns(points);
        expect([...lttb(xs, ys, threshold)]).toEqual(referenceLttb(points, threshold));
      }),
      RUNS,
    );
  });

  it('keeps the first and last point, in order, with min(n, max(2, threshold)) points', () => {
    fc.assert(
      fc.property(arbSeries, fc.integer({ min: 0, max: 320 }), (points, threshold) => {
        const { xs, ys } = columns(points);
        const picked = [...lttb(xs, ys, threshold)];
        const n = points.length;
        expect(picked.length).toBe(Math.min(n, Math.max(2, threshold)));
        if (n > 0) {
          expect(picked[0]).toBe(0);
          expect(picked[picked.length - 1]).toBe(n - 1);
        }
        for (let i = 1; i < picked.length; i++) expect(picked[i]).toBeGreaterThan(picked[i - 1] as number);
      }),
      RUNS,
    );
  });

  it('picks, in every bucket, a point of that bucket with the largest triangle', () => {
    fc.assert(
      fc.property(
        arbSeries.filter((p) => p.length >= 4),
        fc.integer({ min: 3, max: 300 }),
        (points, wanted) => {
          const n = points.length;
          const threshold = Math.min(wanted, n - 1);
          const picked = [...lttb(columns(points).xs, columns(points).ys, threshold)];
          for (let b = 0; b < threshold - 2; b++) {
            const bucket = bucketIndices(n, threshold, b);
            const pick = picked[b + 1] as number;
            expect(bucket).toContain(pick);
            const next = average((b + 1 < threshold - 2 ? bucketIndices(n, threshold, b + 1) : [n - 1]).map((i) => points[i] as Point));
            const previous = points[picked[b] as number] as Point;
            const area = triangleArea(previous, points[pick] as Point, next);
            for (const i of bucket) expect(triangleArea(previous, points[i] as Point, next)).toBeLessThanOrEqual(area);
          }
        },
      ),
      RUNS,
    );
  });

  it('downsamples 100k points to 1000 quickly', () => {
    const n = 100_000;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = i;
      ys[i] = Math.sin(i / 500) + (i % 7) / 10;
    }
    const started = performance.now();
    const picked = lttb(xs, ys, 1000);
    expect(picked.length).toBe(1000);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

/** Like {@link arbSeries} with some unknown values. */
const arbGappySeries = fc
  .array(fc.record({ gap: fc.boolean(), y: fc.integer({ min: -5, max: 5 }) }), { maxLength: 300 })
  .map((rows) => rows.map((r, i) => ({ x: i * 3_600_000, y: r.gap ? Number.NaN : r.y })));

/** Runs `[start, end)` of known (`false`) or unknown (`true`) values. */
function runsOf(points: Point[]): { start: number; end: number; unknown: boolean }[] {
  const out: { start: number; end: number; unknown: boolean }[] = [];
  points.forEach((p, i) => {
    const unknown = Number.isNaN(p.y);
    const last = out[out.length - 1];
    if (last && last.unknown === unknown) last.end = i + 1;
    else out.push({ start: i, end: i + 1, unknown });
  });
  return out;
}

describe('lttbWithGaps', () => {
  it('equals lttb on a series without gaps', () => {
    fc.assert(
      fc.property(arbSeries, fc.integer({ min: 2, max: 320 }), (points, threshold) => {
        const { xs, ys } = columns(points);
        expect([...lttbWithGaps(xs, ys, threshold)]).toEqual([...lttb(xs, ys, threshold)]);
      }),
      RUNS,
    );
  });

  it('keeps each gap as its first index and the ends of each known run, within the size bound', () => {
    fc.assert(
      fc.property(arbGappySeries, fc.integer({ min: 0, max: 320 }), (points, threshold) => {
        const { xs, ys } = columns(points);
        const picked = [...lttbWithGaps(xs, ys, threshold)];
        const runs = runsOf(points);
        if (threshold >= points.length) {
          expect(picked).toEqual(points.map((_, i) => i));
          return;
        }
        for (let i = 1; i < picked.length; i++) expect(picked[i]).toBeGreaterThan(picked[i - 1] as number);
        const unknownPicked = picked.filter((i) => Number.isNaN(points[i]?.y));
        expect(unknownPicked).toEqual(runs.filter((r) => r.unknown).map((r) => r.start));
        for (const run of runs.filter((r) => !r.unknown)) {
          expect(picked).toContain(run.start);
          expect(picked).toContain(run.end - 1);
        }
        const knownRuns = runs.filter((r) => !r.unknown).length;
        expect(picked.length).toBeLessThanOrEqual(threshold + 2 * knownRuns + (runs.length - knownRuns));
      }),
      RUNS,
    );
  });
});
