import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from 'userscope/adapters/memory';
import type { Dataset, Trace, User } from 'userscope/core';
import { createSqlProvider, ingest } from '../src/index';
import { ENGINES } from './engines';

/** Names whose `en` collation differs from a code-point or lower-cased order: case, accents, punctuation, digits. */
const NAMES = ['b', 'B', 'a', 'A', 'á', 'Á', 'ä', 'Zed', 'zed', 'éclair', 'Eclair', 'user-10', 'user-2', 'user 2', 'user_2', "o'neil", 'Oneil', 'ß', 'ss', 'ø', 'o', '日本', '-a', '_a', ' a', 'ab', 'a b', 'Zoë', 'zoe'];

const users: User[] = NAMES.map((name, i) => ({ id: `u${String(i).padStart(2, '0')}`, displayName: name, metadata: {} }));
// Two users with the same name: their order falls to the id, reversed with the name when descending.
users.push({ id: 'u99', displayName: 'b', metadata: {} });
users.push({ id: 'u98', metadata: {} });
const traces: Trace[] = users.map((u, i) => ({
  id: `t${i}`,
  userId: u.id,
  name: 'chat',
  startTime: new Date(Date.UTC(2025, 0, 2, 0, i)).toISOString(),
  latencyMs: 100,
  status: 'ok',
}));
const dataset: Dataset = { users, traces, feedback: [] };
const range = { from: '2025-01-01T00:00:00.000Z', to: '2025-01-03T00:00:00.000Z' };

describe('sort by user: the SQL engines collate names as the memory engine (Intl.Collator en)', () => {
  for (const engine of ENGINES) {
    it(`${engine.name}: both directions, every page`, async () => {
      const db = await engine.open();
      try {
        await ingest(db, dataset);
        const sql = createSqlProvider(db);
        const memory = createMemoryProvider(dataset);
        for (const desc of [false, true]) {
          const ids = async (p: Pick<typeof sql, 'listUsers'>) => {
            const out: string[] = [];
            for (let pageIndex = 0; pageIndex < 4; pageIndex++) {
              const page = await p.listUsers({ range, sorting: [{ id: 'user', desc }], pagination: { pageIndex, pageSize: 9 } });
              out.push(...page.rows.map((r) => r.user.id));
            }
            return out;
          };
          const expected = await ids(memory);
          expect(expected).toHaveLength(users.length);
          expect(await ids(sql)).toEqual(expected);
        }
      } finally {
        await db.close();
      }
    });
  }
});
