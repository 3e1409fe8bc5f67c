import { Link, useSearchParams } from 'react-router';
import { parseUsersView, serializeUsersView, UsersPage, type RenderLink } from 'userscope';
import { DEMO_NOW } from '../demo-now';

/** Every userscope link drawn as React Router's `Link`: real anchors that navigate client-side. */
export const renderLink: RenderLink = ({ href, ...rest }) => <Link to={href} {...rest} />;

/**
 * `/users`: the list. Rows are real links (`getUserHref`) drawn by the router (`renderLink`); the view (range, search,
 * filters, sort, page) lives in the query string, so it survives reloads and the back button.
 */
export function UsersRoute() {
  const [params, setParams] = useSearchParams();
  return (
    <UsersPage
      now={DEMO_NOW}
      headingLevel={1}
      view={parseUsersView(params)}
      onViewChange={(view) => setParams(serializeUsersView(view), { replace: true })}
      getUserHref={(user) => userPath(user.id)}
      renderLink={renderLink}
    />
  );
}

/** The detail route of a user. */
export function userPath(userId: string): string {
  return `/users/${encodeURIComponent(userId)}`;
}
