import { useState, type KeyboardEvent } from 'react';

/** Options of {@link useListboxNavigation}. */
export interface ListboxNavigationOptions {
  /** Options in the list. */
  count: number;
  /** Index of the selected option (-1 when none): the active option until the user moves. */
  selectedIndex: number;
  /** Enter or Space on the active option. */
  onActivate: (index: number) => void;
  /** Brings an option into view (virtualised lists render only some options). */
  scrollToIndex: (index: number) => void;
  /** Options moved by Page Up / Page Down. Default 10. */
  pageStep?: number;
}

/** What {@link useListboxNavigation} returns. */
export interface ListboxNavigation {
  /** The active (keyboard-focused) option, or -1 when the list is empty. */
  activeIndex: number;
  /** Makes an option active (e.g. on click). */
  setActiveIndex: (index: number) => void;
  /** Put on the listbox element. */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Keyboard model of a single-select listbox whose focus stays on the listbox and points at the active option with
 * `aria-activedescendant` (so virtualised options need no tab stop of their own): Up / Down move, Home / End jump,
 * Page Up / Page Down move by `pageStep`, Enter and Space activate.
 */
export function useListboxNavigation({ count, selectedIndex, onActivate, scrollToIndex, pageStep = 10 }: ListboxNavigationOptions): ListboxNavigation {
  const [moved, setMoved] = useState<number | null>(null);
  const max = count - 1;
  const activeIndex = count === 0 ? -1 : clamp(moved ?? (selectedIndex >= 0 ? selectedIndex : 0), 0, max);

  const setActiveIndex = (index: number) => {
    scrollToIndex(index);
    setMoved(index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (count === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(activeIndex + 1, max);
        break;
      case 'ArrowUp':
        next = Math.max(activeIndex - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = max;
        break;
      case 'PageDown':
        next = Math.min(activeIndex + pageStep, max);
        break;
      case 'PageUp':
        next = Math.max(activeIndex - pageStep, 0);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        onActivate(activeIndex);
        return;
      default:
        return;
    }
    event.preventDefault();
    setActiveIndex(next);
  };

  return { activeIndex, setActiveIndex, onKeyDown };
}
