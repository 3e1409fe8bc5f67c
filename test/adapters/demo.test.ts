import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEMO_DEFAULT_NOW,
  DEMO_MODEL_SWITCH,
  DEMO_RELEASES,
  DEMO_USERS,
  createDemoDataset,
  demoTimeline,
} from '../../src/adapters/demo/create-demo-dataset';
import { MODELS, DEMO_ERROR_TYPES, REGION_LIST } from '../../src/adapters/demo/catalog';
import { formatIso } from '../../src/adapters/demo/iso';
import { Random, hexId } from '../../src/adapters/demo/random';
import type { Trace } from '../../src/core/model';
import { parseDataset } from '../../src/core/schema/validate';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';

const data = createDemoDataset();
const DAY = 86_400_000;
const nowMs = Date.parse(DEMO_DEFAULT_NOW);
const specialIds = new Set<string>([DEMO_USERS.regression, ...DEMO_USERS.highErrors, ...DEMO_USERS.slow, ...DEMO_USERS.expensive]);

/** Traces grouped by user id, plainly. */
const byUser = new Map<string, Trace[]>();
for (const t of data.traces) {
  const list = byUser.get(t.userId) ?? [];
  list.push(t);
  byUser.set(t.userId, list);
}
const regularTraces = data.traces.filter((t) => !specialIds.has(t.userId));

/** numpy-linear percentile, written plainly. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}
const errorRate = (ts: Trace[]) => ts.filter((t) => t.status === 'error').length / ts.length;
const p95 = (ts: Trace[]) => percentile(ts.map((t) => t.latencyMs), 0.95);
function costPerTrace(ts: Trace[]): number {
  const priced = ts.filter((t) => t.costUsd !== undefined);
  return priced.reduce((sum, t) => sum + t.costUsd!, 0) / priced.length;
}
const distinct = <T>(values: T[]) => new Set(values);

describe('createDemoDataset', () => {
  it('is deterministic: same options, deep-equal output; another seed differs', () => {
    expect(createDemoDataset()).toEqual(data);
    const small = { seed: 7, users: 40, days: 10, now: '2026-06-01T00:00:00Z' };
    expect(createDemoDataset(small)).toEqual(createDemoDataset(small));
    expect(createDemoDataset({ ...small, seed: 8 }).traces).not.toEqual(createDemoDataset(small).traces);
  });

  it('has the default sizes: 300 users, ≈ 150k traces over 90 days (≈ 50k in the last 30), feedback on 8–15 % of traces', () => {
    expect(data.users).toHaveLength(300);
    expect(data.traces.length).toBeGreaterThan(120_000);
    expect(data.traces.length).toBeLessThan(180_000);
    const last30 = data.traces.filter((t) => Date.parse(t.startTime) >= nowMs - 30 * DAY).length;
    expect(last30).toBeGreaterThan(40_000);
    expect(last30).toBeLessThan(60_000);
    const covered = distinct(data.feedback.map((f) => f.traceId)).size / data.traces.length;
    expect(covered).toBeGreaterThan(0.08);
    expect(covered).toBeLessThan(0.15);
  });

  it('passes parseDataset unchanged', () => {
    expect(parseDataset(data)).toEqual(data);
    const small = createDemoDataset({ seed: 3, users: 30, days: 3 });
    expect(parseDataset(JSON.parse(JSON.stringify(small)))).toEqual(small);
  });

  it('keeps every time in the window and every user consistent with their traces', () => {
    const from = nowMs - 90 * DAY;
    const startOf = new Map(data.traces.map((t) => [t.id, Date.parse(t.startTime)]));
    const outside = data.traces.filter((t) => !(startOf.get(t.id)! >= from && startOf.get(t.id)! < nowMs));
    const badEnd = data.traces.filter((t) => t.endTime !== undefined && Date.parse(t.endTime) - startOf.get(t.id)! !== t.latencyMs);
    const badFeedback = data.feedback.filter((f) => !(Date.parse(f.createdAt) > startOf.get(f.traceId)! && Date.parse(f.createdAt) < nowMs));
    expect([outside, badEnd, badFeedback]).toEqual([[], [], []]);
    const badUsers = data.users.filter((u) => {
      const starts = (byUser.get(u.id) ?? []).map((t) => t.startTime).sort();
      const signup = Date.parse(String(u.metadata.signupDate));
      return u.firstSeen !== starts[0] || u.lastSeen !== starts.at(-1) || signup > Date.parse(u.firstSeen ?? DEMO_DEFAULT_NOW);
    });
    expect(badUsers).toEqual([]);
    expect(data.users.some((u) => u.firstSeen === undefined)).toBe(true); // dormant users exist
  });

  it('prices traces from tokens and the model price table; self-hosted and rejected calls have no cost', () => {
    const price = new Map(Object.values(MODELS).map((m) => [m.id, m]));
    const mispriced = data.traces.filter((t) => {
      if (t.costUsd === undefined) return false;
      const m = price.get(t.model ?? '');
      if (!m || m.inputPricePerM === null || m.outputPricePerM === null) return true;
      const expected = ((t.inputTokens ?? 0) * m.inputPricePerM + (t.outputTokens ?? 0) * m.outputPricePerM) / 1e6;
      return Math.abs(t.costUsd - expected) > 1e-8;
    });
    expect(mispriced).toEqual([]);
    expect(data.traces.some((t) => t.model === MODELS.llama.id && t.costUsd === undefined && t.inputTokens !== undefined)).toBe(true);
    expect(data.traces.some((t) => t.inputTokens === undefined && t.costUsd === undefined)).toBe(true);
    expect(data.traces.some((t) => t.inputTokens !== undefined && t.outputTokens === undefined)).toBe(true);
  });

  it('exercises every plan, region, model, release, error type, name and feedback kind', () => {
    const meta = (key: string) => distinct(data.users.map((u) => u.metadata[key]));
    expect(meta('plan')).toEqual(new Set(['free', 'pro', 'enterprise']));
    expect(meta('region')).toEqual(new Set(REGION_LIST.map((r) => r.id)));
    expect(meta('tier')).toEqual(new Set(['standard', 'priority']));
    expect(meta('company').has(null)).toBe(true);
    const plans = data.users.map((u) => u.metadata.plan);
    expect(plans.filter((p) => p === 'free').length / 300).toBeCloseTo(0.6, 1);
    expect(plans.filter((p) => p === 'pro').length / 300).toBeCloseTo(0.3, 1);
    expect(plans.filter((p) => p === 'enterprise').length / 300).toBeCloseTo(0.1, 1);
    expect(data.users.some((u) => u.displayName === undefined) && data.users.some((u) => u.email === undefined)).toBe(true);

    expect(distinct(data.traces.map((t) => t.model))).toEqual(new Set([...Object.values(MODELS).map((m) => m.id), undefined]));
    expect(distinct(data.traces.map((t) => t.release))).toEqual(new Set([...DEMO_RELEASES.map((r) => r.version), undefined]));
    expect(distinct(data.traces.map((t) => t.errorType))).toEqual(new Set([...DEMO_ERROR_TYPES, undefined]));
    expect(distinct(data.traces.map((t) => t.name))).toEqual(new Set(['chat', 'summarize', 'search', 'classify', 'extract']));
    expect(data.traces.every((t) => (t.status === 'error') === (t.errorType !== undefined))).toBe(true);
    expect(data.traces.some((t) => t.tags !== undefined) && data.traces.some((t) => t.endTime === undefined)).toBe(true);

    expect(distinct(data.feedback.map((f) => f.key))).toEqual(new Set(['thumbs', 'rating', 'category', 'helpfulness']));
    const values = (key: string) => data.feedback.filter((f) => f.key === key).map((f) => f.value);
    expect(distinct(values('thumbs'))).toEqual(new Set([true, false]));
    expect(distinct(values('rating'))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(distinct(values('category'))).toEqual(new Set(['wrong-answer', 'too-slow', 'great', 'off-topic']));
    expect(values('helpfulness').every((v) => typeof v === 'number' && v >= 0 && v <= 1)).toBe(true);
    expect(distinct(data.feedback.map((f) => (f.score === undefined ? 'derived' : f.score === null ? 'none' : 'given')))).toEqual(
      new Set(['derived', 'none', 'given']),
    );
    const commented = data.feedback.filter((f) => f.comment !== undefined).length / data.feedback.length;
    expect(commented).toBeGreaterThan(0.1);
    expect(commented).toBeLessThan(0.2);
  });

  it('has conversations of 1–15 steps (geometric), standalone traces, and heavy-tailed users', () => {
    const steps = new Map<string, number>();
    for (const t of data.traces) if (t.conversationId) steps.set(t.conversationId, (steps.get(t.conversationId) ?? 0) + 1);
    const lengths = [...steps.values()];
    const count = (n: number) => lengths.filter((l) => l === n).length;
    expect(Math.min(...lengths)).toBe(1);
    expect(Math.max(...lengths)).toBe(15);
    expect(count(1)).toBeGreaterThan(count(2));
    expect(count(2)).toBeGreaterThan(count(4));
    expect(data.traces.filter((t) => t.conversationId === undefined).length / data.traces.length).toBeGreaterThan(0.03);
    const perUser = data.users.map((u) => byUser.get(u.id)?.length ?? 0).filter((n) => n > 0);
    expect(Math.max(...perUser)).toBeGreaterThan(5 * percentile(perUser, 0.5));
  });

  it('follows a diurnal, weekday-heavy rhythm', () => {
    const perWeekday = new Array<number>(7).fill(0);
    const perHour = new Array<number>(24).fill(0);
    for (const t of data.traces) {
      const d = new Date(t.startTime);
      perWeekday[d.getUTCDay()]! += 1;
      perHour[d.getUTCHours()]! += 1;
    }
    const weekend = (perWeekday[0]! + perWeekday[6]!) / 2;
    const weekday = perWeekday.slice(1, 6).reduce((a, b) => a + b, 0) / 5;
    expect(weekday).toBeGreaterThan(1.8 * weekend);
    expect(Math.max(...perHour)).toBeGreaterThan(2 * Math.min(...perHour));
  });

  it('has the users who need attention, as DEMO_USERS claims', () => {
    for (const id of specialIds) expect(byUser.get(id)?.length ?? 0).toBeGreaterThanOrEqual(60);
    for (const id of DEMO_USERS.highErrors) expect(errorRate(byUser.get(id)!)).toBeGreaterThan(0.35);
    expect(errorRate(regularTraces)).toBeLessThan(0.08);

    const regularP95s = [...byUser].filter(([id]) => !specialIds.has(id) && byUser.get(id)!.length >= 20).map(([, ts]) => p95(ts));
    for (const id of DEMO_USERS.slow) {
      expect(p95(byUser.get(id)!)).toBeGreaterThan(4 * p95(regularTraces));
      expect(p95(byUser.get(id)!)).toBeGreaterThan(4 * percentile(regularP95s, 0.5));
    }
    for (const id of DEMO_USERS.expensive) expect(costPerTrace(byUser.get(id)!)).toBeGreaterThan(5 * costPerTrace(regularTraces));
  });

  it('shows the dated model switch as a regression for the regression user and the pro plan', () => {
    const switchAt = Date.parse(demoTimeline(DEMO_DEFAULT_NOW).modelSwitch);
    expect(demoTimeline(DEMO_DEFAULT_NOW).modelSwitch).toBe('2026-11-13T15:00:00.000Z');
    const split = (ts: Trace[]) => [ts.filter((t) => Date.parse(t.startTime) < switchAt), ts.filter((t) => Date.parse(t.startTime) >= switchAt)];

    const user = data.users.find((u) => u.id === DEMO_USERS.regression)!;
    expect(user.metadata.plan).toBe(DEMO_MODEL_SWITCH.plan);
    const [before, after] = split(byUser.get(user.id)!);
    expect(before!.length).toBeGreaterThan(200);
    expect(after!.length).toBeGreaterThan(150);
    expect(distinct(after!.map((t) => t.model)).has(DEMO_MODEL_SWITCH.from)).toBe(false);
    expect(after!.filter((t) => t.model === DEMO_MODEL_SWITCH.to).length / after!.length).toBeGreaterThan(0.8);
    expect(1 - errorRate(before!)).toBeGreaterThan(0.95);
    expect(1 - errorRate(after!)).toBeLessThan(0.9);
    expect(p95(after!)).toBeGreaterThan(1.5 * p95(before!));

    const proIds = new Set(data.users.filter((u) => u.metadata.plan === 'pro').map((u) => u.id));
    const [proBefore, proAfter] = split(data.traces.filter((t) => proIds.has(t.userId)));
    expect(errorRate(proAfter!) - errorRate(proBefore!)).toBeGreaterThan(0.07);
  });

  it('rejects invalid options', () => {
    expect(() => createDemoDataset({ users: 10 })).toThrow(RangeError);
    expect(() => createDemoDataset({ seed: 1.5 })).toThrow(RangeError);
    expect(() => createDemoDataset({ days: 0 })).toThrow(RangeError);
    expect(() => createDemoDataset({ now: 'soon' })).toThrow(RangeError);
    expect(() => createDemoDataset({ tracesPerUser: -1 })).toThrow(RangeError);
  });
});

describe('demo helpers', () => {
  it('formats ISO timestamps exactly like Date#toISOString', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.integer({ min: 0, max: 253_402_300_799_999 })), (ms) => {
        expect(formatIso(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    for (const iso of ['1970-01-01T00:00:00.000Z', '2000-02-29T23:59:59.999Z', '2100-03-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      expect(formatIso(Date.parse(iso))).toBe(iso);
    }
  });

  it('makes unique ids and reproducible random sequences', () => {
    const ids = new Set(Array.from({ length: 100_000 }, (_, i) => hexId(i, 0xdeadbeef)));
    expect(ids.size).toBe(100_000);
    const a = new Random(5);
    const b = new Random(5);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });
});

describe('the regression user in the default 30-day view (issue 17)', () => {
  it('has a previous period, and its regression is blamed on the model switch, whose windows stop at the releases around it', async () => {
    const provider = createMemoryProvider({ ...data, validate: false });
    const range = { from: new Date(nowMs - 30 * DAY).toISOString(), to: DEMO_DEFAULT_NOW };
    const metrics = await provider.getUserMetrics({ userId: DEMO_USERS.regression, range });
    expect(metrics.previous.traceCount).toBeGreaterThan(100);
    const { changes } = await provider.getModelUsage({ userId: DEMO_USERS.regression, range });
    const timeline = demoTimeline(DEMO_DEFAULT_NOW);
    const at = (c: { at: string }) => Date.parse(c.at);
    const switchEvent = changes.find((c) => c.kind === 'model-switch');
    expect(switchEvent).toMatchObject({ from: DEMO_MODEL_SWITCH.from, to: DEMO_MODEL_SWITCH.to, regressedOn: ['latencyP95Ms', 'costPerTraceUsd'] });
    expect(at(switchEvent!)).toBeGreaterThanOrEqual(Date.parse(timeline.modelSwitch));
    expect(at(switchEvent!)).toBeGreaterThanOrEqual(Date.parse(range.from));
    // Release 1.9.0 ships 5 days before the switch: its after window ends at the switch, so the switch's cost rise is
    // not blamed on it.
    const release = changes.find((c) => c.kind === 'release' && c.to === '1.9.0')!;
    expect(release.regressedOn).not.toContain('costPerTraceUsd');
    expect(release.after.traceCount).toBe(switchEvent!.before.traceCount);
    expect(changes.every((c) => c.overlapsWith === undefined)).toBe(true);
  });
});
