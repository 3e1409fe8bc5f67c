/**
 * `openDatabase(uri)`: one string picks the engine.
 * - `duckdb:<path>` (default `duckdb:./userscope.duckdb`), `duckdb::memory:`
 * - `chdb:<dir>` (ClickHouse in-process), `chdb:` for a temporary directory
 * - `clickhouse://user:password@host:8123/database` (a ClickHouse server or cluster)
 * @module
 */
import { openChdb } from './chdb';
import { openClickHouse } from './clickhouse';
import { openDuckDb } from './duckdb';
import type { Database } from './types';

/** The database used when none is named. */
export const DEFAULT_DATABASE = 'duckdb:./userscope.duckdb';

/** Opens the database named by `uri`; throws a clear `Error` for an unknown scheme or a missing engine package. */
export async function openDatabase(uri: string = DEFAULT_DATABASE): Promise<Database> {
  if (uri.startsWith('duckdb:')) return openDuckDb(uri.slice('duckdb:'.length) || ':memory:');
  if (uri.startsWith('chdb:')) return openChdb(uri.slice('chdb:'.length) || undefined);
  if (/^(clickhouse|https?):\/\//.test(uri)) return openClickHouse(new URL(uri.replace(/^clickhouse:/, 'http:')));
  throw new Error(`Unknown database "${uri}": expected duckdb:<path>, duckdb::memory:, chdb:<dir> or clickhouse://user:password@host:8123/database`);
}
