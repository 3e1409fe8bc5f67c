import { useEffect, useState } from 'react';
import { UsersTable } from '../../src/components/UsersTable/UsersTable';
import type { DataProvider, SortingItem } from '../../src/core/contract';
import type { UserRow } from '../../src/core/results';
import { INITIAL_SORTING, NOW, RANGE } from './bench-data';

/** When each `listUsers` call of a sort started and answered (`performance.now()`), for the bench's breakdown. */
export const providerCalls: { asked: number; answered: number }[] = [];

/** Props of {@link OursView}. */
export interface OursViewProps {
  /** The provider that sorts. */
  provider: DataProvider;
  /** The first page (already sorted by {@link INITIAL_SORTING}). */
  rows: UserRow[];
  /** Rows per page asked from the provider: all of them (`full`) or a page like UsersPage's default. */
  pageSize: number;
}

/** UsersTable the way a host drives it: a sort change asks the provider for the newly sorted page. */
export function OursView({ provider, rows: firstRows, pageSize }: OursViewProps) {
  const [sorting, setSorting] = useState<SortingItem[]>(INITIAL_SORTING);
  const [page, setPage] = useState({ rows: firstRows, total: firstRows.length });
  useEffect(() => {
    if (sorting === INITIAL_SORTING) return undefined;
    const controller = new AbortController();
    const asked = performance.now();
    provider
      .listUsers({ range: RANGE, sorting, pagination: { pageIndex: 0, pageSize }, signal: controller.signal })
      .then((next) => {
        providerCalls.push({ asked, answered: performance.now() });
        setPage({ rows: next.rows, total: next.total ?? next.rows.length });
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
      getUserHref={(user) => `#/users/${user.id}`}
    />
  );
}
