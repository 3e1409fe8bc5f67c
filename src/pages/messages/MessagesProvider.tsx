import type { ReactNode } from 'react';
import { LabelSetsProvider } from '../../components/primitives/labels-context';
import type { UserscopeMessages } from './messages';

/** Props of {@link MessagesProvider}. */
export interface MessagesProviderProps {
  /** A whole translation, e.g. `de` from `userscope/locales/de`. */
  messages: UserscopeMessages;
  /** The tree whose pages and components show it. */
  children?: ReactNode;
}

/**
 * Shows every userscope page and component below it in one language. A component's own `labels` prop and the
 * `<UserscopeProvider labels>` ids still override single strings. Numbers and dates follow
 * `<UserscopeProvider locale>`, so pass the matching locale there.
 * @example
 * ```tsx
 * import { de } from 'userscope/locales/de';
 *
 * <UserscopeProvider provider={provider} locale="de-DE">
 *   <MessagesProvider messages={de}>
 *     <UsersPage />
 *   </MessagesProvider>
 * </UserscopeProvider>
 * ```
 */
export function MessagesProvider({ messages, children }: MessagesProviderProps) {
  return <LabelSetsProvider sets={messages}>{children}</LabelSetsProvider>;
}
