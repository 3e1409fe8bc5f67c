/**
 * The bench's data: the demo dataset with `n` users behind a memory provider, and its users list as one page of
 * `UserRow`s. Both grids get the same rows.
 * @module
 */
import { createDemoDataset, DEMO_DEFAULT_NOW } from '../../src/adapters/demo/create-demo-dataset';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import type { DataProvider, ListUsersParams, SortingItem } from '../../src/core/contract';
import type { UserRow } from '../../src/core/results';

/** "Now" of the demo world. */
export const NOW = Date.parse(DEMO_DEFAULT_NOW);
/** The range every grid shows: the demo's 30 days. */
export const RANGE = { from: new Date(NOW - 30 * 86_400_000).toISOString(), to: DEMO_DEFAULT_NOW };
/** The initial order: most recently active first (the contract's default). */
export const INITIAL_SORTING: SortingItem[] = [{ id: 'lastSeen', desc: true }];

/** Demo users per wanted row: with two traces each on average, about a third of demo users are active in the range. */
const USERS_PER_ROW = 3.2;

/**
 * A provider over enough demo users (two traces each on average) that at least `rows` are active in {@link RANGE},
 * and the first `rows` of its users list. Throws when the dataset falls short.
 */
export async function loadBenchData(rows: number): Promise<{ provider: DataProvider; rows: UserRow[] }> {
  const dataset = createDemoDataset({ users: Math.ceil(rows * USERS_PER_ROW), tracesPerUser: 2 });
  const provider = createMemoryProvider({ ...dataset, validate: false });
  const all = await listUserRows(provider, { range: RANGE, sorting: INITIAL_SORTING }, rows);
  if (all.length < rows) throw new Error(`only ${all.length} active users, wanted ${rows}`);
  return { provider, rows: all };
}

/** The contract's largest page: a request for more rows is refused, so longer lists are read page by page. */
export const MAX_PAGE_SIZE = 1000;

/** The first `count` rows of a users list, read in pages of at most {@link MAX_PAGE_SIZE}. */
export async function listUserRows(
  provider: DataProvider,
  params: Omit<ListUsersParams, 'pagination'>,
  count: number,
): Promise<UserRow[]> {
  const rows: UserRow[] = [];
  for (let pageIndex = 0; rows.length < count; pageIndex++) {
    const pageSize = Math.min(MAX_PAGE_SIZE, count);
    const page = await provider.listUsers({ ...params, pagination: { pageIndex, pageSize } });
    rows.push(...page.rows.slice(0, count - rows.length));
    if (page.rows.length < pageSize) break;
  }
  return rows;
}
