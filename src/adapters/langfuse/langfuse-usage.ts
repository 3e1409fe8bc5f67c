/**
 * Tokens and cost of a Langfuse trace by Langfuse's own definitions: usage and cost count on **every** observation
 * type (a GENERATION, an AGENT or TOOL that reports usage, …), input tokens sum every `usageDetails` key containing
 * `input` (`input`, `input_cached_tokens`, `input_audio`, …), output tokens every key containing `output`
 * (`output`, `output_reasoning`, …), the total is `usageDetails.total`, and cost is `costDetails.total` (else the sum
 * of `costDetails`, else a positive `totalCost` / `calculatedTotalCost`). Langfuse stores each observation's own usage,
 * so summing them never counts a wrapper twice.
 * @module
 */
import type { Trace } from '../../core/model';
import type { IssueLog } from '../import/import-report';
import type { LangfuseObservation } from './schemas';

interface Sum {
  sum: number | undefined;
  unknown: number;
}

function add(acc: Sum, value: number | null): void {
  if (value === null) acc.unknown++;
  else acc.sum = (acc.sum ?? 0) + value;
}

/** The usage map of an observation: `usageDetails`, else the deprecated `usage` (`input`, `output`, `total`). */
function usageMap(o: LangfuseObservation): Record<string, number> | null {
  if (o.usageDetails) return Object.keys(o.usageDetails).length > 0 ? o.usageDetails : null;
  const u = o.usage;
  if (!u) return null;
  const out: Record<string, number> = {};
  for (const key of ['input', 'output', 'total'] as const) {
    const v = (u as Record<string, unknown>)[key];
    if (typeof v === 'number') out[key] = v;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** Sum of the token counts under keys matching `test`; `null` when none; bad counts flagged and ignored. */
function tokens(o: LangfuseObservation, map: Record<string, number>, test: (key: string) => boolean, log: IssueLog, traceId: string): number | null {
  let sum: number | null = null;
  for (const [key, value] of Object.entries(map)) {
    if (!test(key)) continue;
    if (Number.isSafeInteger(value) && value >= 0) sum = (sum ?? 0) + value;
    else log.flag({ traceId, itemId: o.id, field: `usageDetails.${key}`, reason: 'not a token count; ignored' });
  }
  return sum;
}

/** Cost of one observation in USD; `null` when unknown (Langfuse writes 0 in `totalCost` when it knows none). */
function cost(o: LangfuseObservation): number | null {
  const details = o.costDetails ? Object.entries(o.costDetails) : [];
  const total = details.find(([k]) => k === 'total')?.[1] ?? (details.length > 0 ? details.reduce((sum, [, v]) => sum + v, 0) : undefined);
  const value = total ?? ([o.totalCost, o.calculatedTotalCost].find((v) => typeof v === 'number' && v > 0) as number | undefined);
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * Sets `inputTokens`, `outputTokens`, `totalTokens` and `costUsd` on `trace` from its observations (every type).
 * Only observations that report usage (or cost) take part; a figure no observation reports stays unknown. The total
 * is `usageDetails.total`, else the sum of every usage key of that observation.
 */
export function applyUsage(trace: Trace, observations: readonly LangfuseObservation[], log: IssueLog): void {
  const sums = { inputTokens: { sum: undefined, unknown: 0 } as Sum, outputTokens: { sum: undefined, unknown: 0 } as Sum, totalTokens: { sum: undefined, unknown: 0 } as Sum, costUsd: { sum: undefined, unknown: 0 } as Sum };
  for (const o of observations) {
    const map = usageMap(o);
    if (map !== null) {
      add(sums.inputTokens, tokens(o, map, (k) => k.includes('input'), log, trace.id));
      add(sums.outputTokens, tokens(o, map, (k) => k.includes('output'), log, trace.id));
      add(sums.totalTokens, 'total' in map ? tokens(o, map, (k) => k === 'total', log, trace.id) : tokens(o, map, () => true, log, trace.id));
    }
    const c = cost(o);
    add(sums.costUsd, c);
  }
  // As in Langfuse, an observation's usage without an `output…` key has no output tokens: not an unknown to flag.
  for (const [key, { sum }] of Object.entries(sums) as [keyof typeof sums, Sum][]) if (sum !== undefined) trace[key] = sum;
}
