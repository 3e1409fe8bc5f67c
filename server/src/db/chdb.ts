/**
 * ClickHouse in-process through `chdb` (an optional peer, loaded on first use). One data directory per process: a
 * second `openChdb` of another directory in the same process is refused by chdb. chdb cannot interrupt a running
 * query: an aborted signal settles the call at once while the engine finishes in the background.
 * @module
 */
import { decodeRow, toJsonCompactEachRow } from './decode';
import { clickhouseDialect } from './dialects';
import type { Database, Row, SqlQuery } from './types';

/** Settings every chdb session starts with: numbers as JSON numbers, NULL for unmatched LEFT JOIN rows, UTC. */
export const CLICKHOUSE_SESSION_SETTINGS: Readonly<Record<string, string | number>> = {
  output_format_json_quote_64bit_integers: 0,
  output_format_json_quote_denormals: 1,
  join_use_nulls: 1,
  session_timezone: 'UTC',
  mutations_sync: 2,
  // The engine's own bound on one query (seconds): chdb cannot interrupt a query, so this is what stops it.
  max_execution_time: 60,
};

/** The values of a query's parameters by name, as ClickHouse's drivers take them (`{name:Type}` placeholders). */
export function paramValues(query: SqlQuery): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, p] of Object.entries(query.params)) out[name] = p.value;
  return out;
}

/** Opens a chdb session on `dir` (created when missing); `undefined` for a temporary directory removed on close. */
export async function openChdb(dir: string | undefined): Promise<Database> {
  let chdb: typeof import('chdb');
  try {
    chdb = await import('chdb');
  } catch (error) {
    throw new Error(`ClickHouse in-process needs the optional package chdb: npm install chdb (${String(error)})`);
  }
  const connectionArgs = Object.entries(CLICKHOUSE_SESSION_SETTINGS).map(([k, v]) => `--${k}=${v}`);
  const session = new chdb.Session(dir, { connectionArgs });
  const run = async (query: SqlQuery, signal?: AbortSignal, format = 'JSON'): Promise<string> => {
    const hasParams = Object.keys(query.params).length > 0;
    const result = hasParams
      ? await session.queryBindAsync(query.text, paramValues(query), { format, signal })
      : await session.queryAsync(query.text, { format, signal });
    return result.text();
  };
  return {
    dialect: clickhouseDialect,
    location: `chdb:${dir ?? '(temporary)'}`,
    query: async (query, opts = {}): Promise<Row[]> => {
      opts.signal?.throwIfAborted();
      const text = await run(query, opts.signal);
      if (text.trim() === '') return [];
      const parsed = JSON.parse(text) as { data: Record<string, unknown>[] };
      return parsed.data.map(decodeRow);
    },
    exec: async (sql) => {
      await run(typeof sql === 'string' ? { text: sql, params: {} } : sql, undefined, 'TabSeparated');
    },
    insert: async (table, columns, rows) => {
      if (rows.length === 0) return;
      const payload = Buffer.from(toJsonCompactEachRow(rows));
      await session.insert({ table, values: payload, format: 'JSONCompactEachRow', columns: columns.map((c) => c.name) });
    },
    close: async () => {
      session.close();
    },
  };
}

