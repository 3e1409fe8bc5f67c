import { useEffect, useId, useRef, useState } from 'react';
import { formatLabel } from './format-label';
import { useLabels } from './labels-context';

/** Default strings of {@link ColumnPicker}. `{column}` is the column's name. */
export const columnPickerLabels = {
  button: 'Columns',
  title: 'Visible columns',
  moveUp: 'Move {column} up',
  moveDown: 'Move {column} down',
  reset: 'Reset columns',
  close: 'Done',
};

/** One column the picker lists. */
export interface ColumnPickerItem {
  /** Column id. */
  id: string;
  /** Visible name. */
  label: string;
  /** False for columns that must stay visible (shown checked and disabled). Default true. */
  canHide?: boolean;
}

/** Props of {@link ColumnPicker}. */
export interface ColumnPickerProps {
  /** Columns in their current order. */
  columns: readonly ColumnPickerItem[];
  /** Visibility by column id; a missing id is visible. */
  visibility: Readonly<Record<string, boolean>>;
  /** Shows or hides one column. */
  onVisibilityChange: (id: string, visible: boolean) => void;
  /** Called with the full new order when a column moves. */
  onOrderChange: (order: string[]) => void;
  /** Restores default visibility and order; the Reset button shows only when given. */
  onReset?: () => void;
  /** Strings. */
  labels?: Partial<typeof columnPickerLabels>;
}

function moved(ids: readonly string[], from: number, to: number): string[] {
  const out = ids.slice();
  const [id] = out.splice(from, 1);
  out.splice(to, 0, id as string);
  return out;
}

/**
 * A "Columns" disclosure listing every column with a visibility checkbox and move up / move down buttons, so both
 * visibility and order can be changed with a keyboard. Escape or Done closes it and returns focus to the button.
 */
export function ColumnPicker({ columns, visibility, onVisibilityChange, onOrderChange, onReset, labels }: ColumnPickerProps) {
  const l = useLabels('columnPicker', columnPickerLabels, labels);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const titleId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const ids = columns.map((c) => c.id);
  // A moved row re-renders in its new place; keep keyboard focus on the button that moved it (or its twin when
  // that one became disabled at the top or bottom).
  const refocus = useRef<{ id: string; direction: 'up' | 'down' } | null>(null);
  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted || !root.current) return;
    refocus.current = null;
    const other = wanted.direction === 'up' ? 'down' : 'up';
    const find = (direction: string) =>
      root.current?.querySelector<HTMLButtonElement>(`[data-move="${direction}"][data-column="${CSS.escape(wanted.id)}"]`);
    const target = find(wanted.direction);
    (target && !target.disabled ? target : find(other))?.focus();
  });
  const move = (index: number, direction: 'up' | 'down') => {
    const id = ids[index] as string;
    refocus.current = { id, direction };
    onOrderChange(moved(ids, index, direction === 'up' ? index - 1 : index + 1));
  };

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="us-column-picker" data-slot="column-picker" data-state={open ? 'open' : 'closed'} ref={root}>
      <button
        ref={button}
        type="button"
        className="us-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {l.button}
      </button>
      {open ? (
        <div
          id={panelId}
          className="us-column-picker__panel"
          role="group"
          aria-labelledby={titleId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          <p id={titleId} className="us-column-picker__title">
            {l.title}
          </p>
          <ul className="us-column-picker__list">
            {columns.map((column, index) => {
              const visible = visibility[column.id] !== false;
              return (
                <li key={column.id} className="us-column-picker__item" data-state={visible ? 'visible' : 'hidden'}>
                  <label>
                    <input
                      type="checkbox"
                      checked={visible}
                      disabled={column.canHide === false}
                      onChange={(event) => onVisibilityChange(column.id, event.target.checked)}
                    />
                    <span>{column.label}</span>
                  </label>
                  <span className="us-column-picker__moves">
                    <button
                      type="button"
                      className="us-icon-button"
                      aria-label={formatLabel(l.moveUp, { column: column.label })}
                      data-move="up"
                      data-column={column.id}
                      disabled={index === 0}
                      onClick={() => move(index, 'up')}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="us-icon-button"
                      aria-label={formatLabel(l.moveDown, { column: column.label })}
                      data-move="down"
                      data-column={column.id}
                      disabled={index === columns.length - 1}
                      onClick={() => move(index, 'down')}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
          <div className="us-column-picker__footer">
            {onReset ? (
              <button type="button" className="us-button" data-variant="ghost" onClick={onReset}>
                {l.reset}
              </button>
            ) : null}
            <button type="button" className="us-button" onClick={close}>
              {l.close}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
