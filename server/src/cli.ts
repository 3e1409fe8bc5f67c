#!/usr/bin/env node
/**
 * `userscope-server`: ingest files into a userscope database and serve the REST contract over it.
 *
 *   userscope-server ingest --db <db> <file>...
 *   userscope-server serve  --db <db> [--host 127.0.0.1] [--port 8787] [--demo]
 *
 * `<db>`: `duckdb:<path>` (default `duckdb:./userscope.duckdb`), `duckdb::memory:`, `chdb:<dir>`, or
 * `clickhouse://user:password@host:8123/database`.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createDemoDataset } from 'userscope/adapters/demo';
import { DEFAULT_DATABASE, openDatabase } from './db/open-database';
import type { Database } from './db/types';
import { ingest } from './ingest/ingest';
import { emptyReport, mergeReport, skip, type IngestReport } from './ingest/report';
import { readSource } from './ingest/sources';
import { createUserscopeServer } from './http/serve';
import { createSqlProvider } from './provider/create-sql-provider';
import { compact } from './schema/compact';
import { migrate } from './schema/migrate';

const USAGE = `Usage:
  userscope-server ingest --db <db> <file>...
  userscope-server serve  --db <db> [--host 127.0.0.1] [--port 8787] [--demo [--demo-now <iso>]]

--demo seeds the demo dataset (ending now, or at --demo-now) into an empty database.
<db>: duckdb:<path> (default ${DEFAULT_DATABASE}), duckdb::memory:, chdb:<dir>,
      or clickhouse://user:password@host:8123/database
<file>: a userscope dataset JSON ({ users, traces, feedback }), an OTLP/JSON export, or a Langfuse trace export.`;

const log = (line: string): void => void process.stderr.write(`${line}\n`);

function summary(report: IngestReport): string {
  const lines = [
    `imported ${report.traces} traces (${report.unattributedTraces} without a user id), ${report.users} users, ${report.feedback} feedback records`,
    `already stored (not counted twice): ${report.duplicates}`,
    `skipped: ${report.skippedCount}`,
  ];
  for (const s of report.skipped.slice(0, 20)) lines.push(`  ${s.path}: ${s.reason}`);
  if (report.skippedCount > 20) lines.push(`  … and ${report.skippedCount - 20} more`);
  return lines.join('\n');
}

async function open(uri: string): Promise<Database> {
  const db = await openDatabase(uri);
  const applied = await migrate(db);
  if (applied.length > 0) log(`${db.location}: schema migrated to version ${applied[applied.length - 1]}`);
  return db;
}

async function runIngest(db: Database, files: readonly string[]): Promise<IngestReport> {
  const total = emptyReport();
  for (const file of files) {
    const started = performance.now();
    let source;
    try {
      source = readSource(await readFile(file, 'utf8'), file);
    } catch (error) {
      skip(total, file, error instanceof Error ? error.message : String(error));
      log(`${file}: skipped (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const expected = source.input.traces?.length ?? 0;
    log(`${file}: ${source.kind}, ${expected} traces`);
    for (const s of source.skipped) skip(total, s.path, s.reason);
    const report = await ingest(db, source.input, {
      source: file,
      onProgress: (r) => log(`  ${r.traces + r.duplicates + r.skippedCount} of ${expected} traces processed`),
    });
    mergeReport(total, report);
    log(`${file}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const rewritten = await compact(db);
  if (rewritten.length > 0) log(`compacted ${rewritten.join(', ')}`);
  return total;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      db: { type: 'string', default: DEFAULT_DATABASE },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8787' },
      demo: { type: 'boolean', default: false },
      'demo-now': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || (command !== 'ingest' && command !== 'serve')) {
    log(USAGE);
    return values.help ? 0 : 2;
  }
  const db = await open(values.db);
  if (command === 'ingest') {
    if (positionals.length === 0) {
      log(USAGE);
      return 2;
    }
    const report = await runIngest(db, positionals);
    log(summary(report));
    await db.close();
    return report.traces + report.duplicates > 0 || report.skippedCount === 0 ? 0 : 1;
  }
  const provider = createSqlProvider(db);
  if (values.demo) {
    const [row] = await db.query({ text: 'SELECT count(*) AS n FROM traces', params: {} });
    if (Number(row?.n ?? 0) === 0) {
      log('seeding the demo dataset (empty database)');
      log(summary(await ingest(db, createDemoDataset({ now: values['demo-now'] ?? new Date().toISOString() }))));
      await compact(db);
    }
  }
  const port = Number(values.port);
  const server = createUserscopeServer(provider);
  await new Promise<void>((resolve) => server.listen(port, values.host, resolve));
  const address = server.address();
  const bound = typeof address === 'object' && address ? `${address.address}:${address.port}` : String(address);
  log(`userscope-server on http://${bound}/api (REST), http://${bound}/v1/traces (OTLP/JSON), database ${db.location}`);
  const stop = (): void => {
    server.close();
    void db.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    log(`userscope-server: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
