/**
 * The users view in the URL: {@link parseUsersView} and {@link serializeUsersView}. Only fields that differ from the
 * defaults are written, so a fresh list has a bare URL; reading back gives the same view.
 *
 * Parameters: `range` (`7d` or `2025-03-01..2025-03-31`), `q` (search), `f.<key>` (a metadata filter, repeated per
 * value), `attention` (`1`/`0`), `measure` (`<metric>,<from>,<to>,<binFrom>,<binTo>`, open bounds empty), `sort`
 * (`<id>.desc`/`<id>.asc`, repeated), `page` (1-based), `size`, `cols` (`<id>.show`/`<id>.hide`, repeated), `order`
 * (column ids, repeated). A lone empty value is an empty list (or no measure).
 * @module
 */
import { MAX_FILTERS, MAX_PAGE_SIZE, MAX_SEARCH_CHARS, MAX_SORT_KEYS } from '../../core/limits';
import type { MetadataValue } from '../../core/model';
import { DISTRIBUTION_METRICS } from '../../core/engine/distribution';
import {
  readId,
  readList,
  readMetadataValue,
  readRange,
  readSuffixed,
  sameValue,
  toSearchParams,
  writeList,
  writeMetadataValue,
  writeRange,
} from './url-params';
import { DEFAULT_USERS_VIEW, type MeasureFilter, type UsersView } from '../../hooks/users-view';

const FILTER_PREFIX = 'f.';
/** Highest page number read (1-based). */
const MAX_PAGE_NUMBER = 1_000_000;

/** A finite number from its URL text, `undefined` for `''` (an open bound) — `null` when not a number. */
function readBound(text: string): number | undefined | null {
  if (text === '') return undefined;
  const value = Number(text);
  return text.length <= 32 && Number.isFinite(value) ? value : null;
}

function writeMeasure(measure: MeasureFilter | null): string {
  if (measure === null) return '';
  const { metric, range, bin } = measure;
  return [metric, range.from ?? '', range.to ?? '', bin.from, bin.to].map(String).join(',');
}

function readMeasure(text: string): MeasureFilter | null | undefined {
  if (text === '') return null;
  const [metricText, ...numbers] = text.split(',');
  const metric = DISTRIBUTION_METRICS.find((m) => m === metricText);
  if (!metric || numbers.length !== 4) return undefined;
  const [from, to, binFrom, binTo] = numbers.map(readBound);
  if (from === null || to === null || typeof binFrom !== 'number' || typeof binTo !== 'number') return undefined;
  return { metric, range: { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }, bin: { from: binFrom, to: binTo } };
}

function readCount(text: string | null, max: number): number | undefined {
  if (text === null || !/^\d{1,7}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 && value <= max ? value : undefined;
}

function readFilters(params: URLSearchParams): Record<string, MetadataValue[]> | undefined {
  const names = [...new Set([...params.keys()].filter((name) => name.startsWith(FILTER_PREFIX)))];
  if (names.length === 0) return params.get('f') === '' ? {} : undefined;
  if (names.length > MAX_FILTERS) return undefined;
  const filters: Record<string, MetadataValue[]> = {};
  for (const name of names) {
    const key = readId(name.slice(FILTER_PREFIX.length));
    const values = readList(params, name, readMetadataValue);
    if (key === undefined || values === undefined) return undefined;
    filters[key] = values;
  }
  return filters;
}

/**
 * The users view a URL's query holds: each field from its parameter, or from `defaults` when the parameter is
 * absent, unknown, invalid or over its bound (never throws). Other parameters are ignored.
 * @param params The query (`location.search`, with or without `?`) or `URLSearchParams`.
 * @param defaults The view when the URL says nothing; the same as given to {@link serializeUsersView}.
 */
export function parseUsersView(params: URLSearchParams | string, defaults: UsersView = DEFAULT_USERS_VIEW): UsersView {
  const p = toSearchParams(params);
  const search = p.get('q');
  const attention = p.get('attention');
  const measureText = p.get('measure');
  const measure = measureText === null ? undefined : readMeasure(measureText);
  const sorting = readList(
    p,
    'sort',
    (text) => {
      const item = readSuffixed(text, ['asc', 'desc'] as const);
      return item && { id: item.id, desc: item.suffix === 'desc' };
    },
    MAX_SORT_KEYS,
  );
  const page = readCount(p.get('page'), MAX_PAGE_NUMBER);
  const size = readCount(p.get('size'), MAX_PAGE_SIZE);
  const cols = readList(p, 'cols', (text) => readSuffixed(text, ['show', 'hide'] as const));
  return {
    range: readRange(p.get('range')) ?? defaults.range,
    search: search !== null && search.length <= MAX_SEARCH_CHARS ? search : defaults.search,
    filters: readFilters(p) ?? defaults.filters,
    attentionOnly: attention === '1' ? true : attention === '0' ? false : defaults.attentionOnly,
    measure: measure === undefined ? (defaults.measure ?? null) : measure,
    sorting: sorting ?? defaults.sorting,
    pagination: { pageIndex: page === undefined ? defaults.pagination.pageIndex : page - 1, pageSize: size ?? defaults.pagination.pageSize },
    columnVisibility: cols ? Object.fromEntries(cols.map((c) => [c.id, c.suffix === 'show'])) : defaults.columnVisibility,
    columnOrder: readList(p, 'order', readId) ?? defaults.columnOrder,
  };
}

/**
 * The query parameters of a users view: only the fields that differ from `defaults`, so
 * `parseUsersView(serializeUsersView(view, d), d)` equals `view`. Merge them with the host's own parameters.
 */
export function serializeUsersView(view: UsersView, defaults: UsersView = DEFAULT_USERS_VIEW): URLSearchParams {
  const p = new URLSearchParams();
  const differs = <K extends keyof UsersView>(key: K) => !sameValue(view[key] ?? null, defaults[key] ?? null);
  if (differs('range')) p.set('range', writeRange(view.range));
  if (differs('search')) p.set('q', view.search);
  if (differs('filters')) {
    const entries = Object.entries(view.filters);
    if (entries.length === 0) p.set('f', '');
    for (const [key, values] of entries) writeList(p, `${FILTER_PREFIX}${key}`, values, writeMetadataValue);
  }
  if (differs('attentionOnly')) p.set('attention', view.attentionOnly ? '1' : '0');
  if (differs('measure')) p.set('measure', writeMeasure(view.measure ?? null));
  if (differs('sorting')) writeList(p, 'sort', view.sorting, (s) => `${s.id}.${s.desc ? 'desc' : 'asc'}`);
  if (view.pagination.pageIndex !== defaults.pagination.pageIndex) p.set('page', String(view.pagination.pageIndex + 1));
  if (view.pagination.pageSize !== defaults.pagination.pageSize) p.set('size', String(view.pagination.pageSize));
  if (differs('columnVisibility')) {
    writeList(p, 'cols', Object.entries(view.columnVisibility), ([id, shown]) => `${id}.${shown ? 'show' : 'hide'}`);
  }
  if (differs('columnOrder')) writeList(p, 'order', view.columnOrder, String);
  return p;
}
