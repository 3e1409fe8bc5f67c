import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createUserscopeQueryClient } from '../../src/hooks/query-client';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { detailParamsFromUsersView, parseUserDetailView } from '../../src/pages/UserDetailPage/user-detail-view';
import { UsersPage } from '../../src/pages/UsersPage/UsersPage';
import { parseUsersView, serializeUsersView } from '../../src/pages/UsersPage/users-view-url';
import { contractRanges } from '../../src/testing/contract/contract-dataset';
import { createTestProvider } from '../../src/testing/create-test-provider';
import { routerLink } from '../fake-router-link';

const NOW = Date.parse(contractRanges.main.to);

/** A host keeping the view in its "URL" (a query string in state) and rendering links with its "router". */
function Host({ initialQuery, navigate, onQuery }: { initialQuery: string; navigate: (href: string) => void; onQuery: (query: string) => void }) {
  const [query, setQuery] = useState(initialQuery);
  const view = parseUsersView(query);
  const renderLink = routerLink(navigate);
  return (
    <UsersPage
      now={NOW}
      view={view}
      onViewChange={(next) => {
        const q = serializeUsersView(next).toString();
        setQuery(q);
        onQuery(q);
      }}
      getUserHref={(user) => `/users/${user.id}?${detailParamsFromUsersView(view)}`}
      renderLink={renderLink}
    />
  );
}

describe('UsersPage in a URL, with router links', () => {
  it('reads its view from the query, writes changes back, and opens users through the host link with the range', async () => {
    const navigate = vi.fn();
    const onQuery = vi.fn();
    const queryClient = createUserscopeQueryClient();
    queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
    const user = userEvent.setup();
    render(
      <UserscopeProvider provider={createTestProvider()} queryClient={queryClient} locale="en-US">
        <Host initialQuery="range=2025-03-03..2025-03-16&sort=traceCount.desc" navigate={navigate} onQuery={onQuery} />
      </UserscopeProvider>,
    );
    const links = await waitFor(() => {
      const found = within(screen.getByRole('grid')).getAllByRole('link');
      expect(found.length).toBeGreaterThan(1);
      return found;
    });
    for (const link of links) {
      expect(link).toHaveAttribute('data-router-link');
      expect(link.getAttribute('href')).toMatch(/^\/users\/[^?]+\?range=2025-03-03\.\.2025-03-16$/);
    }
    const first = links[0] as HTMLElement;
    await user.click(first);
    expect(navigate).toHaveBeenCalledWith(first.getAttribute('href'));
    const href = first.getAttribute('href') ?? '';
    expect(parseUserDetailView(href.slice(href.indexOf('?'))).range).toEqual({ preset: 'custom', from: '2025-03-03', to: '2025-03-16' });

    await user.click(screen.getByRole('radio', { name: /Last 90 days/ }));
    await waitFor(() => expect(onQuery).toHaveBeenLastCalledWith('range=90d&sort=traceCount.desc'));
    await waitFor(() => expect(within(screen.getByRole('grid')).getAllByRole('link')[0]?.getAttribute('href')).toMatch(/\?range=90d$/));
  });
});
