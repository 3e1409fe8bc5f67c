/**
 * The demo world: models with prices, releases, regions, plans, error types and sample texts.
 * Prices are USD per 1M tokens (public list prices); `null` means self-hosted (no cost reported).
 * @module
 */
import { Weighted } from './random';

/** A model version the demo app calls. */
export interface DemoModel {
  /** Model id with version. */
  id: string;
  /** USD per 1M input tokens; `null` for a self-hosted model without a price. */
  inputPricePerM: number | null;
  /** USD per 1M output tokens; `null` for a self-hosted model. */
  outputPricePerM: number | null;
  /** Fixed overhead per call, ms. */
  baseMs: number;
  /** Generation time per output token, ms. */
  msPerOutputToken: number;
  /** Probability that a call fails. */
  errorRate: number;
  /** Error types of this model's failures, weighted. */
  errors: Weighted<DemoErrorType>;
}

/** Error classes stamped on failed traces. */
export type DemoErrorType =
  | 'RateLimitError'
  | 'TimeoutError'
  | 'ContentFilterError'
  | 'ToolError'
  | 'InvalidRequestError';

/** Every error type the demo produces. */
export const DEMO_ERROR_TYPES: readonly DemoErrorType[] = [
  'RateLimitError',
  'TimeoutError',
  'ContentFilterError',
  'ToolError',
  'InvalidRequestError',
];

/** Failure mix of a healthy model. */
const COMMON_ERRORS = new Weighted<DemoErrorType>([
  ['RateLimitError', 30],
  ['TimeoutError', 20],
  ['ContentFilterError', 10],
  ['ToolError', 25],
  ['InvalidRequestError', 15],
]);

/** Failure mix of the regressed model: tool-call format changes and slow answers. */
const REGRESSION_ERRORS = new Weighted<DemoErrorType>([
  ['ToolError', 45],
  ['TimeoutError', 30],
  ['InvalidRequestError', 25],
]);

/** Failure mix of users who hammer the API or run broken tools. */
export const HIGH_ERROR_MIX = new Weighted<DemoErrorType>([
  ['RateLimitError', 60],
  ['ToolError', 30],
  ['TimeoutError', 10],
]);

function model(
  id: string,
  prices: [number, number] | null,
  baseMs: number,
  msPerOutputToken: number,
  errorRate: number,
  errors: Weighted<DemoErrorType> = COMMON_ERRORS,
): DemoModel {
  return {
    id,
    inputPricePerM: prices ? prices[0] : null,
    outputPricePerM: prices ? prices[1] : null,
    baseMs,
    msPerOutputToken,
    errorRate,
    errors,
  };
}

/** The demo's models. */
export const MODELS = {
  gpt4oMini: model('gpt-4o-mini-2024-07-18', [0.15, 0.6], 350, 8, 0.028),
  gpt4oMay: model('gpt-4o-2024-05-13', [5, 15], 600, 15, 0.02),
  gpt4oAug: model('gpt-4o-2024-08-06', [2.5, 10], 550, 13, 0.018),
  gpt41: model('gpt-4.1-2025-04-14', [2, 8], 900, 18, 0.15, REGRESSION_ERRORS),
  claudeSonnet: model('claude-3-5-sonnet-20241022', [3, 15], 700, 14, 0.02),
  claudeOpus: model('claude-3-opus-20240229', [15, 75], 1400, 26, 0.03),
  llama: model('llama-3.1-70b-instruct', null, 500, 11, 0.04),
} as const satisfies Record<string, DemoModel>;

/** Cost of a call in USD (rounded to 1e-8), or `undefined` when the model has no price. */
export function costOf(m: DemoModel, inputTokens: number, outputTokens: number): number | undefined {
  if (m.inputPricePerM === null || m.outputPricePerM === null) return undefined;
  return Math.round((inputTokens * m.inputPricePerM + outputTokens * m.outputPricePerM) * 100) / 1e8;
}

/** The model switch: pro-plan traffic moves from gpt-4o-mini to gpt-4.1, which regresses. */
export const DEMO_MODEL_SWITCH = {
  /** Days before the day of `now`, at 15:00 UTC. */
  daysBeforeNow: 12,
  /** Plan whose traffic switches. */
  plan: 'pro',
  /** Model before. */
  from: MODELS.gpt4oMini.id,
  /** Model after. */
  to: MODELS.gpt41.id,
} as const;

/** Enterprise traffic moves to the newer gpt-4o snapshot (cheaper, no regression). */
export const ENTERPRISE_UPGRADE_DAYS_BEFORE_NOW = 22;

/** App releases, oldest first; each ships at 15:00 UTC `daysBeforeNow` days before the day of `now`. */
export const DEMO_RELEASES: readonly { version: string; daysBeforeNow: number }[] = [
  { version: '1.7.2', daysBeforeNow: 60 },
  { version: '1.8.0', daysBeforeNow: 26 },
  { version: '1.9.0', daysBeforeNow: 17 },
  { version: '1.9.1', daysBeforeNow: 5 },
];

/** A deployment region: its latency multiplier and UTC offset (hours) for the users' working day. */
export interface DemoRegion {
  /** Region id, stored as `metadata.region`. */
  id: string;
  /** Multiplier on latency. */
  latency: number;
  /** Users' local time offset from UTC, hours. */
  utcOffsetHours: number;
  /** Relative share of users. */
  share: number;
}

/** Every region. */
export const REGION_LIST: readonly DemoRegion[] = [
  { id: 'us-east', latency: 1, utcOffsetHours: -5, share: 35 },
  { id: 'us-west', latency: 1.1, utcOffsetHours: -8, share: 20 },
  { id: 'eu-west', latency: 1.25, utcOffsetHours: 1, share: 30 },
  { id: 'ap-south', latency: 1.7, utcOffsetHours: 5.5, share: 15 },
];

/** Regions weighted by their share of users. */
export const REGIONS = new Weighted<DemoRegion>(REGION_LIST.map((r) => [r, r.share] as const));

/** The region with id `id`. */
export function regionById(id: string): DemoRegion {
  const region = REGION_LIST.find((r) => r.id === id);
  if (!region) throw new RangeError(`Unknown demo region: ${id}`);
  return region;
}

/** Plans (`metadata.plan`). */
export type DemoPlan = 'free' | 'pro' | 'enterprise';

/** Plans with their share of users (≈ 60/30/10 %). */
export const PLANS = new Weighted<DemoPlan>([
  ['free', 60],
  ['pro', 30],
  ['enterprise', 10],
]);

/** Operation names (`Trace.name`). */
export type DemoOperation = 'chat' | 'summarize' | 'search' | 'classify' | 'extract';

/** Operation names of standalone traces (no conversation), weighted. */
export const STANDALONE_NAMES = new Weighted<DemoOperation>([
  ['summarize', 35],
  ['classify', 30],
  ['extract', 25],
  ['search', 10],
]);

/** Operation names of conversation steps after the first, weighted. */
export const FOLLOW_UP_NAMES = new Weighted<DemoOperation>([
  ['chat', 75],
  ['search', 15],
  ['summarize', 10],
]);

/** Token profile of an operation: log-normal medians and spreads. */
export interface TokenProfile {
  /** Median input tokens. */
  input: number;
  /** Extra input tokens per conversation step (the context grows). */
  inputPerStep: number;
  /** Median output tokens. */
  output: number;
}

/** Token profiles by operation name. */
export const TOKEN_PROFILES: Record<DemoOperation, TokenProfile> = {
  chat: { input: 900, inputPerStep: 350, output: 220 },
  summarize: { input: 3500, inputPerStep: 0, output: 300 },
  search: { input: 500, inputPerStep: 0, output: 120 },
  classify: { input: 350, inputPerStep: 0, output: 6 },
  extract: { input: 1800, inputPerStep: 0, output: 250 },
};

/** Sample inputs and outputs; index `i` of outputs answers input `i`. */
export interface SampleTexts {
  /** Input previews. */
  inputs: readonly string[];
  /** Output previews, one per input. */
  outputs: readonly string[];
}

/** Sample texts per operation, plus `followUp` for conversation steps after the first. */
export const SAMPLE_TEXTS: Record<DemoOperation | 'followUp', SampleTexts> = {
  chat: {
    inputs: [
      'How do I reset my password?',
      'Can you explain the difference between a Roth and a traditional IRA?',
      "Write a friendly reminder about tomorrow's standup",
      'Why is my Python script throwing a KeyError?',
      "Translate 'see you next week' into Spanish",
      'Help me plan a 3-day trip to Lisbon',
      'Explain OAuth refresh tokens like I am five',
      'What changed in the Q3 pricing update?',
      'Draft a polite reply declining the meeting',
      'Suggest a name for a coffee subscription service',
    ],
    outputs: [
      'Go to Settings → Security and choose "Reset password". You will get an email link.',
      'A Roth IRA is funded with after-tax money; a traditional IRA with pre-tax money.',
      'Hi all, a quick reminder that standup starts at 9:30 tomorrow. See you there!',
      'The key you look up is missing from the dict. Use dict.get(key) or check "key in d".',
      '¡Nos vemos la próxima semana!',
      'Day 1: Alfama and the castle. Day 2: Belém. Day 3: a day trip to Sintra.',
      'A refresh token is a ticket you trade for a new pass when the old one expires.',
      'Annual plans got 15 % cheaper and the Team tier now includes SSO.',
      'Thanks for the invite. I cannot make it this time, but please share the notes.',
      'Daily Grind Club, Bean There, or Roast Post.',
    ],
  },
  followUp: {
    inputs: [
      'Can you make it shorter?',
      'What about for enterprise plans?',
      'Thanks, now do the same for March.',
      'Why?',
      'Give me an example.',
      'Can you put that in a table?',
    ],
    outputs: [
      'Sure, here is a shorter version.',
      'Enterprise plans follow the same steps, with SSO enforced.',
      'Here are the March numbers in the same format.',
      'Because the setting is applied per workspace, not per user.',
      'For example: a user on the free plan sees 3 results per page.',
      'Here it is as a table with three columns.',
    ],
  },
  summarize: {
    inputs: [
      'Summarize this support ticket thread (14 messages)',
      'Summarize the attached meeting transcript',
      'TL;DR of the incident report for INC-2041',
      'Summarize customer interview #7',
      'Summarize the release notes for the PM sync',
    ],
    outputs: [
      'Customer cannot export invoices since Monday; a workaround was shared, a fix is pending.',
      'The team agreed to ship the beta on Friday and postpone the pricing change.',
      'A cache misconfiguration caused 40 minutes of elevated errors; it was rolled back.',
      'The customer likes the dashboards but wants CSV exports and SSO.',
      'Three new features, two bug fixes and a deprecation of the v1 API.',
    ],
  },
  search: {
    inputs: [
      'refund policy for annual plans',
      'latest invoice for ACME',
      'docs: rate limits for the batch API',
      'who owns the billing service?',
      'onboarding checklist for new admins',
    ],
    outputs: [
      'Found 3 documents; top result: "Refunds and cancellations".',
      'Invoice INV-88231, issued on the 1st, $4,200.',
      'Batch API: 50 requests per minute per workspace.',
      'The payments team (#team-payments) owns billing.',
      'Found "Admin onboarding" (12 steps).',
    ],
  },
  classify: {
    inputs: [
      "Classify ticket: 'App crashes when uploading a PDF'",
      "Classify ticket: 'I was charged twice this month'",
      "Classify ticket: 'Please add dark mode'",
      "Classify ticket: 'How do I invite my team?'",
    ],
    outputs: ['bug', 'billing', 'feature-request', 'how-to'],
  },
  extract: {
    inputs: [
      'Extract line items from invoice INV-88231',
      'Extract the action items from these notes',
      'Extract names and dates from this contract',
      'Extract the shipping address from this email',
    ],
    outputs: [
      '3 line items: Pro seats ×10, SSO add-on, support plan.',
      '1) Send the deck to legal. 2) Book the offsite. 3) Update the roadmap.',
      'Parties: Globex Ltd, Initech Inc. Effective: 2026-03-01.',
      '742 Evergreen Terrace, Springfield.',
    ],
  },
};

/** Trace tags, weighted; most traces carry none. */
export const TAGS = new Weighted<string[] | undefined>([
  [undefined, 80],
  [['web'], 8],
  [['mobile'], 6],
  [['experiment:new-retriever'], 4],
  [['web', 'beta'], 2],
]);

/** Feedback categories (`key: "category"`). */
export type DemoCategory = 'wrong-answer' | 'too-slow' | 'great' | 'off-topic';

/** Comments per category. */
export const COMMENTS: Record<DemoCategory | 'error', readonly string[]> = {
  great: ['Exactly what I needed, thanks!', 'Perfect summary.', 'Saved me an hour.', 'Clear and to the point.'],
  'wrong-answer': [
    "The answer cites a policy that doesn't exist.",
    'Wrong total: it skipped the last line item.',
    'This contradicts the docs.',
    'It made up a feature we do not have.',
  ],
  'too-slow': ['Took forever to respond.', 'Way slower than last week.', 'I gave up waiting and refreshed.'],
  'off-topic': ['It answered a different question.', 'Not related to what I asked.', 'Went off on a tangent.'],
  error: ['It just errored out again.', 'Keeps failing with an error.', 'Got an error, had to retry three times.'],
};

/** First names for display names and emails. */
export const FIRST_NAMES: readonly string[] = [
  'Ana', 'Ben', 'Chloé', 'Dmitri', 'Emeka', 'Fatima', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Liam',
  'Mei', 'Noah', 'Olga', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Victor', 'Wen', 'Ximena',
  'Yusuf', 'Zoe', 'Amara', 'Bruno', 'Carmen', 'Diego', 'Elif', 'Farid', 'Hana', 'Ivan', 'Jana', 'Kofi',
];

/** Last names for display names and emails. */
export const LAST_NAMES: readonly string[] = [
  'Silva', 'Müller', 'Okafor', 'Tanaka', 'Nguyen', 'Kowalski', 'Haddad', 'Johansson', 'Patel', 'García',
  'Rossi', 'Kim', 'Smith', 'Dubois', 'Novak', 'Chen', 'Andersen', 'Mensah', 'Ivanova', 'Costa', 'Sato',
  'Fischer', 'Reyes', 'Olsen', 'Khan', 'Moreau', 'Bianchi', 'Park', 'Weber', 'Lopez',
];

/** Companies of pro and enterprise users. */
export const COMPANIES: readonly string[] = [
  'Acme Corp', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Analytics', 'Hooli',
  'Pied Piper', 'Vandelay Industries', 'Wonka Labs', 'Tyrell Systems', 'Aperture Science', 'Massive Dynamic',
  'Dunder Mifflin', 'Sterling Cooper', 'Nakatomi Trading', 'Bluth Company', 'Monarch Solutions',
];

/** Webmail domains of users without a company. */
export const MAIL_DOMAINS: readonly string[] = ['gmail.com', 'outlook.com', 'proton.me', 'yahoo.com', 'fastmail.com'];
