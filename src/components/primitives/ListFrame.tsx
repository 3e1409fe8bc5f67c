import type { CSSProperties, ReactNode } from 'react';
import { rootElementProps, type HostRootProps } from './root-props';

/** What a list or grid shows as a whole, set as `data-state` on its root. */
export type ListState = 'loading' | 'error' | 'empty' | 'ready';

/** Props of {@link ListFrame}. */
export interface ListFrameProps {
  /** The component's own class (`us-users-table`, …), next to the shared `us-list-frame`. */
  baseClassName: string;
  /** The host's attributes (class, style, data-*, …) and forwarded ref, for the root. */
  root: HostRootProps<HTMLDivElement>;
  /** `data-slot` of the root. */
  slot: string;
  /** `data-state` of the root. */
  state: ListState;
  /** A request is in flight while older rows show (`data-fetching`). */
  fetching: boolean;
  /** Row height, px (the `--us-list-row-height` variable rows use). */
  rowHeight: number;
  /** Content: the bar, the scrolling rows, the footer. */
  children: ReactNode;
}

/**
 * The bordered box that users, conversations and traces are listed in: a bar above (result line and controls), the
 * scrolling rows, and whatever footer the list has. Hosts style it through `data-slot`, `data-state` and
 * `data-fetching`.
 */
export function ListFrame({ root, baseClassName, slot, state, fetching, rowHeight, children }: ListFrameProps) {
  const rowHeightVar = { ['--us-list-row-height' as string]: `${rowHeight}px` } as CSSProperties;
  return (
    <div
      {...rootElementProps(root, { className: `us-list-frame ${baseClassName}`, style: rowHeightVar })}
      data-slot={slot}
      data-state={state}
      data-fetching={fetching ? '' : undefined}
    >
      {children}
    </div>
  );
}

/** Props of {@link ListResult}. */
export interface ListResultProps {
  /** The result line ("1–50 of 1,204 users", "Loading traces…"). */
  text: string;
  /** Show the "Updating…" spinner after it (a refetch while the current rows stay). */
  updating: boolean;
  /** Text of the spinner. */
  updatingLabel: string;
}

/** The result line in a list's bar, announced politely when it changes. */
export function ListResult({ text, updating, updatingLabel }: ListResultProps) {
  return (
    <span className="us-list-frame__result" role="status" aria-live="polite">
      {text}
      {updating ? (
        <span className="us-list-frame__updating">
          <span className="us-spinner" aria-hidden="true" /> {updatingLabel}
        </span>
      ) : null}
    </span>
  );
}
