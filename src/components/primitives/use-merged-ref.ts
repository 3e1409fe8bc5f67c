import { useCallback, type ForwardedRef, type MutableRefObject } from 'react';

/**
 * One callback ref that sets the component's own ref and the host's forwarded one (object or callback), for a root
 * element the component also reads.
 */
export function useMergedRef<E>(own: MutableRefObject<E | null>, forwarded: ForwardedRef<E>): (node: E | null) => void {
  return useCallback(
    (node: E | null) => {
      own.current = node;
      if (typeof forwarded === 'function') forwarded(node);
      else if (forwarded) forwarded.current = node;
    },
    [own, forwarded],
  );
}
