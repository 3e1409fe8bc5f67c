/** Why a provider call failed. */
export type ProviderErrorCode = 'network' | 'http' | 'invalid-data' | 'not-found' | 'aborted';

/** Options of a {@link ProviderError}. */
export interface ProviderErrorOptions {
  /** HTTP status, for `http` errors. */
  status?: number;
  /** Path of the offending field, for `invalid-data`, e.g. `rows[3].latencyMs`. */
  field?: string;
  /** Underlying error. */
  cause?: unknown;
}

/**
 * The one error type a DataProvider throws. `code` says what kind of failure it was, `field` names the bad
 * field for `invalid-data`, `status` carries the HTTP status for `http`.
 */
export class ProviderError extends Error {
  /** Failure kind. */
  readonly code: ProviderErrorCode;
  /** HTTP status, when relevant. */
  readonly status?: number;
  /** Offending field path, when relevant. */
  readonly field?: string;

  constructor(code: ProviderErrorCode, message: string, options: ProviderErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderError';
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.field !== undefined) this.field = options.field;
  }
}

/** True when `error` is a {@link ProviderError} (also across bundle copies, by shape). */
export function isProviderError(error: unknown): error is ProviderError {
  return (
    error instanceof ProviderError ||
    (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ProviderError' &&
      typeof (error as { code?: unknown }).code === 'string')
  );
}

/** Throws a `ProviderError` with code `aborted` when the signal is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ProviderError('aborted', 'The request was aborted', { cause: signal.reason });
}

/** What {@link toProviderError} knows about the failed call. */
export interface ToProviderErrorContext {
  /** Names the call in messages, e.g. `GET /users`. Default `request`. */
  label?: string;
  /** The call's signal: once it has aborted, any failure counts as `aborted` (or as a timeout, when it timed out). */
  signal?: AbortSignal;
}

/** An object that looks like a failed fetch `Response` (or carries one as `response`, as ky and axios errors do). */
interface HttpFailureLike {
  status: number;
  statusText?: unknown;
}

/**
 * Maps whatever a custom provider's client threw or rejected with to a {@link ProviderError}, so the UI and the
 * contract suite see one error type:
 * - a `ProviderError` passes through unchanged;
 * - `AbortError` (a `DOMException` or any error with that name), or any failure once `context.signal` aborted →
 *   `aborted`;
 * - `TimeoutError` (e.g. from `AbortSignal.timeout`) → `network`, saying it timed out (the code userscope's own
 *   adapters use for timeouts);
 * - a `Response` with a 4xx/5xx status, or an error carrying one as `response` → `not-found` for 404, else `http`
 *   with `status` set (the query client retries 408, 429 and 5xx, never other 4xx);
 * - a `SyntaxError` (a body that is not JSON) → `invalid-data` with field `(root)`;
 * - anything else (e.g. fetch's `TypeError: Failed to fetch`) → `network`.
 * The original error is kept as `cause`.
 */
export function toProviderError(error: unknown, context: ToProviderErrorContext = {}): ProviderError {
  if (isProviderError(error)) return error;
  const label = context.label ?? 'request';
  const signal = context.signal;
  if (signal?.aborted) {
    return errorName(signal.reason) === 'TimeoutError'
      ? timedOut(label, error)
      : new ProviderError('aborted', 'The request was aborted', { cause: signal.reason });
  }
  const name = errorName(error);
  if (name === 'AbortError') return new ProviderError('aborted', 'The request was aborted', { cause: error });
  if (name === 'TimeoutError') return timedOut(label, error);
  const http = httpFailureOf(error);
  if (http !== null) {
    const statusText = typeof http.statusText === 'string' && http.statusText !== '' ? ` ${http.statusText}` : '';
    const message = `${label} failed with HTTP ${http.status}${statusText}`;
    if (http.status === 404) return new ProviderError('not-found', `${label}: not found (HTTP 404)`, { status: 404, cause: error });
    return new ProviderError('http', message, { status: http.status, cause: error });
  }
  if (name === 'SyntaxError') {
    return new ProviderError('invalid-data', `(root): ${label} answered with a body that is not JSON`, { field: '(root)', cause: error });
  }
  const detail = error instanceof Error && error.message !== '' ? error.message : String(error);
  return new ProviderError('network', `${label}: ${detail}`, { cause: error });
}

function timedOut(label: string, cause: unknown): ProviderError {
  return new ProviderError('network', `${label}: timed out`, { cause });
}

function errorName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const name = (value as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** The failed HTTP answer `value` is or carries (`value.response`), or `null`. */
function httpFailureOf(value: unknown): HttpFailureLike | null {
  for (const candidate of [value, typeof value === 'object' && value !== null ? (value as { response?: unknown }).response : undefined]) {
    if (typeof candidate !== 'object' || candidate === null) continue;
    const status = (candidate as { status?: unknown }).status;
    if (typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599) return candidate as HttpFailureLike;
  }
  return null;
}
