/**
 * The bench's data: the demo dataset with `n` users behind a memory provider, and its users list as one page of
 * `UserRow`s. Both grids get the same rows.
 * @module
 */
import { createDemoDataset, DEMO_DEFAULT_NOW } from '../../src/adapters/demo/create-demo-dataset';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import type { DataProvider, SortingItem } from '../../src/core/contract';
import type { UserRow } from '../../src/core/results';

/** "Now" of the demo world. */
export const NOW = Date.parse(DEMO_DEFAULT_NOW);
/** The range every grid shows: the demo's 30 days. */
export const RANGE = { from: new Date(NOW - 30 * 86_400_000).toISOString(), to: DEMO_DEFAULT_NOW };
/** The initial order: most recently active first (the contract's default). */
export const INITIAL_SORTING: SortingItem[] = [{ id: 'lastSeen', desc: true }];

/** A provider over `users` demo users (two traces each on average) and every user's row for {@link RANGE}. */
export async function loadBenchData(users: number): Promise<{ provider: DataProvider; rows: UserRow[] }> {
  const provider = createMemoryProvider({ ...createDemoDataset({ users, tracesPerUser: 2 }), validate: false });
  const page = await provider.listUsers({ range: RANGE, sorting: INITIAL_SORTING, pagination: { pageIndex: 0, pageSize: users } });
  return { provider, rows: page.rows };
}
