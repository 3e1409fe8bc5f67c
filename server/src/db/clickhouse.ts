/**
 * ClickHouse server or cluster through `@clickhouse/client` (an optional peer, loaded on first use) over HTTP. A
 * thin transport: the SQL is the same as chdb's, which is what the test suite runs. An aborted signal cancels the
 * HTTP request, and ClickHouse cancels the query with it (`cancel_http_readonly_queries_on_client_close`).
 * @module
 */
import { CLICKHOUSE_SESSION_SETTINGS, paramValues } from './chdb';
import { decodeRow } from './decode';
import { clickhouseDialect } from './dialects';
import type { Database, Row } from './types';


/** Opens a client on `url` (`clickhouse://user:password@host:8123/database`, or `http(s)://…`). */
export async function openClickHouse(url: URL): Promise<Database> {
  let client: typeof import('@clickhouse/client');
  try {
    client = await import('@clickhouse/client');
  } catch (error) {
    throw new Error(`ClickHouse needs the optional package @clickhouse/client: npm install @clickhouse/client (${String(error)})`);
  }
  const secure = url.protocol === 'https:' || url.searchParams.get('secure') === 'true';
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'default';
  const ch = client.createClient({
    url: `${secure ? 'https' : 'http'}://${url.hostname}:${url.port || (secure ? '8443' : '8123')}`,
    username: decodeURIComponent(url.username) || 'default',
    password: decodeURIComponent(url.password),
    database,
    clickhouse_settings: {
      ...CLICKHOUSE_SESSION_SETTINGS,
      cancel_http_readonly_queries_on_client_close: 1,
    } as Record<string, string | number> as never,
  });
  return {
    dialect: clickhouseDialect,
    location: `clickhouse://${url.hostname}:${url.port || '8123'}/${database}`,
    query: async (query, opts = {}): Promise<Row[]> => {
      const result = await ch.query({ query: query.text, query_params: paramValues(query), format: 'JSONEachRow', abort_signal: opts.signal });
      const rows = await result.json<Record<string, unknown>>();
      return rows.map(decodeRow);
    },
    exec: async (sql) => {
      const q = typeof sql === 'string' ? { text: sql, params: {} } : sql;
      await ch.command({ query: q.text, query_params: paramValues(q) });
    },
    insert: async (table, columns, rows) => {
      if (rows.length === 0) return;
      const values = rows.map((row) => row.map((v) => v ?? null));
      await ch.insert({ table, values, format: 'JSONCompactEachRow', columns: columns.map((c) => c.name) as [string, ...string[]] });
    },
    close: () => ch.close(),
  };
}
