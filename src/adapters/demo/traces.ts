/**
 * Demo traces of one user: sessions placed on a diurnal, weekday-heavy clock; most are conversations of 1–15 steps
 * (geometric), the rest standalone calls. Model, release, latency, errors, tokens and cost follow the catalog and the
 * timeline (the pro-plan model switch, the enterprise upgrade, releases adopted with a per-user lag).
 * @module
 */
import { DAY_MS, HOUR_MS } from '../../core/engine/time';
import type { AttributedTrace, Trace } from '../../core/model';
import {
  FOLLOW_UP_NAMES,
  HIGH_ERROR_MIX,
  MODELS,
  SAMPLE_TEXTS,
  STANDALONE_NAMES,
  TAGS,
  TOKEN_PROFILES,
  costOf,
  type DemoErrorType,
  type DemoModel,
  type DemoOperation,
} from './catalog';
import { formatIso } from './iso';
import { hexId, type Random } from './random';
import type { DemoTimelineMs } from './timeline';
import type { UserProfile } from './users';

/** Shared state of trace generation across users. */
export interface TraceContext {
  /** Source of randomness. */
  random: Random;
  /** Exclusive end of the window (epoch ms). */
  now: number;
  /** Dated events. */
  timeline: DemoTimelineMs;
  /** Salt of trace ids. */
  traceSalt: number;
  /** Salt of conversation ids. */
  conversationSalt: number;
  /** Traces made so far (the next trace's id number). */
  traceCount: number;
  /** Conversations made so far. */
  conversationCount: number;
}

/** Relative activity per local hour of day. */
const HOURLY_WEIGHT = [
  0.08, 0.05, 0.04, 0.04, 0.05, 0.1, 0.2, 0.4, 0.7, 0.9, 1, 1, 0.9, 0.95, 1, 1, 0.95, 0.8, 0.6, 0.5, 0.45, 0.35, 0.2,
  0.12,
];
/** Weekend activity relative to weekdays. */
const WEEKEND_WEIGHT = 0.4;
/** Share of sessions that are conversations (the rest are single calls without a conversation id). */
const CONVERSATION_SHARE = 0.8;
/** Success probability of the geometric step count (mean ≈ 3.3 steps), capped at 15. */
const STEP_P = 0.3;
const MAX_STEPS = 15;
/** Error probability of the users who need attention for errors. */
const HIGH_ERROR_RATE = 0.5;
/** Latency multiplier of the slow users. */
const SLOW_FACTOR = 10;
/** Input-token multiplier of the expensive users (long contexts). */
const LONG_CONTEXT_FACTOR = 6;
/** Client-side timeout, ms. */
const TIMEOUT_MS = 30_000;

/** Generates a profile's traces in start order; returns them with their start times (epoch ms). */
export function generateUserTraces(ctx: TraceContext, profile: UserProfile): { traces: AttributedTrace[]; starts: number[] } {
  const { random } = ctx;
  const traces: AttributedTrace[] = [];
  const starts: number[] = [];
  while (traces.length < profile.traceTarget) {
    let t = sampleActiveTime(random, profile.activeFrom, profile.activeTo, profile.region.utcOffsetHours);
    const isConversation = random.chance(CONVERSATION_SHARE);
    const planned = isConversation ? random.geometric(STEP_P, MAX_STEPS) : 1;
    const steps = Math.min(planned, profile.traceTarget - traces.length);
    const conversationId = isConversation ? `conv_${hexId(ctx.conversationCount++, ctx.conversationSalt)}` : undefined;
    for (let step = 0; step < steps && t < ctx.now; step++) {
      const name: DemoOperation = !isConversation
        ? STANDALONE_NAMES.pick(random)
        : step === 0
          ? 'chat'
          : FOLLOW_UP_NAMES.pick(random);
      const trace = createTrace(ctx, profile, t, name, step, conversationId);
      traces.push(trace);
      starts.push(t);
      t += trace.latencyMs + Math.floor(random.logNormal(25_000, 0.8));
    }
  }
  const order = starts.map((_, i) => i).sort((a, b) => (starts[a] as number) - (starts[b] as number));
  return { traces: order.map((i) => traces[i] as AttributedTrace), starts: order.map((i) => starts[i] as number) };
}

/** A uniform time in `[from, to)` thinned by the local hour and weekday, so days and weeks have a rhythm. */
function sampleActiveTime(random: Random, from: number, to: number, utcOffsetHours: number): number {
  let t = from;
  for (let attempt = 0; attempt < 64; attempt++) {
    t = Math.floor(random.between(from, to));
    const local = t + utcOffsetHours * HOUR_MS;
    const hour = ((Math.floor(local / HOUR_MS) % 24) + 24) % 24;
    const weekday = (((Math.floor(local / DAY_MS) + 4) % 7) + 7) % 7; // 0 = Sunday
    const weight = (HOURLY_WEIGHT[hour] as number) * (weekday === 0 || weekday === 6 ? WEEKEND_WEIGHT : 1);
    if (random.next() < weight) return t;
  }
  return t;
}

function createTrace(
  ctx: TraceContext,
  profile: UserProfile,
  start: number,
  name: DemoOperation,
  step: number,
  conversationId: string | undefined,
): AttributedTrace {
  const { random } = ctx;
  const model = pickModel(ctx, profile, start);
  const tokens = TOKEN_PROFILES[name];
  const longContext = profile.special === 'expensive' ? LONG_CONTEXT_FACTOR : 1;
  const inputMedian = tokens.input + step * tokens.inputPerStep;
  const inputTokens = Math.max(1, Math.round(random.logNormal(inputMedian, 0.5) * longContext));
  const outputTokens = Math.max(1, Math.round(random.logNormal(tokens.output, 0.55)));

  const highErrors = profile.special === 'high-errors';
  const failed = random.chance(highErrors ? HIGH_ERROR_RATE : model.errorRate);
  const errorType = failed ? (highErrors ? HIGH_ERROR_MIX : model.errors).pick(random) : undefined;

  let latency =
    (model.baseMs + outputTokens * model.msPerOutputToken + inputTokens * 0.015) *
    profile.region.latency *
    (profile.special === 'slow' ? SLOW_FACTOR : 1) *
    random.logNormal(1, 0.3);
  if (random.chance(0.02)) latency *= random.between(2, 4);
  latency = errorLatency(random, errorType, latency);
  const latencyMs = Math.max(1, Math.round(latency));

  const usage = usageOf(random, model, errorType, inputTokens, outputTokens);
  const texts = SAMPLE_TEXTS[name === 'chat' && step > 0 ? 'followUp' : name];
  const textIndex = random.int(0, texts.inputs.length - 1);
  const fromApi = random.chance(0.02);
  const tags = fromApi ? ['api'] : TAGS.pick(random)?.slice();

  return {
    id: `tr_${hexId(ctx.traceCount++, ctx.traceSalt)}`,
    userId: profile.user.id,
    conversationId,
    name,
    startTime: formatIso(start),
    endTime: random.chance(0.95) ? formatIso(start + latencyMs) : undefined,
    latencyMs,
    status: failed ? 'error' : 'ok',
    errorType,
    model: errorType === 'InvalidRequestError' && random.chance(0.5) ? undefined : model.id,
    release: fromApi ? undefined : releaseAt(ctx.timeline, profile.releaseLags, start),
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    costUsd: usage.costUsd,
    inputPreview: texts.inputs[textIndex],
    outputPreview: failed ? undefined : texts.outputs[textIndex],
    tags,
  };
}

/** The model a call of this user at `start` runs on. */
function pickModel(ctx: TraceContext, profile: UserProfile, start: number): DemoModel {
  const { random } = ctx;
  if (profile.special === 'expensive') return random.chance(0.5) ? MODELS.claudeOpus : MODELS.gpt4oAug;
  switch (profile.plan) {
    case 'free':
      return random.chance(0.85) ? MODELS.gpt4oMini : MODELS.llama;
    case 'pro':
      if (random.chance(0.1)) return MODELS.claudeSonnet;
      return start < ctx.timeline.modelSwitch ? MODELS.gpt4oMini : MODELS.gpt41;
    case 'enterprise':
      if (random.chance(0.35)) return MODELS.claudeSonnet;
      return start < ctx.timeline.enterpriseUpgrade ? MODELS.gpt4oMay : MODELS.gpt4oAug;
  }
}

/** Latency of a failed call: rejections are fast, timeouts hit the client timeout. */
function errorLatency(random: Random, errorType: DemoErrorType | undefined, latency: number): number {
  switch (errorType) {
    case 'RateLimitError':
      return random.between(40, 400);
    case 'InvalidRequestError':
      return random.between(20, 200);
    case 'TimeoutError':
      return TIMEOUT_MS + random.between(0, 1500);
    case 'ContentFilterError':
      return latency * 0.4;
    default:
      return latency;
  }
}

/** Token usage and cost as the provider reports them: unknown for rejected calls and instrumentation gaps. */
function usageOf(
  random: Random,
  model: DemoModel,
  errorType: DemoErrorType | undefined,
  inputTokens: number,
  outputTokens: number,
): Pick<Trace, 'inputTokens' | 'outputTokens' | 'costUsd'> {
  if (errorType === 'RateLimitError' || errorType === 'InvalidRequestError' || random.chance(0.015)) {
    return { inputTokens: undefined, outputTokens: undefined, costUsd: undefined };
  }
  if (errorType === 'TimeoutError') return { inputTokens, outputTokens: undefined, costUsd: undefined };
  const output = errorType === 'ContentFilterError' ? 0 : outputTokens;
  return { inputTokens, outputTokens: output, costUsd: costOf(model, inputTokens, output) };
}

/** The newest release this user's client ran at `t` (the oldest known one before any). */
function releaseAt(timeline: DemoTimelineMs, lags: readonly number[], t: number): string {
  let version = (timeline.releases[0] as DemoTimelineMs['releases'][number]).version;
  timeline.releases.forEach((r, i) => {
    if (t >= r.at + (lags[i] as number)) version = r.version;
  });
  return version;
}
