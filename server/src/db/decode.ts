/**
 * Decoding of driver values into {@link Row}s: 64-bit integers (DuckDB `bigint`, ClickHouse quoted numbers are
 * turned off by the connectors) become JS numbers; epoch milliseconds and counts stay well inside 2^53.
 * @module
 */
import type { Row, SqlValue } from './types';

/** A driver value as a row value: `bigint` → number, `undefined` → null. */
export function decodeValue(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** Decodes every value of a driver row object. */
export function decodeRow(raw: Record<string, unknown>): Row {
  const out: Row = {};
  for (const key of Object.keys(raw)) out[key] = decodeValue(raw[key]);
  return out;
}

/** Rows (values in column order) as JSONCompactEachRow text, NULL for `undefined`. */
export function toJsonCompactEachRow(rows: readonly (readonly SqlValue[])[]): string {
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) lines[i] = JSON.stringify((rows[i] as readonly SqlValue[]).map((v) => v ?? null));
  return `${lines.join('\n')}\n`;
}
