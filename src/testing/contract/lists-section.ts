/**
 * Contract tests of the cursor-paged lists: `listFeedbackComments`, `listConversations`, `listTraces`.
 * @module
 */
import type { FilterItem, SortingItem } from '../../core/contract';
import type { Trace } from '../../core/model';
import type { ConversationSummary } from '../../core/results';
import { conversationSummarySchema, feedbackCommentSchema, pageSchema, traceRowSchema } from '../../core/schema/results';
import { compareNatural, diffValues, exactlyOnceProblems, orderProblems, shapeProblems, type SortValue } from './compare';
import { commentsOf, conversationsOf, ms, span, startsIn } from './reference';
import { allCursorRows, type SuiteContext } from './suite-context';

const CONVERSATION_SORT_IDS = ['lastTime', 'firstTime', 'errorCount', 'costUsd', 'traceCount', 'durationMs'] as const;
const TRACE_SORT_IDS = ['startTime', 'latencyMs', 'costUsd', 'inputTokens', 'outputTokens', 'name', 'model', 'status'] as const;
const TRACE_FILTER_IDS = ['status', 'model', 'name', 'errorType', 'release'] as const;

function conversationSortValue(c: ConversationSummary, id: (typeof CONVERSATION_SORT_IDS)[number]): SortValue {
  return id === 'lastTime' || id === 'firstTime' ? ms(c[id]) : c[id];
}

function traceSortValue(t: Trace, id: (typeof TRACE_SORT_IDS)[number]): SortValue {
  return id === 'startTime' ? ms(t.startTime) : t[id];
}

/** Registers the list tests. */
export function registerListsSection(ctx: SuiteContext): void {
  const { dataset, ranges } = ctx;
  const main = span(ranges.main);

  ctx.test('listFeedbackComments: every comment in range exactly once, newest first, with its trace (when capabilities.feedback)', async () => {
    const p = await ctx.provider();
    if (!p.capabilities.feedback) return [];
    const problems: string[] = [];
    for (const user of dataset.users) {
      const label = `listFeedbackComments(${user.id})`;
      const rows = await allCursorRows(label, async (cursor) => {
        const page = await p.listFeedbackComments({ userId: user.id, range: ranges.main, cursor, limit: 3 });
        problems.push(...shapeProblems(pageSchema(feedbackCommentSchema), page, label));
        return page;
      }, problems);
      const want = new Map(commentsOf(ctx.feedbackOf(user.id), main).map((c) => [c.id, c]));
      problems.push(...exactlyOnceProblems(label, rows.map((r) => r.id), [...want.keys()]));
      problems.push(...orderProblems(`${label} (newest first)`, rows.map((r) => ms(r.createdAt)), true, compareNatural));
      for (const row of rows.filter((r) => want.has(r.id))) {
        diffValues(row, want.get(row.id), `${label} ${row.id}`, problems);
        const trace = dataset.traces.find((t) => t.id === row.traceId);
        if (row.trace !== undefined && trace !== undefined) {
          const { id, name, status, latencyMs, model, startTime } = trace;
          diffValues(row.trace, { id, name, status, latencyMs, model, startTime }, `${label} ${row.id}.trace`, problems);
        }
      }
    }
    return problems;
  });

  ctx.test('listConversations: every conversation with a trace in range exactly once, with its numbers, latest first (when capabilities.conversations)', async () => {
    const p = await ctx.provider();
    if (!p.capabilities.conversations) return [];
    const problems: string[] = [];
    for (const [name, range] of [['main', ranges.main], ['unaligned', ranges.unaligned]] as const) {
      for (const user of dataset.users) {
        const label = `listConversations(${user.id}, ${name})`;
        const rows = await allCursorRows(label, async (cursor) => {
          const page = await p.listConversations({ userId: user.id, range, cursor, limit: 4 });
          problems.push(...shapeProblems(pageSchema(conversationSummarySchema), page, label));
          return page;
        }, problems);
        const want = new Map(conversationsOf(ctx.tracesOf(user.id), span(range)).map((c) => [c.id, c]));
        problems.push(...exactlyOnceProblems(label, rows.map((r) => r.id), [...want.keys()]));
        problems.push(...orderProblems(`${label} (lastTime desc)`, rows.map((r) => ms(r.lastTime)), true, compareNatural));
        for (const row of rows.filter((r) => want.has(r.id))) diffValues(row, want.get(row.id), `${label} ${row.id}`, problems);
      }
    }
    return problems;
  });

  ctx.test('listConversations: sorts by every documented id in both directions, unknown last (when capabilities.conversations)', async () => {
    const p = await ctx.provider();
    if (!p.capabilities.conversations) return [];
    const problems: string[] = [];
    for (const user of ctx.activeUsers(main)) {
      const want = conversationsOf(ctx.tracesOf(user.id), main).map((c) => c.id);
      for (const id of CONVERSATION_SORT_IDS) {
        for (const desc of [false, true]) {
          const label = `listConversations(${user.id}) sorting ${id} ${desc ? 'desc' : 'asc'}`;
          const sorting: SortingItem[] = [{ id, desc }];
          const rows = await allCursorRows(label, (cursor) => p.listConversations({ userId: user.id, range: ranges.main, sorting, cursor, limit: 5 }), problems);
          problems.push(...exactlyOnceProblems(label, rows.map((r) => r.id), want));
          problems.push(...orderProblems(label, rows.map((r) => conversationSortValue(r, id)), desc, compareNatural));
        }
      }
    }
    return problems;
  });

  ctx.test('listTraces: every trace in range exactly once, as given, newest first', async () => {
    const p = await ctx.provider();
    const problems: string[] = [];
    for (const user of dataset.users) {
      const label = `listTraces(${user.id})`;
      const rows = await allCursorRows(label, async (cursor) => {
        const page = await p.listTraces({ userId: user.id, range: ranges.main, cursor, limit: 7 });
        problems.push(...shapeProblems(pageSchema(traceRowSchema), page, label));
        return page;
      }, problems);
      const want = new Map(ctx.tracesOf(user.id).filter((t) => startsIn(t, main)).map((t) => [t.id, t]));
      problems.push(...exactlyOnceProblems(label, rows.map((r) => r.id), [...want.keys()]));
      problems.push(...orderProblems(`${label} (startTime desc)`, rows.map((r) => ms(r.startTime)), true, compareNatural));
      for (const row of rows.filter((r) => want.has(r.id))) diffValues(row, want.get(row.id), `${label} ${row.id}`, problems);
    }
    return problems;
  });

  ctx.test('listTraces: filters on status, model, name, errorType and release (a value or any of an array)', async () => {
    const p = await ctx.provider();
    const problems: string[] = [];
    for (const user of ctx.activeUsers(main)) {
      const inRange = ctx.tracesOf(user.id).filter((t) => startsIn(t, main));
      const cases: FilterItem[][] = [];
      for (const id of TRACE_FILTER_IDS) {
        const values = [...new Set(inRange.map((t) => t[id]).filter((v): v is string => v !== undefined))].sort();
        if (values.length > 0) cases.push([{ id, value: values[0] }]);
        if (values.length > 1) cases.push([{ id, value: values.slice(0, 2) }]);
      }
      cases.push([{ id: 'status', value: 'ok' }, { id: 'name', value: inRange.find((t) => t.name !== undefined)?.name ?? 'x' }]);
      for (const filters of cases) {
        const label = `listTraces(${user.id}) filters ${JSON.stringify(filters)}`;
        const want = inRange.filter((t) => filters.every((f) => (Array.isArray(f.value) ? f.value : [f.value]).includes(t[f.id as (typeof TRACE_FILTER_IDS)[number]])));
        const rows = await allCursorRows(label, (cursor) => p.listTraces({ userId: user.id, range: ranges.main, filters, cursor, limit: 20 }), problems);
        problems.push(...exactlyOnceProblems(label, rows.map((r) => r.id), want.map((t) => t.id)));
      }
    }
    return problems;
  });

  ctx.test('listTraces: sorts by every documented id in both directions, unknown last', async () => {
    const p = await ctx.provider();
    const problems: string[] = [];
    for (const user of ctx.activeUsers(main)) {
      const want = ctx.tracesOf(user.id).filter((t) => startsIn(t, main)).map((t) => t.id);
      for (const id of TRACE_SORT_IDS) {
        for (const desc of [false, true]) {
          const label = `listTraces(${user.id}) sorting ${id} ${desc ? 'desc' : 'asc'}`;
          const sorting: SortingItem[] = [{ id, desc }];
          const rows = await allCursorRows(label, (cursor) => p.listTraces({ userId: user.id, range: ranges.main, sorting, cursor, limit: 9 }), problems);
          problems.push(...exactlyOnceProblems(label, rows.map((r) => r.id), want));
          problems.push(...orderProblems(label, rows.map((r) => traceSortValue(r, id)), desc, compareNatural));
        }
      }
    }
    return problems;
  });

  ctx.test('listTraces: a conversation gives its traces in range in step order; "(none)" gives traces without one', async () => {
    const p = await ctx.provider();
    const problems: string[] = [];
    for (const user of ctx.activeUsers(main)) {
      const inRange = ctx.tracesOf(user.id).filter((t) => startsIn(t, main));
      for (const conversationId of new Set(inRange.map((t) => t.conversationId ?? '(none)'))) {
        const label = `listTraces(${user.id}, conversation ${conversationId})`;
        const rows = await allCursorRows(label, (cursor) => p.listTraces({ userId: user.id, range: ranges.main, conversationId, cursor, limit: 3 }), problems);
        problems.push(...exactlyOnceProblems(label, rows.map((r) => r.id), inRange.filter((t) => (t.conversationId ?? '(none)') === conversationId).map((t) => t.id)));
        problems.push(...orderProblems(`${label} (step order)`, rows.map((r) => ms(r.startTime)), false, compareNatural));
      }
    }
    return problems;
  });
}
