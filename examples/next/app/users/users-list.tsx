'use client';
import { useRouter } from 'next/navigation';
import { UsersPage } from 'userscope';

/** The users list: rows are real links (`getUserHref`), a plain click navigates client-side (`onUserOpen`). */
export function UsersList({ now }: { now: number }) {
  const router = useRouter();
  return (
    <UsersPage
      now={now}
      headingLevel={1}
      getUserHref={(user) => `/users/${encodeURIComponent(user.id)}`}
      onUserOpen={(user) => router.push(`/users/${encodeURIComponent(user.id)}`)}
    />
  );
}
