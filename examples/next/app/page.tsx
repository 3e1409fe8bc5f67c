import { redirect } from 'next/navigation';

/** `/`: the Users list is the start page. */
export default function Home() {
  redirect('/users');
}
