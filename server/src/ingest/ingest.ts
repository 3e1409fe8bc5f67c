/**
 * `ingest(db, dataset)`: writes users, traces and feedback, idempotently. Every record is checked on its own; a
 * bad one is skipped and reported, never sinking the batch. A trace or feedback id already in the database is not
 * written again (re-sent data is never counted twice). Writes go through a staging table per fact table, so the
 * de-duplication is one set-based statement per batch on either engine. One ingest runs at a time per `Database`.
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
import type { Database, SqlValue } from '../db/types';
import { Binder } from '../db/binder';
import { FEEDBACK, TRACES, USER_FIRST_SEEN, USER_META, USERS, type TableDef } from '../schema/tables';
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

const staging = (table: TableDef): string => `${table.name}__staging`;

/** Creates the staging tables (same columns, no projections). Idempotent. */
export async function createStagingTables(db: Database): Promise<void> {
  for (const table of [TRACES, FEEDBACK, USERS, USER_META]) {
    const layout = { orderBy: table.layout.key, key: table.layout.key };
    await db.exec(db.dialect.createTable(staging(table), table.columns, layout));
  }
}

/**
 * Writes `rows` into `table`, leaving out those whose key is already stored; returns how many were new. Runs
 * `beforeCommit` on the staged new rows first (derived tables read them there).
 */
async function appendNew(db: Database, table: TableDef, rows: SqlValue[][], beforeCommit?: () => Promise<void>): Promise<number> {
  if (rows.length === 0) return 0;
  const stage = staging(table);
  const key = table.layout.key[0] as string;
  await db.exec(`TRUNCATE TABLE ${stage}`);
  await db.insert(stage, table.columns, rows);
  await db.exec(db.dialect.deleteWhere(stage, `${key} IN (SELECT ${key} FROM ${table.name} WHERE ${key} IN (SELECT ${key} FROM ${stage}))`));
  const [count] = await db.query({ text: `SELECT count(*) AS n FROM ${stage}`, params: {} });
  const fresh = Number(count?.n ?? 0);
  if (fresh > 0) {
    await beforeCommit?.();
    await db.exec(`INSERT INTO ${table.name} SELECT * FROM ${stage}`);
  }
  return fresh;
}

/**
 * Writes `users` through the staging tables in a few set-based statements: `replace` deletes the stored users (and
 * metadata rows) of the same ids first; otherwise only users whose id is not stored are written. Returns how many
 * were written.
 */
async function writeUsers(db: Database, users: readonly User[], replace: boolean): Promise<number> {
  if (users.length === 0) return 0;
  const [stageUsers, stageMeta] = [staging(USERS), staging(USER_META)];
  await db.exec(`TRUNCATE TABLE ${stageUsers}`);
  await db.exec(`TRUNCATE TABLE ${stageMeta}`);
  await db.insert(stageUsers, USERS.columns, users.map((u) => userToRow(u, !replace)));
  await db.insert(stageMeta, USER_META.columns, users.flatMap(metadataToRows));
  if (replace) {
    await db.exec(db.dialect.deleteWhere(USERS.name, `user_id IN (SELECT user_id FROM ${stageUsers})`));
    await db.exec(db.dialect.deleteWhere(USER_META.name, `user_id IN (SELECT user_id FROM ${stageUsers})`));
  } else {
    await db.exec(db.dialect.deleteWhere(stageUsers, `user_id IN (SELECT user_id FROM ${USERS.name})`));
    await db.exec(db.dialect.deleteWhere(stageMeta, `user_id NOT IN (SELECT user_id FROM ${stageUsers})`));
  }
  const [count] = await db.query({ text: `SELECT count(*) AS n FROM ${stageUsers}`, params: {} });
  await db.exec(`INSERT INTO ${USERS.name} SELECT * FROM ${stageUsers}`);
  await db.exec(`INSERT INTO ${USER_META.name} SELECT * FROM ${stageMeta}`);
  return Number(count?.n ?? 0);
}

/** Placeholder users for the staged traces' user ids that have no stored user yet. */
async function addPlaceholderUsers(db: Database): Promise<number> {
  const rows = await db.query({
    text: `SELECT DISTINCT user_id FROM ${staging(TRACES)} WHERE user_id NOT IN (SELECT user_id FROM ${USERS.name})`,
    params: {},
  });
  return writeUsers(db, rows.map((r): User => ({ id: String(r.user_id), metadata: {} })), false);
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

async function ingestTraces(db: Database, traces: readonly Trace[], paths: readonly string[], report: IngestReport): Promise<void> {
  const rows: SqlValue[][] = [];
  const seen = new Set<string>();
  traces.forEach((t, i) => {
    if (seen.has(t.id)) {
      skip(report, paths[i] as string, `duplicate trace id ${JSON.stringify(t.id)} in the same input`);
      return;
    }
    seen.add(t.id);
    rows.push(traceToRow(t));
  });
  const stage = staging(TRACES);
  const fresh = await appendNew(db, TRACES, rows, async () => {
    report.users += await addPlaceholderUsers(db);
    await db.exec(`INSERT INTO ${USER_FIRST_SEEN.name} SELECT user_id, min(start_ms) FROM ${stage} GROUP BY user_id`);
  });
  report.traces += fresh;
  report.duplicates += rows.length - fresh;
}

async function ingestFeedback(db: Database, feedback: readonly Feedback[], paths: readonly string[], report: IngestReport): Promise<void> {
  const rows: SqlValue[][] = [];
  const seen = new Set<string>();
  feedback.forEach((f, i) => {
    if (seen.has(f.id)) return skip(report, paths[i] as string, `duplicate feedback id ${JSON.stringify(f.id)} in the same input`);
    seen.add(f.id);
    rows.push(feedbackToRow(f));
  });
  const fresh = await appendNew(db, FEEDBACK, rows);
  report.feedback += fresh;
  report.duplicates += rows.length - fresh;
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
    await createStagingTables(db);
    const users = validRecords<User>(input.users ?? [], `${prefix}users`, userSchema, report);
    const latest = new Map<string, User>();
    for (const u of users) latest.set(u.id, u);
    report.users += await writeUsers(db, [...latest.values()], true);
    const observed = validRecords<User>(input.observedUsers ?? [], `${prefix}observedUsers`, userSchema, report);
    report.users += await writeUsers(db, observed.filter((u) => !latest.has(u.id)), false);

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
      await ingestTraces(db, traces, paths, report);
      onProgress?.(report);
    }
    const feedbackPaths: string[] = [];
    const feedback = validRecords<Feedback>(input.feedback ?? [], `${prefix}feedback`, feedbackSchema, report, feedbackPaths);
    await ingestFeedback(db, feedback, feedbackPaths, report);
    onProgress?.(report);
    return report;
  });
}
