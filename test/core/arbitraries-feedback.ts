/**
 * fast-check arbitraries for the model-usage, feedback and conversation properties: traces laid out in segments
 * (a model + release + error/latency/cost profile each, so switches and regressions really happen), times on a
 * 15-minute grid (so hour/day/week edges and equal timestamps are hit), and feedback of every kind.
 */
import fc from 'fast-check';
import type { Feedback, FeedbackValue, Granularity, Trace } from '../../src/core/model';
import type { MsRange } from '../../src/core/engine/time';

/** Monday 2024-01-01 00:00 UTC: the grid origin. */
export const BASE_MS = Date.UTC(2024, 0, 1);
/** Grid step: 15 minutes, so every 4th slot is an hour edge. */
export const SLOT_MS = 15 * 60_000;
/** The user every property looks at; `u2` traces and feedback are noise that must be filtered out. */
export const MAIN_USER = 'u1';

const DAY_SLOTS = 96;

/** Granularities. */
export const granularityArb: fc.Arbitrary<Granularity> = fc.constantFrom('hour', 'day', 'week');

/** A range on the grid (sometimes empty), starting from 1 day before to 5 days after the origin, up to 3 weeks long. */
export const rangeArb: fc.Arbitrary<MsRange> = fc
  .record({ from: fc.integer({ min: -DAY_SLOTS, max: 5 * DAY_SLOTS }), len: fc.integer({ min: 0, max: 21 * DAY_SLOTS }) })
  .map(({ from, len }) => ({ from: BASE_MS + from * SLOT_MS, to: BASE_MS + (from + len) * SLOT_MS }));

const stepArb = fc.record({
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 })),
  errRoll: fc.integer({ min: 0, max: 99 }),
  latJitter: fc.integer({ min: 0, max: 40 }),
  costJitter: fc.integer({ min: 0, max: 10 }),
  costRoll: fc.integer({ min: 0, max: 99 }),
  // Mostly the segment's model (so segments settle and switch), sometimes a stray one (so mixes and ties happen).
  strayModel: fc.oneof(
    { arbitrary: fc.constant(null), weight: 5 },
    { arbitrary: fc.constantFrom('m-a', 'm-b', 'm-c', 'none'), weight: 1 },
  ),
  user: fc.constantFrom(MAIN_USER, MAIN_USER, MAIN_USER, 'u2'),
  conversation: fc.constantFrom(undefined, 'c1', 'c2', 'c3', '(none)'),
  endExtra: fc.option(fc.integer({ min: -5, max: 500 }), { nil: null }),
  preview: fc.constantFrom(undefined, 'hello', 'why is it slow?'),
});

const segmentArb = fc.record({
  model: fc.constantFrom<string | undefined>('m-a', 'm-b', 'm-c', 'm-d', undefined),
  release: fc.constantFrom<string | undefined>('r1', 'r2', 'r3', undefined),
  errorPercent: fc.constantFrom(0, 3, 16, 40, 100),
  latency: fc.constantFrom(100, 130, 400),
  costBase: fc.constantFrom(0.001, 0.0013, 0.004),
  costPercent: fc.constantFrom(0, 50, 100),
  // Short segments hit the edge cases; long ones give windows of ≥ 30 traces so the regression rule can fire.
  steps: fc.oneof(fc.array(stepArb, { maxLength: 6 }), fc.array(stepArb, { minLength: 30, maxLength: 90 })),
});

/** A trace dataset: 0–4 segments laid out one after another on the grid, optionally in reversed input order. */
export const tracesArb: fc.Arbitrary<Trace[]> = fc
  .record({
    startSlot: fc.integer({ min: -2 * DAY_SLOTS, max: 4 * DAY_SLOTS }),
    segments: fc.array(segmentArb, { maxLength: 4 }),
    reversed: fc.boolean(),
    shortIso: fc.boolean(),
  })
  .map(({ startSlot, segments, reversed, shortIso }) => {
    const traces: Trace[] = [];
    let slot = startSlot;
    for (const seg of segments) {
      for (const step of seg.steps) {
        slot += step.gap;
        const startMs = BASE_MS + slot * SLOT_MS;
        const model = step.strayModel === null ? seg.model : step.strayModel === 'none' ? undefined : step.strayModel;
        const latencyMs = seg.latency + step.latJitter;
        const trace: Trace = {
          id: `t${traces.length}`,
          userId: step.user,
          startTime: iso(startMs, shortIso),
          latencyMs,
          status: step.errRoll < seg.errorPercent ? 'error' : 'ok',
        };
        if (model !== undefined) trace.model = model;
        if (seg.release !== undefined) trace.release = seg.release;
        if (step.costRoll < seg.costPercent) trace.costUsd = seg.costBase * (1 + step.costJitter / 10);
        if (step.conversation !== undefined) trace.conversationId = step.conversation;
        if (step.endExtra !== null) trace.endTime = iso(startMs + latencyMs + step.endExtra, shortIso);
        if (step.preview !== undefined) trace.inputPreview = step.preview;
        traces.push(trace);
      }
    }
    return reversed ? traces.reverse() : traces;
  });

function iso(ms: number, short: boolean): string {
  const s = new Date(ms).toISOString();
  return short && s.endsWith('.000Z') ? `${s.slice(0, -5)}Z` : s;
}

/** A raw feedback value with the key it belongs to: every kind, plus keys mixing kinds. */
const keyedValueArb: fc.Arbitrary<{ key: string; value: FeedbackValue }> = fc.oneof(
  fc.boolean().map((value) => ({ key: 'thumbs', value })),
  fc.integer({ min: 1, max: 5 }).map((value) => ({ key: 'rating', value })),
  fc.integer({ min: 0, max: 10 }).map((value) => ({ key: 'nps', value })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((value) => ({ key: 'prob', value })),
  fc.integer({ min: -5, max: 500 }).map((value) => ({ key: 'tokens-ish', value })),
  fc.constant({ key: 'single', value: 42 }),
  fc.constantFrom('bug', 'praise', 'other', '__proto__', 'constructor').map((value) => ({ key: 'category', value })),
  fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'y')).map((value) => ({ key: 'mixed', value })),
);

const feedbackDraftArb = fc.record({
  traceRef: fc.option(fc.nat(), { freq: 6, nil: null }),
  user: fc.constantFrom('trace', 'trace', 'trace', MAIN_USER, 'u2'),
  keyed: keyedValueArb,
  createdSlot: fc.integer({ min: -2 * DAY_SLOTS, max: 27 * DAY_SLOTS }),
  comment: fc.constantFrom(undefined, undefined, '', '   ', 'great', 'slow answer', 'ünïcødé ✓'),
  score: fc.oneof(
    { weight: 8, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  ),
});

/** Raw (not normalised) feedback on `traces`, some on unknown traces (`ghost-…`). */
export function feedbackArb(traces: readonly Trace[]): fc.Arbitrary<Feedback[]> {
  return fc.array(feedbackDraftArb, { maxLength: 60, size: 'medium' }).map((drafts) =>
    drafts.map((d, i) => {
      const trace = d.traceRef === null || traces.length === 0 ? undefined : traces[d.traceRef % traces.length];
      const f: Feedback = {
        id: `f${i}`,
        traceId: trace?.id ?? `ghost-${i}`,
        userId: d.user === 'trace' ? (trace?.userId ?? MAIN_USER) : d.user,
        key: d.keyed.key,
        value: d.keyed.value,
        createdAt: new Date(BASE_MS + d.createdSlot * SLOT_MS).toISOString(),
      };
      if (d.comment !== undefined) f.comment = d.comment;
      if (d.score !== undefined) f.score = d.score;
      return f;
    }),
  );
}

/** Traces together with raw feedback on them. */
export const datasetArb: fc.Arbitrary<{ traces: Trace[]; feedback: Feedback[] }> = tracesArb.chain((traces) =>
  feedbackArb(traces).map((feedback) => ({ traces, feedback })),
);
