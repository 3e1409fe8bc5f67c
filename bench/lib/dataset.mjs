/**
 * Deterministic synthetic dataset for the benches: `userCount` users with plan/tier/region metadata and `traceCount`
 * traces spread over `days` days ending at `end`, skewed so a few users carry many traces (like real traffic).
 * Seeded PRNG (mulberry32): the same options always give the same data.
 */

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLANS = ['free', 'pro', 'team', 'enterprise'];
const REGIONS = ['eu-west', 'us-east', 'us-west', 'ap-south'];
const MODELS = ['gpt-4o-2024-08-06', 'gpt-4o-2024-11-20', 'gpt-4o-mini', 'claude-3-5-sonnet'];
const ERROR_TYPES = ['RateLimitError', 'TimeoutError', 'ValidationError', 'ContentFilterError'];
const DAY = 86_400_000;

/**
 * @param {{ userCount: number; traceCount: number; days: number; end: number; seed?: number }} options
 * @returns {{ users: import('../../src/core/model').User[]; traces: import('../../src/core/model').Trace[]; feedback: import('../../src/core/model').Feedback[] }}
 */
export function syntheticDataset({ userCount, traceCount, days, end, seed = 42 }) {
  const rnd = mulberry32(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const users = [];
  const errorProb = new Float64Array(userCount);
  const slowness = new Float64Array(userCount);
  for (let u = 0; u < userCount; u++) {
    const id = `user-${String(u).padStart(6, '0')}`;
    users.push({
      id,
      displayName: rnd() < 0.7 ? `User ${u}` : undefined,
      email: rnd() < 0.6 ? `${id}@example.com` : undefined,
      metadata: { plan: pick(PLANS), tier: 1 + Math.floor(rnd() * 3), region: pick(REGIONS) },
    });
    errorProb[u] = rnd() < 0.02 ? 0.4 : 0.03;
    slowness[u] = rnd() < 0.02 ? 4 : 1;
  }
  const start = end - days * DAY;
  const traces = new Array(traceCount);
  const feedback = [];
  for (let i = 0; i < traceCount; i++) {
    const r = rnd();
    const u = Math.min(userCount - 1, Math.floor(userCount * r * r));
    const userId = users[u].id;
    const startMs = start + Math.floor(rnd() * days * DAY);
    const failed = rnd() < errorProb[u];
    // Log-normal-ish latency around ~900 ms, scaled for slow users.
    const latencyMs = Math.round(Math.exp(6.8 + 0.6 * (rnd() + rnd() + rnd() - 1.5)) * slowness[u]);
    const inputTokens = rnd() < 0.95 ? 200 + Math.floor(rnd() * 2000) : undefined;
    const outputTokens = inputTokens === undefined ? undefined : 50 + Math.floor(rnd() * 800);
    const t = {
      id: `trace-${i}`,
      userId,
      conversationId: rnd() < 0.9 ? `${userId}-c${Math.floor(rnd() * 8)}` : undefined,
      name: 'chat',
      startTime: new Date(startMs).toISOString(),
      latencyMs,
      status: failed ? 'error' : 'ok',
      errorType: failed ? pick(ERROR_TYPES) : undefined,
      model: pick(MODELS),
      release: startMs < start + (days * DAY) / 2 ? '1.4.0' : '1.5.0',
      inputTokens,
      outputTokens,
      costUsd: inputTokens === undefined || rnd() < 0.05 ? undefined : (inputTokens * 2.5 + outputTokens * 10) / 1e6,
    };
    traces[i] = t;
    if (rnd() < 0.05) {
      const up = rnd() < 0.8;
      feedback.push({ id: `fb-${i}`, traceId: t.id, userId, key: 'thumbs', value: up, score: up ? 1 : 0, createdAt: t.startTime });
    }
  }
  return { users, traces, feedback };
}
