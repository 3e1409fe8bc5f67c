/**
 * Which CSV columns the users export writes for the table's visible columns, in their order. Numbers are raw
 * (units in the header suffix: `Ms`, `Usd`), times are ISO UTC, unknown is empty.
 * @module
 */
import { findUserMetric } from '../metrics/user-metrics';
import type { UserRow } from '../results';
import type { CsvValue } from './csv';

/** One CSV column: header and value getter. */
export interface CsvColumn {
  /** Header cell. */
  header: string;
  /** The cell of one row. */
  value: (row: UserRow) => CsvValue;
}

const USER_COLUMNS: CsvColumn[] = [
  { header: 'userId', value: (row) => row.user.id },
  { header: 'displayName', value: (row) => row.user.displayName },
  { header: 'email', value: (row) => row.user.email },
];

/** The CSV columns of one table column id (a registry metric: its raw value, headed by its id); the sparkline has none. */
function csvColumnsOf(id: string): CsvColumn[] {
  if (id === 'user') return USER_COLUMNS;
  if (id.startsWith('metadata.')) {
    const key = id.slice('metadata.'.length);
    return [{ header: key, value: (row) => row.user.metadata[key] }];
  }
  const metric = findUserMetric(id);
  if (metric) return [{ header: metric.id, value: (row) => row[metric.id] }];
  if (id === 'firstSeen' || id === 'lastSeen') return [{ header: id, value: (row) => row[id] }];
  if (id === 'attention') {
    return [
      { header: 'attention', value: (row) => row.attention.map((reason) => reason.kind).join(' ') },
      { header: 'attentionReasons', value: (row) => row.attention.map((reason) => reason.message).join('; ') },
    ];
  }
  return [];
}

/** The CSV columns for visible table columns (ids in display order). The user's id always comes first. */
export function usersCsvColumns(visibleColumnIds: readonly string[]): CsvColumn[] {
  const ids = visibleColumnIds.includes('user') ? visibleColumnIds : ['user', ...visibleColumnIds];
  return ids.flatMap(csvColumnsOf);
}
