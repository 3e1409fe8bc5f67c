/**
 * What every section of the contract suite shares: the provider under test (made once, lazily), the dataset it was
 * built from with per-user lookups, and helpers that page through whole lists.
 * @module
 */
import type { DataProvider } from '../../core/contract';
import type { Feedback, Trace, User } from '../../core/model';
import type { Page, UserRow } from '../../core/results';
import { assertNoProblems } from './compare';
import type { ContractDataset, ContractRanges } from './contract-dataset';
import { startsIn, type Span } from './reference';
import { groupBy } from './group-by';

/** A `describe`-like function (vitest, jest, mocha, `node:test`). */
export type DescribeFn = (name: string, body: () => void) => unknown;

/** An `it`-like function; the body is async. */
export type ItFn = (name: string, body: () => Promise<void>) => unknown;

/** Shared state of one suite run. */
export interface SuiteContext {
  /** The provider under test; `makeProvider` runs on the first call only. */
  provider: () => Promise<DataProvider>;
  /** The dataset the provider was built from. */
  dataset: ContractDataset;
  /** The ranges to query. */
  ranges: ContractRanges;
  /** A user's traces (dataset order). */
  tracesOf: (userId: string) => Trace[];
  /** A user's feedback records. */
  feedbackOf: (userId: string) => Feedback[];
  /** Users with at least one trace starting in `s`. */
  activeUsers: (s: Span) => User[];
  /** Registers a test whose body returns problems; it fails listing them. */
  test: (name: string, body: () => Promise<string[]>) => void;
}

/** Upper bound on pages fetched while walking a list, so a provider that never ends a list fails instead of hanging. */
export const MAX_PAGES = 500;

/** Every row of a cursor-paged list, following `nextCursor` until it is `null` or absent. */
export async function allCursorRows<T>(label: string, fetch: (cursor: string | null) => Promise<Page<T>>, problems: string[]): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page: Page<T> = await fetch(cursor);
    rows.push(...page.rows);
    if (page.total !== undefined && i === 0 && page.total < page.rows.length) problems.push(`${label}: total ${page.total} < rows on the first page`);
    if (page.nextCursor === null || page.nextCursor === undefined) {
      if (page.total !== undefined && page.total !== rows.length) problems.push(`${label}: total says ${page.total}, pages held ${rows.length}`);
      return rows;
    }
    if (page.rows.length === 0) problems.push(`${label}: empty page with a nextCursor`);
    cursor = page.nextCursor;
  }
  problems.push(`${label}: still paging after ${MAX_PAGES} pages`);
  return rows;
}

/** Every row of an offset-paged users list, and the `total` each page reported. */
export async function allUserRows(fetch: (pageIndex: number) => Promise<Page<UserRow>>, problems: string[], label: string): Promise<UserRow[]> {
  const rows: UserRow[] = [];
  for (let pageIndex = 0; pageIndex < MAX_PAGES; pageIndex++) {
    const page = await fetch(pageIndex);
    if (page.total === undefined) {
      problems.push(`${label}: listUsers pages must carry total`);
      return rows;
    }
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
  problems.push(`${label}: still paging after ${MAX_PAGES} pages`);
  return rows;
}

/** Builds the context; `it` registers the tests. */
export function createSuiteContext(
  makeProvider: () => DataProvider | Promise<DataProvider>,
  dataset: ContractDataset,
  ranges: ContractRanges,
  it: ItFn,
): SuiteContext {
  let made: Promise<DataProvider> | undefined;
  const traces: Map<string, Trace[]> = groupBy(
    dataset.traces.filter((t): t is Trace & { userId: string } => t.userId !== null),
    (t) => t.userId,
  );
  const feedback: Map<string, Feedback[]> = groupBy(dataset.feedback, (f) => f.userId);
  return {
    provider: () => (made ??= Promise.resolve().then(makeProvider)),
    dataset,
    ranges,
    tracesOf: (userId) => traces.get(userId) ?? [],
    feedbackOf: (userId) => feedback.get(userId) ?? [],
    activeUsers: (s) => dataset.users.filter((u) => (traces.get(u.id) ?? []).some((t) => startsIn(t, s))),
    test: (name, body) => it(name, async () => assertNoProblems(await body())),
  };
}
