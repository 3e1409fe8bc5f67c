import { render } from '@testing-library/react';
import { createRef, type ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import {
  ConversationList,
  FeedbackPanel,
  LoadProgressNote,
  MetricCards,
  ModelUsage,
  SectionState,
  TraceTable,
  TrendCharts,
  UserDetailPage,
  UserHeader,
  UserSegments,
  UsersDistribution,
  UsersPage,
  UsersTable,
  type RootAttributes,
} from '../../src';
import { createUserscopeQueryClient } from '../../src/hooks/query-client';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { createTestProvider } from '../../src/testing/create-test-provider';
import { unexportedPropTypes } from './public-prop-types';

/** What a host passes to every component: a class, a style, a data attribute, an aria attribute and a ref. */
function hostProps(name: string) {
  const ref = createRef<HTMLDivElement>();
  const attributes = {
    className: 'host-class',
    style: { marginTop: '7px' },
    'data-testid': `root-${name}`,
    'aria-describedby': 'host-help',
    id: `host-${name}`,
  } satisfies RootAttributes<HTMLElement> & { 'data-testid': string };
  return { ref, attributes };
}

const noop = () => undefined;

/** Each public component in a state it can render without data (loading), with the host's props. */
const COMPONENTS: Record<string, (host: ReturnType<typeof hostProps>) => ReactElement> = {
  UserHeader: ({ ref, attributes }) => <UserHeader status="pending" ref={ref} {...attributes} />,
  MetricCards: ({ ref, attributes }) => <MetricCards status="pending" ref={ref} {...attributes} />,
  SectionState: ({ ref, attributes }) => <SectionState state="loading" ref={ref} {...attributes} />,
  LoadProgressNote: ({ ref, attributes }) => <LoadProgressNote progress={null} locale="en-US" ref={ref} {...attributes} />,
  TrendCharts: ({ ref, attributes }) => <TrendCharts status="pending" ref={ref} {...attributes} />,
  ModelUsage: ({ ref, attributes }) => <ModelUsage status="pending" ref={ref} {...attributes} />,
  FeedbackPanel: ({ ref, attributes }) => <FeedbackPanel status="pending" ref={ref} {...attributes} />,
  UsersTable: ({ ref, attributes }) => <UsersTable rows={[]} status="pending" ref={ref} {...attributes} />,
  UsersDistribution: ({ ref, attributes }) => (
    <UsersDistribution distribution={undefined} status="pending" metric="costUsd" onMetricChange={noop} ref={ref} {...attributes} />
  ),
  UserSegments: ({ ref, attributes }) => (
    <UserSegments segments={undefined} status="pending" keys={['plan']} selectedKey="plan" onKeyChange={noop} ref={ref} {...attributes} />
  ),
  ConversationList: ({ ref, attributes }) => <ConversationList rows={[]} status="pending" ref={ref} {...attributes} />,
  TraceTable: ({ ref, attributes }) => <TraceTable rows={[]} status="pending" ref={ref} {...attributes} />,
  UsersPage: ({ ref, attributes }) => <UsersPage population={false} ref={ref} {...attributes} />,
  UserDetailPage: ({ ref, attributes }) => <UserDetailPage userId="u-switch" ref={ref} {...attributes} />,
};

function renderInProvider(element: ReactElement) {
  return render(
    <UserscopeProvider provider={createTestProvider()} queryClient={createUserscopeQueryClient()} locale="en-US">
      <div data-testid="host-container">{element}</div>
    </UserscopeProvider>,
  );
}

describe('uniform props on every public component', () => {
  it.each(Object.keys(COMPONENTS))('%s puts className, style, other HTML attributes and the ref on its root element', (name) => {
    const host = hostProps(name);
    const view = renderInProvider(COMPONENTS[name](host));
    const root = view.getByTestId(`root-${name}`);
    // The root: the component's outermost element.
    expect(view.getByTestId('host-container').firstElementChild).toBe(root);
    expect(host.ref.current).toBe(root);
    // The host's class is added to the component's own (`us-…`), not in place of it.
    expect(root.classList.contains('host-class')).toBe(true);
    expect([...root.classList].some((c) => c.startsWith('us-'))).toBe(true);
    expect(root.style.marginTop).toBe('7px');
    expect(root.id).toBe(`host-${name}`);
    expect(root.getAttribute('aria-describedby')).toBe('host-help');
    // The component's own attributes still win where it sets them.
    expect(root.getAttribute('data-slot') ?? root.getAttribute('data-state')).toBeTruthy();
  });

  it('every type a public component prop uses can be imported by name from userscope, userscope/hooks or userscope/core', () => {
    expect(unexportedPropTypes()).toEqual([]);
  });
});
