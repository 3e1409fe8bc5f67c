/**
 * node:http ↔ Fetch API: an `IncomingMessage` as a `Request` (body read with a size cap), and a `Response` written
 * back to a `ServerResponse`.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Thrown when a request body exceeds the cap. */
export class BodyTooLargeError extends Error {
  /** @param limit The cap, in bytes. */
  constructor(readonly limit: number) {
    super(`Request body over ${limit} bytes`);
  }
}

/** Reads the whole body, rejecting with {@link BodyTooLargeError} past `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The Fetch `Request` of a GET (no body), carrying `signal`. */
export function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(url, { method: req.method, headers, signal });
}

/** Writes `response` to `res`. */
export async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** A JSON answer. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}
