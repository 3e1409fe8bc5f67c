import type { ColumnOrderState, ColumnVisibilityState, ReactTable } from '@tanstack/react-table';
import type { UserRow } from '../../core/results';
import { ColumnPicker } from '../primitives/ColumnPicker';
import { columnMeta } from '../primitives/DataGrid';
import { orderedColumnIds, type usersTableFeatures } from './users-table-columns';
import type { UsersTableLabels } from './users-table-labels';

/** Props of {@link UsersColumnPicker}. */
export interface UsersColumnPickerProps {
  /** The table whose column visibility and order this drives. */
  table: ReactTable<typeof usersTableFeatures, UserRow>;
  /** Current column order (ids; missing ids follow in default order). */
  columnOrder: ColumnOrderState;
  /** Current column visibility. */
  columnVisibility: ColumnVisibilityState;
  /** Restores the default visibility and order. */
  onReset: () => void;
  /** Strings. */
  labels: UsersTableLabels;
}

/** The users table's "Columns" picker: every column in display order, with its visibility and move buttons. */
export function UsersColumnPicker({ table, columnOrder, columnVisibility, onReset, labels }: UsersColumnPickerProps) {
  const items = new Map(table.getAllLeafColumns().map((c) => [c.id, { id: c.id, label: columnMeta(c).label, canHide: c.getCanHide() }]));
  const ordered = orderedColumnIds([...items.keys()], columnOrder).flatMap((id) => items.get(id) ?? []);
  return (
    <ColumnPicker
      columns={ordered}
      visibility={columnVisibility}
      onVisibilityChange={(id, visible) => table.setColumnVisibility((v) => ({ ...v, [id]: visible }))}
      onOrderChange={table.setColumnOrder}
      onReset={onReset}
      labels={{
        button: labels.columnsButton,
        title: labels.columnsTitle,
        moveUp: labels.columnsMoveUp,
        moveDown: labels.columnsMoveDown,
        reset: labels.columnsReset,
        close: labels.columnsDone,
      }}
    />
  );
}
