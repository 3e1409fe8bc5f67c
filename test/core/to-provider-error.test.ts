import { describe, expect, it } from 'vitest';
import { ProviderError, toProviderError } from '../../src/core/errors';

describe('toProviderError', () => {
  it('passes a ProviderError through unchanged', () => {
    const error = new ProviderError('invalid-data', 'limit: too big', { field: 'limit' });
    expect(toProviderError(error)).toBe(error);
  });

  it('maps an AbortError (DOMException or named Error) to aborted', () => {
    const dom = new DOMException('The operation was aborted.', 'AbortError');
    const mapped = toProviderError(dom);
    expect(mapped).toMatchObject({ name: 'ProviderError', code: 'aborted', message: 'The request was aborted' });
    expect(mapped.cause).toBe(dom);
    const named = Object.assign(new Error('aborted'), { name: 'AbortError' });
    expect(toProviderError(named).code).toBe('aborted');
  });

  it('maps any failure after the signal aborted to aborted', () => {
    const controller = new AbortController();
    controller.abort();
    const mapped = toProviderError(new TypeError('Failed to fetch'), { signal: controller.signal });
    expect(mapped.code).toBe('aborted');
  });

  it('maps a TimeoutError, thrown or as the reason of the aborted signal, to a network timeout', async () => {
    const thrown = toProviderError(new DOMException('signal timed out', 'TimeoutError'), { label: 'GET /users' });
    expect(thrown).toMatchObject({ code: 'network', message: 'GET /users: timed out' });
    const signal = AbortSignal.timeout(1);
    await new Promise((done) => setTimeout(done, 20));
    expect(signal.aborted).toBe(true);
    const viaSignal = toProviderError(new DOMException('aborted', 'AbortError'), { signal });
    expect(viaSignal).toMatchObject({ code: 'network', message: 'request: timed out' });
  });

  it('maps a failed Response: 404 to not-found, every other 4xx/5xx to http with the status', () => {
    const notFound = toProviderError(new Response('{}', { status: 404 }), { label: 'GET /users/u1' });
    expect(notFound).toMatchObject({ code: 'not-found', status: 404, message: 'GET /users/u1: not found (HTTP 404)' });
    for (const status of [400, 401, 403, 408, 422, 429, 500, 502, 503, 504]) {
      const mapped = toProviderError(new Response(null, { status, statusText: 'Nope' }), { label: 'GET /x' });
      expect(mapped).toMatchObject({ code: 'http', status, message: `GET /x failed with HTTP ${status} Nope` });
    }
  });

  it('reads the status of an error that carries the response (ky, axios)', () => {
    const error = Object.assign(new Error('Request failed'), { name: 'HTTPError', response: { status: 503 } });
    expect(toProviderError(error)).toMatchObject({ code: 'http', status: 503 });
    const missing = Object.assign(new Error('Request failed'), { response: { status: 404 } });
    expect(toProviderError(missing)).toMatchObject({ code: 'not-found', status: 404 });
  });

  it('does not take a successful or non-integer status for an HTTP failure', () => {
    expect(toProviderError({ status: 200 }).code).toBe('network');
    expect(toProviderError({ status: 404.5 }).code).toBe('network');
  });

  it('maps a body that is not JSON to invalid-data at (root)', () => {
    let parseError: unknown;
    try {
      JSON.parse('<html>');
    } catch (error) {
      parseError = error;
    }
    expect(toProviderError(parseError, { label: 'GET /users' })).toMatchObject({
      code: 'invalid-data',
      field: '(root)',
      message: '(root): GET /users answered with a body that is not JSON',
    });
  });

  it('maps anything else to network, keeping the cause', () => {
    const failure = new TypeError('Failed to fetch');
    const mapped = toProviderError(failure, { label: 'GET /users' });
    expect(mapped).toMatchObject({ code: 'network', message: 'GET /users: Failed to fetch' });
    expect(mapped.cause).toBe(failure);
    expect(toProviderError('boom')).toMatchObject({ code: 'network', message: 'request: boom' });
  });
});
