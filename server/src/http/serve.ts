/**
 * The userscope HTTP server on `node:http`: the REST contract under `/api` (the library's Fetch-API
 * `createRestRequestHandler` over the SQL provider) and OTLP/JSON ingestion at `POST /v1/traces`. Every request is
 * bounded: a timeout that aborts its queries, a cap on requests answered at once (503 with `Retry-After` beyond it)
 * and a cap on body size; range, bucket and page limits are core's, checked before any query runs.
 * Authentication is the host's: see docs/server.md.
 * @module
 */
import { createServer, type Server } from 'node:http';
import { createRestRequestHandler } from 'userscope/adapters/rest';
import type { SqlProvider } from '../provider/create-sql-provider';
import { answerOtlp } from './otlp-route';
import { BodyTooLargeError, jsonResponse, readBody, sendResponse, toRequest } from './node-request';

/** Options of {@link createUserscopeServer}. */
export interface ServerOptions {
  /** Longest one request may take before it is aborted and answered 503, in ms. Default 30,000. */
  requestTimeoutMs?: number;
  /** Most requests answered at once; more get 503 with `Retry-After: 1`. Default 16. */
  maxConcurrentRequests?: number;
  /** Largest OTLP request body, in bytes (after gzip). Default 32 MiB. */
  maxBodyBytes?: number;
  /** Path prefix of the REST contract. Default `/api`. */
  basePath?: string;
  /** Where unexpected errors (answered 500) are written. Default: stderr. */
  log?: (line: string) => void;
}

/** A `node:http` server answering the REST contract from `provider` and ingesting OTLP into its database. */
export function createUserscopeServer(provider: SqlProvider, options: ServerOptions = {}): Server {
  const { requestTimeoutMs = 30_000, maxConcurrentRequests = 16, maxBodyBytes = 32 * 1024 * 1024, basePath = '/api' } = options;
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const rest = createRestRequestHandler(provider, { basePath });
  let active = 0;
  const server = createServer((req, res) => {
    if (active >= maxConcurrentRequests) {
      void sendResponse(res, jsonResponse(503, { error: { code: 'http', message: 'Too many requests at once; retry shortly' } }, { 'retry-after': '1' }));
      return;
    }
    active++;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('timeout')), requestTimeoutMs);
    res.on('close', () => controller.abort(new Error('client closed')));
    const answer = async (): Promise<Response> => {
      const path = new URL(req.url ?? '/', 'http://local').pathname;
      if (path === '/v1/traces') {
        if (req.method !== 'POST') return jsonResponse(405, { code: 12, message: 'POST OTLP/JSON here' });
        const body = await readBody(req, maxBodyBytes);
        const [type, encoding] = [String(req.headers['content-type'] ?? ''), String(req.headers['content-encoding'] ?? '')];
        return answerOtlp(provider.db, type, encoding, body, 4 * maxBodyBytes, () => provider.invalidate());
      }
      if (path === '/healthz') return jsonResponse(200, { ok: true });
      const response = await rest(toRequest(req, controller.signal));
      if (controller.signal.aborted && !res.destroyed) return jsonResponse(503, { error: { code: 'network', message: `No answer within ${requestTimeoutMs} ms` } });
      return response;
    };
    answer()
      .catch((error: unknown) => {
        if (error instanceof BodyTooLargeError) return jsonResponse(413, { code: 8, message: error.message });
        log(`userscope-server: ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return jsonResponse(500, { error: { code: 'internal', message: 'Internal error' } });
      })
      .then((response) => (res.destroyed ? undefined : sendResponse(res, response)))
      .finally(() => {
        clearTimeout(timer);
        active--;
      });
  });
  // Slow clients cannot hold a slot longer than a request may take.
  server.requestTimeout = requestTimeoutMs;
  server.headersTimeout = Math.min(requestTimeoutMs, 60_000);
  return server;
}
