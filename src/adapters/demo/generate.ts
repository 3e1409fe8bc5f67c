/**
 * Assembles the demo dataset from resolved options with plain loops: profiles first, then each user's traces (in
 * start order) and the feedback on them. Profiles, traces and feedback draw from separate seeded streams.
 * @module
 */
import { DAY_MS } from '../../core/engine/time';
import type { AttributedTrace, Feedback, Trace, User } from '../../core/model';
import type { Dataset } from '../../core/schema/validate';

/** A demo {@link Dataset}: every trace runs for a user. */
export interface DemoDataset extends Dataset {
  /** Traces, each with its user id. */
  traces: AttributedTrace[];
}
import { addTraceFeedback, type FeedbackContext } from './feedback';
import { Random, scramble32 } from './random';
import { timelineMs } from './timeline';
import { generateUserTraces, type TraceContext } from './traces';
import { createProfile, type ProfileContext } from './users';

/** Options with every default applied. */
export interface ResolvedDemoOptions {
  /** 32-bit seed. */
  seed: number;
  /** Number of users. */
  users: number;
  /** Window length in days, ending at `now`. */
  days: number;
  /** Exclusive window end (epoch ms). */
  now: number;
  /** Mean traces per user over the window. */
  tracesPerUser: number;
}

/** Generates the dataset for `options`. Same options, same (deep-equal) dataset. */
export function generateDemoDataset(options: ResolvedDemoOptions): DemoDataset {
  const { seed, now } = options;
  const stream = (k: number) => new Random(scramble32(seed ^ k));
  const timeline = timelineMs(now);
  const profileCtx: ProfileContext = {
    random: stream(0x9e3779b9),
    from: now - options.days * DAY_MS,
    now,
    tracesPerUser: options.tracesPerUser,
    releaseCount: timeline.releases.length,
  };
  const traceCtx: TraceContext = {
    random: stream(0x85ebca6b),
    now,
    timeline,
    traceSalt: scramble32(seed ^ 0x27d4eb2f),
    conversationSalt: scramble32(seed ^ 0x165667b1),
    traceCount: 0,
    conversationCount: 0,
  };
  const feedbackCtx: FeedbackContext = {
    random: stream(0xc2b2ae35),
    now,
    feedbackSalt: scramble32(seed ^ 0x61c88647),
    feedbackCount: 0,
  };

  const users: User[] = [];
  const traces: AttributedTrace[] = [];
  const feedback: Feedback[] = [];
  for (let i = 0; i < options.users; i++) {
    const profile = createProfile(profileCtx, i);
    const generated = generateUserTraces(traceCtx, profile);
    const userTraces = generated.traces;
    for (let j = 0; j < userTraces.length; j++) {
      const trace = userTraces[j] as AttributedTrace;
      traces.push(trace);
      addTraceFeedback(feedbackCtx, trace, generated.starts[j] as number, feedback);
    }
    if (userTraces.length > 0) {
      profile.user.firstSeen = (userTraces[0] as Trace).startTime;
      profile.user.lastSeen = (userTraces[userTraces.length - 1] as Trace).startTime;
    }
    users.push(profile.user);
  }
  return { users, traces, feedback };
}
