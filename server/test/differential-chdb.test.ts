import fc from 'fast-check';
import { afterAll, beforeAll, it } from 'vitest';
import type { Database } from '../src/index';
import { differentialProperty } from './differential';
import { chdb } from './engines';

let db: Database;
beforeAll(async () => {
  db = await chdb.open();
});
afterAll(() => db.close());

it('ClickHouse (chdb): every method equals the memory provider on random datasets', async () => {
  await fc.assert(differentialProperty(db), { numRuns: Number(process.env.RUNS ?? 30), endOnFailure: process.env.RUNS !== undefined });
}, 300_000);
