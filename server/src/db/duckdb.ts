/**
 * DuckDB through `@duckdb/node-api` (an optional peer, loaded on first use): a file or `:memory:`. Queries run on a
 * small pool of connections of one instance; an aborted signal interrupts the query's connection.
 * @module
 */
import { decodeRow } from './decode';
import { duckdbDialect } from './dialects';
import type { ColumnDef, Database, QueryOptions, Row, SqlQuery, SqlValue } from './types';

type DuckApi = typeof import('@duckdb/node-api');
type DuckConnection = import('@duckdb/node-api').DuckDBConnection;
type DuckAppender = import('@duckdb/node-api').DuckDBAppender;

async function loadDuckDb(): Promise<DuckApi> {
  try {
    return await import('@duckdb/node-api');
  } catch (error) {
    throw new Error(`DuckDB needs the optional package @duckdb/node-api: npm install @duckdb/node-api (${String(error)})`);
  }
}

/** One appender call per column, chosen once per insert (not per value). */
function columnWriter(appender: DuckAppender, column: ColumnDef): (value: SqlValue) => void {
  const write =
    column.type === 'string' || column.type === 'string?'
      ? (v: SqlValue) => appender.appendVarchar(v as string)
      : column.type === 'int64' || column.type === 'int64?'
        ? (v: SqlValue) => appender.appendBigInt(BigInt(v as number))
        : column.type === 'uint8'
          ? (v: SqlValue) => appender.appendUTinyInt(v as number)
          : (v: SqlValue) => appender.appendDouble(v as number);
  return (value) => (value === null || value === undefined ? appender.appendNull() : write(value));
}

function namedValues(query: SqlQuery): Record<string, never> {
  const values: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(query.params)) values[name] = duckdbDialect.bindValue(param);
  return values as Record<string, never>;
}

/** Opens (or creates) a DuckDB database at `path` (`:memory:` for an in-memory one). */
export async function openDuckDb(path: string): Promise<Database> {
  const { DuckDBInstance } = await loadDuckDb();
  const instance = await DuckDBInstance.create(path);
  const idle: DuckConnection[] = [];
  const acquire = async (): Promise<DuckConnection> => idle.pop() ?? (await instance.connect());
  const release = (c: DuckConnection): void => {
    idle.push(c);
  };

  async function withConnection<T>(signal: AbortSignal | undefined, run: (c: DuckConnection) => Promise<T>): Promise<T> {
    signal?.throwIfAborted();
    const c = await acquire();
    const onAbort = (): void => c.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await run(c);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      release(c);
    }
  }

  return {
    dialect: duckdbDialect,
    location: `duckdb:${path}`,
    query: (query: SqlQuery, opts: QueryOptions = {}): Promise<Row[]> =>
      withConnection(opts.signal, async (c) => {
        const reader = await c.runAndReadAll(query.text, namedValues(query));
        return reader.getRowObjectsJS().map((r) => decodeRow(r as Record<string, unknown>));
      }),
    exec: (sql) =>
      withConnection(undefined, async (c) => {
        if (typeof sql === 'string') await c.run(sql);
        else await c.run(sql.text, namedValues(sql));
      }),
    insert: (table, columns, rows) =>
      withConnection(undefined, async (c) => {
        const appender = await c.createAppender(table);
        try {
          const writers = columns.map((column) => columnWriter(appender, column));
          for (const row of rows) {
            for (let i = 0; i < writers.length; i++) (writers[i] as (v: SqlValue) => void)(row[i]);
            appender.endRow();
          }
          appender.flushSync();
        } finally {
          appender.closeSync();
        }
      }),
    close: async () => {
      for (const c of idle.splice(0)) c.closeSync();
      instance.closeSync();
    },
  };
}
