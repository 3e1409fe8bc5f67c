import { configure, screen, waitFor, within } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DataProvider } from '../../src/core/contract';
import { previousRange, rangeToMs, toIso } from '../../src/core/engine/time';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { UserDetailPage } from '../../src/pages/UserDetailPage/UserDetailPage';
import { contractRanges } from '../../src/testing/contract/contract-dataset';
import { createTestProvider } from '../../src/testing/create-test-provider';
import { renderPage, section, USER, USER_NAME } from './user-detail-page-harness';

configure({ asyncUtilTimeout: 5000 });

const sectionIds = () => [...document.querySelectorAll('[data-slot="user-detail-section"]')].map((s) => s.id);

afterEach(() => {
  window.location.hash = '';
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

describe('UserDetailPage layout and anchors', () => {
  it('renders every section in the seed order, each a <section> named by its heading, with a nav of anchors', async () => {
    renderPage();
    expect(sectionIds()).toEqual([
      'userscope-header',
      'userscope-metrics',
      'userscope-trends',
      'userscope-feedback',
      'userscope-conversations',
      'userscope-traces',
    ]);
    expect(screen.getByRole('region', { name: 'Traces' })).toBe(section('traces'));
    // A link to the anchor moves keyboard focus into the section instead of dropping it on <body>.
    expect(section('traces')).toHaveAttribute('tabindex', '-1');
    // One region per section: the metric cards are a group under the section's heading, not a second "Key metrics".
    expect(screen.getAllByRole('region', { name: 'Key metrics' })).toEqual([section('metrics')]);
    expect(within(section('metrics')).queryByRole('region')).toBeNull();
    const nav = screen.getByRole('navigation', { name: 'Sections of this page' });
    expect(within(nav).getByRole('link', { name: 'Traces' })).toHaveAttribute('href', '#userscope-traces');
    expect(within(nav).getAllByRole('link')).toHaveLength(6);
    expect(await within(section('header')).findByRole('heading', { name: USER_NAME })).toBeInTheDocument();
  });

  it('names the header and feedback sections by the components\' own titles, without repeating them', async () => {
    renderPage();
    // Until the user loads, the section is named by its title; then by the user's name, its only heading.
    expect(section('header')).toHaveAccessibleName('Profile and metadata');
    const name = await within(section('header')).findByRole('heading', { name: USER_NAME, level: 2 });
    expect(section('header')).toHaveAccessibleName(USER_NAME);
    expect(section('header')).toHaveAttribute('aria-labelledby', name.id);
    expect(within(section('header')).getAllByRole('heading', { level: 2 })).toEqual([name]);
    expect(within(section('header')).queryByRole('region')).toBeNull();
    // The feedback section's code loads lazily (below the fold): its panel's title arrives with it.
    const feedback = await within(section('feedback')).findByRole('heading', { name: 'User feedback', level: 2 });
    expect(section('feedback')).toHaveAttribute('aria-labelledby', feedback.id);
    expect(screen.getAllByRole('region', { name: 'User feedback' })).toEqual([section('feedback')]);
    expect(within(section('feedback')).getAllByRole('heading', { name: 'User feedback' })).toHaveLength(1);
  });

  it('prefixes the anchors with idPrefix and leaves out the nav and picker when asked', () => {
    renderPage({ idPrefix: 'p2-', nav: false, rangePicker: false });
    expect(document.getElementById('p2-traces')).toHaveAttribute('aria-labelledby', 'p2-traces-title');
    expect(document.getElementById('p2-traces-title')).toHaveTextContent('Traces');
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('radiogroup')).toBeNull();
  });

  it('scrolls to the section the URL fragment names once mounted', () => {
    const scrolled: string[] = [];
    // jsdom has no scrollIntoView.
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.id);
    };
    window.location.hash = '#userscope-traces';
    renderPage();
    expect(scrolled).toEqual(['userscope-traces']);
  });

  it('leaves the feedback section out when the provider has no feedback, and never asks for it', async () => {
    const base = createTestProvider({ capabilities: { feedback: false } });
    const getFeedback = vi.fn(base.getFeedback);
    renderPage({}, { ...base, getFeedback });
    expect(document.getElementById('userscope-feedback')).toBeNull();
    expect(screen.queryByRole('link', { name: 'User feedback' })).toBeNull();
    await within(section('header')).findByRole('heading', { name: USER_NAME });
    expect(getFeedback).not.toHaveBeenCalled();
  });

  it('shows the feedback section when the provider has feedback', async () => {
    renderPage();
    expect(await within(section('feedback')).findByRole('heading', { name: 'User feedback', level: 2 })).toBeInTheDocument();
  });
});

describe('UserDetailPage sections prop', () => {
  it('omits and reorders built-in sections', () => {
    renderPage({ sections: ['traces', 'header'] });
    expect(sectionIds()).toEqual(['userscope-traces', 'userscope-header']);
    expect(within(screen.getByRole('navigation')).getAllByRole('link').map((a) => a.textContent)).toEqual(['Traces', 'Profile and metadata']);
  });

  it('replaces a built-in section, keeping its anchor and title, and adds a host section', async () => {
    renderPage({
      sections: [
        'header',
        { id: 'traces', render: ({ userId, range }) => <p>Host traces of {userId} from {range.from}</p> },
        { id: 'notes', title: 'Support notes', render: ({ sectionId }) => <p>Notes in {sectionId}</p> },
      ],
    });
    expect(within(section('traces')).getByText(`Host traces of ${USER} from ${contractRanges.main.from}`)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Traces' })).toBe(section('traces'));
    // A link to the anchor moves keyboard focus into the section instead of dropping it on <body>.
    expect(section('traces')).toHaveAttribute('tabindex', '-1');
    expect(screen.queryByRole('grid')).toBeNull();
    expect(screen.getByRole('region', { name: 'Support notes' })).toHaveTextContent('Notes in notes');
    expect(screen.getByRole('link', { name: 'Support notes' })).toHaveAttribute('href', '#userscope-notes');
  });

  it('keeps one region when a replacement wraps the header: a hidden section heading above the user\'s name', async () => {
    renderPage({ sections: [{ id: 'header', render: ({ defaultContent }) => <div>{defaultContent}</div> }] });
    expect(await within(section('header')).findByRole('heading', { name: USER_NAME, level: 3 })).toBeInTheDocument();
    expect(within(section('header')).getByRole('heading', { name: 'Profile and metadata', level: 2 })).toBeInTheDocument();
    expect(section('header')).toHaveAccessibleName('Profile and metadata');
    expect(within(section('header')).queryByRole('region')).toBeNull();
  });

  it('keeps the description visible when a definition hides its section heading', () => {
    renderPage({ sections: [{ id: 'traces', hideTitle: true, render: () => <p>Host traces</p> }] });
    const heading = within(section('traces')).getByRole('heading', { name: 'Traces', level: 2 });
    expect(heading.closest('.us-visually-hidden')).not.toBeNull();
    const description = within(section('traces')).getByText('Every run of this user in the selected range.');
    expect(description.closest('.us-visually-hidden')).toBeNull();
  });

  it('hands a replacement the built-in content to wrap', async () => {
    renderPage({
      sections: [{ id: 'traces', render: ({ defaultContent }) => <div><p>Banner above the table</p>{defaultContent}</div> }],
    });
    // The traces section loads lazily: its Suspense boundary shows the loading state until the module is in.
    expect(await within(section('traces')).findByText('Banner above the table')).toBeInTheDocument();
    expect(await within(section('traces')).findByRole('grid')).toBeInTheDocument();
  });
});

describe('UserDetailPage shared state', () => {
  it('asks for the previous period of the trends, at the granularity of the current answer', async () => {
    const base = createTestProvider();
    const getUserTrends = vi.fn(base.getUserTrends);
    renderPage({ sections: ['trends'] }, { ...base, getUserTrends });
    const prev = previousRange(rangeToMs(contractRanges.main));
    await waitFor(() =>
      expect(getUserTrends).toHaveBeenCalledWith(
        expect.objectContaining({ userId: USER, range: { from: toIso(prev.from), to: toIso(prev.to) }, granularity: 'day' }),
      ),
    );
  });

  it('a metadata chip sets the cohort the metric cards compare with, and reports it', async () => {
    const base = createTestProvider();
    const getUserMetrics = vi.fn(base.getUserMetrics);
    const onCohortChange = vi.fn();
    const { user } = renderPage({ sections: ['header', 'metrics'], onCohortChange }, { ...base, getUserMetrics } satisfies DataProvider);
    await user.click(await within(section('header')).findByRole('button', { name: /^plan: pro/ }));
    expect(onCohortChange).toHaveBeenCalledWith({ key: 'plan', value: 'pro' });
    await waitFor(() => expect(getUserMetrics).toHaveBeenLastCalledWith(expect.objectContaining({ compare: { cohort: { key: 'plan', value: 'pro' }, population: true } })));
    expect(await within(section('metrics')).findAllByText(/pro users/)).not.toHaveLength(0);
  });

  it('a metric card shows its metric in the trend charts', async () => {
    const { user } = renderPage({ sections: ['metrics', 'trends'] });
    const tab = await within(section('trends')).findByRole('tab', { name: /Latency/ });
    expect(tab).toHaveAttribute('aria-selected', 'false');
    await user.click(await within(section('metrics')).findByRole('button', { name: 'Latency, show trend' }));
    await waitFor(() => expect(tab).toHaveAttribute('aria-selected', 'true'));
  });

  it('metric card titles are plain text, not buttons that focus nothing, when the trends section is left out', async () => {
    renderPage({ sections: ['header', 'metrics', 'traces'] });
    expect(await within(section('metrics')).findByText('Latency')).toBeInTheDocument();
    expect(within(section('metrics')).queryAllByRole('button', { name: /show trend/ })).toHaveLength(0);
  });

  it('the range picker changes the range of every section and reports it', async () => {
    const base = createTestProvider();
    const listTraces = vi.fn(base.listTraces);
    const getUserMetrics = vi.fn(base.getUserMetrics);
    const onRangeChange = vi.fn();
    const { user } = renderPage({ sections: ['metrics', 'traces'], onRangeChange }, { ...base, listTraces, getUserMetrics });
    await user.click(screen.getByRole('radio', { name: /7 days/ }));
    expect(onRangeChange).toHaveBeenCalledWith({ preset: '7d' });
    const from = new Date(Date.parse(contractRanges.main.to) - 7 * 86_400_000).toISOString();
    const range = { from, to: contractRanges.main.to };
    await waitFor(() => expect(listTraces).toHaveBeenLastCalledWith(expect.objectContaining({ range })));
    await waitFor(() => expect(getUserMetrics).toHaveBeenLastCalledWith(expect.objectContaining({ range })));
  });
});

describe('UserDetailPage on the server', () => {
  it('renders every section shell with its anchor, in the loading state, without touching the DOM', () => {
    const html = renderToString(
      <UserscopeProvider provider={createTestProvider()} locale="en-US">
        <UserDetailPage userId={USER} now={Date.parse(contractRanges.main.to)} />
      </UserscopeProvider>,
    );
    for (const id of ['header', 'metrics', 'trends', 'feedback', 'conversations', 'traces']) expect(html).toContain(`id="userscope-${id}"`);
    expect(html).toContain('href="#userscope-traces"');
  });
});
