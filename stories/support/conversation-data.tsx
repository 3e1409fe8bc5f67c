import { useState } from 'react';
import { DEMO_DEFAULT_NOW } from '../../src/adapters/demo';
import { createMemoryProvider } from '../../src/adapters/memory';
import { ConversationList, type ConversationListProps } from '../../src/components/ConversationList/ConversationList';
import { TraceTable, type TraceTableProps } from '../../src/components/TraceTable/TraceTable';
import type { DataProvider, FilterItem, SortingItem, TimeRange, Trace } from '../../src/core';
import type { ConversationSummary, TraceRow } from '../../src/core/results';
import { useConversations, useModelUsage, useTraces } from '../../src/hooks';

const NOW = Date.parse(DEMO_DEFAULT_NOW);
const DAY = 86_400_000;

/** "Now" of every conversation and trace story (the demo's fixed clock). */
export const STORY_NOW = NOW;

/** Id of the synthetic heavy user. */
export const BIG_USER_ID = 'user-heavy';
/** Conversations of the heavy user. */
export const BIG_USER_CONVERSATIONS = 10_000;
/** Traces of the heavy user (in conversations, plus 2 % without one). */
export const BIG_USER_TRACES = 100_000;
/** The heavy user's 90 days, ending at the demo's `now`. */
export const BIG_USER_RANGE: TimeRange = { from: new Date(NOW - 90 * DAY).toISOString(), to: DEMO_DEFAULT_NOW };

/** Models of the heavy user's traces. */
export const BIG_USER_MODELS: readonly string[] = ['gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18', 'claude-3-5-sonnet-20241022', 'gpt-4.1-2025-04-14'];
const NAMES = ['chat', 'retrieve', 'rerank', 'tool-call', 'summarize'];
const ERRORS = ['RateLimitError', 'TimeoutError', 'ContextLengthExceeded', 'ToolError'];
const TOPICS = ['refund for order', 'reset my password', 'export invoices for', 'compare plans for team', 'translate contract', 'debug webhook'];

/** Deterministic 0..1 generator (mulberry32), so every build shows the same heavy user. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(items: readonly T[], r: number): T {
  return items[Math.floor(r * items.length)] as T;
}

/** The heavy user's traces: 10,000 conversations of 1–19 steps over 90 days, plus 2 % of traces without one. */
function bigUserTraces(): Trace[] {
  const rnd = random(42);
  const traces: Trace[] = [];
  const span = 90 * DAY - DAY;
  let n = 0;
  const push = (conversationId: string | undefined, start: number, first: boolean, topic: string) => {
    const latencyMs = Math.round(300 + rnd() * rnd() * 12_000);
    const inputTokens = Math.round(200 + rnd() * 3000);
    const outputTokens = Math.round(50 + rnd() * 800);
    const trace: Trace = {
      id: `tr-heavy-${String(n++).padStart(6, '0')}`,
      userId: BIG_USER_ID,
      name: first ? 'chat' : pick(NAMES, rnd()),
      startTime: new Date(start).toISOString(),
      latencyMs,
      status: 'ok',
      model: pick(BIG_USER_MODELS, rnd()),
      inputTokens,
      outputTokens,
      inputPreview: first ? `Please help: ${topic}` : `step of ${topic}`,
    };
    if (conversationId) trace.conversationId = conversationId;
    if (rnd() < 0.05) {
      trace.status = 'error';
      trace.errorType = pick(ERRORS, rnd());
    }
    if (rnd() >= 0.03) trace.costUsd = Math.round((inputTokens * 2.5 + outputTokens * 10) / 10) / 100_000;
    traces.push(trace);
  };
  const inConversations = Math.round(BIG_USER_TRACES * 0.98);
  for (let c = 0; c < BIG_USER_CONVERSATIONS; c++) {
    // 1–19 steps (about 9.8 on average), leaving at least one step for every conversation still to come.
    const room = inConversations - traces.length - (BIG_USER_CONVERSATIONS - c - 1);
    const steps = Math.min(room, Math.max(1, Math.round(9.8 + (rnd() - 0.5) * 18)));
    let t = NOW - 90 * DAY + Math.floor(rnd() * span);
    const topic = `${pick(TOPICS, rnd())} #${c + 1}`;
    for (let s = 0; s < steps; s++) {
      push(`conv-${String(c).padStart(5, '0')}`, t, s === 0, topic);
      t += 2_000 + Math.floor(rnd() * 20_000);
    }
  }
  while (traces.length < BIG_USER_TRACES) push(undefined, NOW - 90 * DAY + Math.floor(rnd() * span), true, 'one-off question');
  return traces;
}

let big: DataProvider | undefined;
/** A memory provider holding only the heavy user, generated on first use and kept for later stories. */
export function bigUserProvider(): DataProvider {
  big ??= createMemoryProvider({ users: [{ id: BIG_USER_ID, displayName: 'Heavy user', metadata: { plan: 'enterprise' } }], traces: bigUserTraces(), validate: false });
  return big;
}

/** Id of the user with a single trace. */
export const ONE_TRACE_USER_ID = 'user-one-trace';
let one: DataProvider | undefined;
/** A memory provider with one user who ran one failed trace. */
export function oneTraceProvider(): DataProvider {
  one ??= createMemoryProvider({
    users: [{ id: ONE_TRACE_USER_ID, metadata: {} }],
    traces: [
      {
        id: 'tr-only',
        userId: ONE_TRACE_USER_ID,
        conversationId: 'conv-only',
        name: 'chat',
        startTime: new Date(NOW - 2 * 3_600_000).toISOString(),
        latencyMs: 2310,
        status: 'error',
        errorType: 'TimeoutError',
        model: 'gpt-4o-2024-08-06',
        inputTokens: 812,
        costUsd: 0.0031,
        inputPreview: 'Can you cancel my subscription?',
      },
    ],
  });
  return one;
}

/** Where each story's trace links point: a hash, so clicking stays in the story. */
export const storyTraceHref = (trace: Trace): string => `#/traces/${encodeURIComponent(trace.id)}`;

/**
 * Five runs of one journey with their mean feedback scores: liked, borderline, disliked, rated with categories only
 * and failed before anyone rated it (both `null`: no score). The rows of the feedback-score story.
 */
export const SCORED_TRACES: TraceRow[] = [
  { score: 0.92, name: 'chat', preview: 'How do I export invoices for Q3?' },
  { score: 0.5, name: 'retrieve', preview: 'Find the invoice export settings' },
  { score: 0.12, name: 'chat', preview: 'That export is missing the VAT column.' },
  { score: null, name: 'summarize', preview: 'Summarise the export options' },
  { score: null, name: 'tool-call', preview: 'export_invoices(quarter="Q3")', error: 'ToolError' },
].map((t, i) => ({
  id: `tr-scored-${i + 1}`,
  userId: 'user-scored',
  conversationId: 'conv-invoices',
  name: t.name,
  startTime: new Date(NOW - (i + 1) * 60_000).toISOString(),
  latencyMs: 900 + i * 650,
  status: t.error ? 'error' : 'ok',
  ...(t.error ? { errorType: t.error } : {}),
  model: 'gpt-4o-2024-08-06',
  inputTokens: 800 + i * 120,
  outputTokens: 200 + i * 40,
  costUsd: 0.003 + i * 0.0007,
  inputPreview: t.preview,
  feedbackScore: t.score,
}));

/** Params of the connected stories. */
export interface ConnectedParams {
  /** The user. */
  userId: string;
  /** Time range. */
  range: TimeRange;
  /** Page size of both lists. */
  limit?: number;
}

/** Params of the trace table's hooks. */
interface TraceParams extends ConnectedParams {
  /** Only this conversation's traces. */
  conversationId?: string | null;
  /** Models for the model filter; skips `useModelUsage`. */
  models?: readonly string[];
}

/** `ConversationList` props from `useConversations`, with sorting held here, as a page would. */
export function useConversationListProps({ userId, range, limit = 50 }: ConnectedParams): ConversationListProps {
  const [sorting, setSorting] = useState<SortingItem[]>([]);
  const conversations = useConversations({ userId, range, sorting, limit }, { keepPreviousData: true });
  return {
    rows: conversations.rows,
    rowCount: conversations.data?.pages[0]?.total,
    status: conversations.status,
    error: conversations.error,
    onRetry: conversations.refetch,
    isFetching: conversations.isFetching,
    hasNextPage: conversations.hasNextPage,
    isFetchingNextPage: conversations.isFetchingNextPage,
    onLoadMore: conversations.fetchNextPage,
    sorting,
    onSortingChange: setSorting,
    now: NOW,
  };
}

/**
 * `TraceTable` props from `useTraces`, sorting and filters held here. The model filter offers `models` when given,
 * else the models `useModelUsage` reports.
 */
export function useTraceTableProps({ userId, range, limit = 50, conversationId, models: knownModels }: TraceParams): TraceTableProps {
  const [sorting, setSorting] = useState<SortingItem[]>([]);
  const [filters, setFilters] = useState<FilterItem[]>([]);
  const traces = useTraces({ userId, range, conversationId, sorting, filters, limit }, { keepPreviousData: true });
  const usage = useModelUsage({ userId, range }, { enabled: knownModels === undefined });
  return {
    rows: traces.rows,
    rowCount: traces.data?.pages[0]?.total,
    status: traces.status,
    error: traces.error,
    onRetry: traces.refetch,
    isFetching: traces.isFetching,
    hasNextPage: traces.hasNextPage,
    isFetchingNextPage: traces.isFetchingNextPage,
    onLoadMore: traces.fetchNextPage,
    sorting,
    onSortingChange: setSorting,
    filters,
    onFiltersChange: setFilters,
    modelOptions: knownModels ?? usage.data?.models.map((m) => m.model).filter((m) => m !== '(unknown)'),
    conversationId,
    getTraceHref: storyTraceHref,
  };
}

/** `ConversationList` wired to the hooks; extra props override. */
export function ConnectedConversations({ userId, range, limit, ...rest }: ConnectedParams & Partial<ConversationListProps>) {
  return <ConversationList {...useConversationListProps({ userId, range, limit })} {...rest} />;
}

/** `TraceTable` wired to the hooks; extra props override. */
export function ConnectedTraces({ userId, range, limit, conversationId, ...rest }: ConnectedParams & Partial<TraceTableProps>) {
  return <TraceTable {...useTraceTableProps({ userId, range, limit, conversationId })} {...rest} />;
}

/** The selected conversation as the page keeps it: id plus title for the trace table's chip. */
type Selection = Pick<ConversationSummary, 'id' | 'title'>;

/**
 * The bottom of the user detail page as `UserDetailPage` will wire it: selecting a conversation narrows the trace
 * table to it (in step order), the chip's Clear and a second selection clear it, and a conversation cell in the
 * table selects that conversation.
 */
export function ConversationsAndTraces(props: ConnectedParams & { initialConversation?: Selection | null; maxHeight?: number; models?: readonly string[] }) {
  const { userId, range, limit, maxHeight, models } = props;
  const [selected, setSelected] = useState<Selection | null>(props.initialConversation ?? null);
  const list = useConversationListProps({ userId, range, limit });
  const table = useTraceTableProps({ userId, range, limit, models, conversationId: selected?.id ?? null });
  const select = (id: string | null, summary: Selection | null) =>
    setSelected(id === null ? null : (summary ?? { id, title: list.rows.find((r) => r.id === id)?.title ?? null }));
  return (
    <div style={{ display: 'grid', gap: 'var(--us-space-4)' }}>
      <ConversationList {...list} maxHeight={maxHeight} selectedConversationId={selected?.id ?? null} onSelectedConversationChange={select} />
      <TraceTable
        {...table}
        maxHeight={maxHeight}
        conversationTitle={selected?.title}
        onClearConversation={() => setSelected(null)}
        onConversationSelect={(id) => select(id, null)}
      />
    </div>
  );
}
