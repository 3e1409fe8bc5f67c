import { useNavigate, useParams } from 'react-router';
import { UserDetailPage } from 'userscope';
import { DEMO_NOW } from '../demo-now';
import { renderLink, userPath } from './UsersRoute';

/**
 * `/users/:userId` and `/users/:userId/conversations/:conversationId`: the detail page, with the selected
 * conversation kept in the URL (controlled `selectedConversationId`), so it survives reloads and the back button; a
 * back link to the list; an unknown id shows the page's own "User not found".
 */
export function UserRoute() {
  const { userId = '', conversationId = null } = useParams();
  const navigate = useNavigate();
  return (
    <UserDetailPage
      key={userId}
      userId={userId}
      now={DEMO_NOW}
      renderLink={renderLink}
      navigation={{ back: { href: '/users' } }}
      selectedConversationId={conversationId}
      onSelectedConversationChange={(id) =>
        navigate(id === null ? userPath(userId) : `${userPath(userId)}/conversations/${encodeURIComponent(id)}`)
      }
    />
  );
}
