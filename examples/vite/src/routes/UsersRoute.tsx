import { useNavigate } from 'react-router';
import { UsersPage } from 'userscope';
import { DEMO_NOW } from '../demo-now';

/** `/users`: the list. Rows are real links (`getUserHref`); a plain click navigates client-side (`onUserOpen`). */
export function UsersRoute() {
  const navigate = useNavigate();
  return (
    <UsersPage
      now={DEMO_NOW}
      headingLevel={1}
      getUserHref={(user) => userPath(user.id)}
      onUserOpen={(user) => navigate(userPath(user.id))}
    />
  );
}

/** The detail route of a user. */
export function userPath(userId: string): string {
  return `/users/${encodeURIComponent(userId)}`;
}
