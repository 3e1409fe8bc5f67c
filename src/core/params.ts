/**
 * Checks of the params every DataProvider method shares: range, granularity, pages, limit, search, user id and
 * sorting. Each failure throws `ProviderError('invalid-data')` whose `field` names the param (`range`,
 * `range.from`, `granularity`, `pagination.pageSize`, `limit`, `search`, `userId`, `sorting[0].id`, …), against the
 * bounds of `limits.ts`. The memory provider, the REST request handler and any server call the same functions.
 * @module
 */
import type { OffsetPagination, SortingItem } from './contract';
import { ProviderError } from './errors';
import type { Granularity } from './model';
import {
  DEFAULT_DISTRIBUTION_BINS,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SEGMENTS,
  MAX_DISTRIBUTION_BINS,
  MAX_DAILY_SPARKLINE_DAYS,
  MAX_PAGE_SIZE,
  MAX_PARAM_ID_CHARS,
  MAX_RANGE_DAYS,
  MAX_RANGE_MS,
  MAX_SEARCH_CHARS,
  MAX_SEGMENTS,
  MAX_SERIES_BUCKETS,
  MAX_SORT_KEYS,
} from './limits';
import { autoGranularity, bucketSizeMs, bucketStart, DAY_MS, toMs, type MsRange } from './engine/time';

/** `ProviderError('invalid-data')` for `field`; the message starts with the field. */
export function invalidParam(field: string, message: string): ProviderError {
  return new ProviderError('invalid-data', `${field}: ${message}`, { field });
}

/** A short JSON preview of a received value, for messages (at most 80 characters). */
export function showValue(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function parseInstant(value: unknown, field: string): number {
  const ms = typeof value === 'string' && value.length <= 64 ? toMs(value) : NaN;
  if (!Number.isFinite(ms)) throw invalidParam(field, `expected an ISO-8601 timestamp, got ${showValue(value)}`);
  return ms;
}

/**
 * A range `{ from, to }` as epoch ms. Throws naming `range` (not an object, `from` not before `to`, or longer than
 * {@link MAX_RANGE_DAYS}), `range.from` or `range.to` (not a timestamp).
 */
export function parseRange(range: unknown): MsRange {
  if (typeof range !== 'object' || range === null) throw invalidParam('range', `expected { from, to }, got ${showValue(range)}`);
  const { from: fromText, to: toText } = range as { from?: unknown; to?: unknown };
  const from = parseInstant(fromText, 'range.from');
  const to = parseInstant(toText, 'range.to');
  if (!(from < to)) throw invalidParam('range', `expected from < to, got ${String(fromText)} → ${String(toText)}`);
  if (to - from > MAX_RANGE_MS) {
    const days = Math.ceil((to - from) / DAY_MS);
    throw invalidParam('range', `spans ${days} days, more than the ${MAX_RANGE_DAYS} days a range may span`);
  }
  return { from, to };
}

/** How many `granularity` buckets overlap `range` (arithmetic: no array is built). 0 for an empty range. */
export function seriesBucketCount(range: MsRange, granularity: Granularity): number {
  if (!(range.to > range.from)) return 0;
  const first = bucketStart(range.from, granularity);
  return Math.ceil((range.to - first) / bucketSizeMs(granularity));
}

const GRANULARITIES: readonly Granularity[] = ['hour', 'day', 'week'];

/**
 * The requested granularity, or the automatic one for the range when absent. Throws naming `granularity` when it
 * is not `hour`, `day` or `week`, or when it would give more than {@link MAX_SERIES_BUCKETS} buckets over `range`.
 */
export function parseGranularity(granularity: unknown, range: MsRange): Granularity {
  if (granularity === undefined) return autoGranularity(range);
  if (!GRANULARITIES.includes(granularity as Granularity)) {
    throw invalidParam('granularity', `expected "hour", "day" or "week", got ${showValue(granularity)}`);
  }
  const g = granularity as Granularity;
  const count = seriesBucketCount(range, g);
  if (count > MAX_SERIES_BUCKETS) {
    throw invalidParam('granularity', `"${g}" gives ${count} buckets over this range, more than ${MAX_SERIES_BUCKETS}; pick a coarser one`);
  }
  return g;
}

/** The sparkline granularity of a users list over `range`: `day` up to {@link MAX_DAILY_SPARKLINE_DAYS} days, else `week`. */
export function sparklineGranularity(range: MsRange): Granularity {
  return range.to - range.from <= MAX_DAILY_SPARKLINE_DAYS * DAY_MS ? 'day' : 'week';
}

function isCount(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

/**
 * Offset pagination, default `{ pageIndex: 0, pageSize: 50 }`. Throws naming `pagination`, `pagination.pageIndex`
 * (not an integer ≥ 0) or `pagination.pageSize` (not an integer in 1..{@link MAX_PAGE_SIZE}).
 */
export function parsePagination(pagination: unknown): OffsetPagination {
  if (pagination === undefined) return { pageIndex: 0, pageSize: DEFAULT_PAGE_SIZE };
  if (typeof pagination !== 'object' || pagination === null) {
    throw invalidParam('pagination', `expected { pageIndex, pageSize }, got ${showValue(pagination)}`);
  }
  const { pageIndex, pageSize } = pagination as { pageIndex?: unknown; pageSize?: unknown };
  if (!isCount(pageIndex, 0, Number.MAX_SAFE_INTEGER)) {
    throw invalidParam('pagination.pageIndex', `expected an integer ≥ 0, got ${showValue(pageIndex)}`);
  }
  if (!isCount(pageSize, 1, MAX_PAGE_SIZE)) {
    throw invalidParam('pagination.pageSize', `expected an integer from 1 to ${MAX_PAGE_SIZE}, got ${showValue(pageSize)}`);
  }
  return { pageIndex, pageSize };
}

/** A cursor list's page size, default {@link DEFAULT_PAGE_SIZE}; throws naming `limit` outside 1..{@link MAX_PAGE_SIZE}. */
export function parseLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!isCount(limit, 1, MAX_PAGE_SIZE)) throw invalidParam('limit', `expected an integer from 1 to ${MAX_PAGE_SIZE}, got ${showValue(limit)}`);
  return limit;
}

/** The search text, `undefined` when absent; throws naming `search` for a non-string or one over {@link MAX_SEARCH_CHARS}. */
export function parseSearch(search: unknown): string | undefined {
  if (search === undefined || search === null) return undefined;
  if (typeof search !== 'string') throw invalidParam('search', `expected a string, got ${showValue(search)}`);
  if (search.length > MAX_SEARCH_CHARS) throw invalidParam('search', `expected at most ${MAX_SEARCH_CHARS} characters, got ${search.length}`);
  return search;
}

/** An id param (`userId`, `conversationId`): a non-empty string of at most {@link MAX_PARAM_ID_CHARS}; throws naming `field`. */
export function parseIdParam(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_PARAM_ID_CHARS) {
    throw invalidParam(field, `expected a non-empty string of at most ${MAX_PARAM_ID_CHARS} characters, got ${showValue(value)}`);
  }
  return value;
}

/** `getUsersDistribution`'s `binCount`, default {@link DEFAULT_DISTRIBUTION_BINS}; throws naming `binCount` outside 1..{@link MAX_DISTRIBUTION_BINS}. */
export function parseBinCount(binCount: unknown): number {
  if (binCount === undefined) return DEFAULT_DISTRIBUTION_BINS;
  if (!isCount(binCount, 1, MAX_DISTRIBUTION_BINS)) {
    throw invalidParam('binCount', `expected an integer from 1 to ${MAX_DISTRIBUTION_BINS}, got ${showValue(binCount)}`);
  }
  return binCount;
}

/** `getUsersSegments`' `limit`, default {@link DEFAULT_SEGMENTS}; throws naming `limit` outside 1..{@link MAX_SEGMENTS}. */
export function parseSegmentsLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_SEGMENTS;
  if (!isCount(limit, 1, MAX_SEGMENTS)) throw invalidParam('limit', `expected an integer from 1 to ${MAX_SEGMENTS}, got ${showValue(limit)}`);
  return limit;
}

/** A user id: a non-empty string; throws naming `userId`. */
export function parseUserId(userId: unknown): string {
  return parseIdParam(userId, 'userId');
}

/**
 * Sort items: an array of at most {@link MAX_SORT_KEYS} `{ id, desc }` whose `id` passes `isKnownId`. Returns the
 * items (empty when absent). Throws naming `sorting`, `sorting[i].id` or `sorting[i].desc`.
 */
export function parseSorting(sorting: unknown, isKnownId: (id: string) => boolean, expected: string): SortingItem[] {
  if (sorting === undefined || sorting === null) return [];
  if (!Array.isArray(sorting)) throw invalidParam('sorting', `expected an array, got ${showValue(sorting)}`);
  if (sorting.length > MAX_SORT_KEYS) throw invalidParam('sorting', `expected at most ${MAX_SORT_KEYS} sort keys, got ${sorting.length}`);
  return sorting.map((item: unknown, i) => {
    const { id, desc } = (typeof item === 'object' && item !== null ? item : {}) as { id?: unknown; desc?: unknown };
    if (typeof id !== 'string' || !isKnownId(id)) throw invalidParam(`sorting[${i}].id`, `expected one of ${expected}, got ${showValue(id)}`);
    if (typeof desc !== 'boolean') throw invalidParam(`sorting[${i}].desc`, `expected a boolean, got ${showValue(desc)}`);
    return { id, desc };
  });
}
