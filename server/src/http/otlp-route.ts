/**
 * `POST /v1/traces`: OTLP/HTTP with JSON encoding, as the OpenTelemetry Collector's `otlphttp` exporter sends it
 * (`encoding: json`, optionally gzip). Spans become traces through the library's `fromOtlpJson`; the answer is an
 * `ExportTraceServiceResponse` whose `partialSuccess` counts the spans left out and says why. Protobuf bodies are
 * refused with 415 (configure the exporter with `encoding: json`).
 * @module
 */
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';

const gunzipAsync = promisify(gunzip);
import type { Database } from '../db/types';
import { ingest } from '../ingest/ingest';
import { mergeReport, skip, emptyReport, type IngestReport } from '../ingest/report';
import { readSource } from '../ingest/sources';
import { jsonResponse } from './node-request';

/**
 * Answers one OTLP export request whose body is `body`; `onIngested` runs after a write (cache invalidation). A gzip
 * body may expand to at most `maxBytes` (413 beyond).
 */
export async function answerOtlp(
  db: Database,
  contentType: string,
  contentEncoding: string,
  body: Buffer,
  maxBytes: number,
  onIngested: (report: IngestReport) => void,
): Promise<Response> {
  if (!/^application\/json\b/i.test(contentType)) {
    return jsonResponse(415, { code: 3, message: 'Only OTLP/JSON is accepted: set the exporter\'s encoding to json (Content-Type: application/json)' });
  }
  let text: string;
  try {
    text = (contentEncoding === 'gzip' ? await gunzipAsync(body, { maxOutputLength: maxBytes }) : body).toString('utf8');
  } catch (error) {
    const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    return tooLarge
      ? jsonResponse(413, { code: 8, message: `Body expands to more than ${maxBytes} bytes` })
      : jsonResponse(400, { code: 3, message: 'Body is not valid gzip' });
  }
  let source;
  try {
    source = readSource(text, 'request');
  } catch (error) {
    return jsonResponse(400, { code: 3, message: error instanceof Error ? error.message : String(error) });
  }
  if (source.kind !== 'otlp') return jsonResponse(400, { code: 3, message: 'Expected an OTLP ExportTraceServiceRequest ({ resourceSpans })' });
  const report = emptyReport();
  for (const s of source.skipped) skip(report, s.path, s.reason);
  mergeReport(report, await ingest(db, source.input, { source: 'request' }));
  onIngested(report);
  if (report.skippedCount === 0) return jsonResponse(200, {});
  const reasons = report.skipped.slice(0, 5).map((s) => `${s.path}: ${s.reason}`).join('; ');
  return jsonResponse(200, { partialSuccess: { rejectedSpans: String(report.skippedCount), errorMessage: reasons } });
}
