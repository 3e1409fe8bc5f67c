/**
 * The engines every server test runs on: DuckDB in memory and ClickHouse in-process (chdb, a temporary directory).
 * chdb allows one data directory per process, so each test file opens at most one chdb database.
 */
import { openDatabase, type Database } from '../src/index';
import { migrate } from '../src/schema/migrate';

/** An engine under test. */
export interface EngineCase {
  /** Name in test titles. */
  name: string;
  /** Opens a fresh, migrated database. */
  open: () => Promise<Database>;
}

const migrated = async (uri: string): Promise<Database> => {
  const db = await openDatabase(uri);
  await migrate(db);
  return db;
};

/** DuckDB in memory. */
export const duckdb: EngineCase = { name: 'DuckDB', open: () => migrated('duckdb::memory:') };

/** ClickHouse in-process (chdb) on a temporary directory. */
export const chdb: EngineCase = { name: 'ClickHouse (chdb)', open: () => migrated('chdb:') };

/** Both engines. */
export const ENGINES: readonly EngineCase[] = [duckdb, chdb];
