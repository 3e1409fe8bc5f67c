/**
 * Metadata filters discovered from the data: the metadata keys of a sample of users whose values form a small set
 * (plan, tier, region…), with their values.
 * @module
 */
import type { MetadataValue } from '../core/model';
import type { UserRow } from '../core/results';

/** A metadata key that can be filtered on, and the values seen. */
export interface MetadataFacet {
  /** Metadata key, e.g. `plan`. */
  key: string;
  /** Distinct values seen, sorted (numbers, then booleans, then text). */
  values: MetadataValue[];
}

/** Keys shown first, in this order, when present. */
const CONVENTIONAL_KEYS = ['plan', 'tier', 'region'];
/** A key with more distinct values than this is an identifier or free text, not a filter. */
export const MAX_FACET_VALUES = 20;

function rank(value: MetadataValue): number {
  return typeof value === 'number' ? 0 : typeof value === 'boolean' ? 1 : 2;
}

function compareValues(a: MetadataValue, b: MetadataValue): number {
  const byType = rank(a) - rank(b);
  if (byType !== 0) return byType;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function keyOrder(a: string, b: string): number {
  const ia = CONVENTIONAL_KEYS.indexOf(a);
  const ib = CONVENTIONAL_KEYS.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
  return a.localeCompare(b);
}

/**
 * The filterable metadata keys among `rows`: keys with 1 to `maxValues` distinct non-null values. Plan, tier and
 * region come first, then the other keys alphabetically. Pass `keys` to choose the keys (and their order) instead.
 */
export function discoverMetadataFacets(
  rows: readonly UserRow[],
  keys?: readonly string[],
  maxValues = MAX_FACET_VALUES,
): MetadataFacet[] {
  const seen = new Map<string, Set<MetadataValue>>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row.user.metadata)) {
      if (value === null || value === undefined || value === '' || (keys && !keys.includes(key))) continue;
      let values = seen.get(key);
      if (!values) {
        values = new Set();
        seen.set(key, values);
      }
      if (values.size <= maxValues) values.add(value);
    }
  }
  const chosen = keys ? keys.filter((k) => seen.has(k)) : [...seen.keys()].sort(keyOrder);
  return chosen
    .map((key) => ({ key, values: [...(seen.get(key) as Set<MetadataValue>)].sort(compareValues) }))
    .filter((facet) => keys !== undefined || facet.values.length <= maxValues);
}
