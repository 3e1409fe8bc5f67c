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
