// Rows with very long names, put into the args of stories that take rows from args (as the Controls panel would),
// so the layout checks see how names that do not fit are truncated.

/** "Now" of the demo stories. */
const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const iso = (msAgo) => new Date(NOW - msAgo).toISOString();

const LONG_USER_NAME = 'Maximiliane Alexandra von Hohenzollern-Sigmaringen-Württemberg, Head of Customer Experience Engineering (EMEA)';
const LONG_USER_EMAIL = 'maximiliane.alexandra.von.hohenzollern-sigmaringen@a-very-long-subdomain.enterprise-customer.example.com';
const LONG_TRACE_NAME = 'retrieve-customer-contract-clauses-and-summarize-renewal-obligations-for-the-procurement-review-agent';
const LONG_PREVIEW = 'Please compare every clause of the 2024 master services agreement with the 2026 renewal draft and list what changed';
const LONG_TITLE = 'Why was I charged twice for the March invoice after upgrading from the team plan to the enterprise plan mid-cycle?';

/** One user row whose name and email are far wider than the user column. */
const userRow = {
  user: { id: 'user-long-name', displayName: LONG_USER_NAME, email: LONG_USER_EMAIL, metadata: { plan: 'enterprise-plus-annual-commitment', region: 'eu-central' } },
  traceCount: 42,
  conversationCount: 9,
  errorCount: 3,
  successRate: 39 / 42,
  latencyP50Ms: 820,
  latencyP95Ms: 4100,
  costUsd: 1.23,
  costPerTraceUsd: 1.23 / 42,
  inputTokens: 38_000,
  outputTokens: 12_000,
  feedbackAvgScore: null,
  firstSeen: iso(20 * 86_400_000),
  lastSeen: iso(3_600_000),
  sparkline: Array.from({ length: 7 }, (_, i) => ({ t: iso((7 - i) * 86_400_000), traceCount: 6, errorCount: i === 3 ? 3 : 0 })),
  attention: [],
};

/** One trace whose name and input preview are far wider than the name column. */
const trace = {
  id: 'tr-long-name',
  userId: 'user-long-name',
  conversationId: 'conv-long-name',
  name: LONG_TRACE_NAME,
  startTime: iso(2 * 3_600_000),
  latencyMs: 2310,
  status: 'ok',
  model: 'gpt-4o-2024-08-06',
  inputTokens: 812,
  outputTokens: 240,
  costUsd: 0.0031,
  inputPreview: LONG_PREVIEW,
};

/** One conversation whose title is far wider than the list. */
const conversation = {
  id: 'conv-long-name',
  traceCount: 3,
  firstTime: iso(3 * 3_600_000),
  lastTime: iso(2 * 3_600_000),
  durationMs: 3_480_000,
  errorCount: 1,
  costUsd: 0.084,
  title: LONG_TITLE,
  models: ['gpt-4o-2024-08-06'],
  steps: ['ok', 'error', 'ok'],
};

/**
 * Per story: the args to set (JSON only, they cross into the page) and the names that must show.
 * @type {Record<string, { args: Record<string, unknown>, names: string[] }>}
 */
export const longNameArgs = {
  usersTable: { args: { rows: [userRow], rowCount: 1 }, names: [LONG_USER_NAME, LONG_USER_EMAIL] },
  traceTable: { args: { rows: [trace], rowCount: 1 }, names: [LONG_TRACE_NAME, LONG_PREVIEW] },
  conversationList: { args: { rows: [conversation], rowCount: 1 }, names: [LONG_TITLE] },
};
