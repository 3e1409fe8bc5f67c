import type { Meta, StoryObj } from '@storybook/react-vite';
import { formatCount, formatDuration, formatPercent, formatUsd } from '../src/components/primitives/format';
import { UserscopeProvider, useUsers } from '../src/hooks';
import { DEMO_RANGE, demoProvider } from './support/demo-provider';

/** The whole chain, demo dataset → memory provider → hooks, as a plain list of users with their key numbers. */
function DemoUserList({ pageSize }: { pageSize: number }) {
  const users = useUsers({ range: DEMO_RANGE, pagination: { pageIndex: 0, pageSize }, sorting: [{ id: 'traceCount', desc: true }] });
  if (users.status === 'pending') return <p role="status">Loading users…</p>;
  if (users.status === 'error') return <p role="alert">Could not load users: {users.error.message}</p>;
  return (
    <section aria-labelledby="demo-users-title">
      <h1 id="demo-users-title" style={{ fontSize: 'var(--us-font-size-lg)', marginTop: 0 }}>
        Demo users ({formatCount(users.data.total)} active in the last 30 days)
      </h1>
      <table style={{ borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums' }}>
        <thead>
          <tr>
            {['User', 'Plan', 'Traces', 'Success', 'p95 latency', 'Cost', 'Attention'].map((h) => (
              <th key={h} scope="col" style={{ textAlign: 'left', padding: '4px 12px 4px 0' }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {users.data.rows.map((row) => (
            <tr key={row.user.id}>
              <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal', padding: '4px 12px 4px 0' }}>
                {row.user.displayName ?? row.user.id}
              </th>
              <td>{String(row.user.metadata.plan ?? '—')}</td>
              <td>{formatCount(row.traceCount)}</td>
              <td>{formatPercent(row.successRate)}</td>
              <td>{formatDuration(row.latencyP95Ms)}</td>
              <td>{formatUsd(row.costUsd)}</td>
              <td>{row.attention.map((a) => a.message).join('; ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const meta = {
  title: 'Overview/Demo through hooks',
  component: DemoUserList,
  decorators: [
    (Story) => (
      <UserscopeProvider provider={demoProvider()} locale="en-US">
        <Story />
      </UserscopeProvider>
    ),
  ],
  args: { pageSize: 15 },
} satisfies Meta<typeof DemoUserList>;

export default meta;

/** The 15 busiest demo users over 30 days, fetched through `useUsers` from the memory provider. */
export const BusiestUsers: StoryObj<typeof meta> = {};
