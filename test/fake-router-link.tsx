/** A router's link for tests, as React Router's and Next's behave: the given onClick first, then client navigation. */
import type { MouseEvent, ReactNode } from 'react';
import { isPlainClick } from '../src/components/primitives/click-intent';
import type { LinkRenderProps } from '../src/components/primitives/HostLink';

/** A `renderLink` whose plain clicks call `navigate(href)` instead of loading the page. */
export function routerLink(navigate: (href: string) => void): (props: LinkRenderProps) => ReactNode {
  return function RouterLink({ href, onClick, children, ...rest }: LinkRenderProps) {
    return (
      <a
        {...rest}
        href={href}
        data-router-link=""
        onClick={(event: MouseEvent<HTMLAnchorElement>) => {
          onClick?.(event);
          if (!event.defaultPrevented && isPlainClick(event)) {
            event.preventDefault();
            navigate(href);
          }
        }}
      >
        {children}
      </a>
    );
  };
}
