/**
 * GET for the Langfuse provider, with Langfuse's rate limits as a design input: a client-side pace (at most
 * `requestsPerMinute` request starts in any 60 s), `429` answers waited out (`Retry-After`, else backoff) and retried,
 * a timeout on every attempt, retries with backoff on 5xx and network failures, and the abort signal honoured at
 * once. Nothing here logs, and no message carries a header, a key or the full URL.
 * @module
 */
import { ProviderError, throwIfAborted } from '../../core/errors';
import { simulateLatency as sleep } from '../memory/simulate-latency';
import { backoffDelayMs, raceAbort, type HttpAnswer, type HttpOptions } from '../rest/http';

/** Transport options of the Langfuse provider. */
export interface LangfuseHttpOptions extends HttpOptions {
  /** Longest wait for one answer (headers and body), in ms; then the attempt fails as `network` "timed out". Default 30 000. */
  timeoutMs?: number;
  /**
   * Client-side pace: at most this many requests start in any 60 s window, so a load stays under the plan's limit
   * instead of running into 429s. Langfuse Cloud allows 15 (Hobby), 30 (Core), 100 (Pro) a minute on the read
   * endpoints. Default: no pacing (a 429 is still waited out).
   */
  requestsPerMinute?: number;
  /** How many 429 answers one request waits out before rejecting with `http` 429. Default 3. */
  rateLimitRetries?: number;
  /** Longest wait after a 429, in ms, whatever `Retry-After` says. Default 60 000. */
  maxRetryAfterMs?: number;
}

/** A GET that counts what it sends. */
export interface LangfuseHttp {
  /** GETs `url`; `label` (e.g. `GET /api/public/v2/observations`) names it in errors. */
  get(url: string, label: string, signal: AbortSignal | undefined): Promise<HttpAnswer>;
  /** Requests sent so far (every attempt, retries and 429s included). */
  readonly sent: () => number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const WINDOW_MS = 60_000;

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date); `null` when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

interface Attempt {
  status: number;
  text: string;
  retryAfter: string | null;
}

/** Creates the GET of one provider; the pace is shared by every load of that provider. */
export function createLangfuseHttp(options: LangfuseHttpOptions): LangfuseHttp {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const starts: number[] = [];
  let sent = 0;

  /** Waits until one more request may start under `requestsPerMinute`, then records the start. */
  async function pace(signal: AbortSignal | undefined): Promise<void> {
    const limit = options.requestsPerMinute;
    // Bounded: each turn either records a start or sleeps until the oldest start leaves the window.
    for (let turn = 0; limit !== undefined && limit > 0 && turn < 1_000; turn++) {
      throwIfAborted(signal);
      const now = Date.now();
      while (starts.length > 0 && (starts[0] as number) <= now - WINDOW_MS) starts.shift();
      if (starts.length < limit) break;
      await sleep((starts[0] as number) + WINDOW_MS - now, signal);
    }
    starts.push(Date.now());
    sent++;
  }

  async function attempt(url: string, label: string, signal: AbortSignal | undefined): Promise<Attempt | ProviderError> {
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const headers = new Headers(options.headers ? await options.headers() : undefined);
      if (!headers.has('accept')) headers.set('accept', 'application/json');
      const response = await (options.fetch ?? globalThis.fetch)(url, { method: 'GET', headers, signal: controller.signal });
      return { status: response.status, text: await response.text(), retryAfter: response.headers.get('retry-after') };
    } catch (cause) {
      if (signal?.aborted) return new ProviderError('aborted', 'The request was aborted', { cause: signal.reason });
      const what = timedOut ? `no answer within ${timeoutMs} ms (timed out)` : 'the server could not be reached';
      return new ProviderError('network', `${label}: ${what}`, { cause });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function get(url: string, label: string, signal: AbortSignal | undefined): Promise<HttpAnswer> {
    const retries = options.retries ?? 2;
    const rateLimitRetries = options.rateLimitRetries ?? 3;
    let failures = 0;
    let limited = 0;
    // Bounded: every turn spends one of `retries` or `rateLimitRetries`, or returns.
    for (let turn = 0; turn <= retries + rateLimitRetries; turn++) {
      await pace(signal);
      const raw = await raceAbort(attempt(url, label, signal), signal);
      throwIfAborted(signal);
      if (raw instanceof ProviderError ? raw.code === 'network' : raw.status >= 500) {
        if (failures++ < retries) {
          await sleep(backoffDelayMs(failures - 1, options.retryDelayMs ?? 300), signal);
          continue;
        }
        if (raw instanceof ProviderError) throw raw;
      }
      if (raw instanceof ProviderError) throw raw;
      if (raw.status === 429 && limited++ < rateLimitRetries) {
        const wait = retryAfterMs(raw.retryAfter, Date.now()) ?? backoffDelayMs(limited, 1_000);
        await sleep(Math.min(wait, options.maxRetryAfterMs ?? WINDOW_MS), signal);
        continue;
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.text) as unknown;
      } catch {
        body = undefined;
      }
      if (raw.status >= 200 && raw.status < 300 && body === undefined) {
        throw new ProviderError('invalid-data', `(root): ${label} answered ${raw.status} with a body that is not JSON`, { field: '(root)' });
      }
      return { status: raw.status, body };
    }
    throw new ProviderError('http', `${label} is still rate limited after ${rateLimitRetries} waits`, { status: 429 });
  }

  return { get, sent: () => sent };
}
