/**
 * JSON over HTTP GET for the REST and Langfuse adapters: credentials from a headers callback, retries with
 * exponential backoff and jitter on 5xx answers and network failures, and an `AbortSignal` honoured at once, also
 * while waiting to retry. Nothing here logs, and no message carries a header or the full URL.
 * @module
 */
import { ProviderError, throwIfAborted } from '../../core/errors';
import { DEFAULT_TIMEOUT_MS } from '../../core/limits';
import { startDeadline, timeoutError } from '../../core/timeout';
import { simulateLatency } from '../memory/simulate-latency';

/** Transport options shared by the HTTP adapters. */
export interface HttpOptions {
  /** The `fetch` to use. Default: the global `fetch`, looked up on every call (so test interceptors apply). */
  fetch?: typeof fetch;
  /**
   * Request headers, called before every attempt: the only place for credentials (e.g. `Authorization`). Its value
   * is never logged or copied into an error. A callback that throws counts as a network failure.
   */
  headers?: () => HeadersInit | Promise<HeadersInit>;
  /** Extra attempts after a 5xx answer or a network failure (never after a 4xx). Default 2. */
  retries?: number;
  /** First backoff delay in ms; it doubles per attempt (at most 8 s) and is scaled by a random 50–100 %. Default 300. */
  retryDelayMs?: number;
  /**
   * Longest a call may take, every attempt, retry and backoff wait included, in ms. When it elapses the call
   * rejects with `ProviderError('network')` saying it timed out, and the request is aborted. Default
   * `DEFAULT_TIMEOUT_MS` (30 s); `Infinity` for none.
   */
  timeoutMs?: number;
}

/** An HTTP answer: its status and its body parsed as JSON (`undefined` when the body is not JSON). */
export interface HttpAnswer {
  /** HTTP status. */
  status: number;
  /** Parsed JSON body, or `undefined`. */
  body: unknown;
}

const DEFAULT_RETRIES = 2;
const DEFAULT_RETRY_DELAY_MS = 300;
const MAX_RETRY_DELAY_MS = 8_000;

/** Delay before retry number `attempt + 1`: exponential, capped, with "equal jitter" (50–100 % of the step). */
export function backoffDelayMs(attempt: number, baseMs: number): number {
  const step = Math.min(baseMs * 2 ** attempt, MAX_RETRY_DELAY_MS);
  return step * (0.5 + Math.random() / 2);
}

function aborted(signal: AbortSignal): ProviderError {
  return new ProviderError('aborted', 'The request was aborted', { cause: signal.reason });
}

/** `promise`, or a rejection with `ProviderError('aborted')` as soon as `signal` aborts, whichever comes first. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(aborted(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

interface RawAnswer {
  status: number;
  text: string;
}

async function attempt(url: string, options: HttpOptions, signal: AbortSignal | undefined, label: string): Promise<RawAnswer | ProviderError> {
  const failed = (cause: unknown, what: string): ProviderError =>
    signal?.aborted ? aborted(signal) : new ProviderError('network', `${label}: ${what}`, { cause });
  let headers: Headers;
  try {
    headers = new Headers(options.headers ? await options.headers() : undefined);
  } catch (cause) {
    return failed(cause, 'the headers callback failed');
  }
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  let response: Response;
  try {
    response = await (options.fetch ?? globalThis.fetch)(url, { method: 'GET', headers, signal: signal ?? null });
  } catch (cause) {
    return failed(cause, 'the server could not be reached');
  }
  try {
    return { status: response.status, text: await response.text() };
  } catch (cause) {
    return failed(cause, `the connection broke while reading the answer (HTTP ${response.status})`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * GETs `url` and returns the final answer, after retrying 5xx answers and network failures `options.retries` times,
 * all within `options.timeoutMs`. `label` (e.g. `GET /users/{userId}`) names the call in error messages.
 * @throws ProviderError `aborted` (at once, also during a backoff wait), `network` when every attempt failed to get
 * an answer, the body broke off mid-read, or the time ran out (the message says it timed out), `invalid-data`
 * (field `(root)`) when a 2xx body is not JSON.
 */
export async function getJson(url: string, options: HttpOptions, signal: AbortSignal | undefined, label: string): Promise<HttpAnswer> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = startDeadline(signal, timeoutMs);
  try {
    return await getJsonWithRetries(url, options, deadline.signal, label);
  } catch (error) {
    throw deadline.timedOut() ? timeoutError(label, timeoutMs) : error;
  } finally {
    deadline.clear();
  }
}

async function getJsonWithRetries(url: string, options: HttpOptions, signal: AbortSignal, label: string): Promise<HttpAnswer> {
  const retries = options.retries ?? DEFAULT_RETRIES;
  for (let n = 0; ; n++) {
    throwIfAborted(signal);
    const raw = await raceAbort(attempt(url, options, signal, label), signal);
    const retryable = raw instanceof ProviderError ? raw.code === 'network' : raw.status >= 500;
    if (retryable && n < retries) {
      await simulateLatency(backoffDelayMs(n, options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS), signal);
      continue;
    }
    if (raw instanceof ProviderError) throw raw;
    const body = parseJson(raw.text);
    if (raw.status >= 200 && raw.status < 300 && body === undefined) {
      throw new ProviderError('invalid-data', `(root): ${label} answered ${raw.status} with a body that is not JSON`, { field: '(root)' });
    }
    return { status: raw.status, body };
  }
}
