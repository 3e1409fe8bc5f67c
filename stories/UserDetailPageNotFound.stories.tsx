import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import type { DataProvider } from '../src/core/contract';
import { UserDetailPage } from '../src/pages/UserDetailPage/UserDetailPage';
import { demoProvider } from './support/demo-provider';
import { PageHarness } from './support/detail-page-data';

const wide: Decorator = (Story) => (
  <div style={{ maxWidth: '80rem' }}>
    <Story />
  </div>
);

/** The provider a story's loader built. */
const providerOf = (loaded: Record<string, unknown>): DataProvider => loaded.provider as DataProvider;

/** An id the demo dataset does not have. */
const UNKNOWN_ID = 'u-does-not-exist';

const meta = {
  title: 'User detail/Not found',
  component: UserDetailPage,
  decorators: [wide],
  args: {
    userId: UNKNOWN_ID,
    onNotFound: fn(),
    navigation: { back: { href: '#/users', label: 'Back to users' } },
  },
  loaders: [async () => ({ provider: demoProvider() })],
  render: (args, { loaded }) => <PageHarness {...args} provider={providerOf(loaded)} />,
  parameters: {
    docs: {
      description: {
        component:
          'An id the provider does not know (`getUser` rejects with `ProviderError` code `not-found`): one not-found state instead of an error in every section, and `onNotFound(userId)` once.',
      },
    },
  },
} satisfies Meta<typeof UserDetailPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The demo provider asked for an unknown id: the heading, the id and the host's back link; no section errors. */
export const UnknownUser: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'User not found' })).toBeVisible();
    await expect(canvas.getByText(`No user has the id “${UNKNOWN_ID}” in this project.`)).toBeVisible();
    await expect(canvas.getByRole('link', { name: /Back to users/ })).toHaveAttribute('href', '#/users');
    await expect(canvas.queryByText(/Could not load/)).toBeNull();
    await waitFor(() => expect(args.onNotFound).toHaveBeenCalledTimes(1));
    await expect(args.onNotFound).toHaveBeenCalledWith(UNKNOWN_ID);
  },
};

/** The host replaces the whole state with its own 404 (`renderNotFound`). */
export const HostNotFound: Story = {
  args: {
    renderNotFound: (userId: string) => (
      <div role="alert">
        <strong>404</strong> — the user {userId} was deleted or never existed. <a href="#/users">Search users</a>
      </div>
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(`the user ${UNKNOWN_ID} was deleted`);
    await expect(canvas.queryByRole('heading', { name: 'User not found' })).toBeNull();
  },
};
