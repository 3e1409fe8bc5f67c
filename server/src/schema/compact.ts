/**
 * Restores the on-disk order of the tables after ingests (DuckDB only: appends land at the end, so a user's traces
 * spread over row groups until the table is rewritten in `user_id, start_ms` order; ClickHouse's MergeTree keeps
 * that order by itself). Worth running after a large import; the CLI does it after `ingest`.
 * @module
 */
import type { Database } from '../db/types';
import { DATA_TABLES } from './tables';

/** Rewrites every table the engine does not keep ordered; returns the tables rewritten. */
export async function compact(db: Database): Promise<string[]> {
  const done: string[] = [];
  for (const table of DATA_TABLES) {
    const statements = db.dialect.compact(table.name, table.columns, table.layout);
    for (const sql of statements) await db.exec(sql);
    if (statements.length > 0) done.push(table.name);
  }
  return done;
}
