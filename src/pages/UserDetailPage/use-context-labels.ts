import { useMemo } from 'react';
import { flatLabelOverrides } from '../../components/primitives/format-label';
import { overlayLabels, useLabelSet } from '../../components/primitives/labels-context';
import { useUserscope } from '../../hooks/userscope-provider';

/**
 * A component's strings as a page hands them down: its English `defaults`, then its set `prefix` from the nearest
 * `MessagesProvider` (a whole translation), then the `<UserscopeProvider labels>` overrides found under
 * `<prefix>.<key>`, then `props` (the page's own `labels` prop).
 */
export function useContextLabels<L extends object>(defaults: L, prefix: string, props?: Partial<L>): L {
  const { labels } = useUserscope();
  const fromMessages = useLabelSet<L>(prefix);
  return useMemo(
    () => overlayLabels(defaults, fromMessages, flatLabelOverrides(defaults, labels, prefix), props),
    [defaults, fromMessages, labels, prefix, props],
  );
}
