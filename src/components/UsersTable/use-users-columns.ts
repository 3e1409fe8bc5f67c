/**
 * The column definitions of `UsersTable`, rebuilt only when what the cells show changes.
 * @module
 */
import { useMemo, useRef } from 'react';
import type { UserLink } from './UserCell';
import { buildUsersColumns, type MetadataColumn } from './users-table-columns';
import type { UsersTableLabels } from './users-table-labels';

/** Inputs of {@link useUsersColumns}. */
export interface UsersColumnsOptions extends UserLink {
  /** Strings. */
  labels: UsersTableLabels;
  /** Intl locale. */
  locale: string;
  /** "Now" for relative times (epoch ms). */
  now: number;
  /** Metadata columns; compared by content, so an inline array does not rebuild the columns. */
  metadataColumns: readonly MetadataColumn[];
}

/** What {@link useUsersColumns} returns. */
export interface UsersColumns {
  /** The column definitions for `useTable`. */
  columns: ReturnType<typeof buildUsersColumns>;
  /** The link the user cells use: `onUserOpen` is a stable function calling the latest one, when one is given. */
  link: UserLink;
}

/**
 * Builds the users columns. `getUserHref` decides what the user cells render, so a new function rebuilds the
 * columns and re-renders every row: hosts should pass a stable one. `onUserOpen` only runs on clicks, so it is read
 * through a ref and an inline function does not rebuild anything.
 */
export function useUsersColumns(options: UsersColumnsOptions): UsersColumns {
  const { labels, locale, now, getUserHref } = options;
  const latestOpen = useRef(options.onUserOpen);
  latestOpen.current = options.onUserOpen;
  const hasOpen = options.onUserOpen !== undefined;
  const link = useMemo<UserLink>(
    () => ({ getUserHref, onUserOpen: hasOpen ? (user) => latestOpen.current?.(user) : undefined }),
    [getUserHref, hasOpen],
  );
  const metadataKey = JSON.stringify(options.metadataColumns);
  const metadataColumns = useMemo(() => JSON.parse(metadataKey) as MetadataColumn[], [metadataKey]);
  const columns = useMemo(
    () => buildUsersColumns({ labels, locale, now, metadataColumns, link }),
    [labels, locale, now, metadataColumns, link],
  );
  return { columns, link };
}
