import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isProviderError } from '../../../src/core/errors';
import type { Feedback, Trace } from '../../../src/core/model';
import { computeFeedback } from '../../../src/core/engine/feedback';
import { listComments } from '../../../src/core/engine/feedback-comments';
import { buildFeedbackIndex } from '../../../src/core/engine/feedback-index';
import { normaliseFeedback } from '../../../src/core/engine/feedback-normalise';
import type { MsRange } from '../../../src/core/engine/time';
import { buildTraceIndex } from '../../../src/core/engine/trace-index';
import { BASE_MS, MAIN_USER, datasetArb, granularityArb, rangeArb } from '../arbitraries-feedback';
import { assertDeepClose } from '../deep-close';
import { refComments, refFeedbackOverview, refNormalise } from '../reference-models';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const userArb = fc.constantFrom(MAIN_USER, MAIN_USER, 'u2', 'nobody');

function fb(id: string, key: string, value: Feedback['value'], extra: Partial<Feedback> = {}): Feedback {
  return { id, traceId: 't1', userId: MAIN_USER, key, value, createdAt: new Date(BASE_MS).toISOString(), ...extra };
}

function providerErrorOf(fn: () => unknown): { code: string; field: string | undefined } | null {
  try {
    fn();
  } catch (e) {
    if (isProviderError(e)) return { code: e.code, field: e.field };
    throw e;
  }
  return null;
}

describe('normaliseFeedback', () => {
  it('matches the reference and never mutates its input', () => {
    fc.assert(
      fc.property(datasetArb, ({ feedback }) => {
        const frozen = structuredClone(feedback);
        const got = normaliseFeedback(feedback);
        expect(feedback).toEqual(frozen);
        assertDeepClose(got, refNormalise(feedback));
        for (const f of got) if (typeof f.score === 'number') expect(f.score >= 0 && f.score <= 1).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('applies the normalisation table', () => {
    const input: Feedback[] = [
      fb('a1', 'thumbs', true),
      fb('a2', 'thumbs', false),
      fb('b1', 'rating', 1),
      fb('b2', 'rating', 4),
      fb('b3', 'rating', 5),
      fb('c1', 'nps', 0),
      fb('c2', 'nps', 7),
      fb('d1', 'prob', 0.25),
      fb('d2', 'prob', 1),
      fb('e1', 'binary', 0),
      fb('e2', 'binary', 1),
      fb('f1', 'latency', 20),
      fb('f2', 'latency', 70),
      fb('f3', 'latency', 120),
      fb('g1', 'half-stars', 1.5),
      fb('g2', 'half-stars', 4),
      fb('h1', 'only', 42),
      fb('i1', 'category', 'bug'),
      fb('j1', 'rating', 3, { score: 0.9 }),
      fb('k1', 'thumbs', true, { score: null }),
    ];
    const scores = Object.fromEntries(normaliseFeedback(input).map((f) => [f.id, f.score]));
    expect(scores).toEqual({
      a1: 1, a2: 0, // booleans
      b1: 0, b2: 0.75, b3: 1, j1: 0.9, // integers within 1..5 → (v − 1) / 4; a supplied score is kept
      c1: 0, c2: 0.7, // integers within 0..10 (min 0) → v / 10
      d1: 0.25, d2: 1, e1: 0, e2: 1, // all values in [0, 1] → as is
      f1: 0, f2: 0.5, f3: 1, // beyond 10 → min–max
      g1: 0, g2: 1, // not integers → min–max
      h1: 1, // single observed value → 1
      i1: null, // categories have no score
      k1: 1, // null counts as absent
    });
  });

  it('rejects a supplied score outside 0..1 and a non-finite value, naming the field', () => {
    expect(providerErrorOf(() => normaliseFeedback([fb('a', 'x', 1), fb('b', 'x', 3, { score: 1.5 })]))).toEqual({
      code: 'invalid-data',
      field: 'feedback[1].score',
    });
    expect(providerErrorOf(() => normaliseFeedback([fb('a', 'x', 1, { score: -0.1 })]))?.field).toBe('feedback[0].score');
    expect(providerErrorOf(() => normaliseFeedback([fb('a', 'x', 1, { score: Number.NaN })]))?.field).toBe('feedback[0].score');
    expect(providerErrorOf(() => normaliseFeedback([fb('a', 'x', Number.POSITIVE_INFINITY)]))?.field).toBe('feedback[0].value');
  });
});

describe('computeFeedback vs naive reference', () => {
  it('matches the reference on random datasets (all kinds, mixed keys, unknown traces, edges)', () => {
    fc.assert(
      fc.property(datasetArb, rangeArb, granularityArb, userArb, ({ traces, feedback }, range, g, userId) => {
        const normalised = normaliseFeedback(feedback);
        const idx = buildTraceIndex([], traces, normalised);
        const got = computeFeedback(buildFeedbackIndex(normalised), idx, userId, range, g);
        assertDeepClose(got, refFeedbackOverview(normalised, traces, userId, range, g));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('computeFeedback examples', () => {
  const day = { from: BASE_MS, to: BASE_MS + DAY };
  const trace = (id: string, startMs: number): Trace => ({ id, userId: MAIN_USER, startTime: new Date(startMs).toISOString(), latencyMs: 10, status: 'ok' });

  it('bins scores in tenths with the last bin closed, and counts positive ≥ 0.5 / negative < 0.5', () => {
    const scores = [0, 0.1, 0.3, 0.49, 0.5, 0.7, 0.9, 0.95, 1];
    const feedback = scores.map((s, i) => fb(`f${i}`, 'prob', s, { score: s }));
    const got = computeFeedback(buildFeedbackIndex(feedback), buildTraceIndex([], []), MAIN_USER, day, 'day');
    expect(got.histogram.map((b) => b.count)).toEqual([1, 1, 0, 1, 1, 1, 0, 1, 0, 3]);
    expect(got.histogram[9]).toEqual({ from: 0.9, to: 1, count: 3 });
    expect(got.histogram[3]).toMatchObject({ from: 0.3, to: 0.4 });
    expect(got.trend).toMatchObject([{ t: '2024-01-01T00:00:00.000Z', count: 9, positiveCount: 5, negativeCount: 4 }]);
    expect(got.trend[0]?.avgScore).toBeCloseTo(4.94 / 9, 12);
  });

  it('infers key kinds and counts categories; sorts keys by count then name', () => {
    const feedback = normaliseFeedback([
      fb('1', 'thumbs', true),
      fb('2', 'thumbs', false),
      fb('3', 'thumbs', true),
      fb('4', 'rating', 5),
      fb('5', 'rating', 3),
      fb('6', 'category', 'bug'),
      fb('7', 'category', 'bug'),
      fb('8', 'mixed', 1),
      fb('9', 'mixed', 'y'),
      fb('10', 'zeta', 'a'),
    ]);
    const got = computeFeedback(buildFeedbackIndex(feedback), buildTraceIndex([], []), MAIN_USER, day, 'day');
    expect(got.topKeys).toEqual([
      { key: 'thumbs', kind: 'boolean', count: 3, avgScore: 2 / 3, categories: { true: 2, false: 1 } },
      { key: 'category', kind: 'categorical', count: 2, avgScore: null, categories: { bug: 2 } },
      { key: 'mixed', kind: 'categorical', count: 2, avgScore: null, categories: { '1': 1, y: 1 } },
      { key: 'rating', kind: 'numeric', count: 2, avgScore: 0.75, categories: {} },
      { key: 'zeta', kind: 'categorical', count: 1, avgScore: null, categories: { a: 1 } },
    ]);
  });

  it('coverage counts traces started in range with feedback at any time, ignores feedback on unknown traces', () => {
    const traces = [trace('in1', BASE_MS + HOUR), trace('in2', BASE_MS + 2 * HOUR), trace('in3', BASE_MS + 3 * HOUR), trace('out', BASE_MS - HOUR)];
    const feedback = normaliseFeedback([
      fb('a', 'thumbs', true, { traceId: 'in1', createdAt: new Date(BASE_MS + 5 * DAY).toISOString() }), // after the range
      fb('b', 'thumbs', false, { traceId: 'in2', comment: '  ' }),
      fb('c', 'thumbs', false, { traceId: 'in2', comment: 'wrong answer' }),
      fb('d', 'thumbs', true, { traceId: 'out' }),
      fb('e', 'thumbs', true, { traceId: 'ghost' }),
    ]);
    const got = computeFeedback(buildFeedbackIndex(feedback), buildTraceIndex([], traces, feedback), MAIN_USER, day, 'hour');
    expect(got.summary).toEqual({ count: 4, avgScore: 0.5, tracesWithFeedback: 2, traceCount: 3, coverage: 2 / 3, commentCount: 1 });
    expect(got.trend).toHaveLength(24);
    expect(got.commentMomentum[0]).toEqual({ t: '2024-01-01T00:00:00.000Z', commentCount: 1, feedbackCount: 4 });
  });

  it('gives null rates and zero counts for a user without traces or feedback', () => {
    const got = computeFeedback(buildFeedbackIndex([]), buildTraceIndex([], []), 'nobody', day, 'day');
    expect(got.summary).toEqual({ count: 0, avgScore: null, tracesWithFeedback: 0, traceCount: 0, coverage: null, commentCount: 0 });
    expect(got.trend).toEqual([{ t: '2024-01-01T00:00:00.000Z', count: 0, avgScore: null, positiveCount: 0, negativeCount: 0 }]);
    expect(got.topKeys).toEqual([]);
  });

  it('rejects an unparsable createdAt when building the index', () => {
    expect(providerErrorOf(() => buildFeedbackIndex([fb('a', 'x', 1), fb('b', 'x', 1, { createdAt: 'yesterday' })]))).toEqual({
      code: 'invalid-data',
      field: 'feedback[1].createdAt',
    });
  });
});

describe('listComments', () => {
  it('pages through every comment newest first without gaps or duplicates', () => {
    fc.assert(
      fc.property(datasetArb, rangeArb, userArb, fc.integer({ min: 1, max: 7 }), ({ traces, feedback }, range, userId, limit) => {
        const normalised = normaliseFeedback(feedback);
        const fidx = buildFeedbackIndex(normalised);
        const idx = buildTraceIndex([], traces, normalised);
        const expected = refComments(normalised, traces, userId, range);
        const seen: unknown[] = [];
        let cursor: string | null | undefined;
        for (let page = 0; ; page++) {
          const got = listComments(fidx, idx, userId, range, cursor, limit);
          expect(got.total).toBe(expected.length);
          expect(got.rows.length).toBeLessThanOrEqual(limit);
          seen.push(...got.rows);
          cursor = got.nextCursor;
          if (cursor === null) break;
          expect(got.rows).toHaveLength(limit);
          expect(page).toBeLessThan(expected.length);
        }
        assertDeepClose(seen, expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('breaks createdAt ties by id and attaches the trace when known', () => {
    const at = new Date(BASE_MS + HOUR).toISOString();
    const traces: Trace[] = [{ id: 't1', userId: MAIN_USER, startTime: at, latencyMs: 5, status: 'error', model: 'm', name: 'chat' }];
    const feedback = normaliseFeedback([
      fb('b', 'thumbs', false, { createdAt: at, comment: 'second' }),
      fb('a', 'thumbs', false, { createdAt: at, comment: 'first' }),
      fb('c', 'thumbs', true, { createdAt: new Date(BASE_MS).toISOString(), comment: 'older', traceId: 'ghost' }),
    ]);
    const range: MsRange = { from: BASE_MS, to: BASE_MS + DAY };
    const fidx = buildFeedbackIndex(feedback);
    const idx = buildTraceIndex([], traces);
    const p1 = listComments(fidx, idx, MAIN_USER, range, null, 2);
    expect(p1.rows.map((c) => c.id)).toEqual(['a', 'b']);
    expect(p1.rows[0]?.trace).toEqual({ id: 't1', name: 'chat', status: 'error', latencyMs: 5, model: 'm', startTime: at });
    const p2 = listComments(fidx, idx, MAIN_USER, range, p1.nextCursor, 2);
    expect(p2).toMatchObject({ total: 3, nextCursor: null });
    expect(p2.rows).toEqual([{ id: 'c', traceId: 'ghost', key: 'thumbs', value: true, score: 1, comment: 'older', createdAt: '2024-01-01T00:00:00.000Z' }]);
  });

  it('rejects a foreign or garbled cursor and a bad limit', () => {
    const fidx = buildFeedbackIndex([]);
    const idx = buildTraceIndex([], []);
    const range: MsRange = { from: BASE_MS, to: BASE_MS + DAY };
    for (const bad of ['', 'not base64!', btoa('[1,2]'), btoa('{"offset":3}')]) {
      expect(providerErrorOf(() => listComments(fidx, idx, MAIN_USER, range, bad, 10))).toEqual({ code: 'invalid-data', field: 'cursor' });
    }
    for (const limit of [0, -1, 2.5, Number.NaN]) {
      expect(providerErrorOf(() => listComments(fidx, idx, MAIN_USER, range, null, limit))?.field).toBe('limit');
    }
  });
});
