/**
 * The CLI end to end, from the built package (`npm run build` first; `npm test` builds before it runs this):
 * ingest a dataset file, ingest it again (nothing counted twice), serve it, read it back through
 * `createRestProvider`, post OTLP/JSON to /v1/traces, and `serve --demo`, each compared with the memory provider.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemoDataset } from 'userscope/adapters/demo';
import { createMemoryProvider } from 'userscope/adapters/memory';
import { createRestProvider } from 'userscope/adapters/rest';
import type { DataProvider, TimeRange } from 'userscope/core';
import { diffValues } from '../../src/testing/contract/compare';

const BIN = fileURLToPath(new URL('../bin/userscope-server.js', import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL('../dist/cli.js', import.meta.url)));
const OTLP_FIXTURE = fileURLToPath(new URL('../../../shared/fixtures/otlp/opentelemetry-proto-example.trace.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'userscope-cli-'));
const servers: ChildProcess[] = [];
afterAll(() => {
  for (const s of servers) s.kill();
  rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stderr: r.stderr };
}

/** Starts `serve` on a free port and resolves with its REST base URL once it listens. */
function serve(...args: string[]): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let text = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /on (http:\/\/[\d.]+:\d+\/api)/.exec(text);
      if (match) resolve(match[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${text}`)));
  });
}

async function sameAnswers(rest: DataProvider, memory: DataProvider, range: TimeRange, userId: string): Promise<string[]> {
  const problems: string[] = [];
  const calls: [string, (p: DataProvider) => Promise<unknown>][] = [
    ['listUsers', (p) => p.listUsers({ range, sorting: [{ id: 'costUsd', desc: true }], pagination: { pageIndex: 0, pageSize: 20 } })],
    ['listUsers by p95', (p) => p.listUsers({ range, sorting: [{ id: 'latencyP95Ms', desc: true }], filters: [{ id: 'attention', value: true }] })],
    ['getUsersSummary', (p) => p.getUsersSummary!({ range })],
    ['getUserMetrics', (p) => p.getUserMetrics({ userId, range, compare: { cohort: { key: 'plan', value: 'pro' } } })],
    ['getUserTrends', (p) => p.getUserTrends({ userId, range })],
    ['getModelUsage', (p) => p.getModelUsage({ userId, range })],
    ['getFeedback', (p) => p.getFeedback({ userId, range })],
    ['listTraces', (p) => p.listTraces({ userId, range, limit: 30 })],
  ];
  // Cursors are opaque and differ between providers; the rows are what must agree.
  const withoutCursor = (v: unknown): unknown => (v && typeof v === 'object' && 'nextCursor' in v ? { ...v, nextCursor: undefined } : v);
  for (const [name, call] of calls) diffValues(withoutCursor(await call(rest)), withoutCursor(await call(memory)), name, problems);
  return problems;
}

describe.runIf(BUILT)('userscope-server CLI (built package)', () => {
  const now = '2026-11-01T00:00:00.000Z';
  const data = createDemoDataset({ users: 30, now, days: 20 });
  const range = { from: '2026-10-18T00:00:00.000Z', to: now };
  const memory = createMemoryProvider(data);
  const file = join(dir, 'dataset.json');
  const db = `duckdb:${join(dir, 'users.duckdb')}`;
  writeFileSync(file, JSON.stringify(data));

  it('ingests a dataset file, and counts nothing twice when it is sent again', () => {
    const first = cli('ingest', '--db', db, file);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain(`imported ${data.traces.length} traces (${data.traces.filter((t) => t.userId === null).length} without a user id), ${data.users.length} users, ${data.feedback.length} feedback records`);
    const again = cli('ingest', '--db', db, file);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('imported 0 traces');
    expect(again.stderr).toContain(`already stored (not counted twice): ${data.traces.length + data.feedback.length}`);
  });

  it('reports an unreadable file instead of failing silently, and keeps a user-less OTLP span unattributed', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"not": "a known shape"}');
    const r = cli('ingest', '--db', db, bad, OTLP_FIXTURE);
    expect(r.stderr).toContain('bad.json: skipped');
    expect(r.stderr).toMatch(/skipped: [1-9]/);
    expect(r.stderr).toMatch(/imported [1-9]\d* traces \([1-9]\d* without a user id\)/);
  });

  it('serves the database: the REST client reads the same figures as the memory provider', async () => {
    const baseUrl = await serve('--db', db);
    const rest = createRestProvider({ baseUrl, retries: 0, usersSummary: true });
    const userId = (await memory.listUsers({ range, sorting: [{ id: 'costUsd', desc: true }] })).rows[0]!.user.id;
    expect(await sameAnswers(rest, memory, range, userId)).toEqual([]);
  });

  it('serve --demo answers like the memory provider over the same demo dataset', async () => {
    const demoNow = '2026-10-01T00:00:00.000Z';
    const baseUrl = await serve('--db', 'duckdb::memory:', '--demo', '--demo-now', demoNow);
    const rest = createRestProvider({ baseUrl, retries: 0, usersSummary: true });
    const demo = createMemoryProvider(createDemoDataset({ now: demoNow }));
    const demoRange = { from: '2026-09-01T00:00:00.000Z', to: demoNow };
    const userId = (await demo.listUsers({ range: demoRange })).rows[0]!.user.id;
    expect(await sameAnswers(rest, demo, demoRange, userId)).toEqual([]);
  });

  it('ingests OTLP/JSON posted to /v1/traces as the Collector sends it', async () => {
    const baseUrl = await serve('--db', 'duckdb::memory:');
    const origin = baseUrl.replace(/\/api$/, '');
    const payload = JSON.parse(readFileSync(OTLP_FIXTURE, 'utf8')) as { resourceSpans: { resource: { attributes: unknown[] } }[] };
    payload.resourceSpans[0]!.resource.attributes.push({ key: 'user.id', value: { stringValue: 'otlp-user' } });
    const protobuf = await fetch(`${origin}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: 'x' });
    expect(protobuf.status).toBe(415);
    const posted = await fetch(`${origin}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    expect(posted.status).toBe(200);
    const rest = createRestProvider({ baseUrl, retries: 0 });
    expect((await rest.getUser({ userId: 'otlp-user' })).id).toBe('otlp-user');
    const user = await fetch(`${baseUrl}/users/otlp-user`);
    expect(user.status).toBe(200);
  });
});
