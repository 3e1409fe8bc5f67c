import { UserDetailPage } from 'userscope';
import { DEMO_NOW } from '../../demo';

/**
 * `/users/:id`, a server component rendering the library's client component directly: every prop it passes is
 * serialisable (callbacks such as `onTraceOpen` would need a client wrapper, as the list has).
 */
export default async function UserRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const userId = decodeURIComponent(id);
  return <UserDetailPage key={userId} userId={userId} now={DEMO_NOW} />;
}
