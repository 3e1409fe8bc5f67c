import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { UserHeader } from '../src/components/UserHeader/UserHeader';
import { ProviderError } from '../src/core/errors';
import type { User } from '../src/core/model';
import { DEMO_NOW_MS } from './support/detail-top-data';

const jonas: User = {
  id: 'user-00015',
  displayName: 'Jonas Chen',
  email: 'jonas.chen@acmecorp.com',
  metadata: { company: 'Acme Corp', seats: 1447, region: 'eu-west', beta: true, plan: 'enterprise', tier: 'priority' },
  firstSeen: '2026-10-26T12:44:55.988Z',
  lastSeen: '2026-11-25T09:06:53.583Z',
};

const odd: User = {
  id: 'org_7f3a9c2e-41b8-4d0e-9a77-5c1e2b8f0d64::workspace/very-long-identifier-from-an-sso-provider-000000000001',
  displayName:
    'Maximiliane Alexandra von Hohenzollern-Sigmaringen-Württemberg, Head of Customer Experience Engineering (EMEA)',
  email: 'maximiliane.alexandra.von.hohenzollern-sigmaringen@a-very-long-subdomain.enterprise-customer.example.com',
  metadata: {
    plan: 'enterprise-plus-annual-commitment-with-premium-support-and-dedicated-capacity',
    tier: null,
    region: 'eu-central',
    note: 'line one\nline two\ttabbed   spaced',
    bidi: '\u202Egnp.exe',
    empty: '',
    beta: false,
    seats: 12000,
    utm_campaign_identifier_from_the_marketing_automation_platform: 'spring-2026',
    company: 'Acme Corp',
    cost_center: 'CC-4410',
    account_manager: 'Priya Natarajan',
    sso: true,
    contract_end: '2027-03-31',
  },
  firstSeen: '2025-01-03T08:00:00.000Z',
  lastSeen: '2026-11-25T11:58:00.000Z',
};

const meta = {
  title: 'User detail/UserHeader',
  component: UserHeader,
  args: { user: jonas, now: DEMO_NOW_MS, onCohortChange: fn(), onRetry: fn() },
} satisfies Meta<typeof UserHeader>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A typical user: plan, tier and region first, other metadata after, each chip toggles its cohort. */
export const Normal: Story = {};

/** A cohort is selected (uncontrolled, from `defaultCohort`): the chip is pressed and a line says so. */
export const CohortSelected: Story = { args: { defaultCohort: { key: 'plan', value: 'enterprise' } } };

/** Long and odd values: truncated with the full text on hover, control and bidi characters neutralised, many keys folded. */
export const LongMetadata: Story = { args: { user: odd } };

/** No display name and no email: the id is the heading; no cohort capability, so chips are plain text. */
export const Anonymous: Story = {
  args: { user: { id: 'user-00004', metadata: { plan: 'pro', region: 'us-east' } }, cohortsEnabled: false },
};

/** While the user loads. */
export const Loading: Story = { args: { user: undefined, status: 'pending' } };

/** The user could not be loaded: message and Retry. */
export const LoadError: Story = {
  name: 'Error',
  args: { user: undefined, status: 'error', error: new ProviderError('network', 'Failed to fetch /users/user-00015') },
};

/** Dark theme. */
export const Dark: Story = {
  args: { user: odd, defaultCohort: { key: 'region', value: 'eu-central' } },
  globals: { theme: 'dark' },
};
