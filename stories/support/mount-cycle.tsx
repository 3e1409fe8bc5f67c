/**
 * A harness that mounts and unmounts the detail page under one provider and query client, for the browser run's
 * heap check (`test/browser/heap-check.mjs`): after warm-up every mount renders from the cache, so what the check
 * measures is the page's own allocations and anything it leaves behind.
 */
import { useState } from 'react';
import type { DataProvider } from '../../src/core/contract';
import { createUserscopeQueryClient } from '../../src/hooks/query-client';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { UserDetailPage, type UserDetailPageProps } from '../../src/pages/UserDetailPage/UserDetailPage';
import { PAGE_NOW, pageTraceHref } from './detail-page-data';

/** Props of {@link MountCycleHarness}. */
export type MountCycleHarnessProps = UserDetailPageProps & { provider: DataProvider };

/** A "Mount / Unmount" button above the detail page, counting the cycles. */
export function MountCycleHarness({ provider, ...props }: MountCycleHarnessProps) {
  const [queryClient] = useState(() => createUserscopeQueryClient());
  const [mounted, setMounted] = useState(true);
  const [cycles, setCycles] = useState(0);
  return (
    <UserscopeProvider provider={provider} queryClient={queryClient} locale="en-US">
      <button
        type="button"
        className="us-button"
        data-testid="mount-toggle"
        onClick={() => {
          if (mounted) setCycles((n) => n + 1);
          setMounted(!mounted);
        }}
      >
        {mounted ? 'Unmount the page' : 'Mount the page'} ({cycles} cycles)
      </button>
      {mounted ? <UserDetailPage now={PAGE_NOW} getTraceHref={pageTraceHref} {...props} /> : <p>Unmounted.</p>}
    </UserscopeProvider>
  );
}
