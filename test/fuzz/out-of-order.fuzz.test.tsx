// Issue 18 property suite, part 3: responses arriving in any order through the hooks never render stale data: after
// the params change, only an answer for the latest params is ever shown.
import { act, render, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useUser } from '../../src/hooks/query-hooks';
import { createFakeProvider, hostClient, user, wrapperFor } from '../hooks/harness';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

function Shown({ userId, seen }: { userId: string; seen: string[] }) {
  const result = useUser({ userId });
  const shown = result.status === 'success' && !result.isPlaceholderData ? result.data.id : '-';
  seen.push(`${userId}:${shown}`);
  return <p>{shown}</p>;
}

describe('fuzz: out-of-order responses through the hooks', () => {
  it('never renders an answer for other params than the current ones', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 2, maxLength: 5 }),
        fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
        async (ids, order) => {
          const fake = createFakeProvider();
          const Wrapper = wrapperFor(fake.provider, hostClient());
          const seen: string[] = [];
          const view = render(<Shown userId={ids[0]!} seen={seen} />, { wrapper: Wrapper });
          for (const id of ids.slice(1)) view.rerender(<Shown userId={id} seen={seen} />);
          // answer every call made so far, in a random order, each with the user it asked for
          const pending = [...fake.calls];
          while (pending.length > 0) {
            const [call] = pending.splice(order[pending.length % order.length]! % pending.length, 1);
            await act(async () => call!.resolve(user(String(call!.params.userId))));
          }
          await waitFor(() => expect(view.container.textContent).toBe(ids[ids.length - 1]));
          for (const entry of seen) {
            const [current, shown] = entry.split(':');
            if (shown !== '-') expect(shown, seen.join(' ')).toBe(current);
          }
          view.unmount();
        },
      ),
      { numRuns: RUNS },
    );
  });
});
