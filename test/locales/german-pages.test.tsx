/**
 * The pages with the German messages (MessagesProvider) show German text and none of the English defaults checked
 * here; a page's own `labels` prop still overrides one string.
 */
import { configure, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createUserscopeQueryClient } from '../../src/hooks/query-client';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { de } from '../../src/locales/de';
import { MessagesProvider } from '../../src/pages/messages/MessagesProvider';
import { englishMessages } from '../../src/pages/messages/messages';
import { UserDetailPage } from '../../src/pages/UserDetailPage/UserDetailPage';
import { UsersPage } from '../../src/pages/UsersPage/UsersPage';
import { createTestProvider } from '../../src/testing/create-test-provider';
import { NOW, RANGE, USER } from '../pages/user-detail-page-harness';

configure({ asyncUtilTimeout: 5000 });

function inGerman(children: ReactNode) {
  const queryClient = createUserscopeQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  return render(
    <UserscopeProvider provider={createTestProvider()} queryClient={queryClient} locale="de-DE">
      <MessagesProvider messages={de}>{children}</MessagesProvider>
    </UserscopeProvider>,
  );
}

/** English strings that would show on these pages if a label set were not read from the messages. */
const ENGLISH_LEFT = [
  englishMessages.users.subtitle,
  englishMessages.users.searchPlaceholder,
  englishMessages.usersTable.columnUser,
  englishMessages.usersTable.columnLastSeen,
  englishMessages.usersDistribution.title.replace('{metric}', 'cost'),
  englishMessages.timeRange['7d'],
  englishMessages.userDetail.sectionMetrics,
  englishMessages.userDetail.sectionConversations,
  englishMessages.metricCards.costPerTraceUsd,
  englishMessages.trendCharts.granularity,
  englishMessages.traceTable.caption,
  'Loading',
];

function expectNoEnglishLeft() {
  const text = document.body.textContent ?? '';
  for (const english of ENGLISH_LEFT) expect(text, english).not.toContain(english);
}

describe('the German messages', () => {
  it('translate the users page: heading, search, summary strip, table headers and time range', async () => {
    inGerman(<UsersPage now={NOW} defaultView={{ range: RANGE }} />);
    expect(screen.getByRole('heading', { name: 'Nutzer', level: 2 })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Nutzer suchen' })).toBeTruthy();
    const table = await screen.findByRole('grid', {}, { timeout: 10_000 });
    await within(table).findByText('Model Switcher', {}, { timeout: 10_000 });
    expect(within(table).getByRole('columnheader', { name: /p95-Latenz/ })).toBeTruthy();
    expect(screen.getByText('Aktive Nutzer')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Nutzer nach Kosten' })).toBeTruthy();
    expectNoEnglishLeft();
  });

  it('translate the detail page: section titles, metric cards, trends and the trace table', async () => {
    inGerman(<UserDetailPage userId={USER} defaultRange={RANGE} now={NOW} />);
    expect(await screen.findByRole('heading', { name: 'Kennzahlen' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Unterhaltungen' })).toBeTruthy();
    await screen.findAllByText('Kosten pro Trace', {}, { timeout: 10_000 });
    await screen.findByRole('grid', { name: /Traces dieses Nutzers/ }, { timeout: 10_000 });
    expectNoEnglishLeft();
  });

  it('give way to a page’s own labels prop', () => {
    inGerman(<UsersPage now={NOW} defaultView={{ range: RANGE }} labels={{ title: 'Kundschaft' }} />);
    expect(screen.getByRole('heading', { name: 'Kundschaft', level: 2 })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Nutzer suchen' })).toBeTruthy();
  });
});
