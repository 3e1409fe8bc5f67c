/**
 * The arquero version of the users list: one column table built once, then per query filter on range, group by
 * user, roll up counts, sums, distinct conversations and latency quantiles, order by last seen and slice the page.
 * It computes less than the engine (no feedback, attention or sparkline), so it is a generous baseline.
 */
import * as aq from 'arquero';

const { op } = aq;

/** Column table of the traces (built once, like the trace index). */
export function arqueroTable(traces) {
  const n = traces.length;
  const startMs = new Float64Array(n);
  const latencyMs = new Float64Array(n);
  const isError = new Uint8Array(n);
  const costUsd = new Float64Array(n);
  const inputTokens = new Float64Array(n);
  const outputTokens = new Float64Array(n);
  const userId = new Array(n);
  const conversationId = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = traces[i];
    userId[i] = t.userId;
    conversationId[i] = t.conversationId ?? null;
    startMs[i] = Date.parse(t.startTime);
    latencyMs[i] = t.latencyMs;
    isError[i] = t.status === 'error' ? 1 : 0;
    costUsd[i] = t.costUsd ?? NaN;
    inputTokens[i] = t.inputTokens ?? NaN;
    outputTokens[i] = t.outputTokens ?? NaN;
  }
  return aq.table({ userId, conversationId, startMs, latencyMs, isError, costUsd, inputTokens, outputTokens });
}

/** First page of users by last seen (desc, ties by id) with their rolled-up numbers. */
export function listUsersArquero(table, range, pageSize = 50) {
  const grouped = table
    .params({ from: range.from, to: range.to })
    .filter((d, $) => d.startMs >= $.from && d.startMs < $.to)
    .groupby('userId')
    .rollup({
      traceCount: op.count(),
      errorCount: op.sum('isError'),
      conversationCount: op.distinct('conversationId'),
      latencyP50Ms: op.quantile('latencyMs', 0.5),
      latencyP95Ms: op.quantile('latencyMs', 0.95),
      costUsd: op.sum('costUsd'),
      inputTokens: op.sum('inputTokens'),
      outputTokens: op.sum('outputTokens'),
      firstMs: op.min('startMs'),
      lastMs: op.max('startMs'),
    });
  return { total: grouped.numRows(), rows: grouped.orderby(aq.desc('lastMs'), 'userId').slice(0, pageSize).objects() };
}
