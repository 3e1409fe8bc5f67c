import { useCallback, useState, type KeyboardEvent } from 'react';

/** Which item of a chart is highlighted, and whether the keyboard put it there (then it is announced). */
export interface ItemCursor {
  /** Highlighted item, `null` when none. */
  active: number | null;
  /** True when the keyboard selected `active`. */
  fromKeyboard: boolean;
  /** Highlights an item from the pointer (or clears it with `null`). */
  point: (index: number | null) => void;
  /** Arrow keys, Home and End move the highlight; Escape clears it. */
  onKeyDown: (event: KeyboardEvent) => void;
  /** Clears the highlight when focus leaves. */
  onBlur: () => void;
}

/** Keyboard and pointer highlight over `count` chart items (buckets, bins or keys) (see `ItemChartFrame`). */
export function useItemCursor(count: number): ItemCursor {
  const [state, setState] = useState<{ active: number | null; fromKeyboard: boolean }>({ active: null, fromKeyboard: false });
  const active = state.active !== null && state.active < count ? state.active : null;

  const point = useCallback((index: number | null) => {
    setState((s) => (s.active === index && !s.fromKeyboard ? s : { active: index, fromKeyboard: false }));
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (count === 0) return;
    const current = active ?? -1;
    let next: number | null;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = Math.min(count - 1, current + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = current < 0 ? count - 1 : Math.max(0, current - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      case 'Escape':
        if (active === null) return;
        next = null;
        break;
      default:
        return;
    }
    event.preventDefault();
    setState({ active: next, fromKeyboard: next !== null });
  };

  const onBlur = () => setState({ active: null, fromKeyboard: false });
  return { active, fromKeyboard: state.fromKeyboard && active !== null, point, onKeyDown, onBlur };
}
