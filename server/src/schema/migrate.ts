/**
 * Versioned, idempotent migrations: each version runs once, in order, and records itself in
 * `userscope_migrations`; running `migrate` again is a no-op. Every statement is itself idempotent
 * (`IF NOT EXISTS`), so a migration interrupted half-way completes on the next run.
 * @module
 */
import { Binder } from '../db/binder';
import type { Database } from '../db/types';
import { MIGRATIONS, UNATTRIBUTED_TRACES, V1_TABLES, type TableDef } from './tables';

/** One schema version. */
export interface Migration {
  /** Version number, increasing from 1. */
  version: number;
  /** What it does. */
  description: string;
  /** Its statements for `db`'s dialect. */
  statements: (db: Database) => string[];
}

const createStatements = (db: Database, table: TableDef): string[] => [
  db.dialect.createTable(table.name, table.columns, table.layout),
  ...db.dialect.afterCreate(table.name, table.layout),
];

/** Every migration, oldest first. */
export const MIGRATION_LIST: readonly Migration[] = [
  {
    version: 1,
    description: 'traces, users, user_meta, feedback, user_first_seen',
    statements: (db) => V1_TABLES.flatMap((t) => createStatements(db, t)),
  },
  {
    version: 2,
    description: 'unattributed_traces: traces without a user id (issue 17)',
    statements: (db) => createStatements(db, UNATTRIBUTED_TRACES),
  },
];

/** The latest schema version this package knows. */
export const SCHEMA_VERSION = MIGRATION_LIST[MIGRATION_LIST.length - 1]?.version ?? 0;

/** Applies the migrations `db` has not seen yet; returns the versions applied now. */
export async function migrate(db: Database): Promise<number[]> {
  for (const sql of createStatements(db, MIGRATIONS)) await db.exec(sql);
  const rows = await db.query({ text: `SELECT version FROM ${MIGRATIONS.name}`, params: {} });
  const applied = new Set(rows.map((r) => Number(r.version)));
  const now: number[] = [];
  for (const m of MIGRATION_LIST) {
    if (applied.has(m.version)) continue;
    for (const sql of m.statements(db)) await db.exec(sql);
    const b = new Binder(db.dialect);
    await db.exec(b.query(`INSERT INTO ${MIGRATIONS.name} (version, applied_ms) VALUES (${b.int(m.version)}, ${b.int(Date.now())})`));
    now.push(m.version);
  }
  return now;
}
