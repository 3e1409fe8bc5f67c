/**
 * Naive reference implementations of the users engine, written plainly over `User[]` / `Trace[]` / `Feedback[]` row
 * objects, independent of the engine (own time maths, no index); percentiles, key metrics and active days per user
 * are the contract suite's plain-loop reference (`src/testing/contract`), so both hold the engines to one set of
 * definitions. Property tests compare the engine with these. Other engines' tests may import them (e.g. {@link refKeyMetrics}, {@link refPercentile}).
 */
import type { FilterItem, OffsetPagination, SortingItem } from '../../src/core/contract';
import { referenceUserMetricValues, USER_METRICS, type UserMetricId } from '../../src/core/metrics/user-metrics';
import { keyMetricsOf as refKeyMetrics, percentile as refPercentile } from '../../src/testing/contract/reference';
import { meanActiveDays } from '../../src/testing/contract/reference-groups';
import type { AttributedTrace, Feedback, Granularity, MetadataValue, Trace, User } from '../../src/core/model';
import type { AttentionReason, Cohort, TrendBucket, UserMetrics, UserRow, UserTrends } from '../../src/core/results';

/** A half-open range in epoch ms. */
export interface RefRange {
  from: number;
  to: number;
}

/** A plain dataset. */
export interface RefData {
  users: readonly User[];
  traces: readonly AttributedTrace[];
  feedback: readonly Feedback[];
}

/**
 * Percentiles (numpy linear) and key metrics of a set of traces: the contract suite's plain-loop reference, so the
 * engine tests and the suite hold every engine to one set of definitions.
 */
export { refKeyMetrics, refPercentile };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Start of a trace in epoch ms. */
export const startOf = (t: Trace): number => Date.parse(t.startTime);

/** True when the trace starts in `[from, to)`. */
export function refInRange(t: Trace, range: RefRange): boolean {
  const s = startOf(t);
  return s >= range.from && s < range.to;
}

/** Traces of `userId` starting in range. */
export function refUserTraces(traces: readonly Trace[], userId: string, range: RefRange): Trace[] {
  return traces.filter((t) => t.userId === userId && refInRange(t, range));
}

/** Sum of the defined values, `null` when none is defined. */
function knownSum(values: readonly (number | undefined)[]): number | null {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

/** Every user: the supplied ones, then `{ id, metadata: {} }` for trace user ids not supplied. */
export function refAllUsers(data: Pick<RefData, 'users' | 'traces'>): User[] {
  const out = [...data.users];
  const known = new Set(out.map((u) => u.id));
  for (const t of data.traces) {
    if (!known.has(t.userId)) {
      known.add(t.userId);
      out.push({ id: t.userId, metadata: {} });
    }
  }
  return out;
}

/** `getUserMetrics` from the definitions; throws when the user is unknown. */
export function refUserMetrics(data: Pick<RefData, 'users' | 'traces'>, userId: string, range: RefRange, cohort?: Cohort, population = false): UserMetrics {
  const users = refAllUsers(data);
  if (!users.some((u) => u.id === userId)) throw new Error(`unknown user ${userId}`);
  const previous = { from: range.from - (range.to - range.from), to: range.from };
  const out: UserMetrics = {
    current: refKeyMetrics(refUserTraces(data.traces, userId, range)),
    previous: refKeyMetrics(refUserTraces(data.traces, userId, previous)),
  };
  if (cohort) {
    const members = users.filter((u) => Object.prototype.hasOwnProperty.call(u.metadata, cohort.key) && u.metadata[cohort.key] === cohort.value);
    const active = members.map((u) => refUserTraces(data.traces, u.id, range)).filter((ts) => ts.length > 0);
    out.cohort = { ...refKeyMetrics(active.flat()), userCount: active.length, activeDaysPerUser: meanActiveDays(active) };
  }
  if (population) {
    const active = users.map((u) => refUserTraces(data.traces, u.id, range)).filter((ts) => ts.length > 0);
    out.population = { ...refKeyMetrics(active.flat()), userCount: active.length, activeDaysPerUser: meanActiveDays(active) };
  }
  return out;
}

/** UTC-aligned start of the bucket holding `ms`, via calendar fields (ISO weeks start Monday). */
export function refBucketStart(ms: number, g: Granularity): number {
  const d = new Date(ms);
  if (g === 'hour') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours());
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (g === 'day') return day;
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return day - sinceMonday * DAY;
}

/** Starts of every bucket overlapping `[from, to)`. */
export function refBucketStarts(range: RefRange, g: Granularity): number[] {
  const out: number[] = [];
  if (range.to <= range.from) return out;
  const step = g === 'hour' ? HOUR : g === 'day' ? DAY : 7 * DAY;
  for (let t = refBucketStart(range.from, g); t < range.to; t += step) out.push(t);
  return out;
}

/** Trend buckets of the traces in range. */
export function refTrends(traces: readonly Trace[], range: RefRange, g: Granularity): UserTrends {
  const byBucket = new Map<number, Trace[]>();
  for (const t of traces) {
    if (!refInRange(t, range)) continue;
    const start = refBucketStart(startOf(t), g);
    byBucket.set(start, [...(byBucket.get(start) ?? []), t]);
  }
  const buckets: TrendBucket[] = refBucketStarts(range, g).map((start) => {
    const ts = byBucket.get(start) ?? [];
    const n = ts.length;
    const errors = ts.filter((t) => t.status === 'error').length;
    const latencies = ts.map((t) => t.latencyMs);
    return {
      t: new Date(start).toISOString(),
      traceCount: n,
      errorCount: errors,
      successRate: n === 0 ? null : (n - errors) / n,
      latencyP50Ms: refPercentile(latencies, 0.5),
      latencyP95Ms: refPercentile(latencies, 0.95),
      costUsd: knownSum(ts.map((t) => t.costUsd)),
      tokens: knownSum(ts.flatMap((t) => [t.inputTokens, t.outputTokens])),
    };
  });
  return { granularity: g, buckets };
}

/**
 * `getUserTrends` from the definitions, by plain loops: the user's trends and, with a cohort, the trends of every
 * trace in range of the users whose `metadata[key] === value`, with the members that have one. Throws when the user
 * is unknown.
 */
export function refUserTrends(data: Pick<RefData, 'users' | 'traces'>, userId: string, range: RefRange, g: Granularity, cohort?: Cohort): UserTrends {
  const users = refAllUsers(data);
  if (!users.some((u) => u.id === userId)) throw new Error(`unknown user ${userId}`);
  const out = refTrends(refUserTraces(data.traces, userId, range), range, g);
  if (cohort) {
    const members = new Set<string>();
    for (const u of users) {
      if (Object.prototype.hasOwnProperty.call(u.metadata, cohort.key) && u.metadata[cohort.key] === cohort.value) members.add(u.id);
    }
    const traces: Trace[] = [];
    const active = new Set<string>();
    for (const t of data.traces) {
      if (!members.has(t.userId) || !refInRange(t, range)) continue;
      traces.push(t);
      active.add(t.userId);
    }
    out.cohort = { userCount: active.size, buckets: refTrends(traces, range, g).buckets };
  }
  return out;
}

/** Population baseline over every trace in range. */
export function refBaseline(traces: readonly Trace[], range: RefRange): {
  errorRate: number | null;
  latencyP95Ms: number | null;
  costPerTraceUsd: number | null;
} {
  const m = refKeyMetrics(traces.filter((t) => refInRange(t, range)));
  return { errorRate: m.traceCount === 0 ? null : m.errorCount / m.traceCount, latencyP95Ms: m.latencyP95Ms, costPerTraceUsd: m.costPerTraceUsd };
}

/** An attention reason without its message (messages are checked by example tests). */
export type RefAttention = Omit<AttentionReason, 'message'>;

/** A users-list row with message-less attention reasons. */
export type RefUserRow = Omit<UserRow, 'attention'> & { attention: RefAttention[] };

/** The attention rule of docs/metrics.md, from the definitions. */
export function refAttention(row: Omit<RefUserRow, 'attention'>, costTraceCount: number, base: ReturnType<typeof refBaseline>): RefAttention[] {
  const out: RefAttention[] = [];
  const n = row.traceCount;
  if (n >= 5 && base.errorRate !== null) {
    const value = row.errorCount / n;
    if (value >= Math.max(2 * base.errorRate, base.errorRate + 0.1)) out.push({ kind: 'errors', value, baseline: base.errorRate });
  }
  if (n >= 5 && base.latencyP95Ms !== null) {
    const value = row.latencyP95Ms as number;
    if (value >= 2 * base.latencyP95Ms && value > base.latencyP95Ms) out.push({ kind: 'latency', value, baseline: base.latencyP95Ms });
  }
  if (costTraceCount >= 5 && base.costPerTraceUsd !== null) {
    const value = row.costPerTraceUsd as number;
    if (value >= 3 * base.costPerTraceUsd && value > base.costPerTraceUsd) out.push({ kind: 'cost', value, baseline: base.costPerTraceUsd });
  }
  return out;
}

/** One users-list row per user with at least one trace in range, in user order. */
export function refUserRows(data: RefData, range: RefRange, sparkGranularity: Granularity = 'day'): RefUserRow[] {
  const base = refBaseline(data.traces, range);
  const rows: RefUserRow[] = [];
  for (const user of refAllUsers(data)) {
    const ts = refUserTraces(data.traces, user.id, range);
    if (ts.length === 0) continue;
    const m = refKeyMetrics(ts);
    const ids = new Set(ts.map((t) => t.id));
    const scores = data.feedback.filter((f) => ids.has(f.traceId) && typeof f.score === 'number').map((f) => f.score as number);
    const starts = ts.map(startOf);
    const costTraceCount = ts.filter((t) => typeof t.costUsd === 'number').length;
    const feedbackAvgScore = scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
    const row = {
      user,
      ...referenceUserMetricValues({ ...m, costTraceCount, feedbackAvgScore }),
      firstSeen: new Date(Math.min(...starts)).toISOString(),
      lastSeen: new Date(Math.max(...starts)).toISOString(),
      sparkline: refTrends(ts, range, sparkGranularity).buckets.map((b) => ({ t: b.t, traceCount: b.traceCount, errorCount: b.errorCount })),
    };
    rows.push({ ...row, attention: refAttention(row, costTraceCount, base) });
  }
  return rows;
}

/** Every sort id with a fixed name (plus `metadata.<key>`). */
export const REF_SORT_IDS: readonly string[] = [...USER_METRICS.filter((m) => m.sortable).map((m) => m.id), 'firstSeen', 'lastSeen', 'user'];

function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The `user` sort's collation: ICU `en`, default options. */
const compareNames = new Intl.Collator('en').compare;

function compareMeta(a: Exclude<MetadataValue, null>, b: Exclude<MetadataValue, null>): number {
  const group = (v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'boolean' ? 1 : 2);
  if (group(a) !== group(b)) return group(a) - group(b);
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two rows on one sort id: `null`/unknown last regardless of direction. */
function compareOn(a: RefUserRow, b: RefUserRow, item: SortingItem): number {
  const dir = item.desc ? -1 : 1;
  if (item.id === 'user') return dir * (compareNames(a.user.displayName || a.user.id, b.user.displayName || b.user.id) || (a.user.id < b.user.id ? -1 : a.user.id > b.user.id ? 1 : 0));
  let va: number | string | boolean | null;
  let vb: number | string | boolean | null;
  if (item.id.startsWith('metadata.')) {
    const key = item.id.slice('metadata.'.length);
    const get = (u: User) => {
      const v = Object.prototype.hasOwnProperty.call(u.metadata, key) ? u.metadata[key] : null;
      return typeof v === 'number' && Number.isNaN(v) ? null : v;
    };
    va = get(a.user);
    vb = get(b.user);
  } else if (item.id === 'firstSeen' || item.id === 'lastSeen') {
    va = Date.parse(a[item.id]);
    vb = Date.parse(b[item.id]);
  } else {
    const id = item.id as UserMetricId;
    va = a[id] ?? null; // an optional metric a row leaves out is unknown
    vb = b[id] ?? null;
  }
  if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
  return dir * compareMeta(va, vb);
}

/** Filters of `listUsers`, from the contract's definitions. */
function passes(row: RefUserRow, data: RefData, range: RefRange, f: FilterItem): boolean {
  const values: unknown[] = Array.isArray(f.value) ? f.value : f.value === undefined ? [] : [f.value];
  if (values.length === 0) return true;
  if (f.id.startsWith('metadata.')) {
    const key = f.id.slice('metadata.'.length);
    return Object.prototype.hasOwnProperty.call(row.user.metadata, key) && values.some((v) => v === row.user.metadata[key]);
  }
  if (f.id === 'status') return values.some((v) => (v === 'error' ? row.errorCount > 0 : row.errorCount === 0));
  if (f.id === 'model') return refUserTraces(data.traces, row.user.id, range).some((t) => t.model !== undefined && values.includes(t.model));
  if (f.id === 'attention') {
    if (values.length === 1 && typeof values[0] === 'boolean') return (row.attention.length > 0) === values[0];
    return row.attention.some((a) => values.includes(a.kind));
  }
  throw new Error(`unknown filter ${f.id}`);
}

/** Case-insensitive substring over id, display name, email and non-null metadata values. */
function matchesSearch(user: User, search: string | undefined): boolean {
  const needle = (search ?? '').trim().toLowerCase();
  if (needle === '') return true;
  const fields = [user.id, user.displayName, user.email, ...Object.values(user.metadata).map((v) => (v === null ? undefined : String(v)))];
  return fields.some((f) => f !== undefined && f.toLowerCase().includes(needle));
}

/** The whole `listUsers` from the definitions: rows, then search, filters, full sort and slice. */
export function refListUsers(
  data: RefData,
  params: { range: RefRange; search?: string; filters?: FilterItem[]; sorting?: SortingItem[]; pagination?: OffsetPagination; sparkGranularity?: Granularity },
): { rows: RefUserRow[]; total: number } {
  const sorting = params.sorting?.length ? params.sorting : [{ id: 'lastSeen', desc: true }];
  const { pageIndex, pageSize } = params.pagination ?? { pageIndex: 0, pageSize: 50 };
  const rows = refUserRows(data, params.range, params.sparkGranularity)
    .filter((r) => matchesSearch(r.user, params.search))
    .filter((r) => (params.filters ?? []).every((f) => passes(r, data, params.range, f)))
    .sort((a, b) => {
      for (const item of sorting) {
        const c = compareOn(a, b, item);
        if (c !== 0) return c;
      }
      return a.user.id < b.user.id ? -1 : a.user.id > b.user.id ? 1 : 0;
    });
  return { rows: rows.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize), total: rows.length };
}

/**
 * Deep comparison where numbers match within relative tolerance `tol` (exactly equal values always match, `null`
 * only matches `null`). Returns the path of the first difference, or `null` when equal.
 */
export function deepCloseDiff(actual: unknown, expected: unknown, tol = 1e-9, path = '$'): string | null {
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (actual === expected || (Number.isNaN(actual) && Number.isNaN(expected))) return null;
    return Math.abs(actual - expected) <= tol * Math.max(Math.abs(actual), Math.abs(expected)) ? null : `${path}: ${actual} vs ${expected}`;
  }
  if (actual === null || expected === null || typeof actual !== 'object' || typeof expected !== 'object') {
    return Object.is(actual, expected) ? null : `${path}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`;
  }
  if (Array.isArray(actual) !== Array.isArray(expected)) return `${path}: array vs non-array`;
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const k of keys) {
    const d = deepCloseDiff((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], tol, `${path}.${k}`);
    if (d) return d;
  }
  return null;
}
