import { AllCommunityModule, ModuleRegistry, type ColDef, type GridApi, type ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { AttentionCell } from '../../src/components/UsersTable/AttentionCell';
import { UserCell } from '../../src/components/UsersTable/UserCell';
import { usersTableLabels } from '../../src/components/UsersTable/users-table-labels';
import { formatCount, formatDuration, formatPercent, formatRelative, formatUsd } from '../../src/components/primitives/format';
import { Sparkline } from '../../src/components/primitives/Sparkline';
import type { UserRow } from '../../src/core/results';
import { NOW } from './bench-data';

ModuleRegistry.registerModules([AllCommunityModule]);

type Cell = ICellRendererParams<UserRow>;
const link = { getUserHref: (user: UserRow['user']) => `#/users/${user.id}` };
const number = (width: number, format: (value: number) => string): Partial<ColDef<UserRow>> => ({
  width,
  type: 'rightAligned',
  valueFormatter: (p) => format(p.value as number),
});

/**
 * The name order both grids use (docs/metrics.md): `Intl.Collator('en')` with default options, ties by user id. AG
 * Grid's default comparator compares code units (`<`), so the column is given this one, as a host wanting the same
 * order as UsersTable would: the bench then checks that both grids show the same first row after the sort.
 */
const nameCollator = new Intl.Collator('en');

/** The same visible columns as UsersTable's defaults, with the same cell renderers where cells are rich. */
const columnDefs: ColDef<UserRow>[] = [
  {
    colId: 'user',
    headerName: 'User',
    width: 216,
    valueGetter: (p) => p.data?.user.displayName || p.data?.user.id,
    comparator: (a: string, b: string, nodeA, nodeB) =>
      nameCollator.compare(a, b) || ((nodeA.data?.user.id ?? '') < (nodeB.data?.user.id ?? '') ? -1 : 1),
    cellRenderer: (p: Cell) => (p.data ? <UserCell user={p.data.user} link={link} /> : null),
  },
  {
    colId: 'attention',
    headerName: 'Attention',
    width: 272,
    sortable: false,
    cellRenderer: (p: Cell) => (p.data ? <AttentionCell reasons={p.data.attention} labels={usersTableLabels} locale="en-US" /> : null),
  },
  { colId: 'plan', headerName: 'Plan', width: 96, valueGetter: (p) => p.data?.user.metadata.plan },
  { colId: 'region', headerName: 'Region', width: 104, valueGetter: (p) => p.data?.user.metadata.region },
  { field: 'traceCount', headerName: 'Traces', ...number(80, (v) => formatCount(v)) },
  { field: 'successRate', headerName: 'Success', ...number(88, (v) => formatPercent(v)) },
  { field: 'errorCount', headerName: 'Errors', ...number(72, (v) => formatCount(v)) },
  { field: 'latencyP95Ms', headerName: 'p95 latency', ...number(104, (v) => formatDuration(v)) },
  { field: 'costUsd', headerName: 'Cost', ...number(88, (v) => formatUsd(v)) },
  { field: 'lastSeen', headerName: 'Last seen', width: 132, valueFormatter: (p) => formatRelative(p.value as string, NOW) },
  {
    colId: 'sparkline',
    headerName: 'Traces / day',
    width: 104,
    sortable: false,
    cellRenderer: (p: Cell) => (p.data ? <Sparkline points={p.data.sparkline} width={84} /> : null),
  },
];

/** Props of {@link AgGridView}. */
export interface AgGridViewProps {
  /** Every row (AG Grid Community sorts on the client). */
  rows: UserRow[];
  /** Receives the grid API once ready. */
  onReady: (api: GridApi<UserRow>) => void;
}

/** AG Grid Community (client-side row model) on the same rows, row height and columns as UsersTable. */
export function AgGridView({ rows, onReady }: AgGridViewProps) {
  return (
    <div style={{ height: 'calc(100vh - 20px)' }}>
      <AgGridReact<UserRow>
        rowData={rows}
        columnDefs={columnDefs}
        rowHeight={52}
        getRowId={(p) => p.data.user.id}
        onGridReady={(event) => onReady(event.api)}
      />
    </div>
  );
}
