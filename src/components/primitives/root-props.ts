/**
 * The props every public component passes to its root element: `className`, `style`, `id`, `data-*`, `aria-*`,
 * event handlers and other HTML attributes, and the `ref` it forwards to the same element.
 * @module
 */
import type { CSSProperties, ForwardedRef, HTMLAttributes } from 'react';

/**
 * The root element's HTML attributes a component accepts, less `children` and the names in `Shadowed` (HTML names
 * the component defines itself with another meaning).
 */
export type RootAttributes<E extends HTMLElement = HTMLDivElement, Shadowed extends string = never> = Omit<
  HTMLAttributes<E>,
  'children' | Shadowed
>;

/**
 * Every prop a component defines itself (the keys of `P` that are not root attributes), each set to `true`.
 * TypeScript reports a missing or unknown key, so the list stays complete as props are added.
 */
export type OwnProps<P, E extends HTMLElement = HTMLDivElement, Shadowed extends string = never> = Record<
  Exclude<keyof P, keyof RootAttributes<E, Shadowed>>,
  true
>;

/** The host's attributes for a root element, with the forwarded ref. */
export type HostRootProps<E extends HTMLElement = HTMLDivElement> = RootAttributes<E> & { ref?: ForwardedRef<E> };

/** The root attributes among `props` (every prop not in `own`) and the forwarded `ref`. */
export function hostRootProps<E extends HTMLElement>(
  props: object,
  own: Readonly<Record<string, true>>,
  ref: ForwardedRef<E>,
): HostRootProps<E> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (!Object.prototype.hasOwnProperty.call(own, key)) out[key] = value;
  }
  return { ...(out as RootAttributes<E>), ref };
}

/**
 * The props of a root element: the host's attributes and ref, the component's class then the host's, and the
 * host's style over the component's. Attributes the component writes after this spread (`data-slot`, …) win.
 */
export function rootElementProps<E extends HTMLElement>(
  host: HostRootProps<E>,
  own: { className: string; style?: CSSProperties },
): HostRootProps<E> & { className: string } {
  const style = own.style || host.style ? { ...own.style, ...host.style } : undefined;
  return { ...host, className: rootClassName(own.className, host.className), style };
}

/** The component's own class, then the host's `className` when given. */
export function rootClassName(own: string, className: string | undefined): string {
  return className ? `${own} ${className}` : own;
}
