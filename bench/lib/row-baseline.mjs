/**
 * The straightforward row-object `listUsers` the engine is measured against: group `Trace` objects in a
 * `Map<userId, Trace[]>`, compute every user's numbers with per-user arrays, build one row object per user, sort
 * them all and slice the page. Same outputs as `queryUsers` (numbers, population baseline, attention, sparkline).
 */

const DAY = 86_400_000;

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/**
 * Grouping step: users by id, each with their traces (and parsed start times), and feedback scores by trace id.
 * `listUsersGroupPerQuery` runs it on every call; `listUsersPreGrouped` reuses one result.
 */
export function groupRows(users, traces, feedback) {
  const byUser = new Map(users.map((u) => [u.id, { user: u, traces: [] }]));
  for (const t of traces) {
    let entry = byUser.get(t.userId);
    if (!entry) {
      entry = { user: { id: t.userId, metadata: {} }, traces: [] };
      byUser.set(t.userId, entry);
    }
    entry.traces.push({ trace: t, startMs: Date.parse(t.startTime) });
  }
  const scores = new Map();
  for (const f of feedback) {
    if (typeof f.score !== 'number') continue;
    const s = scores.get(f.traceId) ?? { sum: 0, count: 0 };
    s.sum += f.score;
    s.count++;
    scores.set(f.traceId, s);
  }
  return { byUser, scores };
}

function userRow(entry, range, scores) {
  const ts = entry.traces.filter((x) => x.startMs >= range.from && x.startMs < range.to);
  if (ts.length === 0) return null;
  const latencies = ts.map((x) => x.trace.latencyMs).sort((a, b) => a - b);
  const conversations = new Set();
  let errors = 0, cost = 0, costN = 0, inTok = null, outTok = null, fbSum = 0, fbN = 0, first = Infinity, last = -Infinity;
  for (const { trace: t, startMs } of ts) {
    if (t.status === 'error') errors++;
    if (t.conversationId !== undefined) conversations.add(t.conversationId);
    if (typeof t.costUsd === 'number') { cost += t.costUsd; costN++; }
    if (typeof t.inputTokens === 'number') inTok = (inTok ?? 0) + t.inputTokens;
    if (typeof t.outputTokens === 'number') outTok = (outTok ?? 0) + t.outputTokens;
    const s = scores.get(t.id);
    if (s) { fbSum += s.sum; fbN += s.count; }
    if (startMs < first) first = startMs;
    if (startMs > last) last = startMs;
  }
  return {
    user: entry.user, traces: ts, traceCount: ts.length, conversationCount: conversations.size, errorCount: errors,
    successRate: (ts.length - errors) / ts.length, latencyP50Ms: percentile(latencies, 0.5), latencyP95Ms: percentile(latencies, 0.95),
    costUsd: costN ? cost : null, costPerTraceUsd: costN ? cost / costN : null, costCount: costN, inputTokens: inTok, outputTokens: outTok,
    feedbackAvgScore: fbN ? fbSum / fbN : null, firstMs: first, lastMs: last,
  };
}

function attention(row, base) {
  const out = [];
  if (row.traceCount >= 5 && base.errorRate !== null) {
    const v = row.errorCount / row.traceCount;
    if (v >= Math.max(2 * base.errorRate, base.errorRate + 0.1)) out.push({ kind: 'errors', value: v, baseline: base.errorRate });
  }
  if (row.traceCount >= 5 && base.p95 !== null && row.latencyP95Ms >= 2 * base.p95 && row.latencyP95Ms > base.p95) {
    out.push({ kind: 'latency', value: row.latencyP95Ms, baseline: base.p95 });
  }
  if (row.costCount >= 5 && base.costPerTrace !== null && row.costPerTraceUsd >= 3 * base.costPerTrace && row.costPerTraceUsd > base.costPerTrace) {
    out.push({ kind: 'cost', value: row.costPerTraceUsd, baseline: base.costPerTrace });
  }
  return out;
}

/** listUsers over pre-grouped rows: first page by lastSeen desc (ties by id). */
export function listUsersPreGrouped(grouped, range, pageSize = 50) {
  const rows = [];
  for (const entry of grouped.byUser.values()) {
    const row = userRow(entry, range, grouped.scores);
    if (row) rows.push(row);
  }
  const all = rows.flatMap((r) => r.traces.map((x) => x.trace));
  const allLatencies = all.map((t) => t.latencyMs).sort((a, b) => a - b);
  const withCost = all.filter((t) => typeof t.costUsd === 'number');
  const base = {
    errorRate: all.length ? all.filter((t) => t.status === 'error').length / all.length : null,
    p95: percentile(allLatencies, 0.95),
    costPerTrace: withCost.length ? withCost.reduce((s, t) => s + t.costUsd, 0) / withCost.length : null,
  };
  for (const row of rows) row.attention = attention(row, base);
  rows.sort((a, b) => b.lastMs - a.lastMs || (a.user.id < b.user.id ? -1 : a.user.id > b.user.id ? 1 : 0));
  const days = [];
  for (let t = Math.floor(range.from / DAY) * DAY; t < range.to; t += DAY) days.push(t);
  return {
    total: rows.length,
    rows: rows.slice(0, pageSize).map(({ traces, costCount, firstMs, lastMs, ...row }) => ({
      ...row,
      firstSeen: new Date(firstMs).toISOString(),
      lastSeen: new Date(lastMs).toISOString(),
      sparkline: days.map((d) => {
        const inDay = traces.filter((x) => x.startMs >= d && x.startMs < d + DAY);
        return { t: new Date(d).toISOString(), traceCount: inDay.length, errorCount: inDay.filter((x) => x.trace.status === 'error').length };
      }),
    })),
  };
}

/** listUsers from scratch: group the row objects, then {@link listUsersPreGrouped}. */
export function listUsersGroupPerQuery(users, traces, feedback, range, pageSize = 50) {
  return listUsersPreGrouped(groupRows(users, traces, feedback), range, pageSize);
}
