import { useMemo } from 'react';
import { mergeLabels } from '../../components/primitives/format-label';
import { useUserscope } from '../../hooks/userscope-provider';

/**
 * A component's labels with the `<UserscopeProvider labels>` overrides found under `<prefix>.<key>` merged in
 * (only for components whose labels are all plain strings).
 */
export function useContextLabels<L extends Record<string, string>>(defaults: L, prefix: string): L {
  const { labels } = useUserscope();
  return useMemo(() => mergeLabels(defaults, labels, prefix, undefined), [defaults, labels, prefix]);
}
