/**
 * Reading and writing `listTraces` filters (`{ id, value }[]`, TanStack's `ColumnFiltersState` shape), where a value
 * is one item or an array of items, and an `undefined` value or an empty array means "off".
 * @module
 */
import type { FilterItem } from '../../core/contract';
import type { Trace } from '../../core/model';

/** Filter ids `TraceTable` offers controls for; other ids are shown as removable chips. */
export const TRACE_TABLE_FILTER_IDS = ['status', 'model'] as const;

/** The values of a filter item as strings (empty when off). */
export function filterItemValues(item: FilterItem | undefined): string[] {
  if (item === undefined || item.value === undefined || item.value === null) return [];
  const values = Array.isArray(item.value) ? item.value : [item.value];
  return values.map(String);
}

/** The values of filter `id` in `filters` (empty when absent or off). */
export function filterValues(filters: readonly FilterItem[], id: string): string[] {
  return filterItemValues(filters.find((f) => f.id === id));
}

/** Filters that are on (a defined value that is not an empty array). */
export function activeFilters(filters: readonly FilterItem[]): FilterItem[] {
  return filters.filter((f) => filterItemValues(f).length > 0);
}

/**
 * `filters` with filter `id` set to `values`: one value is stored as itself, several as an array; none removes the
 * item. The item keeps its position; a new one goes last.
 */
export function withFilter(filters: readonly FilterItem[], id: string, values: readonly string[]): FilterItem[] {
  const value = values.length === 1 ? values[0] : [...values];
  const index = filters.findIndex((f) => f.id === id);
  if (values.length === 0) return filters.filter((f) => f.id !== id);
  if (index === -1) return [...filters, { id, value }];
  return filters.map((f, i) => (i === index ? { id, value } : f));
}

/** The models the model filter offers by default: those of the loaded rows plus any selected, sorted. */
export function modelFilterOptions(rows: readonly Pick<Trace, 'model'>[], filters: readonly FilterItem[]): string[] {
  const models = new Set(filterValues(filters, 'model'));
  for (const row of rows) if (row.model !== undefined) models.add(row.model);
  return [...models].sort();
}
