/**
 * Contract tests of `capabilities`, `listUsers` and `getUser`.
 * @module
 */
import type { FilterItem, ListUsersParams, SortingItem } from '../../core/contract';
import type { MetadataValue, TimeRange, Trace, User } from '../../core/model';
import type { AttentionReason, DistributionBin, DistributionMetric, UserRow } from '../../core/results';
import { distributionEdges, DISTRIBUTION_METRICS } from '../../core/engine/distribution';
import { USER_METRICS, type UserMetricId } from '../../core/metrics/user-metrics';
import { binRange, type MetricRange } from '../../core/params-filters';
import { pageSchema, userRowSchema } from '../../core/schema/results';
import { userSchema } from '../../core/schema/records';
import {
  compareNatural,
  compareText,
  compareUserNames,
  diffValues,
  exactlyOnceProblems,
  orderProblems,
  rejectionProblems,
  shapeProblems,
  type SortValue,
} from './compare';
import { attentionSeverityOf, keyMetricsOf, span, startsIn, userRowOf, type Span } from './reference';
import { allUserRows, type SuiteContext } from './suite-context';

const METHODS = [
  'listUsers',
  'getUser',
  'getUserMetrics',
  'getUserTrends',
  'getModelUsage',
  'getFeedback',
  'listFeedbackComments',
  'listConversations',
  'listTraces',
] as const;

/** Numeric `UserRow` fields, each a documented sort id: the sortable metrics of the registry. */
const NUMERIC_SORT_IDS: readonly UserMetricId[] = USER_METRICS.filter((m) => m.sortable).map((m) => m.id);

async function listAll(ctx: SuiteContext, params: Omit<ListUsersParams, 'pagination'>, pageSize: number, problems: string[], label: string): Promise<UserRow[]> {
  const p = await ctx.provider();
  return allUserRows(async (pageIndex) => {
    const page = await p.listUsers({ ...params, pagination: { pageIndex, pageSize } });
    problems.push(...shapeProblems(pageSchema(userRowSchema), page, `${label} page ${pageIndex}`));
    return page;
  }, problems, label);
}

/** The user's own value of the measure an attention reason is about. */
function attentionValue(row: Omit<UserRow, 'attention'>, kind: AttentionReason['kind']): number | null {
  if (kind === 'errors') return row.successRate === null ? null : 1 - row.successRate;
  return kind === 'latency' ? row.latencyP95Ms : row.costPerTraceUsd;
}

/** The expected row without the optional metrics the provider leaves out (unknown to the UI, not wrong). */
function answeredFields(row: UserRow, want: Omit<UserRow, 'attention'>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...want };
  for (const m of USER_METRICS) if (m.optional && !(m.id in row)) delete out[m.id];
  return out;
}

function rowProblems(ctx: SuiteContext, rows: readonly UserRow[], s: Span, label: string): string[] {
  const problems: string[] = [];
  const expected = new Map(ctx.activeUsers(s).map((u) => [u.id, userRowOf(u, ctx.tracesOf(u.id), ctx.feedbackOf(u.id), s)]));
  problems.push(...exactlyOnceProblems(label, rows.map((r) => r.user.id), [...expected.keys()]));
  for (const row of rows) {
    const want = expected.get(row.user.id);
    if (want === undefined) continue;
    diffValues(row, answeredFields(row, want), `${label} ${row.user.id}`, problems);
    for (const reason of row.attention) {
      const value = attentionValue(want, reason.kind);
      if (value === null || Math.abs(value - reason.value) > 1e-9 * Math.max(1, value)) {
        problems.push(`${label} ${row.user.id}: attention "${reason.kind}" value ${reason.value}, the user's own value is ${value}`);
      }
      problems.push(...attentionCountProblems(ctx.tracesOf(row.user.id).filter((t) => startsIn(t, s)), reason, `${label} ${row.user.id}`));
      if (!(reason.value > reason.baseline) || reason.message.trim() === '') {
        problems.push(`${label} ${row.user.id}: attention "${reason.kind}" must be above its baseline and explained`);
      }
    }
  }
  return problems;
}

/** When a reason gives its counts (optional), they are the user's traces in range: all (with cost for `cost`), failed. */
function attentionCountProblems(inRange: readonly Trace[], reason: AttentionReason, label: string): string[] {
  const problems: string[] = [];
  const sample = reason.kind === 'cost' ? inRange.filter((t) => t.costUsd !== undefined && t.costUsd !== null).length : inRange.length;
  if (reason.sampleCount !== undefined && reason.sampleCount !== sample) {
    problems.push(`${label}: attention "${reason.kind}" sampleCount ${reason.sampleCount}, the user has ${sample}`);
  }
  const failed = inRange.filter((t) => t.status === 'error').length;
  if (reason.failedCount !== undefined && (reason.kind !== 'errors' || reason.failedCount !== failed)) {
    problems.push(`${label}: attention "${reason.kind}" failedCount ${reason.failedCount}, the user has ${failed} failed traces`);
  }
  return problems;
}

/** Sort value of a row for a sort id, read from the row itself (its numbers are checked elsewhere). */
function sortValueOf(row: UserRow, id: string): SortValue {
  if (id === 'user') return row.user.displayName || row.user.id;
  if (id === 'firstSeen' || id === 'lastSeen') return Date.parse(row[id]);
  if (id.startsWith('metadata.')) {
    const key = id.slice('metadata.'.length);
    const v: MetadataValue | undefined = Object.prototype.hasOwnProperty.call(row.user.metadata, key) ? row.user.metadata[key] : undefined;
    return v;
  }
  return row[id as UserMetricId];
}

function compareSortValues(a: SortValue, b: SortValue): number {
  return typeof a === 'string' && typeof b === 'string' ? compareText(a, b) : compareNatural(a as number, b as number);
}

/** Metadata keys present on any user, for sorting and filter tests. */
function metadataKeys(users: readonly User[]): string[] {
  return [...new Set(users.flatMap((u) => Object.keys(u.metadata)))].sort();
}

function searchable(user: User): string[] {
  const values = Object.values(user.metadata).filter((v) => v !== null).map(String);
  return [user.id, user.displayName ?? '', user.email ?? '', ...values].map((x) => x.toLowerCase());
}

/** Search terms derived from the dataset: part of a name in another case, an email domain, a metadata value, an id. */
function searchTerms(users: readonly User[]): string[] {
  const named = users.find((u) => (u.displayName ?? '').length >= 4);
  const emailed = users.find((u) => (u.email ?? '').includes('@'));
  const stringValue = users.flatMap((u) => Object.values(u.metadata)).find((v): v is string => typeof v === 'string' && v.length >= 2);
  const terms = ['zz-no-user-matches-this-zz'];
  if (named) terms.push((named.displayName as string).slice(1, 4).toUpperCase());
  if (emailed) terms.push((emailed.email as string).split('@')[1] as string);
  if (stringValue) terms.push(` ${stringValue.toUpperCase()} `);
  if (users[0]) terms.push(users[0].id);
  return terms;
}

/** The `attention` order with plain loops: severity (reasons, then largest ratio), no reason last, then user id. */
function attentionOrder(ctx: SuiteContext, s: Span, desc: boolean): string[] {
  const population = ctx.dataset.traces.filter((t) => t.userId !== null && startsIn(t, s));
  const severity = new Map(ctx.activeUsers(s).map((u) => [u.id, attentionSeverityOf(ctx.tracesOf(u.id).filter((t) => startsIn(t, s)), population)]));
  return [...severity.keys()].sort((a, b) => {
    const x = severity.get(a) ?? null;
    const y = severity.get(b) ?? null;
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      for (let k = 0; k < 2; k++) if (x[k] !== y[k]) return ((x[k] as number) < (y[k] as number) ? -1 : 1) * (desc ? -1 : 1);
    }
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** A user's figure of a distribution measure over their traces in range (`errorRate` = errors / traces); `null` when unknown. */
function measureOf(traces: readonly Trace[], metric: DistributionMetric): number | null {
  const m = keyMetricsOf(traces);
  return metric === 'traceCount' ? m.traceCount : metric === 'errorRate' ? m.errorCount / m.traceCount : m[metric];
}

/** Plain-loop bins of a measure (edges from core's shared rule, every value compared with every bin, the last closed). */
function referenceBins(values: readonly (number | null)[], metric: DistributionMetric): { bin: DistributionBin; members: number[] }[] {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return [];
  const edges = distributionEdges(Math.min(...known), Math.max(...known), 8, metric);
  const last = edges.length - 2;
  return edges.slice(1).map((to, i) => {
    const members = values.flatMap((v, k) => (v !== null && (i === 0 || v >= (edges[i] as number)) && (i === last || v < to) ? [k] : []));
    return { bin: { from: edges[i] as number, to, userCount: members.length }, members };
  });
}

/** Registers the `capabilities`, `listUsers` and `getUser` tests. */
export function registerUsersSection(ctx: SuiteContext): void {
  const { ranges, dataset } = ctx;

  ctx.test('declares its capabilities and implements every method', async () => {
    const p = await ctx.provider();
    const problems: string[] = [];
    const caps = p.capabilities as unknown as Record<string, unknown> | undefined;
    for (const key of ['feedback', 'cohorts', 'modelUsage', 'conversations']) {
      if (typeof caps?.[key] !== 'boolean') problems.push(`capabilities.${key}: expected a boolean, got ${String(caps?.[key])}`);
    }
    for (const m of METHODS) if (typeof p[m] !== 'function') problems.push(`${m}: missing`);
    return problems;
  });

  ctx.test('listUsers: lists exactly the users with traces in range, with their numbers', async () => {
    const problems: string[] = [];
    for (const [name, range] of Object.entries(ranges) as [string, TimeRange][]) {
      const rows = await listAll(ctx, { range }, 100, problems, `listUsers(${name})`);
      problems.push(...rowProblems(ctx, rows, span(range), `listUsers(${name})`));
    }
    return problems;
  });

  ctx.test('listUsers: offset pages hold every row exactly once, in the order of a single page', async () => {
    const problems: string[] = [];
    const whole = await listAll(ctx, { range: ranges.main }, 1000, problems, 'single page');
    const paged = await listAll(ctx, { range: ranges.main }, 7, problems, 'pages of 7');
    problems.push(...exactlyOnceProblems('pages of 7', paged.map((r) => r.user.id), whole.map((r) => r.user.id)));
    diffValues(paged.map((r) => r.user.id), whole.map((r) => r.user.id), 'pages of 7 order', problems);
    const p = await ctx.provider();
    const beyond = await p.listUsers({ range: ranges.main, pagination: { pageIndex: 1000, pageSize: 7 } });
    if (beyond.rows.length !== 0 || beyond.total !== whole.length) problems.push(`page past the end: expected no rows and total ${whole.length}, got ${beyond.rows.length} rows, total ${beyond.total}`);
    return problems;
  });

  ctx.test('listUsers: default order is lastSeen descending', async () => {
    const problems: string[] = [];
    const rows = await listAll(ctx, { range: ranges.main }, 100, problems, 'default order');
    problems.push(...orderProblems('default order (lastSeen desc)', rows.map((r) => Date.parse(r.lastSeen)), true, compareNatural));
    return problems;
  });

  ctx.test('listUsers: sorts by every documented id in both directions, unknown values last', async () => {
    const problems: string[] = [];
    const ids = [...NUMERIC_SORT_IDS, 'firstSeen', 'lastSeen', 'user', ...metadataKeys(dataset.users).map((k) => `metadata.${k}`)];
    const expectedIds = ctx.activeUsers(span(ranges.main)).map((u) => u.id);
    for (const id of ids) {
      for (const desc of [false, true]) {
        const label = `sorting ${id} ${desc ? 'desc' : 'asc'}`;
        const sorting: SortingItem[] = [{ id, desc }];
        const rows = await listAll(ctx, { range: ranges.main, sorting }, 6, problems, label);
        problems.push(...exactlyOnceProblems(label, rows.map((r) => r.user.id), expectedIds));
        problems.push(...orderProblems(label, rows.map((r) => sortValueOf(r, id)), desc, id === 'user' ? compareUserNames : compareSortValues));
      }
    }
    return problems;
  });

  ctx.test('listUsers: search is a case-insensitive substring over id, name, email and metadata values', async () => {
    const problems: string[] = [];
    const s = span(ranges.main);
    for (const term of searchTerms(dataset.users)) {
      const needle = term.trim().toLowerCase();
      const want = ctx.activeUsers(s).filter((u) => searchable(u).some((f) => f.includes(needle))).map((u) => u.id);
      const rows = await listAll(ctx, { range: ranges.main, search: term }, 100, problems, `search ${JSON.stringify(term)}`);
      problems.push(...exactlyOnceProblems(`search ${JSON.stringify(term)}`, rows.map((r) => r.user.id), want));
    }
    return problems;
  });

  ctx.test('listUsers: filters on metadata, status, model and attention (all must match)', async () => {
    const problems: string[] = [];
    const s = span(ranges.main);
    const active = ctx.activeUsers(s);
    const inRange = (u: User) => ctx.tracesOf(u.id).filter((t) => startsIn(t, s));
    const key = metadataKeys(dataset.users)[0];
    const values = [...new Set(active.map((u) => (key === undefined ? undefined : u.metadata[key])).filter((v) => typeof v === 'string'))] as string[];
    const model = dataset.traces.find((t) => t.model !== undefined && startsIn(t, s))?.model;
    const metaMatch = (u: User, k: string, vs: readonly unknown[]) => Object.prototype.hasOwnProperty.call(u.metadata, k) && vs.includes(u.metadata[k]);
    const cases: { filters: FilterItem[]; want: (u: User) => boolean }[] = [
      { filters: [{ id: 'status', value: 'error' }], want: (u) => keyMetricsOf(inRange(u)).errorCount > 0 },
    ];
    if (key !== undefined && values.length > 0) {
      cases.push({ filters: [{ id: `metadata.${key}`, value: values[0] }], want: (u) => metaMatch(u, key, [values[0]]) });
      cases.push({ filters: [{ id: `metadata.${key}`, value: values.slice(0, 2) }], want: (u) => metaMatch(u, key, values.slice(0, 2)) });
      cases.push({
        filters: [{ id: `metadata.${key}`, value: values[0] }, { id: 'status', value: 'error' }],
        want: (u) => metaMatch(u, key, [values[0]]) && keyMetricsOf(inRange(u)).errorCount > 0,
      });
    }
    if (model !== undefined) cases.push({ filters: [{ id: 'model', value: model }], want: (u) => inRange(u).some((t) => t.model === model) });
    for (const c of cases) {
      const label = `filters ${JSON.stringify(c.filters)}`;
      const rows = await listAll(ctx, { range: ranges.main, filters: c.filters }, 100, problems, label);
      problems.push(...exactlyOnceProblems(label, rows.map((r) => r.user.id), active.filter(c.want).map((u) => u.id)));
    }
    const all = await listAll(ctx, { range: ranges.main }, 100, problems, 'unfiltered');
    for (const value of [true, ['errors'], ['latency', 'cost']] as const) {
      const label = `filters attention ${JSON.stringify(value)}`;
      const kinds = value === true ? null : (value as readonly string[]);
      const want = all.filter((r) => r.attention.some((a) => kinds === null || kinds.includes(a.kind))).map((r) => r.user.id);
      const rows = await listAll(ctx, { range: ranges.main, filters: [{ id: 'attention', value }] }, 100, problems, label);
      problems.push(...exactlyOnceProblems(label, rows.map((r) => r.user.id), want));
    }
    return problems;
  });

  ctx.test('listUsers: sorts by attention severity in both directions, users without a reason last', async () => {
    const problems: string[] = [];
    for (const desc of [true, false]) {
      const label = `sorting attention ${desc ? 'desc' : 'asc'}`;
      const rows = await listAll(ctx, { range: ranges.main, sorting: [{ id: 'attention', desc }] }, 6, problems, label);
      diffValues(rows.map((r) => r.user.id), attentionOrder(ctx, span(ranges.main), desc), label, problems);
    }
    return problems;
  });

  ctx.test('listUsers: measure filters keep the users in [from, to); a distribution bin lists its userCount users', async () => {
    const p = await ctx.provider();
    const problems: string[] = [];
    const s = span(ranges.main);
    const active = ctx.activeUsers(s);
    for (const metric of DISTRIBUTION_METRICS) {
      const values = active.map((u) => measureOf(ctx.tracesOf(u.id).filter((t) => startsIn(t, s)), metric));
      const bins = referenceBins(values, metric);
      for (const [i, { bin, members }] of bins.entries()) {
        const cases: MetricRange[] = [binRange(bins.map((b) => b.bin), i), { from: bin.from, to: bin.to }];
        for (const value of cases) {
          const label = `filters ${metric} ${JSON.stringify(value)}`;
          const want = active.filter((_, k) => {
            const v = values[k] as number | null;
            return v !== null && (value.from === undefined || v >= value.from) && (value.to === undefined || v < value.to);
          });
          const rows = await listAll(ctx, { range: ranges.main, filters: [{ id: metric, value }] }, 100, problems, label);
          problems.push(...exactlyOnceProblems(label, rows.map((r) => r.user.id), want.map((u) => u.id)));
        }
        if (members.length !== bin.userCount) problems.push(`${metric} bin ${i}: reference bins disagree`);
      }
      const distribute = p.getUsersDistribution?.bind(p);
      if (distribute === undefined) continue;
      const answer = await distribute({ range: ranges.main, metric, binCount: 8 });
      for (const [i, bin] of answer.bins.entries()) {
        const value = binRange(answer.bins, i);
        const page = await p.listUsers({ range: ranges.main, filters: [{ id: metric, value }], pagination: { pageIndex: 0, pageSize: 1 } });
        if (page.total !== bin.userCount) problems.push(`${metric} bin ${i} ${JSON.stringify(value)}: userCount ${bin.userCount}, listUsers total ${String(page.total)}`);
      }
    }
    problems.push(
      ...(await rejectionProblems('filters costUsd {from: 2, to: 1}', () => p.listUsers({ range: ranges.main, filters: [{ id: 'costUsd', value: { from: 2, to: 1 } }] }), 'invalid-data', 'filters[0].value')),
      ...(await rejectionProblems('filters errorRate {gte: 0}', () => p.listUsers({ range: ranges.main, filters: [{ id: 'errorRate', value: { gte: 0 } }] }), 'invalid-data', 'filters[0].value')),
    );
    return problems;
  });

  ctx.test('getUser: returns each user as given; an unknown id rejects with not-found', async () => {
    const p = await ctx.provider();
    const problems: string[] = [];
    for (const user of dataset.users) {
      const got = await p.getUser({ userId: user.id });
      problems.push(...shapeProblems(userSchema, got, `getUser(${user.id})`));
      diffValues(got, user, `getUser(${user.id})`, problems);
    }
    problems.push(...(await rejectionProblems('getUser(unknown)', () => p.getUser({ userId: 'no-such-user-in-the-dataset' }), 'not-found')));
    return problems;
  });
}
