import type { MetadataValue } from '../../core/model';
import type { Cohort } from '../../core/results';

/** Metadata keys shown first, in this order, when present. */
export const DEFAULT_PRIORITY_KEYS: readonly string[] = ['plan', 'tier', 'region'];

/** The metadata entries in display order: `priority` keys first (in that order), then the others as stored. */
export function orderMetadata(
  metadata: Readonly<Record<string, MetadataValue>>,
  priority: readonly string[] = DEFAULT_PRIORITY_KEYS,
): [string, MetadataValue][] {
  const entries = Object.entries(metadata);
  const first = priority.flatMap((key) => entries.filter(([k]) => k === key));
  return [...first, ...entries.filter(([k]) => !priority.includes(k))];
}

/** Whether two cohorts select the same users (same key, identical value). */
export function sameCohort(a: Cohort | null | undefined, b: Cohort | null | undefined): boolean {
  return !!a && !!b && a.key === b.key && Object.is(a.value, b.value);
}
