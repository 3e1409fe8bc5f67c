/**
 * Per-user statistics for every user of a {@link TraceIndex} in one pass over its typed arrays, plus the population
 * baseline the attention rule compares users with. Columnar on purpose: the users list sorts and filters these
 * columns and only materialises row objects for the page it returns.
 * @module
 */
import { attentionBits } from './users-attention';
import type { UserAggregates } from './users-aggregate-types';
import { percentileOfPrefix, pooledP95, sortPrefix } from './users-percentiles';
import type { MsRange } from './time';
import { userRowsInRange, type TraceIndex } from './trace-index';

export type { PopulationBaseline, UserAggregates } from './users-aggregate-types';

/** Allocates every column for `U` users. */
function emptyAggregates(U: number, range: MsRange): UserAggregates {
  return {
    range,
    userCount: U,
    rowLo: new Int32Array(U),
    rowHi: new Int32Array(U),
    traceCount: new Int32Array(U),
    errorCount: new Int32Array(U),
    conversationCount: new Int32Array(U),
    latencyP50Ms: new Float64Array(U).fill(NaN),
    latencyP95Ms: new Float64Array(U).fill(NaN),
    costUsd: new Float64Array(U),
    costCount: new Int32Array(U),
    inputTokens: new Float64Array(U),
    inputTokensKnown: new Uint8Array(U),
    outputTokens: new Float64Array(U),
    outputTokensKnown: new Uint8Array(U),
    feedbackScoreSum: new Float64Array(U),
    feedbackScoreCount: new Int32Array(U),
    firstMs: new Float64Array(U).fill(NaN),
    lastMs: new Float64Array(U).fill(NaN),
    attention: new Uint8Array(U),
    baseline: {
      userCount: 0,
      traceCount: 0,
      errorCount: 0,
      errorRate: null,
      latencyP95Ms: null,
      costTraceCount: 0,
      costPerTraceUsd: null,
    },
  };
}

/**
 * Aggregates every user's traces whose start lies in `range` (half-open), in one pass over the index's typed
 * arrays, then computes the population baseline and each user's attention flags.
 */
export function aggregateUsers(idx: TraceIndex, range: MsRange): UserAggregates {
  const U = idx.users.length;
  const agg = emptyAggregates(U, range);
  const { startMs, latencyMs, isError, costUsd, inputTokens, outputTokens, feedbackScoreSum, feedbackScoreCount } = idx;
  const convCodes = idx.conversation.codes;
  const convSeenBy = new Int32Array(idx.conversation.values.length).fill(-1);
  let maxSlice = 0;
  for (let u = 0; u < U; u++) {
    const { lo, hi } = userRowsInRange(idx, u, range.from, range.to);
    agg.rowLo[u] = lo;
    agg.rowHi[u] = hi;
    if (hi - lo > maxSlice) maxSlice = hi - lo;
  }
  const scratch = new Float64Array(maxSlice);
  const all = new Float64Array(idx.size);
  let pooled = 0;
  let usersInRange = 0;
  let errorsTotal = 0;
  let costTotal = 0;
  let costTraces = 0;
  for (let u = 0; u < U; u++) {
    const lo = agg.rowLo[u];
    const hi = agg.rowHi[u];
    const n = hi - lo;
    if (n === 0) continue;
    usersInRange++;
    let errors = 0;
    let convs = 0;
    let cost = 0;
    let costN = 0;
    let inTok = 0;
    let inKnown = 0;
    let outTok = 0;
    let outKnown = 0;
    let fbSum = 0;
    let fbN = 0;
    for (let r = lo; r < hi; r++) {
      const lat = latencyMs[r];
      scratch[r - lo] = lat;
      all[pooled++] = lat;
      errors += isError[r];
      const c = convCodes[r];
      if (c >= 0 && convSeenBy[c] !== u) {
        convSeenBy[c] = u;
        convs++;
      }
      const usd = costUsd[r];
      if (usd === usd) {
        cost += usd;
        costN++;
      }
      const it = inputTokens[r];
      if (it === it) {
        inTok += it;
        inKnown = 1;
      }
      const ot = outputTokens[r];
      if (ot === ot) {
        outTok += ot;
        outKnown = 1;
      }
      fbSum += feedbackScoreSum[r];
      fbN += feedbackScoreCount[r];
    }
    sortPrefix(scratch, n);
    agg.traceCount[u] = n;
    agg.errorCount[u] = errors;
    agg.conversationCount[u] = convs;
    agg.latencyP50Ms[u] = percentileOfPrefix(scratch, n, 0.5);
    agg.latencyP95Ms[u] = percentileOfPrefix(scratch, n, 0.95);
    agg.costUsd[u] = cost;
    agg.costCount[u] = costN;
    agg.inputTokens[u] = inTok;
    agg.inputTokensKnown[u] = inKnown;
    agg.outputTokens[u] = outTok;
    agg.outputTokensKnown[u] = outKnown;
    agg.feedbackScoreSum[u] = fbSum;
    agg.feedbackScoreCount[u] = fbN;
    agg.firstMs[u] = startMs[lo];
    agg.lastMs[u] = startMs[hi - 1];
    errorsTotal += errors;
    costTotal += cost;
    costTraces += costN;
  }
  agg.baseline = {
    userCount: usersInRange,
    traceCount: pooled,
    errorCount: errorsTotal,
    errorRate: pooled === 0 ? null : errorsTotal / pooled,
    latencyP95Ms: pooledP95(all, pooled),
    costTraceCount: costTraces,
    costPerTraceUsd: costTraces === 0 ? null : costTotal / costTraces,
  };
  for (let u = 0; u < U; u++) if (agg.traceCount[u] > 0) agg.attention[u] = attentionBits(agg, u);
  return agg;
}
