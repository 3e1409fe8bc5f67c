/**
 * `ingest(db, dataset)`: writes users, traces and feedback, idempotently. Every record is checked on its own; a
 * bad one is skipped and reported, never sinking the batch. A trace or feedback id already in the database is not
 * written again (re-sent data is never counted twice): a batch's ids go to a one-column staging table first, so the
 * de-duplication is one set-based query per batch on either engine, and new rows are appended once. One ingest runs at a time per `Database`.
 * @module
 */
import {
  feedbackSchema,
  isValidTrace,
  traceSchema,
  userSchema,
  validate,
  type Feedback,
  type Trace,
  type User,
} from 'userscope/core';
import { randomUUID } from 'node:crypto';
import type { ColumnDef, Database, SqlValue } from '../db/types';
import { Binder } from '../db/binder';
import { FEEDBACK, TRACES, UNATTRIBUTED_TRACES, USER_FIRST_SEEN, USER_META, USERS, type TableDef } from '../schema/tables';
import { emptyReport, skip, type IngestReport } from './report';
import { feedbackToRow, metadataToRows, traceToRow, userToRow } from './rows';

/** What an ingest takes: any of users, traces and feedback (a userscope dataset, or what an importer produced). */
export interface IngestInput {
  /** Users; each replaces the stored user of the same id. */
  users?: readonly unknown[];
  /**
   * Users an importer derived from traces (id and profile, no metadata): written only when no user of that id is
   * stored, so they never overwrite a richer record.
   */
  observedUsers?: readonly User[];
  /** Traces; ids already stored are skipped as duplicates. */
  traces?: readonly unknown[];
  /** Feedback on traces given here or stored before. */
  feedback?: readonly unknown[];
}

/** Options of {@link ingest}. */
export interface IngestOptions {
  /** Records per write batch. Default 200,000. */
  batchSize?: number;
  /** Prefix of the paths in the report (e.g. the file name). */
  source?: string;
  /** Called after each batch with the running totals. */
  onProgress?: (report: IngestReport) => void;
}

const locks = new WeakMap<Database, Promise<unknown>>();

/** Runs `task` after every earlier ingest on `db` has finished. */
function serialised<T>(db: Database, task: () => Promise<T>): Promise<T> {
  const previous = locks.get(db) ?? Promise.resolve();
  const next = previous.then(task, task);
  locks.set(db, next.catch(() => undefined));
  return next;
}

/**
 * Staging tables are per ingest call (a random suffix, dropped at the end), so two writers on one ClickHouse server
 * never truncate each other's batches.
 */
interface Staging {
  /** Staging table of users or metadata rows. */
  rows: (table: TableDef) => string;
  /** One-column staging table of a fact table's keys. */
  keys: (table: TableDef) => string;
}

function stagingFor(suffix: string): Staging {
  return { rows: (t) => `${t.name}__staging_${suffix}`, keys: (t) => `${t.name}__keys_${suffix}` };
}
/** The tables de-duplicated by id, each with its own key staging table. */
const KEYED_TABLES: readonly TableDef[] = [TRACES, UNATTRIBUTED_TRACES, FEEDBACK];

const keyColumn = (table: TableDef): ColumnDef => table.columns.find((c) => c.name === table.layout.key[0]) as ColumnDef;

/** Creates this ingest's staging tables (users and metadata: same columns; traces and feedback: their key only). */
async function createStagingTables(db: Database, staging: Staging): Promise<void> {
  for (const table of [USERS, USER_META]) {
    await db.exec(db.dialect.createTable(staging.rows(table), table.columns, { orderBy: table.layout.key, key: table.layout.key }));
  }
  for (const table of KEYED_TABLES) {
    const key = keyColumn(table);
    await db.exec(db.dialect.createTable(staging.keys(table), [key], { orderBy: [key.name], key: [key.name] }));
  }
}

/** Drops this ingest's staging tables. */
async function dropStagingTables(db: Database, staging: Staging): Promise<void> {
  for (const table of [USERS, USER_META]) await db.exec(`DROP TABLE IF EXISTS ${staging.rows(table)}`);
  for (const table of KEYED_TABLES) await db.exec(`DROP TABLE IF EXISTS ${staging.keys(table)}`);
}

/**
 * Appends the rows of `rows` whose key (the table's first key column) is not stored yet — in `table` nor in any of
 * `alsoIn` (tables sharing the key space) — straight into `table`; returns them. The batch's keys go to a one-column
 * staging table, and one set-based query finds those already stored, so a re-sent batch costs one key scan and
 * writes nothing.
 */
async function appendNew(db: Database, staging: Staging, table: TableDef, rows: SqlValue[][], alsoIn: readonly TableDef[] = []): Promise<SqlValue[][]> {
  if (rows.length === 0) return rows;
  const key = keyColumn(table);
  const at = table.columns.indexOf(key);
  const stage = staging.keys(table);
  await db.exec(`TRUNCATE TABLE ${stage}`);
  await db.insert(stage, [key], rows.map((r) => [r[at]]));
  const text = [table, ...alsoIn]
    .map((t) => `SELECT ${key.name} AS stored_key FROM ${t.name} WHERE ${key.name} IN (SELECT ${key.name} FROM ${stage})`)
    .join(' UNION ALL ');
  const stored = await db.query({ text, params: {} });
  const known = new Set(stored.map((r) => String(r.stored_key)));
  const fresh = known.size === 0 ? rows : rows.filter((r) => !known.has(String(r[at])));
  await db.insert(table.name, table.columns, fresh);
  return fresh;
}

/** How {@link writeUsers} treats a stored user of the same id. */
type UserWrite =
  /** Given users: replace it (and its metadata). */
  | 'replace'
  /** Users an importer derived (profile, no metadata): replace it only when it is a placeholder. */
  | 'upgrade'
  /** Placeholders for trace user ids: write only when none is stored. */
  | 'missing';

/**
 * Writes `users` through the staging tables in a few set-based statements, treating stored users of the same ids
 * as `mode` says; returns how many were written.
 */
async function writeUsers(db: Database, staging: Staging, users: readonly User[], mode: UserWrite): Promise<number> {
  if (users.length === 0) return 0;
  const [stageUsers, stageMeta] = [staging.rows(USERS), staging.rows(USER_META)];
  await db.exec(`TRUNCATE TABLE ${stageUsers}`);
  await db.exec(`TRUNCATE TABLE ${stageMeta}`);
  await db.insert(stageUsers, USERS.columns, users.map((u) => userToRow(u, mode !== 'replace')));
  await db.insert(stageMeta, USER_META.columns, users.flatMap(metadataToRows));
  if (mode === 'replace') {
    await db.exec(db.dialect.deleteWhere(USERS.name, `user_id IN (SELECT user_id FROM ${stageUsers})`));
    await db.exec(db.dialect.deleteWhere(USER_META.name, `user_id IN (SELECT user_id FROM ${stageUsers})`));
  } else {
    const kept = mode === 'upgrade' ? ' WHERE placeholder = 0' : '';
    await db.exec(db.dialect.deleteWhere(stageUsers, `user_id IN (SELECT user_id FROM ${USERS.name}${kept})`));
    await db.exec(db.dialect.deleteWhere(stageMeta, `user_id NOT IN (SELECT user_id FROM ${stageUsers})`));
    if (mode === 'upgrade') await db.exec(db.dialect.deleteWhere(USERS.name, `user_id IN (SELECT user_id FROM ${stageUsers})`));
  }
  const [count] = await db.query({ text: `SELECT count(*) AS n FROM ${stageUsers}`, params: {} });
  await db.exec(`INSERT INTO ${USERS.name} SELECT * FROM ${stageUsers}`);
  await db.exec(`INSERT INTO ${USER_META.name} SELECT * FROM ${stageMeta}`);
  return Number(count?.n ?? 0);
}

/** A zod schema of core (users, traces, feedback). */
type RecordSchema = { safeParse: (v: unknown) => { success: boolean } };

/** Why `item` fails `schema`: core's validation message, naming the field (e.g. `traces[3].latencyMs: …`). */
function reasonOf(schema: RecordSchema, item: unknown, path: string): string {
  try {
    validate(schema as never, item, path);
    return 'invalid record';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Each record checked on its own: the valid ones, and a skip line per invalid one. */
function validRecords<T>(items: readonly unknown[], path: string, schema: RecordSchema, report: IngestReport, paths: string[] = []): T[] {
  const out: T[] = [];
  items.forEach((item, i) => {
    if (schema.safeParse(item).success) {
      out.push(item as T);
      paths.push(`${path}[${i}]`);
    } else skip(report, `${path}[${i}]`, reasonOf(schema, item, `${path}[${i}]`));
  });
  return out;
}

async function ingestTraces(db: Database, staging: Staging, traces: readonly Trace[], paths: readonly string[], report: IngestReport): Promise<void> {
  const rows: SqlValue[][] = [];
  const unattributed: SqlValue[][] = [];
  const seen = new Set<string>();
  traces.forEach((t, i) => {
    if (seen.has(t.id)) {
      skip(report, paths[i] as string, `duplicate trace id ${JSON.stringify(t.id)} in the same input`);
      return;
    }
    seen.add(t.id);
    // An unattributed trace is kept in its own table: the row without its (null) user id.
    if (t.userId === null) unattributed.push(traceToRow(t).slice(1));
    else rows.push(traceToRow(t));
  });
  // A trace id is one trace whether or not it carries a user: each table's batch is checked against both.
  const fresh = await appendNew(db, staging, TRACES, rows, [UNATTRIBUTED_TRACES]);
  const freshUnattributed = await appendNew(db, staging, UNATTRIBUTED_TRACES, unattributed, [TRACES]);
  // Placeholder users for user ids without a stored user, and each user's first start in this batch.
  const firstSeen = new Map<string, number>();
  for (const r of fresh) {
    const [userId, startMs] = [r[0] as string, r[1] as number];
    const seen = firstSeen.get(userId);
    if (seen === undefined || startMs < seen) firstSeen.set(userId, startMs);
  }
  report.users += await writeUsers(db, staging, [...firstSeen.keys()].map((id): User => ({ id, metadata: {} })), 'missing');
  await db.insert(USER_FIRST_SEEN.name, USER_FIRST_SEEN.columns, [...firstSeen]);
  report.traces += fresh.length + freshUnattributed.length;
  report.unattributedTraces += freshUnattributed.length;
  report.duplicates += rows.length + unattributed.length - fresh.length - freshUnattributed.length;
}

async function ingestFeedback(db: Database, staging: Staging, feedback: readonly Feedback[], paths: readonly string[], report: IngestReport): Promise<void> {
  const rows: SqlValue[][] = [];
  const seen = new Set<string>();
  feedback.forEach((f, i) => {
    if (seen.has(f.id)) return skip(report, paths[i] as string, `duplicate feedback id ${JSON.stringify(f.id)} in the same input`);
    seen.add(f.id);
    rows.push(feedbackToRow(f));
  });
  const fresh = await appendNew(db, staging, FEEDBACK, rows);
  report.feedback += fresh.length;
  report.duplicates += rows.length - fresh.length;
}

/**
 * Ingests `input` into `db` (migrated, see `migrate`). Users first (each replaces the stored user of its id), then
 * traces in batches (placeholder users for unknown user ids, first-seen rows), then feedback (joined to its trace
 * by id when read, so it may arrive before the trace). Returns the report; throws only when the database itself fails.
 */
export function ingest(db: Database, input: IngestInput, options: IngestOptions = {}): Promise<IngestReport> {
  return serialised(db, async () => {
    const { batchSize = 200_000, onProgress } = options;
    const prefix = options.source ? `${options.source}: ` : '';
    const report = emptyReport();
    const staging = stagingFor(randomUUID().replace(/-/g, ''));
    await createStagingTables(db, staging);
    try {
      const users = validRecords<User>(input.users ?? [], `${prefix}users`, userSchema, report);
      const latest = new Map<string, User>();
      for (const u of users) latest.set(u.id, u);
      report.users += await writeUsers(db, staging, [...latest.values()], 'replace');
      const observed = validRecords<User>(input.observedUsers ?? [], `${prefix}observedUsers`, userSchema, report);
      report.users += await writeUsers(db, staging, observed.filter((u) => !latest.has(u.id)), 'upgrade');

      const all = input.traces ?? [];
      for (let start = 0; start < all.length; start += batchSize) {
        const traces: Trace[] = [];
        const paths: string[] = [];
        for (let i = start; i < Math.min(all.length, start + batchSize); i++) {
          const t = all[i];
          if (isValidTrace(t)) {
            traces.push(t as Trace);
            paths.push(`${prefix}traces[${i}]`);
          } else skip(report, `${prefix}traces[${i}]`, reasonOf(traceSchema, t, `${prefix}traces[${i}]`));
        }
        await ingestTraces(db, staging, traces, paths, report);
        onProgress?.(report);
      }
      const feedbackPaths: string[] = [];
      const feedback = validRecords<Feedback>(input.feedback ?? [], `${prefix}feedback`, feedbackSchema, report, feedbackPaths);
      await ingestFeedback(db, staging, feedback, feedbackPaths, report);
      onProgress?.(report);
      return report;
    } finally {
      await dropStagingTables(db, staging);
    }
  });
}
