/**
 * Tokens and cost of one OTLP trace. Usage is read from every span that carries it, whatever its kind or
 * `gen_ai.operation.name` (LLM calls, embeddings, tools, agents), and each call is counted once: of nested spans
 * that carry usage, only the innermost count, because a wrapper (an agent, a chain, the Vercel AI SDK's
 * `ai.generateText` around `ai.generateText.doGenerate`, a framework's span around the SDK's) reports the sum of what
 * runs under it.
 * @module
 */
import type { Trace } from '../../core/model';
import type { IssueLog } from '../import/import-report';
import type { OtlpSpan } from './otlp-spans';
import { toAmount, toCount, toText, type AttrValue } from './otlp-values';
import { priceTokens, type PriceTable } from './prices';
import {
  carriesUsage,
  COST_PART_KEYS,
  COST_TOTAL_KEYS,
  INPUT_TOKEN_KEYS,
  isEmbeddingSpan,
  isLlmSpan,
  MODEL_KEYS,
  OUTPUT_TOKEN_KEYS,
  TOTAL_TOKEN_KEYS,
} from './semconv';

interface SpanUsage {
  span: OtlpSpan;
  input: number | null;
  output: number | null;
  /** Reported total, else input + output when both are known (input alone for an embedding). */
  total: number | null;
  /** The span reported a total itself. */
  reportedTotal: boolean;
  cost: number | null;
  /** An embedding: no output tokens by nature, so an unknown output is not a gap. */
  embedding: boolean;
  models: string[];
}

/** What {@link applySpanUsage} found. */
export interface TraceUsage {
  /** The spans whose usage counts (innermost carriers), then model calls that report none, in start order. */
  counted: OtlpSpan[];
  /** Distinct models of those spans, in order. */
  models: string[];
}

/** Ancestors of `span` within the trace, nearest first (stops at a missing parent or a cycle). */
function ancestors(span: OtlpSpan, byId: ReadonlyMap<string, OtlpSpan>): OtlpSpan[] {
  const out: OtlpSpan[] = [];
  const seen = new Set<string>([span.spanId]);
  for (let p = span.parentSpanId; p !== null && byId.has(p) && !seen.has(p); p = (byId.get(p) as OtlpSpan).parentSpanId) {
    seen.add(p);
    out.push(byId.get(p) as OtlpSpan);
  }
  return out;
}

function firstKey(attrs: ReadonlyMap<string, AttrValue>, keys: readonly string[]): { key: string; value: AttrValue } | null {
  for (const key of keys) {
    const value = attrs.get(key);
    if (value !== undefined && value !== null && value !== '') return { key, value };
  }
  return null;
}

function readUsage(span: OtlpSpan, traceId: string, prices: PriceTable | undefined, log: IssueLog, unpriced: Set<string>): SpanUsage {
  const count = (keys: readonly string[]): number | null => {
    const found = firstKey(span.attrs, keys);
    if (found === null) return null;
    const n = toCount(found.value);
    if (n === null) log.flag({ traceId, itemId: span.spanId, field: found.key, reason: 'not a token count; ignored' });
    return n;
  };
  const input = count(INPUT_TOKEN_KEYS);
  const output = count(OUTPUT_TOKEN_KEYS);
  const reported = count(TOTAL_TOKEN_KEYS);
  const embedding = isEmbeddingSpan(span);
  if (reported !== null && input === null && output === null) {
    log.flag({ traceId, itemId: span.spanId, field: 'totalTokens', reason: `only a total token count (${reported}); kept as totalTokens, input and output unknown` });
  }
  const models = MODEL_KEYS.map((k) => toText(span.attrs.get(k))).filter((m): m is string => m !== null);
  const parts = COST_PART_KEYS.map((k) => toAmount(span.attrs.get(k)));
  let cost = COST_TOTAL_KEYS.map((k) => toAmount(span.attrs.get(k))).find((c) => c !== null) ?? (parts.every((p) => p !== null) ? (parts as number[]).reduce((a, b) => a + b, 0) : null);
  const billedOutput = embedding ? (output ?? 0) : output;
  if (cost === null && prices !== undefined && input !== null && billedOutput !== null) {
    cost = priceTokens(prices, models, input, billedOutput);
    if (cost === null && models.length > 0) unpriced.add(models[0] as string);
  }
  const total = reported ?? (input !== null && billedOutput !== null ? input + billedOutput : null);
  return { span, input, output, total, reportedTotal: reported !== null, cost, embedding, models };
}

/** Flags wrappers that report more than the spans under them: their own share, if any, is not counted. */
function flagWrappers(counted: readonly SpanUsage[], byId: ReadonlyMap<string, OtlpSpan>, traceId: string, log: IssueLog, read: (s: OtlpSpan) => SpanUsage): void {
  const below = new Map<OtlpSpan, { input: number; output: number; cost: number }>();
  for (const u of counted) {
    for (const a of ancestors(u.span, byId)) {
      if (!carriesUsage(a)) continue;
      const sum = below.get(a) ?? { input: 0, output: 0, cost: 0 };
      sum.input += u.input ?? 0;
      sum.output += u.output ?? 0;
      sum.cost += u.cost ?? 0;
      below.set(a, sum);
    }
  }
  for (const [wrapper, sum] of below) {
    const own = read(wrapper);
    for (const field of ['input', 'output', 'cost'] as const) {
      const value = own[field];
      if (value !== null && value > sum[field] * (1 + 1e-9) + 1e-12) {
        log.flag({ traceId, itemId: wrapper.spanId, field, reason: `reports more ${field} (${value}) than the spans under it (${sum[field]}); only theirs are counted` });
      }
    }
  }
}

/**
 * Sets `inputTokens`, `outputTokens`, `totalTokens` and `costUsd` on `trace` from `spans` (one trace, `byId` its
 * index). Counted: every span carrying usage with no such span under it, plus model calls that carry none (unknown
 * values, flagged). A sum where some counted spans lack the value is kept and flagged; a total-only count is kept
 * as `totalTokens` and flagged; `totalTokens` is set when any counted span reports a total.
 */
export function applySpanUsage(trace: Trace, spans: readonly OtlpSpan[], byId: ReadonlyMap<string, OtlpSpan>, prices: PriceTable | undefined, log: IssueLog): TraceUsage {
  const traceId = trace.id;
  const carriers = spans.filter(carriesUsage);
  const wrappers = new Set<OtlpSpan>(carriers.flatMap((s) => ancestors(s, byId)));
  const innermost = carriers.filter((s) => !wrappers.has(s));
  const covered = new Set<OtlpSpan>(innermost.flatMap((s) => [s, ...ancestors(s, byId)]));
  // Model calls without usage that no counted span stands for (none above, none below): their usage is unknown.
  const bare = spans.filter((s) => isLlmSpan(s) && !carriesUsage(s) && !covered.has(s) && !ancestors(s, byId).some((a) => innermost.includes(a)));
  const unpriced = new Set<string>();
  const cache = new Map<OtlpSpan, SpanUsage>();
  const silent = { skip: () => undefined, flag: () => undefined, skipped: [], flagged: [] };
  const counted = [...innermost, ...bare].map((s) => {
    const u = readUsage(s, traceId, prices, log, unpriced);
    cache.set(s, u);
    return u;
  });
  flagWrappers(counted, byId, traceId, log, (s) => cache.get(s) ?? readUsage(s, traceId, undefined, silent, new Set()));
  for (const m of unpriced) log.flag({ traceId, field: 'prices', reason: `no price for model ${JSON.stringify(m)}; its spans have no cost` });

  const sum = (key: 'inputTokens' | 'outputTokens' | 'costUsd' | 'totalTokens', values: (number | null)[]): void => {
    const known = values.filter((v): v is number => v !== null);
    if (known.length === 0) return;
    trace[key] = known.reduce((a, b) => a + b, 0);
    const unknown = values.length - known.length;
    if (unknown > 0) log.flag({ traceId, field: key, reason: `unknown on ${unknown} of ${values.length} spans with usage; the trace sums the others` });
  };
  sum('inputTokens', counted.map((u) => u.input));
  sum('outputTokens', counted.filter((u) => !u.embedding || u.output !== null).map((u) => u.output));
  sum('costUsd', counted.map((u) => u.cost));
  if (counted.some((u) => u.reportedTotal)) sum('totalTokens', counted.map((u) => u.total));
  const ordered = counted.map((u) => u.span).sort((a, b) => (a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0));
  const models = [...new Set(ordered.map((s) => (cache.get(s) as SpanUsage).models[0]).filter((m): m is string => m !== undefined))];
  return { counted: ordered, models };
}
