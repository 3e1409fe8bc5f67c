import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createTestProvider } from '../../src/testing/create-test-provider';
import { renderPage, USER_NAME } from './user-detail-page-harness';

const UNKNOWN = 'u-nobody';

describe('UserDetailPage not-found', () => {
  it('shows one "User not found" state with the id and the back link instead of section errors, and calls onNotFound once', async () => {
    const onNotFound = vi.fn();
    const { container } = renderPage({
      userId: UNKNOWN,
      onNotFound,
      navigation: { back: { href: '/users', label: 'Back to users' } },
    });
    expect(await screen.findByRole('heading', { name: 'User not found' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { name: 'User not found' })).toHaveLength(1);
    expect(screen.getByRole('region', { name: 'User not found' })).toHaveTextContent(`No user has the id “${UNKNOWN}” in this project.`);
    const back = screen.getByRole('link', { name: /Back to users/ });
    expect(back).toHaveAttribute('href', '/users');
    back.focus();
    expect(back).toHaveFocus();
    expect(screen.queryByText(/Could not load/)).toBeNull();
    expect(container.querySelectorAll('[data-slot="user-detail-section"]')).toHaveLength(0);
    expect(screen.queryByRole('navigation', { name: 'Sections of this page' })).toBeNull();
    expect(onNotFound).toHaveBeenCalledTimes(1);
    expect(onNotFound).toHaveBeenCalledWith(UNKNOWN);
    // Later renders (the other sections' failed queries settling) do not report it again.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onNotFound).toHaveBeenCalledTimes(1);
  });

  it('lets the host replace the whole state with renderNotFound', async () => {
    const onNotFound = vi.fn();
    renderPage({ userId: UNKNOWN, onNotFound, renderNotFound: (id) => <p>Host 404 for {id}</p> });
    expect(await screen.findByText(`Host 404 for ${UNKNOWN}`)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'User not found' })).toBeNull();
    await waitFor(() => expect(onNotFound).toHaveBeenCalledWith(UNKNOWN));
  });

  it('takes its strings from the labels prop', async () => {
    renderPage({ userId: UNKNOWN, labels: { notFoundTitle: 'Benutzer nicht gefunden', notFoundMessage: 'Keine Id {userId}.' } });
    expect(await screen.findByRole('heading', { name: 'Benutzer nicht gefunden' })).toBeInTheDocument();
    expect(screen.getByText(`Keine Id ${UNKNOWN}.`)).toBeInTheDocument();
  });

  it('a known user never shows it and never calls onNotFound', async () => {
    const onNotFound = vi.fn();
    renderPage({ onNotFound }, createTestProvider());
    expect(await screen.findByRole('heading', { name: USER_NAME })).toBeInTheDocument();
    expect(screen.queryByText('User not found')).toBeNull();
    expect(onNotFound).not.toHaveBeenCalled();
  });
});
