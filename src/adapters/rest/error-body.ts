/**
 * The error body of the REST contract, `{ "error": { "code", "message", "field"? } }`, and how `ProviderError`
 * codes map to HTTP statuses and back.
 * @module
 */
import * as z from 'zod/mini';
import { isProviderError, ProviderError, type ProviderErrorCode } from '../../core/errors';

/** Body of every non-2xx answer of the REST contract. */
export interface RestErrorBody {
  /** What went wrong. */
  error: {
    /** `invalid-data` (400) or `not-found` (404) from the provider; anything else is a server failure. */
    code: ProviderErrorCode | 'internal';
    /** Human-readable explanation. */
    message: string;
    /** For `invalid-data`: the offending param, e.g. `range.from` or `sorting[0].id`. */
    field?: string;
  };
}

/** Schema of {@link RestErrorBody}; extra keys are allowed. */
export const restErrorBodySchema = z.looseObject({
  error: z.looseObject({
    code: z.enum(['invalid-data', 'not-found', 'http', 'network', 'aborted', 'internal']),
    message: z.string(),
    field: z.optional(z.string()),
  }),
});

/** Longest server message copied into a client-side error, in characters. */
const MAX_MESSAGE_CHARS = 300;

/** HTTP status and body for an error thrown while answering a request. Unknown errors are hidden behind a 500. */
export function errorAnswer(error: unknown): { status: number; body: RestErrorBody } {
  if (!isProviderError(error)) return { status: 500, body: { error: { code: 'internal', message: 'Internal error' } } };
  const status = error.code === 'invalid-data' ? 400 : error.code === 'not-found' ? 404 : error.code === 'aborted' ? 499 : 502;
  const body: RestErrorBody = { error: { code: error.code, message: error.message } };
  if (error.field !== undefined) body.error.field = error.field;
  return { status, body };
}

function readErrorBody(body: unknown): Partial<RestErrorBody['error']> {
  const parsed = restErrorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  const { code, message, field } = parsed.data.error;
  return { code, message: message.slice(0, MAX_MESSAGE_CHARS), ...(field === undefined ? {} : { field: field.slice(0, MAX_MESSAGE_CHARS) }) };
}

/**
 * The `ProviderError` for a non-2xx answer: a 400 whose body says `invalid-data` keeps that code and `field`; a 404
 * whose body says `not-found`, or any 404 when `notFoundOn404`, is `not-found`; everything else is `http` with the
 * status. `label` names the call (route template, never the full URL or a header).
 */
export function errorFromAnswer(label: string, status: number, body: unknown, notFoundOn404: boolean): ProviderError {
  const { code, message, field } = readErrorBody(body);
  const detail = message === undefined ? '' : `: ${message}`;
  if (status === 400 && code === 'invalid-data') {
    return new ProviderError('invalid-data', message ?? `${label}: invalid request`, { status, ...(field === undefined ? {} : { field }) });
  }
  if (status === 404 && (code === 'not-found' || notFoundOn404)) return new ProviderError('not-found', `${label}: not found${detail}`, { status });
  return new ProviderError('http', `${label} failed with HTTP ${status}${detail}`, { status });
}
