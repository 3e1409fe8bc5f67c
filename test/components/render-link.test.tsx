import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UsersTable } from '../../src/components/UsersTable/UsersTable';
import type { UserRow } from '../../src/core/results';
import { routerLink } from '../fake-router-link';
import { inSection, renderPage } from '../pages/user-detail-page-harness';

/** A router's link (spied) and its navigate function. */
function fakeRouter() {
  const navigate = vi.fn();
  const renderLink = vi.fn(routerLink(navigate));
  return { navigate, renderLink };
}

const row = (id: string): UserRow => ({
  user: { id, displayName: `Name ${id}`, metadata: {} },
  traceCount: 1,
  conversationCount: 1,
  errorCount: 0,
  successRate: 1,
  latencyP50Ms: 1,
  latencyP95Ms: 1,
  costUsd: 0,
  costPerTraceUsd: 0,
  inputTokens: 1,
  outputTokens: 1,
  feedbackAvgScore: null,
  firstSeen: '2026-03-03T12:00:00.000Z',
  lastSeen: '2026-03-10T09:00:00.000Z',
  sparkline: [],
  attention: [],
});
const rows = [row('u1'), row('u2')];
const NOW = Date.parse('2026-03-10T12:00:00.000Z');

describe('renderLink', () => {
  it("UsersTable: the user name is the host's link with getUserHref's href, and plain clicks navigate through it", async () => {
    const user = userEvent.setup();
    const { navigate, renderLink } = fakeRouter();
    render(<UsersTable rows={rows} rowCount={2} now={NOW} getUserHref={(u) => `/users/${u.id}`} renderLink={renderLink} />);
    const link = screen.getByRole('link', { name: 'Name u2' });
    expect(link).toHaveAttribute('href', '/users/u2');
    expect(link).toHaveAttribute('data-router-link');
    expect(link).toHaveAttribute('data-slot', 'user-link');
    expect(renderLink).toHaveBeenCalledWith(expect.objectContaining({ href: '/users/u1', className: expect.stringContaining('us-cell-text__primary') }));
    await user.click(link);
    expect(navigate).toHaveBeenCalledWith('/users/u2');
    const ctrlClick = new globalThis.MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true, button: 0 });
    act(() => {
      link.dispatchEvent(ctrlClick);
    });
    expect(ctrlClick.defaultPrevented).toBe(false);
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('UsersTable: with onUserOpen too, the callback takes the plain click and the router does not navigate', async () => {
    const user = userEvent.setup();
    const { navigate, renderLink } = fakeRouter();
    const onUserOpen = vi.fn();
    render(<UsersTable rows={rows} rowCount={2} now={NOW} getUserHref={(u) => `/users/${u.id}`} onUserOpen={onUserOpen} renderLink={renderLink} />);
    await user.click(screen.getByRole('link', { name: 'Name u1' }));
    expect(onUserOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'u1' }));
    expect(navigate).not.toHaveBeenCalled();
  });

  it('UsersTable: without renderLink the name stays a plain anchor', () => {
    render(<UsersTable rows={rows} rowCount={2} now={NOW} getUserHref={(u) => `/users/${u.id}`} />);
    const link = screen.getByRole('link', { name: 'Name u1' });
    expect(link).toHaveAttribute('href', '/users/u1');
    expect(link).not.toHaveAttribute('data-router-link');
  });

  it("UserDetailPage: back, previous / next and trace links are the host's links; plain clicks navigate through them", async () => {
    const { navigate, renderLink } = fakeRouter();
    const { user } = renderPage({
      renderLink,
      getTraceHref: (trace) => `/traces/${trace.id}`,
      navigation: { back: { href: '/users' }, previous: { href: '/users/a', label: 'A' }, next: null },
    });
    const back = screen.getByRole('link', { name: /All users/ });
    expect(back).toHaveAttribute('data-router-link');
    await user.click(back);
    expect(navigate).toHaveBeenLastCalledWith('/users');
    const previous = document.querySelector('[data-slot="previous-user"]') as HTMLElement;
    expect(previous).toHaveAttribute('data-router-link');
    expect(previous).toHaveAttribute('href', '/users/a');
    await user.click(previous);
    expect(navigate).toHaveBeenLastCalledWith('/users/a');
    expect(document.querySelector('[data-slot="next-user"]')).not.toHaveAttribute('href');
    const traceLinks = await waitFor(() => {
      const links = inSection('traces').getAllByRole('link').filter((a) => a.getAttribute('data-slot') === 'trace-link');
      expect(links.length).toBeGreaterThan(0);
      return links;
    });
    const first = traceLinks[0] as HTMLElement;
    expect(first).toHaveAttribute('data-router-link');
    expect(first.getAttribute('href')).toMatch(/^\/traces\//);
    await user.click(first);
    expect(navigate).toHaveBeenLastCalledWith(first.getAttribute('href'));
    expect(within(document.body).queryAllByRole('link').filter((a) => a.getAttribute('data-slot') === 'trace-link' && !a.hasAttribute('data-router-link'))).toHaveLength(0);
  });
});
