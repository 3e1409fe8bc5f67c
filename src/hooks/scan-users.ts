import type { DataProvider, ListUsersParams } from '../core/contract';
import { throwIfAborted } from '../core/errors';
import { MAX_PAGE_SIZE } from '../core/limits';
import type { Page, UserRow } from '../core/results';

/**
 * Every row of a users query, up to `maxRows`, read in pages of `MAX_PAGE_SIZE` (the largest page a provider
 * accepts). The loop is bounded (`⌈maxRows / MAX_PAGE_SIZE⌉` calls) and checks the abort signal before each call.
 * `total` is the provider's, when it gives one.
 */
export async function scanUserRows(
  provider: DataProvider,
  query: Omit<ListUsersParams, 'pagination' | 'signal'>,
  maxRows: number,
  signal: AbortSignal,
): Promise<Page<UserRow>> {
  const rows: UserRow[] = [];
  let total: number | undefined;
  for (let pageIndex = 0; pageIndex * MAX_PAGE_SIZE < maxRows; pageIndex++) {
    throwIfAborted(signal);
    const page = await provider.listUsers({ ...query, pagination: { pageIndex, pageSize: MAX_PAGE_SIZE }, signal });
    rows.push(...page.rows);
    total = page.total ?? total;
    if (page.rows.length < MAX_PAGE_SIZE || (total !== undefined && rows.length >= total)) break;
  }
  return { rows: rows.slice(0, maxRows), ...(total === undefined ? {} : { total }) };
}

/**
 * The active users of a range for a hook's fallback: every row when there are at most `scanLimit`, otherwise `null`
 * (the fallback would describe only part of the population). At most `⌈scanLimit / MAX_PAGE_SIZE⌉` calls.
 */
export async function scanActiveUsers(
  provider: DataProvider,
  range: ListUsersParams['range'],
  scanLimit: number,
  signal: AbortSignal,
): Promise<UserRow[] | null> {
  // One row more than the limit tells "exactly at the limit" from "past it" when the provider gives no total.
  const page = await scanUserRows(provider, { range }, scanLimit + 1, signal);
  const count = page.total ?? page.rows.length;
  return count > scanLimit || page.rows.length > scanLimit ? null : page.rows;
}
