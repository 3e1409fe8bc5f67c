import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

/** A cell of the grid; row `-1` is the header row. */
export interface GridPosition {
  /** Body row index (0-based), or -1 for the header. */
  row: number;
  /** Visible column index (0-based). */
  col: number;
}

/** Options of {@link useGridNavigation}. */
export interface GridNavigationOptions {
  /** Body rows. */
  rowCount: number;
  /** Visible columns. */
  colCount: number;
  /** Enter (and Space on a header) on the active cell. */
  onActivate: (position: GridPosition, event: KeyboardEvent) => void;
  /** Brings a body row into view before it is focused (virtualised bodies render only some rows). */
  scrollToRow?: (row: number) => void;
  /** Rows moved by Page Up / Page Down. Default 10. */
  pageStep?: number;
}

/** What {@link useGridNavigation} returns. */
export interface GridNavigation {
  /** The cell that holds the grid's single tab stop. */
  active: GridPosition;
  /** `0` for the active cell, `-1` for every other cell. */
  tabIndexFor: (row: number, col: number) => 0 | -1;
  /** Put on the grid element. */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  /** Put on the grid element: focusing any cell (click, Tab) makes it the active cell. */
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  /** Attach to the grid element (cells are found by their `data-cell="row:col"` attribute). */
  ref: (node: HTMLElement | null) => void;
  /**
   * Makes a cell active and focuses it: at once when it is rendered, else after its row is scrolled into view (a
   * virtualised body renders only some rows).
   */
  focusCell: (position: GridPosition) => void;
}

/** The `data-cell` value of a position. */
export const cellKey = (row: number, col: number): string => `${row}:${col}`;

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Keyboard navigation of a data grid with a roving tab index (WAI-ARIA grid pattern): one cell is tabbable,
 * arrows move between cells, Home / End go to the row's ends, Ctrl+Home / Ctrl+End to the first / last row,
 * Page Up / Page Down move by `pageStep` rows, Enter activates. The header row is row -1.
 */
export function useGridNavigation({ rowCount, colCount, onActivate, scrollToRow, pageStep = 10 }: GridNavigationOptions): GridNavigation {
  const [active, setActive] = useState<GridPosition>({ row: rowCount > 0 ? 0 : -1, col: 0 });
  const grid = useRef<HTMLElement | null>(null);
  // The cell to focus once it is rendered (a virtualised row may first have to scroll into view). It is kept here,
  // not read from `active`, because the effect of the render that asked may still see the previous position.
  const pendingFocus = useRef<GridPosition | null>(null);
  const maxRow = rowCount - 1;
  const maxCol = Math.max(0, colCount - 1);
  const row = clamp(active.row, -1, maxRow);
  const col = clamp(active.col, 0, maxCol);

  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || !grid.current) return;
    const key = cellKey(clamp(pending.row, -1, maxRow), clamp(pending.col, 0, maxCol));
    const target = grid.current.querySelector<HTMLElement>(`[data-cell="${key}"]`);
    if (target) {
      pendingFocus.current = null;
      target.focus({ preventScroll: false });
    }
  });

  const moveTo = useCallback(
    (next: GridPosition) => {
      pendingFocus.current = next;
      if (next.row >= 0) scrollToRow?.(next.row);
      setActive(next);
    },
    [scrollToRow],
  );

  const focusCell = useCallback(
    (next: GridPosition) => {
      const target = grid.current?.querySelector<HTMLElement>(`[data-cell="${cellKey(next.row, next.col)}"]`);
      if (!target) return moveTo(next);
      setActive(next);
      target.focus();
    },
    [moveTo],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const fromCell = (event.target as HTMLElement).closest?.('[data-cell]');
    if (!fromCell || event.altKey) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const firstRow = rowCount > 0 ? 0 : -1;
    let next: GridPosition | null = null;
    switch (event.key) {
      case 'ArrowRight':
        next = { row, col: Math.min(col + 1, maxCol) };
        break;
      case 'ArrowLeft':
        next = { row, col: Math.max(col - 1, 0) };
        break;
      case 'ArrowDown':
        next = { row: Math.min(row + 1, maxRow), col };
        break;
      case 'ArrowUp':
        next = { row: Math.max(row - 1, -1), col };
        break;
      case 'Home':
        next = ctrl ? { row: firstRow, col: 0 } : { row, col: 0 };
        break;
      case 'End':
        next = ctrl ? { row: maxRow, col: maxCol } : { row, col: maxCol };
        break;
      case 'PageDown':
        next = { row: Math.min(row + pageStep, maxRow), col };
        break;
      case 'PageUp':
        next = { row: Math.max(row - pageStep, firstRow), col };
        break;
      case 'Enter':
        event.preventDefault();
        onActivate({ row, col }, event);
        return;
      case ' ':
        if (row === -1) {
          event.preventDefault();
          onActivate({ row, col }, event);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    moveTo(next);
  };

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const cell = (event.target as HTMLElement).closest?.('[data-cell]');
    const key = cell?.getAttribute('data-cell');
    if (!key) return;
    const [r, c] = key.split(':').map(Number) as [number, number];
    if (r !== row || c !== col) setActive({ row: r, col: c });
  };

  const ref = useCallback((node: HTMLElement | null) => {
    grid.current = node;
  }, []);

  return { active: { row, col }, tabIndexFor: (r, c) => (r === row && c === col ? 0 : -1), onKeyDown, onFocus, ref, focusCell };
}
