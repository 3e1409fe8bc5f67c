/**
 * Reads the spans out of OTLP/JSON trace payloads (`{ resourceSpans: [{ resource, scopeSpans: [{ spans }] }] }`),
 * checking the structure as it goes: a span with a wrong type, a bad id or a bad timestamp is left out and reported
 * with its path and the field at fault, e.g. `resourceSpans[0].scopeSpans[1].spans[3].traceId`; the rest is read.
 * Attribute values are read leniently.
 * @module
 */
import { isProviderError, type ProviderError } from '../../core/errors';
import type { IssueLog } from '../import/import-report';
import { invalidField } from '../import/text';
import { decodeAnyValue, decodeId, decodeNanos, UNREADABLE, type AttrValue } from './otlp-values';

/** One span, decoded. */
export interface OtlpSpan {
  /** Trace id, lower-case hex. */
  traceId: string;
  /** Span id, lower-case hex. */
  spanId: string;
  /** Parent span id, `null` for a root. */
  parentSpanId: string | null;
  /** Span name (may be empty). */
  name: string;
  /** Start, ns since the epoch. */
  startNs: bigint;
  /** End, ns since the epoch; `null` when absent. */
  endNs: bigint | null;
  /** Span attributes. */
  attrs: ReadonlyMap<string, AttrValue>;
  /** Attributes of the span's resource. */
  resource: ReadonlyMap<string, AttrValue>;
  /** Status code 2 (`STATUS_CODE_ERROR`). */
  failed: boolean;
  /** `exception.type` of the span's first `exception` event, when any. */
  exceptionType: AttrValue | undefined;
  /** Attribute keys whose value had a shape no exporter writes (ignored). */
  unreadable: string[];
}

type Json = Record<string, unknown>;

function list(value: unknown, field: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidField(field, 'an array', value);
  return value;
}

function object(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidField(field, 'an object', value);
  return value as Json;
}

function attributes(value: unknown, field: string, unreadable: string[]): Map<string, AttrValue> {
  const out = new Map<string, AttrValue>();
  const put = (key: string, raw: unknown): void => {
    const decoded = decodeAnyValue(raw);
    if (decoded === UNREADABLE) unreadable.push(key);
    else out.set(key, decoded);
  };
  if (value === undefined || value === null) return out;
  if (Array.isArray(value)) {
    value.forEach((entry, i) => {
      const kv = object(entry, `${field}[${i}]`);
      if (typeof kv.key !== 'string') throw invalidField(`${field}[${i}].key`, 'a string', kv.key);
      put(kv.key, kv.value);
    });
  } else {
    for (const [key, raw] of Object.entries(object(value, field))) put(key, raw);
  }
  return out;
}

const ERROR_CODES = new Set<unknown>([2, '2', 'STATUS_CODE_ERROR', 'ERROR']);

function span(value: unknown, field: string, resource: ReadonlyMap<string, AttrValue>): OtlpSpan {
  const s = object(value, field);
  const traceId = decodeId(s.traceId, 16, `${field}.traceId`);
  if (traceId === null) throw invalidField(`${field}.traceId`, '32 hex digits', s.traceId);
  const spanId = decodeId(s.spanId, 8, `${field}.spanId`);
  if (spanId === null) throw invalidField(`${field}.spanId`, '16 hex digits', s.spanId);
  const startNs = decodeNanos(s.startTimeUnixNano, `${field}.startTimeUnixNano`);
  if (startNs === null) throw invalidField(`${field}.startTimeUnixNano`, 'a start time', s.startTimeUnixNano);
  if (s.name !== undefined && typeof s.name !== 'string') throw invalidField(`${field}.name`, 'a string', s.name);
  const status = s.status === undefined || s.status === null ? {} : object(s.status, `${field}.status`);
  const unreadable: string[] = [];
  let exceptionType: AttrValue | undefined;
  list(s.events, `${field}.events`).forEach((e, i) => {
    const event = object(e, `${field}.events[${i}]`);
    if (event.name !== 'exception' || exceptionType !== undefined) return;
    exceptionType = attributes(event.attributes, `${field}.events[${i}].attributes`, []).get('exception.type');
  });
  return {
    traceId,
    spanId,
    parentSpanId: decodeId(s.parentSpanId, 8, `${field}.parentSpanId`),
    name: (s.name as string | undefined) ?? '',
    startNs,
    endNs: decodeNanos(s.endTimeUnixNano, `${field}.endTimeUnixNano`),
    attrs: attributes(s.attributes, `${field}.attributes`, unreadable),
    resource,
    failed: ERROR_CODES.has(status.code),
    exceptionType,
    unreadable,
  };
}

function isInvalidData(error: unknown): error is ProviderError {
  return isProviderError(error) && error.code === 'invalid-data';
}

/** Spans under `value` (a resourceSpans or scopeSpans entry), counted as far as the structure can be read. */
function countSpans(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const v = value as Json;
  if (Array.isArray(v.spans)) return v.spans.length;
  const scopes = v.scopeSpans ?? v.instrumentationLibrarySpans;
  return Array.isArray(scopes) ? scopes.reduce<number>((n, scope) => n + countSpans(scope), 0) : 0;
}

/** The trace id of a span that could not be read, when that part of it can. */
function traceIdOf(value: unknown): string | undefined {
  try {
    return decodeId((value as Json | null)?.traceId, 16, 'traceId') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every readable span of `payload` (one decoded OTLP/JSON export), in document order. `root` prefixes paths (e.g.
 * `lines[2]` or `[2]`); `''` marks the only document of the input. Accepts the legacy `instrumentationLibrarySpans`
 * key too. Lenient: a span, scope or resource entry that cannot be read is recorded on `log` as skipped, with its
 * path, the field at fault and the span count, and the rest is read; the trace ids of unreadable spans (when
 * readable) go to `damaged`, so their traces can be flagged.
 * @throws ProviderError `invalid-data` naming the field when `root` is `''` and the document itself is not an
 * OTLP payload (not an object, or `resourceSpans` not a list): nothing in it could be read.
 */
export function readSpans(payload: unknown, root: string, out: OtlpSpan[], log: IssueLog, damaged: Map<string, string[]>): void {
  const at = (path: string): string => (root === '' ? path : `${root}.${path}`);
  const skipGroup = (path: string, value: unknown, error: ProviderError): void =>
    log.skip({ kind: 'span', path, field: error.field, count: Math.max(1, countSpans(value)), reason: `${error.message}; ${countSpans(value)} span(s) under it left out` });
  let resourceSpans: unknown[];
  try {
    resourceSpans = list(object(payload, root === '' ? '(root)' : root).resourceSpans, at('resourceSpans'));
  } catch (error) {
    if (root === '' || !isInvalidData(error)) throw error;
    log.skip({ kind: 'document', path: root, field: error.field, reason: `${error.message}; document left out` });
    return;
  }
  resourceSpans.forEach((rs, i) => {
    const rsField = at(`resourceSpans[${i}]`);
    let scopes: unknown[];
    let resourceAttrs: Map<string, AttrValue>;
    let scopesKey: string;
    try {
      const entry = object(rs, rsField);
      const resource = entry.resource === undefined ? {} : object(entry.resource, `${rsField}.resource`);
      resourceAttrs = attributes(resource.attributes, `${rsField}.resource.attributes`, []);
      scopesKey = entry.scopeSpans === undefined && entry.instrumentationLibrarySpans !== undefined ? 'instrumentationLibrarySpans' : 'scopeSpans';
      scopes = list(entry[scopesKey], `${rsField}.${scopesKey}`);
    } catch (error) {
      if (!isInvalidData(error)) throw error;
      return skipGroup(rsField, rs, error);
    }
    scopes.forEach((ss, j) => {
      const ssField = `${rsField}.${scopesKey}[${j}]`;
      let spans: unknown[];
      try {
        spans = list(object(ss, ssField).spans, `${ssField}.spans`);
      } catch (error) {
        if (!isInvalidData(error)) throw error;
        return skipGroup(ssField, ss, error);
      }
      spans.forEach((sp, k) => {
        const spField = `${ssField}.spans[${k}]`;
        try {
          out.push(span(sp, spField, resourceAttrs));
        } catch (error) {
          if (!isInvalidData(error)) throw error;
          const traceId = traceIdOf(sp);
          log.skip({ kind: 'span', path: spField, field: error.field, ...(traceId === undefined ? {} : { traceId }), reason: `${error.message}; span left out` });
          if (traceId !== undefined) damaged.set(traceId, [...(damaged.get(traceId) ?? []), spField]);
        }
      });
    });
  });
}
