import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type ReactNode,
} from 'react';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';


/** Gap between the anchor and the tooltip, and the minimum margin to the viewport edge (px). */
const GAP = 6;
/** Delay before a hover tooltip closes, so the pointer can travel onto it (WCAG 1.4.13 "hoverable"). */
const CLOSE_DELAY_MS = 120;

/** Options of {@link useTooltip}. */
export interface UseTooltipOptions {
  /** Forces the tooltip open (e.g. while the grid cell that owns it has focus). */
  open?: boolean;
}

/** What {@link useTooltip} returns: props for the anchor element and the tooltip element to render. */
export interface TooltipController<A extends HTMLElement> {
  /** Whether the tooltip shows. */
  open: boolean;
  /** Spread onto the anchor: ref plus pointer and focus handlers. */
  anchorProps: {
    ref: (node: A | null) => void;
    onMouseEnter: () => void;
    onMouseLeave: () => void;
    onFocus: () => void;
    onBlur: (event: FocusEvent<A>) => void;
  };
  /** Render this anywhere inside the anchor: it is `position: fixed`, so scroll containers do not clip it. */
  render: (content: ReactNode) => ReactNode;
}

function place(anchor: DOMRect, tip: DOMRect): CSSProperties {
  const below = anchor.bottom + GAP;
  const top = below + tip.height > window.innerHeight - GAP ? Math.max(GAP, anchor.top - GAP - tip.height) : below;
  const left = Math.min(Math.max(GAP, anchor.left), Math.max(GAP, window.innerWidth - GAP - tip.width));
  return { top, left };
}

/**
 * A tooltip that opens on hover and keyboard focus, stays open while hovered, closes on Escape, blur, mouse leave
 * and scroll, and is placed with `position: fixed` next to its anchor inside the viewport. The tooltip is visual
 * only (`aria-hidden`): put the same information in the anchor's accessible text.
 */
export function useTooltip<A extends HTMLElement = HTMLElement>({ open: forced }: UseTooltipOptions = {}): TooltipController<A> {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [style, setStyle] = useState<CSSProperties>({ top: -9999, left: -9999 });
  const anchor = useRef<A | null>(null);
  const tip = useRef<HTMLSpanElement | null>(null);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const open = !dismissed && (hovered || focused || forced === true);

  useEffect(() => {
    if (!forced) setDismissed(false);
  }, [forced]);

  useIsomorphicLayoutEffect(() => {
    if (!open || !anchor.current || !tip.current) return;
    setStyle(place(anchor.current.getBoundingClientRect(), tip.current.getBoundingClientRect()));
  }, [open]);

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDismissed(true);
    };
    const onScroll = () => {
      setHovered(false);
      setDismissed(true);
    };
    document.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onScroll, true);
    };
  }, [open]);

  useEffect(() => () => clearTimeout(closeTimer.current), []);

  const ref = useCallback((node: A | null) => {
    anchor.current = node;
  }, []);
  const anchorProps = {
    ref,
    onMouseEnter: () => {
      clearTimeout(closeTimer.current);
      setDismissed(false);
      setHovered(true);
    },
    onMouseLeave: () => {
      closeTimer.current = setTimeout(() => setHovered(false), CLOSE_DELAY_MS);
    },
    onFocus: () => {
      setDismissed(false);
      setFocused(true);
    },
    onBlur: (event: FocusEvent<A>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
    },
  };
  const render = (content: ReactNode) =>
    open ? (
      <span ref={tip} className="us-tooltip" data-slot="tooltip" data-state="open" aria-hidden="true" style={style}>
        {content}
      </span>
    ) : null;
  return { open, anchorProps, render };
}

/** Props of {@link Tooltip}. */
export interface TooltipProps {
  /** What the tooltip says (visual only: repeat it in `children`'s accessible text). */
  content: ReactNode;
  /** The anchor's content. */
  children: ReactNode;
  /** Extra class on the anchor. */
  className?: string;
  /** Makes the anchor focusable so keyboard users can open the tooltip. Default false. */
  focusable?: boolean;
}

/** A hover and focus tooltip around inline content. See {@link useTooltip} for the behaviour. */
export function Tooltip({ content, children, className, focusable = false }: TooltipProps) {
  const tooltip = useTooltip<HTMLSpanElement>();
  return (
    <span
      {...tooltip.anchorProps}
      className={className ? `us-tooltip-anchor ${className}` : 'us-tooltip-anchor'}
      data-slot="tooltip-anchor"
      data-state={tooltip.open ? 'open' : 'closed'}
      tabIndex={focusable ? 0 : undefined}
    >
      {children}
      {tooltip.render(content)}
    </span>
  );
}
