/**
 * Demo user profiles: identity and metadata (plan, tier, region, company, …) plus the hidden knobs that shape
 * their traces (activity window, volume, latency factor, release adoption).
 * @module
 */
import { DAY_MS, HOUR_MS, toIso } from '../../core/engine/time';
import type { MetadataValue, User } from '../../core/model';
import {
  COMPANIES,
  FIRST_NAMES,
  LAST_NAMES,
  MAIL_DOMAINS,
  PLANS,
  REGIONS,
  regionById,
  type DemoPlan,
  type DemoRegion,
} from './catalog';
import type { Random } from './random';
import { SPECIAL_PROFILES, demoUserId, type SpecialKind } from './special-users';

/** A user and the knobs that shape their traces. */
export interface UserProfile {
  /** The user record; `firstSeen`/`lastSeen` are filled once the traces exist. */
  user: User;
  /** Plan. */
  plan: DemoPlan;
  /** Region. */
  region: DemoRegion;
  /** Notable kind, or `null` for a regular user. */
  special: SpecialKind | null;
  /** Activity window start (epoch ms). */
  activeFrom: number;
  /** Activity window end (epoch ms, exclusive, ≤ now). */
  activeTo: number;
  /** Traces to generate. */
  traceTarget: number;
  /** Delay (ms) after each release before this user's client runs it, in `DEMO_RELEASES` order. */
  releaseLags: number[];
}

/** Inputs shared by every profile. */
export interface ProfileContext {
  /** Source of randomness. */
  random: Random;
  /** Window start (epoch ms). */
  from: number;
  /** `now` (epoch ms), the exclusive window end. */
  now: number;
  /** Mean traces per user. */
  tracesPerUser: number;
  /** Number of releases. */
  releaseCount: number;
}

/** Activity volume relative to the mean, by plan (their weighted mean is about 1). */
const PLAN_VOLUME: Record<DemoPlan, number> = { free: 0.7, pro: 1.4, enterprise: 2 };
/** Expected share of the window a regular user is active (dormant, new and churned users included). */
const MEAN_ACTIVE_SHARE = 0.855;
/** Log-space spread of per-user volume: heavy-tailed. */
const VOLUME_SIGMA = 1;
/** Mean delay before a user's client runs a new release. */
const RELEASE_LAG_MEAN_MS = 10 * HOUR_MS;
/** Fewest traces of a notable user, so its numbers mean something. */
const MIN_SPECIAL_TRACES = 60;

/** Builds the profile of the user at `index`. */
export function createProfile(ctx: ProfileContext, index: number): UserProfile {
  const { random } = ctx;
  const id = demoUserId(index);
  const special = SPECIAL_PROFILES.get(id);
  const plan = special ? special.plan : PLANS.pick(random);
  const region = special ? regionById(special.region) : REGIONS.pick(random);
  const span = ctx.now - ctx.from;

  let activeFrom = ctx.from;
  let activeTo = ctx.now;
  let volume: number;
  if (special) {
    volume = Math.max(special.volume * ctx.tracesPerUser, MIN_SPECIAL_TRACES);
  } else {
    const lifecycle = random.next();
    if (lifecycle < 0.03) activeTo = activeFrom; // dormant: signed up, no traces in the window
    else if (lifecycle < 0.18) activeFrom = ctx.from + Math.floor(random.between(0.05, 0.95) * span); // new
    else if (lifecycle < 0.28) activeTo = ctx.from + Math.floor(random.between(0.3, 0.95) * span); // churned
    const share = (activeTo - activeFrom) / span;
    const tail = Math.exp(VOLUME_SIGMA * random.normal() - (VOLUME_SIGMA * VOLUME_SIGMA) / 2);
    volume = (ctx.tracesPerUser * PLAN_VOLUME[plan] * tail * share) / MEAN_ACTIVE_SHARE;
  }
  const traceTarget = activeTo > activeFrom ? Math.round(volume) : 0;

  const releaseLags: number[] = [];
  for (let r = 0; r < ctx.releaseCount; r++) releaseLags.push(Math.floor(random.exponential(RELEASE_LAG_MEAN_MS)));

  const isNew = activeFrom > ctx.from;
  const signupMs = isNew ? activeFrom : activeFrom - random.int(30, 900) * DAY_MS;
  return {
    user: createUser(random, id, plan, region, signupMs),
    plan,
    region,
    special: special ? special.kind : null,
    activeFrom,
    activeTo,
    traceTarget,
    releaseLags,
  };
}

function createUser(random: Random, id: string, plan: DemoPlan, region: DemoRegion, signupMs: number): User {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const company = plan === 'enterprise' || (plan === 'pro' && random.chance(0.4)) ? random.pick(COMPANIES) : null;
  const metadata: Record<string, MetadataValue> = {
    plan,
    tier: plan === 'enterprise' || (plan === 'pro' && random.chance(0.25)) ? 'priority' : 'standard',
    region: region.id,
    signupDate: toIso(signupMs).slice(0, 10),
    beta: random.chance(0.2),
  };
  if (plan !== 'free') {
    metadata.company = company;
    metadata.seats = plan === 'enterprise' ? random.int(50, 2000) : random.int(1, 25);
  }
  const domain = company ? `${ascii(company).replace(/[^a-z]/g, '')}.com` : random.pick(MAIL_DOMAINS);
  const suffix = random.chance(0.5) ? String(random.int(1, 99)) : '';
  return {
    id,
    displayName: random.chance(0.92) ? `${first} ${last}` : undefined,
    email: random.chance(0.95) ? `${ascii(first)}.${ascii(last)}${suffix}@${domain}` : undefined,
    metadata,
    firstSeen: undefined,
    lastSeen: undefined,
  };
}

/** Lower-case ASCII: accents removed (`Müller` → `muller`). */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, '');
}
