/**
 * `@userscope/server`: the userscope REST contract served from DuckDB (embedded) or ClickHouse (chdb in-process, or
 * a server or cluster), with OTLP/JSON ingestion.
 * @module
 */
export { openDatabase, DEFAULT_DATABASE } from './db/open-database';
export type { Database, Dialect, SqlQuery, Row, ColumnDef, ColumnType, QueryOptions, SqlValue } from './db/types';
export { migrate, SCHEMA_VERSION, MIGRATION_LIST, type Migration } from './schema/migrate';
export { ingest, type IngestInput, type IngestOptions } from './ingest/ingest';
export type { IngestReport, SkippedRecord } from './ingest/report';
export { createSqlProvider, type SqlProvider, type SqlProviderOptions } from './provider/create-sql-provider';
export { compact } from './schema/compact';
export { readSource, type Source, type SourceKind } from './ingest/sources';
export { createUserscopeServer, type ServerOptions } from './http/serve';
