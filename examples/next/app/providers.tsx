'use client';
import { useState, type ReactNode } from 'react';
import { createRestProvider } from 'userscope/adapters/rest';
import { UserscopeProvider } from 'userscope/hooks';
import { API_BASE_URL } from './demo';

/**
 * The client boundary: `UserscopeProvider` holds React context and a query client, so it lives in a "use client"
 * module, and the layout (a server component) wraps the pages with it. One provider per browser tab.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [provider] = useState(() => createRestProvider({ baseUrl: API_BASE_URL, usersSummary: true }));
  return (
    <UserscopeProvider provider={provider} locale="en-US">
      {children}
    </UserscopeProvider>
  );
}
