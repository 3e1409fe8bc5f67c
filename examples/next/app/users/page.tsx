import { DEMO_NOW } from '../demo';
import { UsersList } from './users-list';

/** `/users`, a server component: the list itself needs router callbacks, so it is a small client component. */
export default function UsersRoute() {
  return <UsersList now={DEMO_NOW} />;
}
