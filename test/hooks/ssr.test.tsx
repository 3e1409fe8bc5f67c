// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useUser } from '../../src/hooks/query-hooks';
import { UserscopeProvider, useUserscope } from '../../src/hooks/userscope-provider';
import { createFakeProvider } from './harness';

function Probe() {
  const { locale } = useUserscope();
  const state = useUser({ userId: 'u' });
  return <p>{`${locale} ${state.status}`}</p>;
}

describe('server rendering', () => {
  it('renders without window or navigator, with the en-US fallback locale and pending data', () => {
    const fake = createFakeProvider();
    const html = renderToString(
      <UserscopeProvider provider={fake.provider}>
        <Probe />
      </UserscopeProvider>,
    );
    expect(html).toBe('<p>en-US pending</p>');
    expect(fake.calls).toHaveLength(0);
  });
});
