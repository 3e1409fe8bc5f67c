/**
 * Checks of the memory provider's call params. Each failure throws `ProviderError('invalid-data')` whose `field`
 * names the offending param (`range`, `range.from`, `granularity`, `sorting[0].id`, `filters[1].value`, …).
 * @module
 */
import type { FilterItem, SortingItem } from '../../core/contract';
import { ProviderError } from '../../core/errors';
import type { Granularity, TimeRange } from '../../core/model';
import { autoGranularity, toMs, type MsRange } from '../../core/engine/time';

function invalid(field: string, message: string): ProviderError {
  return new ProviderError('invalid-data', `${field}: ${message}`, { field });
}

const show = (value: unknown): string => (value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value));

function parseInstant(value: unknown, field: string): number {
  const ms = typeof value === 'string' ? toMs(value) : NaN;
  if (!Number.isFinite(ms)) throw invalid(field, `expected an ISO-8601 timestamp, got ${show(value)}`);
  return ms;
}

/** Parses a range to epoch ms; `from` must be strictly before `to`. */
export function parseRange(range: TimeRange | undefined): MsRange {
  if (typeof range !== 'object' || range === null) throw invalid('range', `expected { from, to }, got ${show(range)}`);
  const from = parseInstant(range.from, 'range.from');
  const to = parseInstant(range.to, 'range.to');
  if (!(from < to)) throw invalid('range', `expected from < to, got ${range.from} → ${range.to}`);
  return { from, to };
}

const GRANULARITIES: readonly Granularity[] = ['hour', 'day', 'week'];

/** The requested granularity, or the automatic one for the range when absent. */
export function parseGranularity(granularity: Granularity | undefined, range: MsRange): Granularity {
  if (granularity === undefined) return autoGranularity(range);
  if (!GRANULARITIES.includes(granularity)) throw invalid('granularity', `expected "hour", "day" or "week", got ${show(granularity)}`);
  return granularity;
}

/** A user id: a non-empty string. */
export function parseUserId(userId: unknown): string {
  if (typeof userId !== 'string' || userId === '') throw invalid('userId', `expected a non-empty string, got ${show(userId)}`);
  return userId;
}

/** Checks every sort item: `id` among `ids`, `desc` a boolean. Returns the items (empty when absent). */
export function checkSorting(sorting: SortingItem[] | undefined, ids: readonly string[]): SortingItem[] {
  if (sorting === undefined) return [];
  if (!Array.isArray(sorting)) throw invalid('sorting', `expected an array, got ${show(sorting)}`);
  sorting.forEach((item, i) => {
    if (!ids.includes(item?.id)) throw invalid(`sorting[${i}].id`, `expected one of ${ids.join(', ')}, got ${show(item?.id)}`);
    if (typeof item.desc !== 'boolean') throw invalid(`sorting[${i}].desc`, `expected a boolean, got ${show(item.desc)}`);
  });
  return sorting;
}

/** A filter with its accepted values; an array value matches any of its items. */
export interface StringFilter {
  /** Filter id. */
  id: string;
  /** Accepted values. */
  values: ReadonlySet<string>;
}

/**
 * Checks string-valued filters: `id` among `ids`, value a string or an array of strings. Filters whose value is
 * `undefined` or an empty array are dropped (TanStack removes them the same way).
 */
export function checkStringFilters(filters: FilterItem[] | undefined, ids: readonly string[]): StringFilter[] {
  if (filters === undefined) return [];
  if (!Array.isArray(filters)) throw invalid('filters', `expected an array, got ${show(filters)}`);
  const out: StringFilter[] = [];
  filters.forEach((item, i) => {
    if (!ids.includes(item?.id)) throw invalid(`filters[${i}].id`, `expected one of ${ids.join(', ')}, got ${show(item?.id)}`);
    const values = Array.isArray(item.value) ? item.value : item.value === undefined ? [] : [item.value];
    if (!values.every((v): v is string => typeof v === 'string')) {
      throw invalid(`filters[${i}].value`, `expected a string or an array of strings, got ${show(item.value)}`);
    }
    if (values.length > 0) out.push({ id: item.id, values: new Set(values) });
  });
  return out;
}
