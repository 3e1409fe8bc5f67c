/**
 * Whether Langfuse holds any trace of a user, in one request: a v2 metrics count over all time (`metrics.yml`), else
 * one legacy `GET /api/public/traces` page of one item (`trace.yml`, `meta.totalItems`).
 * @module
 */
import { validate } from '../../core/schema/validate';
import type { LangfuseApi, RequestBudget } from './langfuse-api';
import { langfuseListedTraceSchema, langfuseMetricsSchema, langfusePageSchema } from './schemas';

/** True when the user has at least one observation (or legacy trace) in Langfuse, in `environments` when given. */
export async function userExists(api: LangfuseApi, userId: string, environments: readonly string[], signal: AbortSignal | undefined): Promise<boolean> {
  const budget: RequestBudget = { remaining: 2, max: 2, what: `the user ${JSON.stringify(userId)}` };
  const filters: object[] = [{ column: 'userId', operator: '=', value: userId, type: 'string' }];
  if (environments.length > 0) filters.push({ column: 'environment', operator: 'any of', value: environments, type: 'stringOptions' });
  const query = { view: 'observations', metrics: [{ measure: 'count', aggregation: 'count' }], filters, fromTimestamp: '1970-01-01T00:00:00.000Z', toTimestamp: new Date(Date.now() + 86_400_000).toISOString() };
  const metrics = await api.getOptional('/api/public/v2/metrics', { query: JSON.stringify(query) }, budget, signal);
  if (metrics !== null) {
    return validate(langfuseMetricsSchema, metrics).data.some((row) => Object.values(row).some((v) => (typeof v === 'number' || typeof v === 'string') && Number(v) > 0));
  }
  const page = await api.getOptional('/api/public/traces', { userId, page: '1', limit: '1', environment: environments }, budget, signal);
  return page !== null && validate(langfusePageSchema(langfuseListedTraceSchema), page).meta.totalItems > 0;
}
