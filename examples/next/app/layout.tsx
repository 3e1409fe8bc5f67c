import 'userscope/styles.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Providers } from './providers';

export const metadata: Metadata = { title: 'userscope · Next.js example' };

/** Server component: the host's shell around every page, with the client provider wrapper inside. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ margin: 0 }}>
        <div className="us-root" style={{ minHeight: '100vh', background: 'var(--us-color-bg)', color: 'var(--us-color-text)' }}>
          <header style={{ display: 'flex', gap: 'var(--us-space-6)', padding: 'var(--us-space-3) var(--us-space-6)' }}>
            <strong>Acme AI · Observability</strong>
            <Link href="/users" style={{ color: 'inherit' }}>
              Users
            </Link>
          </header>
          <main style={{ padding: 'var(--us-space-6)' }}>
            <Providers>{children}</Providers>
          </main>
        </div>
      </body>
    </html>
  );
}
