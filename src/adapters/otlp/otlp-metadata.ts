/**
 * User metadata from Langfuse OTel trace metadata (`langfuse.trace.metadata.<key>` attributes, or one
 * `langfuse.trace.metadata` attribute holding an object or its JSON text), merged per user over their traces.
 * @module
 */
import type { MetadataValue } from '../../core/model';
import type { IssueLog } from '../import/import-report';
import { clip, MAX_LABEL_CHARS } from '../import/text';
import type { OtlpSpan } from './otlp-spans';
import type { AttrValue } from './otlp-values';
import { LANGFUSE_METADATA_PREFIX } from './semconv';

const WHOLE_KEY = LANGFUSE_METADATA_PREFIX.slice(0, -1);

function entriesOf(value: AttrValue): [string, unknown][] {
  let v: unknown = value;
  if (typeof v === 'string' && v.trimStart().startsWith('{')) {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      return [];
    }
  }
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.entries(v) : [];
}

/**
 * The Langfuse trace metadata of one trace's spans (`spans` root first; the first value of a key wins), as user
 * metadata: strings (clipped to 256 characters, flagged), numbers, booleans and `null`. Lists, objects and the key
 * `__proto__` are flagged and left out. `{}` when there is none.
 */
export function langfuseTraceMetadata(spans: readonly OtlpSpan[], traceId: string, log: IssueLog): Record<string, MetadataValue> {
  const out: Record<string, MetadataValue> = {};
  const put = (key: string, value: unknown, itemId: string): void => {
    const field = `${LANGFUSE_METADATA_PREFIX}${key}`;
    if (key === '' || Object.prototype.hasOwnProperty.call(out, key)) return;
    if (key === '__proto__') return void log.flag({ traceId, itemId, field, reason: 'reserved metadata key; left out' });
    if (typeof value === 'string') {
      const { text, clipped } = clip(value, MAX_LABEL_CHARS);
      if (clipped) log.flag({ traceId, itemId, field, reason: `longer than ${MAX_LABEL_CHARS} characters; clipped` });
      out[key] = text;
    } else if (value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      out[key] = value;
    } else {
      log.flag({ traceId, itemId, field, reason: 'not a string, number or boolean; left out of the user metadata' });
    }
  };
  for (const span of spans) {
    for (const [key, value] of span.attrs) {
      if (key.startsWith(LANGFUSE_METADATA_PREFIX)) put(key.slice(LANGFUSE_METADATA_PREFIX.length), value, span.spanId);
      else if (key === WHOLE_KEY && value !== null) for (const [k, v] of entriesOf(value)) put(k, v, span.spanId);
    }
  }
  return out;
}

/**
 * One user's metadata from their traces' (`byTrace`, in start order): a later trace's value replaces an earlier
 * one; a key whose value changes is flagged once, naming both values.
 */
export function mergeUserMetadata(userId: string, byTrace: readonly { traceId: string; metadata: Record<string, MetadataValue> }[], log: IssueLog): Record<string, MetadataValue> {
  const out: Record<string, MetadataValue> = {};
  const flagged = new Set<string>();
  for (const { traceId, metadata } of byTrace) {
    for (const [key, value] of Object.entries(metadata)) {
      if (Object.prototype.hasOwnProperty.call(out, key) && out[key] !== value && !flagged.has(key)) {
        flagged.add(key);
        log.flag({ traceId, field: `${LANGFUSE_METADATA_PREFIX}${key}`, reason: `user ${JSON.stringify(userId)}: ${JSON.stringify(out[key])} on earlier traces, ${JSON.stringify(value)} here; the latest trace's value is kept` });
      }
      out[key] = value;
    }
  }
  return out;
}
