/**
 * userscope's tables. One fact table of traces with the user on every row, ordered user-first (one user's page reads
 * one contiguous run) — on ClickHouse with a time-first projection for range-wide ranking and monthly partitions for
 * retention. Users, their metadata as typed key/value rows, feedback, and a first-seen row per user and ingest batch.
 * @module
 */
import type { ColumnDef, TableLayout } from '../db/types';

/** A table: its columns and layout. */
export interface TableDef {
  /** Table name. */
  name: string;
  /** Columns in insert order. */
  columns: readonly ColumnDef[];
  /** Ordering, partitioning, projections and de-duplication key. */
  layout: TableLayout;
}

const col = (name: string, type: ColumnDef['type']): ColumnDef => ({ name, type });

/** One row per trace. `is_error` is 1 for status `error`; unknown numbers are NULL. */
export const TRACES: TableDef = {
  name: 'traces',
  columns: [
    col('user_id', 'string'),
    col('start_ms', 'int64'),
    col('trace_id', 'string'),
    col('conversation_id', 'string?'),
    col('name', 'string?'),
    col('end_ms', 'int64?'),
    col('latency_ms', 'float64'),
    col('is_error', 'uint8'),
    col('error_type', 'string?'),
    col('model', 'string?'),
    col('release', 'string?'),
    col('input_tokens', 'float64?'),
    col('output_tokens', 'float64?'),
    col('total_tokens', 'float64?'),
    col('cost_usd', 'float64?'),
    col('input_preview', 'string?'),
    col('output_preview', 'string?'),
    col('tags_json', 'string?'),
  ],
  layout: {
    orderBy: ['user_id', 'start_ms'],
    partitionBy: 'toYYYYMM(toDateTime(intDiv(start_ms, 1000), \'UTC\'))',
    projections: { traces_by_time: ['start_ms'] },
    key: ['trace_id'],
  },
};

/**
 * Unattributed traces (`Trace.userId === null`): the columns of `traces` without `user_id`, ordered by time. A table
 * of their own rather than a nullable `user_id`: every query over `traces` keeps meaning "attributed traces" (they
 * count in no user's figures), ClickHouse keeps a non-nullable sort key (a key column's type cannot be altered on an
 * existing MergeTree table), and no sentinel id can ever collide with a real user id. Only the users summary reads it.
 */
export const UNATTRIBUTED_TRACES: TableDef = {
  name: 'unattributed_traces',
  columns: TRACES.columns.filter((c) => c.name !== 'user_id'),
  layout: { orderBy: ['start_ms'], partitionBy: TRACES.layout.partitionBy, key: ['trace_id'] },
};

/**
 * One row per user: the user as given (`user_json`), plus the lower-cased texts the list searches and sorts on,
 * computed once at ingest by the same JavaScript rules as the memory engine. `placeholder` is 1 for a user known
 * only from traces.
 */
export const USERS: TableDef = {
  name: 'users',
  columns: [
    col('user_id', 'string'),
    col('user_json', 'string'),
    col('sort_name_lc', 'string'),
    col('sort_name', 'string'),
    col('search_text', 'string'),
    col('placeholder', 'uint8'),
  ],
  layout: { orderBy: ['user_id'], key: ['user_id'] },
};

/**
 * Metadata as typed rows: `kind` 0 null, 1 number, 2 boolean (`num` 0/1), 3 string; `str_lc` the lower-cased string
 * for sorting. Filters and cohorts compare kind and value, so `1` never matches `"1"`.
 */
export const USER_META: TableDef = {
  name: 'user_meta',
  columns: [
    col('user_id', 'string'),
    col('meta_key', 'string'),
    col('kind', 'uint8'),
    col('num', 'float64?'),
    col('str', 'string?'),
    col('str_lc', 'string?'),
  ],
  layout: { orderBy: ['meta_key', 'user_id'], key: ['user_id', 'meta_key'] },
};

/**
 * Feedback records. Per-trace figures join them to their trace by `trace_id` (a record may arrive before its trace,
 * or stay without one: it then counts in its user's feedback figures only, as in the memory engine). `value_kind` 1 number,
 * 2 boolean, 3 string; `score` is the supplied normalised score, NULL when it is derived at query time from the
 * key's scale; `is_eval` 1 for automated evaluations (never in feedback figures).
 */
export const FEEDBACK: TableDef = {
  name: 'feedback',
  columns: [
    col('user_id', 'string'),
    col('created_ms', 'int64'),
    col('feedback_id', 'string'),
    col('trace_id', 'string'),
    col('feedback_key', 'string'),
    col('value_kind', 'uint8'),
    col('value_num', 'float64?'),
    col('value_str', 'string?'),
    col('score', 'float64?'),
    col('comment', 'string?'),
    col('source', 'string?'),
    col('is_eval', 'uint8'),
  ],
  layout: { orderBy: ['user_id', 'created_ms'], key: ['feedback_id'] },
};

/** The earliest trace start of a user within one ingest batch; a user's first trace ever is the minimum over rows. */
export const USER_FIRST_SEEN: TableDef = {
  name: 'user_first_seen',
  columns: [col('user_id', 'string'), col('first_ms', 'int64')],
  layout: { orderBy: ['user_id'], key: ['user_id'] },
};

/** Applied schema versions. */
export const MIGRATIONS: TableDef = {
  name: 'userscope_migrations',
  columns: [col('version', 'int64'), col('applied_ms', 'int64')],
  layout: { orderBy: ['version'], key: ['version'] },
};

/** The tables of schema version 1, as that migration created them. */
export const V1_TABLES: readonly TableDef[] = [TRACES, USERS, USER_META, FEEDBACK, USER_FIRST_SEEN];

/** Every data table, in creation order. */
export const DATA_TABLES: readonly TableDef[] = [...V1_TABLES, UNATTRIBUTED_TRACES];
