import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserHeader } from '../../src/components/UserHeader/UserHeader';
import { initialsOf } from '../../src/components/primitives/Avatar';
import { copyToClipboard } from '../../src/components/primitives/CopyButton';
import { formatDateTime } from '../../src/components/primitives/format';
import { ProviderError } from '../../src/core/errors';
import type { User } from '../../src/core/model';
import type { Cohort } from '../../src/core/results';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

const user: User = {
  id: 'user-00015',
  displayName: 'Jonas Chen',
  email: 'jonas.chen@acmecorp.com',
  metadata: { company: 'Acme Corp', seats: 1447, region: 'eu-west', beta: true, plan: 'enterprise', tier: 'priority' },
  firstSeen: '2026-10-27T12:00:00.000Z',
  lastSeen: '2026-11-25T09:00:00.000Z',
};

const chipButtons = () => within(screen.getByRole('group', { name: 'Metadata' })).getAllByRole('button');

describe('UserHeader', () => {
  it('is a region named by the user\'s name, or leaves the naming to a host given headingId', () => {
    const { rerender } = render(<UserHeader user={user} now={NOW} />);
    expect(screen.getByRole('region', { name: 'Jonas Chen' })).toHaveAttribute('data-slot', 'user-header');
    rerender(<UserHeader user={user} now={NOW} headingId="profile-title" />);
    expect(screen.getByRole('heading', { name: 'Jonas Chen' })).toHaveAttribute('id', 'profile-title');
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('shows identity, initials and first/last seen relative with the absolute time on hover', () => {
    const { container } = render(<UserHeader user={user} now={NOW} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Jonas Chen' })).toBeInTheDocument();
    expect(container.querySelector('[data-slot="avatar"]')).toHaveTextContent('JC');
    expect(screen.getByText('user-00015')).toBeInTheDocument();
    expect(screen.getByText('jonas.chen@acmecorp.com')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy user id' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy email' })).toBeInTheDocument();
    const first = screen.getByText('29 days ago');
    expect(first.tagName).toBe('TIME');
    expect(first).toHaveAttribute('dateTime', user.firstSeen);
    expect(first).toHaveAttribute('title', formatDateTime(user.firstSeen));
    expect(screen.getByText('3 hours ago')).toHaveAttribute('title', 'Nov 25, 2026, 09:00 UTC');
  });

  it('orders metadata plan, tier, region first, then the other keys as stored', () => {
    render(<UserHeader user={user} now={NOW} />);
    expect(chipButtons().map((b) => b.querySelector('.us-chip__key')?.textContent)).toEqual([
      'plan',
      'tier',
      'region',
      'company',
      'seats',
      'beta',
    ]);
    expect(chipButtons()[0]).toHaveAccessibleName('plan: enterprise, Compare with users whose plan is enterprise');
  });

  it('selects, switches and clears a cohort when uncontrolled', async () => {
    const onCohortChange = vi.fn();
    render(<UserHeader user={user} now={NOW} onCohortChange={onCohortChange} />);
    const [plan, , region] = chipButtons() as [HTMLElement, HTMLElement, HTMLElement];
    await userEvent.click(plan);
    expect(onCohortChange).toHaveBeenLastCalledWith({ key: 'plan', value: 'enterprise' });
    expect(plan).toHaveAttribute('aria-pressed', 'true');
    expect(plan).toHaveAttribute('data-state', 'on');
    expect(screen.getByText('Comparing with users whose plan is enterprise')).toBeInTheDocument();
    await userEvent.click(region);
    expect(onCohortChange).toHaveBeenLastCalledWith({ key: 'region', value: 'eu-west' });
    expect(plan).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(region);
    expect(onCohortChange).toHaveBeenLastCalledWith(null);
    expect(region).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(plan);
    await userEvent.click(screen.getByRole('button', { name: 'Clear comparison' }));
    expect(onCohortChange).toHaveBeenLastCalledWith(null);
    expect(screen.queryByText(/Comparing with/)).toBeNull();
  });

  it('starts from defaultCohort and is operable from the keyboard', async () => {
    const onCohortChange = vi.fn();
    render(<UserHeader user={user} now={NOW} defaultCohort={{ key: 'beta', value: true }} onCohortChange={onCohortChange} />);
    const beta = chipButtons()[5] as HTMLElement;
    expect(beta).toHaveAttribute('aria-pressed', 'true');
    beta.focus();
    await userEvent.keyboard('{Enter}');
    expect(onCohortChange).toHaveBeenLastCalledWith(null);
    await userEvent.keyboard(' ');
    expect(onCohortChange).toHaveBeenLastCalledWith({ key: 'beta', value: true });
  });

  it('follows the cohort prop when controlled', async () => {
    const onCohortChange = vi.fn();
    const { rerender } = render(<UserHeader user={user} now={NOW} cohort={null} onCohortChange={onCohortChange} />);
    const plan = chipButtons()[0] as HTMLElement;
    await userEvent.click(plan);
    expect(onCohortChange).toHaveBeenCalledWith({ key: 'plan', value: 'enterprise' });
    expect(plan).toHaveAttribute('aria-pressed', 'false'); // the host has not accepted it yet
    rerender(<UserHeader user={user} now={NOW} cohort={{ key: 'plan', value: 'enterprise' }} onCohortChange={onCohortChange} />);
    expect(plan).toHaveAttribute('aria-pressed', 'true');
  });

  it('round-trips through a host that keeps the cohort in its state', async () => {
    function Host() {
      const [cohort, setCohort] = useState<Cohort | null>({ key: 'region', value: 'eu-west' });
      return (
        <>
          <UserHeader user={user} now={NOW} cohort={cohort} onCohortChange={setCohort} />
          <output>{JSON.stringify(cohort)}</output>
        </>
      );
    }
    render(<Host />);
    await userEvent.click(chipButtons()[1] as HTMLElement);
    expect(document.querySelector('output')).toHaveTextContent('{"key":"tier","value":"priority"}');
  });

  it('renders chips as plain text without the cohort capability', () => {
    render(<UserHeader user={user} now={NOW} cohortsEnabled={false} />);
    expect(within(screen.getByRole('group', { name: 'Metadata' })).queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByText(/Select a value/)).toBeNull();
  });

  it('renders user text as text, one line, truncated with the full value on hover', () => {
    const long = 'x'.repeat(300);
    const odd: User = {
      id: 'odd',
      displayName: '<img src=x onerror="alert(1)">',
      metadata: { note: 'a\nb\u0000\tc', bidi: '\u202Egnp.exe', long, nothing: null, empty: '' },
    };
    const { container } = render(<UserHeader user={odd} now={NOW} maxVisibleChips={10} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading')).toHaveTextContent('<img src=x onerror="alert(1)">');
    const values = [...container.querySelectorAll('.us-chip__value')].map((v) => v.textContent);
    expect(values).toEqual(['a b c', 'gnp.exe', `${'x'.repeat(79)}…`, '—', '(empty)']);
    const longChip = chipButtons()[2] as HTMLElement;
    expect(longChip.getAttribute('title')).toContain(long);
    expect(chipButtons()[3]).toHaveAttribute('title', expect.stringContaining('nothing: not set'));
    expect(screen.getAllByText('—', { selector: 'dd' })).toHaveLength(2); // unknown first and last seen
  });

  it('folds metadata beyond maxVisibleChips behind "Show N more"', async () => {
    const many: User = { id: 'u', metadata: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i])) };
    render(<UserHeader user={many} now={NOW} />);
    expect(screen.getAllByRole('button', { pressed: false })).toHaveLength(8);
    const more = screen.getByRole('button', { name: 'Show 4 more' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(more);
    expect(screen.getAllByRole('button', { pressed: false })).toHaveLength(12);
    expect(screen.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('uses the id as the heading when there is no display name, and labels can be replaced', () => {
    render(<UserHeader user={{ id: 'user-00004', metadata: {} }} now={NOW} labels={{ noMetadata: 'Keine Metadaten' }} />);
    expect(screen.getByRole('heading', { name: 'user-00004' })).toBeInTheDocument();
    expect(screen.getByText('Keine Metadaten')).toBeInTheDocument();
    expect(initialsOf({ id: 'user-00004', email: 'mei.novak@x.com' })).toBe('MN');
    expect(initialsOf({ id: 'ü', displayName: 'Head of CX (EMEA)' })).toBe('HE');
  });

  describe('states', () => {
    it('loading', () => {
      const { container } = render(<UserHeader status="pending" />);
      expect(screen.getByRole('status')).toHaveTextContent('Loading user…');
      expect(container.firstElementChild).toHaveAttribute('data-state', 'loading');
    });

    it('error with retry', async () => {
      const onRetry = vi.fn();
      const { container } = render(<UserHeader status="error" error={new ProviderError('not-found', 'Unknown user "x"')} onRetry={onRetry} />);
      expect(screen.getByRole('alert')).toHaveTextContent('Could not load this user.');
      expect(screen.getByRole('alert')).toHaveTextContent('Unknown user "x"');
      expect(container.firstElementChild).toHaveAttribute('data-state', 'error');
      await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
      expect(onRetry).toHaveBeenCalledOnce();
    });
  });

  describe('copy buttons', () => {
    const stubClipboard = (clipboard: Pick<Clipboard, 'writeText'>) =>
      Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
    afterEach(() => {
      Reflect.deleteProperty(navigator, 'clipboard');
      Reflect.deleteProperty(document, 'execCommand');
    });

    it('copy with the Clipboard API and announce "Copied"', async () => {
      const writeText = vi.fn().mockResolvedValue(undefined);
      stubClipboard({ writeText });
      render(<UserHeader user={user} now={NOW} />);
      await userEvent.click(screen.getByRole('button', { name: 'Copy email' }));
      expect(writeText).toHaveBeenCalledWith('jonas.chen@acmecorp.com');
      const status = screen.getAllByRole('status').find((s) => s.textContent === 'Copied');
      expect(status).toBeDefined();
      expect(screen.getByRole('button', { name: 'Copy email' })).toHaveAttribute('data-state', 'copied');
    });

    it('fall back to execCommand when the Clipboard API is missing or refuses, and say when both fail', async () => {
      stubClipboard({ writeText: vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError')) });
      const exec = vi.fn().mockReturnValue(true);
      Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
      expect(await copyToClipboard('abc')).toBe(true);
      expect(exec).toHaveBeenCalledWith('copy');
      exec.mockReturnValue(false);
      render(<UserHeader user={user} now={NOW} />);
      const button = screen.getByRole('button', { name: 'Copy user id' });
      button.focus();
      await act(async () => {
        await userEvent.click(button);
      });
      expect(screen.getByText(/Could not copy/)).toBeInTheDocument();
      expect(button).toHaveFocus();
    });
  });
});
