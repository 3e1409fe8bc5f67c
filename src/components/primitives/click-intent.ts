/**
 * Which clicks a component may take over: a link's plain click can open through a callback, a row's plain click
 * opens the row. Anything else (modifier keys, middle button, a click on a control inside the row, a click that ends
 * a text selection) keeps the browser's behaviour.
 * @module
 */
import type { MouseEvent } from 'react';

/**
 * True for a primary click without modifier keys: the only click a callback may take over from a link (a
 * middle-click, Ctrl/Cmd-click or Shift-click keeps the browser's "open in a new tab / window" behaviour).
 */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** True when the click landed on a link or form control, which handles the click itself. */
function onControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('a, button, input, select, textarea, label') !== null;
}

/**
 * True for a click that should open a list row: a plain click, not on a link or control inside the row, and not the
 * end of a text selection (so row text can be selected and copied).
 */
export function isRowOpenClick(event: MouseEvent): boolean {
  if (!isPlainClick(event) || onControl(event.target)) return false;
  return !window.getSelection()?.toString();
}
