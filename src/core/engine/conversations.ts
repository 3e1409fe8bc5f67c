/**
 * Conversation summaries of a selection, and their sorting.
 * @module
 */
import type { SortingItem } from '../contract';
import { ProviderError } from '../errors';
import type { Trace } from '../model';
import type { ConversationSummary } from '../results';
import { rowsByStart } from './models';
import type { RowSlice } from './selection';
import { toIso, toMs } from './time';
import type { TraceIndex } from './trace-index';

/** The id of the group of traces that carry no `conversationId`. */
export const NO_CONVERSATION = '(none)';

interface Acc {
  id: string;
  title: string | null;
  firstMs: number;
  lastMs: number;
  endMs: number;
  errorCount: number;
  costSum: number;
  costCount: number;
  models: Set<string>;
  steps: Trace['status'][];
}

/** End of a trace: `endTime` when it parses, else start + latency. */
function endOf(trace: Trace, startMs: number, latencyMs: number): number {
  const end = trace.endTime === undefined ? NaN : toMs(trace.endTime);
  return Number.isNaN(end) ? startMs + latencyMs : end;
}

function toSummary(acc: Acc): ConversationSummary {
  return {
    id: acc.id,
    traceCount: acc.steps.length,
    firstTime: toIso(acc.firstMs),
    lastTime: toIso(acc.lastMs),
    durationMs: acc.endMs - acc.firstMs,
    errorCount: acc.errorCount,
    costUsd: acc.costCount === 0 ? null : acc.costSum,
    title: acc.title,
    models: [...acc.models],
    steps: acc.steps,
  };
}

/**
 * One summary per conversation among the traces in `slices`; traces without a conversation form the
 * {@link NO_CONVERSATION} group. Rows come in order of each conversation's first trace. Definitions: docs/metrics.md,
 * section "Conversations".
 */
export function summarizeConversations(idx: TraceIndex, slices: readonly RowSlice[]): ConversationSummary[] {
  const groups = new Map<string, Acc>();
  for (const row of rowsByStart(idx, slices)) {
    const code = idx.conversation.codes[row] as number;
    const id = code < 0 ? NO_CONVERSATION : (idx.conversation.values[code] as string);
    const trace = idx.traces[row] as Trace;
    const ms = idx.startMs[row] as number;
    let acc = groups.get(id);
    if (acc === undefined) {
      const title = trace.inputPreview ?? null;
      acc = { id, title, firstMs: ms, lastMs: ms, endMs: -Infinity, errorCount: 0, costSum: 0, costCount: 0, models: new Set(), steps: [] };
      groups.set(id, acc);
    }
    acc.lastMs = ms;
    acc.endMs = Math.max(acc.endMs, endOf(trace, ms, idx.latencyMs[row] as number));
    if (idx.isError[row] === 1) acc.errorCount++;
    const cost = idx.costUsd[row] as number;
    if (!Number.isNaN(cost)) {
      acc.costSum += cost;
      acc.costCount++;
    }
    const modelCode = idx.model.codes[row] as number;
    if (modelCode >= 0) acc.models.add(idx.model.values[modelCode] as string);
    acc.steps.push(trace.status);
  }
  return Array.from(groups.values(), toSummary);
}

const SORT_KEYS = new Map<string, (c: ConversationSummary) => number | null>([
  ['lastTime', (c) => toMs(c.lastTime)],
  ['firstTime', (c) => toMs(c.firstTime)],
  ['errorCount', (c) => c.errorCount],
  ['costUsd', (c) => c.costUsd],
  ['traceCount', (c) => c.traceCount],
  ['durationMs', (c) => c.durationMs],
]);

/** Sorting ids {@link sortConversations} understands. */
export const CONVERSATION_SORT_IDS: readonly string[] = [...SORT_KEYS.keys()];

/** The default conversation order: most recent activity first. */
export const DEFAULT_CONVERSATION_SORTING: readonly SortingItem[] = [{ id: 'lastTime', desc: true }];

/**
 * A sorted copy of `rows`. Keys apply in order (first wins); `null` (unknown cost) sorts last in both directions;
 * final tie-break: id ascending. Empty `sorting` means {@link DEFAULT_CONVERSATION_SORTING}.
 * @throws ProviderError `invalid-data` (field `sorting[i].id`) for an id not in {@link CONVERSATION_SORT_IDS}.
 */
export function sortConversations(rows: readonly ConversationSummary[], sorting: readonly SortingItem[]): ConversationSummary[] {
  const items = sorting.length === 0 ? DEFAULT_CONVERSATION_SORTING : sorting;
  const keys = items.map((item, i) => {
    const get = SORT_KEYS.get(item.id);
    if (get === undefined) {
      const expected = CONVERSATION_SORT_IDS.join(', ');
      throw new ProviderError('invalid-data', `sorting[${i}].id: unknown sort id ${JSON.stringify(item.id)}; expected one of ${expected}`, {
        field: `sorting[${i}].id`,
      });
    }
    return { get, sign: item.desc ? -1 : 1 };
  });
  const decorated = rows.map((row) => ({ row, values: keys.map((k) => k.get(row)) }));
  decorated.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const va = a.values[k] as number | null;
      const vb = b.values[k] as number | null;
      if (va === vb) continue;
      if (va === null) return 1;
      if (vb === null) return -1;
      return (va - vb) * (keys[k] as { sign: number }).sign;
    }
    return a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0;
  });
  return decorated.map((d) => d.row);
}
