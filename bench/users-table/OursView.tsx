import { useEffect, useState } from 'react';
import { UsersTable } from '../../src/components/UsersTable/UsersTable';
import type { DataProvider, SortingItem } from '../../src/core/contract';
import type { UserRow } from '../../src/core/results';
import { INITIAL_SORTING, listUserRows, NOW, RANGE } from './bench-data';

/** When each `listUsers` call of a sort started and answered (`performance.now()`), for the bench's breakdown. */
export const providerCalls: { asked: number; answered: number }[] = [];

/** Props of {@link OursView}. */
export interface OursViewProps {
  /** The provider that sorts. */
  provider: DataProvider;
  /** The first page (already sorted by {@link INITIAL_SORTING}). */
  rows: UserRow[];
  /** Rows per page asked from the provider: all of them (`full`, read in pages of the contract's largest size) or a page like UsersPage's default. */
  pageSize: number;
}

/** The user links' target: a stable function, as the table's docs ask of hosts (a new one re-renders every row). */
const userHref = (user: UserRow['user']) => `#/users/${user.id}`;

/** UsersTable the way a host drives it: a sort change asks the provider for the newly sorted page. */
export function OursView({ provider, rows: firstRows, pageSize }: OursViewProps) {
  const [sorting, setSorting] = useState<SortingItem[]>(INITIAL_SORTING);
  const [page, setPage] = useState({ rows: firstRows, total: firstRows.length });
  useEffect(() => {
    if (sorting === INITIAL_SORTING) return undefined;
    const controller = new AbortController();
    const asked = performance.now();
    listUserRows(provider, { range: RANGE, sorting, signal: controller.signal }, pageSize).then((rows) => {
      providerCalls.push({ asked, answered: performance.now() });
      setPage({ rows, total: rows.length });
    }, () => undefined);
    return () => controller.abort();
  }, [provider, sorting, pageSize]);
  return (
    <UsersTable
      rows={page.rows}
      rowCount={page.total}
      sorting={sorting}
      onSortingChange={setSorting}
      defaultPagination={{ pageIndex: 0, pageSize }}
      pageSizeOptions={[pageSize]}
      now={NOW}
      maxHeight="calc(100vh - 120px)"
      getUserHref={userHref}
    />
  );
}
