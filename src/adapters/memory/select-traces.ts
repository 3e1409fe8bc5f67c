/**
 * `listTraces` selection for the memory provider: a user's traces in range, narrowed to a conversation and by
 * filters, then sorted. Unknown values sort last in both directions; ties fall back to trace id (ascending).
 * @module
 */
import type { FilterItem, SortingItem } from '../../core/contract';
import type { Trace } from '../../core/model';
import { NO_CONVERSATION } from '../../core/engine/conversations';
import type { MsRange } from '../../core/engine/time';
import { userRowsInRange, type TraceIndex } from '../../core/engine/trace-index';
import { parseSorting } from '../../core/params';
import { checkTracesFilters, TRACE_FILTER_IDS, TRACE_SORT_IDS } from '../../core/params-filters';

type TraceFilterId = (typeof TRACE_FILTER_IDS)[number];
type TraceSortId = (typeof TRACE_SORT_IDS)[number];

/** The sortable value of a trace row; `undefined` is unknown. */
function sortValue(idx: TraceIndex, row: number, id: TraceSortId): number | string | undefined {
  switch (id) {
    case 'startTime':
      return idx.startMs[row];
    case 'latencyMs':
      return idx.latencyMs[row];
    case 'costUsd':
    case 'inputTokens':
    case 'outputTokens': {
      const v = idx[id][row] as number;
      return Number.isNaN(v) ? undefined : v;
    }
    default:
      return (idx.traces[row] as Trace)[id];
  }
}

function compareKnown(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byId(idx: TraceIndex): (a: number, b: number) => number {
  return (a, b) => compareKnown((idx.traces[a] as Trace).id, (idx.traces[b] as Trace).id);
}

function comparator(idx: TraceIndex, sorting: readonly SortingItem[]): (a: number, b: number) => number {
  const keys = sorting.map((s) => ({ id: s.id as TraceSortId, sign: s.desc ? -1 : 1 }));
  const tieBreak = byId(idx);
  return (a, b) => {
    for (const { id, sign } of keys) {
      const va = sortValue(idx, a, id);
      const vb = sortValue(idx, b, id);
      if (va === undefined || vb === undefined) {
        if (va !== vb) return va === undefined ? 1 : -1;
        continue;
      }
      const c = compareKnown(va, vb);
      if (c !== 0) return sign * c;
    }
    return tieBreak(a, b);
  };
}

/** Query of {@link selectTraceRows}. */
export interface TraceQuery {
  /** Conversation to keep; {@link NO_CONVERSATION} keeps traces without one; absent keeps all. */
  conversationId?: string | null;
  /** Column filters (validated here). */
  filters?: FilterItem[];
  /** Sort keys (validated here). */
  sorting?: SortingItem[];
}

/**
 * Index rows of user `u`'s traces starting in `range`, narrowed and sorted as `query` asks. Default order: start
 * time descending, or ascending (step order) when a conversation is selected. Throws `invalid-data` on unknown
 * filter or sorting ids.
 */
export function selectTraceRows(idx: TraceIndex, u: number, range: MsRange, query: TraceQuery): number[] {
  const filters = checkTracesFilters(query.filters);
  const sorting = parseSorting(query.sorting, (id) => (TRACE_SORT_IDS as readonly string[]).includes(id), TRACE_SORT_IDS.join(', '));
  const { lo, hi } = userRowsInRange(idx, u, range.from, range.to);
  const conversation = query.conversationId ?? undefined;
  const rows: number[] = [];
  for (let r = lo; r < hi; r++) {
    const trace = idx.traces[r] as Trace;
    if (conversation !== undefined && (trace.conversationId ?? NO_CONVERSATION) !== conversation) continue;
    if (filters.every((f) => f.values.includes(trace[f.id as TraceFilterId]))) rows.push(r);
  }
  const order = sorting.length > 0 ? sorting : [{ id: 'startTime', desc: conversation === undefined }];
  return rows.sort(comparator(idx, order));
}
