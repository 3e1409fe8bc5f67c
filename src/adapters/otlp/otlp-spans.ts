/**
 * Reads the spans out of OTLP/JSON trace payloads (`{ resourceSpans: [{ resource, scopeSpans: [{ spans }] }] }`),
 * checking the structure as it goes: a wrong type, a bad id or a bad timestamp throws `ProviderError('invalid-data')`
 * naming the field, e.g. `resourceSpans[0].scopeSpans[1].spans[3].traceId`. Attribute values are read leniently.
 * @module
 */
import { decodeAnyValue, decodeId, decodeNanos, UNREADABLE, type AttrValue } from './otlp-values';
import { invalidField } from '../import/text';

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

/**
 * Every span of `payload` (one decoded OTLP/JSON export), in document order. `root` prefixes field paths (e.g.
 * `[2]` for the third payload of a list). Accepts the legacy `instrumentationLibrarySpans` key too.
 */
export function readSpans(payload: unknown, root: string, out: OtlpSpan[]): void {
  const at = (path: string): string => (root === '' ? path : `${root}.${path}`);
  const doc = object(payload, root === '' ? '(root)' : root);
  list(doc.resourceSpans, at('resourceSpans')).forEach((rs, i) => {
    const rsField = at(`resourceSpans[${i}]`);
    const resourceSpans = object(rs, rsField);
    const resource = resourceSpans.resource === undefined ? {} : object(resourceSpans.resource, `${rsField}.resource`);
    const resourceAttrs = attributes(resource.attributes, `${rsField}.resource.attributes`, []);
    const scopesKey = resourceSpans.scopeSpans === undefined && resourceSpans.instrumentationLibrarySpans !== undefined ? 'instrumentationLibrarySpans' : 'scopeSpans';
    list(resourceSpans[scopesKey], `${rsField}.${scopesKey}`).forEach((ss, j) => {
      const ssField = `${rsField}.${scopesKey}[${j}]`;
      list(object(ss, ssField).spans, `${ssField}.spans`).forEach((sp, k) => out.push(span(sp, `${ssField}.spans[${k}]`, resourceAttrs)));
    });
  });
}
