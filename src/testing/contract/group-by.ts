/**
 * Grouping for the plain-loop references: one pass, each item pushed onto its group.
 * @module
 */

/** `items` grouped by `keyOf`: groups in first-seen order, items in input order. Linear in the items. */
export function groupBy<K, T>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
