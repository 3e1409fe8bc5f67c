/**
 * Reading and writing the pages' URL state: bounded string checks and the codecs the users view and the detail
 * page share (time range, metadata values, repeated-parameter lists). Every reader returns `undefined` for a value it
 * does not accept, so the caller keeps its default; nothing throws.
 * @module
 */
import { MAX_FILTER_VALUES, MAX_PARAM_ID_CHARS, MAX_SEARCH_CHARS } from '../../core/limits';
import type { MetadataValue } from '../../core/model';
import { TIME_RANGE_PRESETS, customRangeProblem, parseUtcDay, utcDay, type TimeRangeValue } from '../../core/time-range-value';

/** Longest query string read (characters); a longer one is ignored as a whole. */
export const MAX_URL_STATE_CHARS = 64_000;
/** Longest single value read (characters), e.g. an id or a metadata value. */
export const MAX_URL_VALUE_CHARS = Math.max(MAX_PARAM_ID_CHARS, MAX_SEARCH_CHARS);
/** Most values read for one repeated parameter. */
export const MAX_URL_LIST_ITEMS = MAX_FILTER_VALUES;

/** The params of a query string or `URLSearchParams` (a copy), empty when the string is over {@link MAX_URL_STATE_CHARS}. */
export function toSearchParams(params: URLSearchParams | string): URLSearchParams {
  if (typeof params !== 'string') return new URLSearchParams(params);
  return params.length > MAX_URL_STATE_CHARS ? new URLSearchParams() : new URLSearchParams(params);
}

/** True when the JSON texts of `a` and `b` are equal (plain data only). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A range as a URL value: the preset (`7d`), or custom days as `2025-03-01..2025-03-31`. */
export function writeRange(range: TimeRangeValue): string {
  return range.preset === 'custom' ? `${range.from}..${range.to}` : range.preset;
}

/** A URL range value back, or `undefined` when it is no preset and no valid custom range. */
export function readRange(text: string | null): TimeRangeValue | undefined {
  if (text === null) return undefined;
  const preset = TIME_RANGE_PRESETS.find((p) => p === text);
  if (preset) return { preset };
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, from = '', to = ''] = match;
  const realDay = (day: string) => utcDay(parseUtcDay(day) || 0) === day;
  if (!realDay(from) || !realDay(to) || customRangeProblem({ from, to }) !== null) return undefined;
  return { preset: 'custom', from, to };
}

/** True when `text` parses as JSON (then a string value is written quoted, so it does not read back as a number). */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A metadata value as a URL value: a string as itself (JSON-quoted when it would read back as another type), others as JSON. */
export function writeMetadataValue(value: MetadataValue): string {
  // An empty string is quoted too: a lone empty value stands for an empty list (see writeList).
  if (typeof value === 'string') return value === '' || isJson(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/** A URL metadata value back (see {@link writeMetadataValue}); `undefined` when it is too long. */
export function readMetadataValue(text: string): MetadataValue | undefined {
  if (text.length > MAX_URL_VALUE_CHARS) return undefined;
  if (!isJson(text)) return text;
  const value: unknown = JSON.parse(text);
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A bounded, non-empty id (metadata key, column id, conversation id), or `undefined`. */
export function readId(text: string | null | undefined): string | undefined {
  return text && text.length <= MAX_URL_VALUE_CHARS ? text : undefined;
}

/**
 * Writes a list as a repeated parameter; an empty list as one empty value, so it differs from "absent" (the
 * default).
 */
export function writeList<T>(params: URLSearchParams, name: string, items: readonly T[], write: (item: T) => string): void {
  if (items.length === 0) params.append(name, '');
  for (const item of items) params.append(name, write(item));
}

/**
 * Reads a repeated parameter written by {@link writeList}: `undefined` when absent, too long, or when any item is
 * invalid (the whole field then falls back to its default).
 */
export function readList<T>(params: URLSearchParams, name: string, read: (text: string) => T | undefined, maxItems = MAX_URL_LIST_ITEMS): T[] | undefined {
  const texts = params.getAll(name);
  if (texts.length === 0 || texts.length > maxItems) return undefined;
  if (texts.length === 1 && texts[0] === '') return [];
  const items: T[] = [];
  for (const text of texts) {
    const item = read(text);
    if (item === undefined) return undefined;
    items.push(item);
  }
  return items;
}

/** `text` split at its last `.` into a bounded id and a suffix from `suffixes`, or `undefined`. */
export function readSuffixed<S extends string>(text: string, suffixes: readonly S[]): { id: string; suffix: S } | undefined {
  const dot = text.lastIndexOf('.');
  const id = readId(text.slice(0, Math.max(dot, 0)));
  const suffix = suffixes.find((s) => s === text.slice(dot + 1));
  return dot > 0 && id !== undefined && suffix !== undefined ? { id, suffix } : undefined;
}
