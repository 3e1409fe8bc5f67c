/**
 * Decoding of OTLP/JSON scalars as exporters write them: `AnyValue` objects (`{ stringValue }`, `{ intValue: "12" }`,
 * arrays, kvlists) or plain JSON values, hex or base64 ids, and nanosecond timestamps as strings or numbers.
 * @module
 */
import { invalidField, MAX_TIME_MS } from '../import/text';

/** A decoded attribute value. */
export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };

/** Marks an attribute value of a shape no exporter writes; such attributes are ignored. */
export const UNREADABLE = Symbol('unreadable attribute value');

/** Deepest nesting of arrays and kvlists decoded; deeper values are {@link UNREADABLE} (no stack overflow). */
export const MAX_ATTR_DEPTH = 32;

/**
 * Decodes an attribute value: an OTLP `AnyValue` object, or a plain JSON value (string, number, boolean, array,
 * null). `intValue` may be a string. Returns {@link UNREADABLE} for anything else, and for values nested deeper
 * than {@link MAX_ATTR_DEPTH}.
 */
export function decodeAnyValue(value: unknown, depth = 0): AttrValue | typeof UNREADABLE {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : UNREADABLE;
  if (typeof value !== 'object' || depth >= MAX_ATTR_DEPTH) return UNREADABLE;
  if (Array.isArray(value)) return decodeList(value, depth);
  const v = value as Record<string, unknown>;
  if ('stringValue' in v) return typeof v.stringValue === 'string' ? v.stringValue : UNREADABLE;
  if ('boolValue' in v) return typeof v.boolValue === 'boolean' ? v.boolValue : UNREADABLE;
  if ('intValue' in v || 'doubleValue' in v) {
    const raw = 'intValue' in v ? v.intValue : v.doubleValue;
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    return Number.isFinite(n) ? n : UNREADABLE;
  }
  if ('arrayValue' in v) {
    const values = (v.arrayValue as { values?: unknown } | null)?.values ?? [];
    return Array.isArray(values) ? decodeList(values, depth) : UNREADABLE;
  }
  if ('kvlistValue' in v) {
    const values = (v.kvlistValue as { values?: unknown } | null)?.values ?? [];
    if (!Array.isArray(values)) return UNREADABLE;
    const out: Record<string, AttrValue> = {};
    for (const kv of values as { key?: unknown; value?: unknown }[]) {
      const decoded = decodeAnyValue(kv?.value, depth + 1);
      if (decoded === UNREADABLE || typeof kv?.key !== 'string') return UNREADABLE;
      out[kv.key] = decoded;
    }
    return out;
  }
  if ('bytesValue' in v) return typeof v.bytesValue === 'string' ? v.bytesValue : UNREADABLE;
  return Object.keys(v).length === 0 ? null : UNREADABLE;
}

function decodeList(values: unknown[], depth: number): AttrValue[] | typeof UNREADABLE {
  const out: AttrValue[] = [];
  for (const item of values) {
    const decoded = decodeAnyValue(item, depth + 1);
    if (decoded === UNREADABLE) return UNREADABLE;
    out.push(decoded);
  }
  return out;
}

const HEX = /^[0-9a-f]+$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function base64ToHex(text: string): string | null {
  if (!BASE64.test(text)) return null;
  try {
    return Array.from(atob(text), (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}

/**
 * A trace or span id as lower-case hex: `bytes` bytes written as hex of any case (the OTLP/JSON rule) or base64
 * (protobuf's JSON mapping, used by some exporters). `null` for an absent, empty or all-zero id.
 * @throws ProviderError `invalid-data` naming `field` for anything else.
 */
export function decodeId(value: unknown, bytes: number, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  const expected = `${bytes * 2} hex digits`;
  if (typeof value !== 'string' || value.length > bytes * 4) throw invalidField(field, expected, value);
  const hex = value.length === bytes * 2 && HEX.test(value) ? value.toLowerCase() : base64ToHex(value);
  if (hex === null || hex.length !== bytes * 2) throw invalidField(field, expected, value);
  return /^0+$/.test(hex) ? null : hex;
}

/** Latest timestamp accepted, in nanoseconds: the end of year 9999, the last an ISO-8601 string can write. */
const MAX_NANOS = BigInt(MAX_TIME_MS) * 1_000_000n + 999_999n;

/**
 * A `…UnixNano` timestamp (a decimal string, or a number) as nanoseconds; `null` when absent or 0.
 * @throws ProviderError `invalid-data` naming `field` for anything else.
 */
export function decodeNanos(value: unknown, field: string): bigint | null {
  if (value === undefined || value === null) return null;
  let nanos: bigint | null = null;
  if (typeof value === 'string' && /^\d{1,25}$/.test(value)) nanos = BigInt(value);
  else if (typeof value === 'number' && Number.isFinite(value) && value >= 0) nanos = BigInt(Math.round(value));
  if (nanos === null || nanos > MAX_NANOS) throw invalidField(field, 'nanoseconds since the epoch as a decimal string', value);
  return nanos === 0n ? null : nanos;
}

/** Milliseconds (fractional) of a nanosecond timestamp or duration. */
export function nanosToMs(nanos: bigint): number {
  return Number(nanos / 1_000_000n) + Number(nanos % 1_000_000n) / 1e6;
}

/** A token count from an attribute: a non-negative integer, also written as a numeric string. `null` otherwise. */
export function toCount(value: AttrValue | undefined): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** A non-negative finite number (cost), also written as a numeric string. `null` otherwise. */
export function toAmount(value: AttrValue | undefined): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

/** An id or label from an attribute: strings as they are, numbers and booleans as text; `null` when empty or other. */
export function toText(value: AttrValue | undefined): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}
