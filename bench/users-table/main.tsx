/**
 * Bench page: `?grid=ours|ag&n=100000&pageSize=…`. Exposes `window.bench` with `prepare`, `mount` and `sort`,
 * each timed inside the page from the triggering call to the first paint after the DOM shows the result.
 * @module
 */
import type { GridApi } from 'ag-grid-community';
import { createRoot } from 'react-dom/client';
import '../../src/theme/styles.css';
import '../../src/theme/components/primitives.css';
import '../../src/theme/components/users-table.css';
import type { DataProvider } from '../../src/core/contract';
import type { UserRow } from '../../src/core/results';
import { AgGridView } from './AgGridView';
import { INITIAL_SORTING, loadBenchData, RANGE } from './bench-data';
import { OursView, providerCalls } from './OursView';

const params = new URLSearchParams(location.search);
const grid = params.get('grid') === 'ag' ? 'ag' : 'ours';
const users = Number(params.get('n') ?? 100_000);
const pageSize = Number(params.get('pageSize') ?? users);

let data: { provider: DataProvider; rows: UserRow[] } | undefined;
let agApi: GridApi<UserRow> | undefined;

/** Resolves after the next frame has been painted. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves once `ready()` is true, checking after every DOM change. */
function when(ready: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ready()) return resolve();
    const observer = new MutationObserver(() => {
      if (ready()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** The user id of the first row on screen. */
function firstRowId(): string | null {
  if (grid === 'ours') return document.querySelector('tbody tr[data-user-id]')?.getAttribute('data-user-id') ?? null;
  return document.querySelector('.ag-row[row-index="0"]')?.getAttribute('row-id') ?? null;
}

const bench = {
  /** Builds the dataset and provider and reads the rows (not timed as part of the grid). */
  async prepare() {
    const started = performance.now();
    const loaded = await loadBenchData(users);
    const first = pageSize >= users ? loaded.rows : (await loaded.provider.listUsers({ range: RANGE, sorting: INITIAL_SORTING, pagination: { pageIndex: 0, pageSize } })).rows;
    data = { provider: loaded.provider, rows: first };
    return { rows: first.length, ms: performance.now() - started };
  },
  /** Renders the grid and waits for its first rows to be painted. */
  async mount() {
    if (!data) throw new Error('prepare() first');
    const root = createRoot(document.getElementById('root') as HTMLElement);
    const started = performance.now();
    root.render(
      grid === 'ours' ? (
        <OursView provider={data.provider} rows={data.rows} pageSize={pageSize} />
      ) : (
        <AgGridView rows={data.rows} onReady={(api) => (agApi = api)} />
      ),
    );
    await when(() => firstRowId() !== null && (grid === 'ours' || document.querySelector('.ag-row .ag-cell') !== null));
    await afterPaint();
    return performance.now() - started;
  },
  /** Sorts by the user column (a string column), ascending, and waits for the new first row to be painted. */
  async sort() {
    const before = firstRowId();
    const started = performance.now();
    if (grid === 'ours') {
      document.querySelector<HTMLButtonElement>('th[data-cell="-1:0"] button')?.click();
    } else {
      agApi?.applyColumnState({ state: [{ colId: 'user', sort: 'asc' }], defaultState: { sort: null } });
    }
    await when(() => firstRowId() !== null && firstRowId() !== before);
    await afterPaint();
    const painted = performance.now();
    const call = providerCalls.at(-1);
    return {
      ms: painted - started,
      first: firstRowId(),
      // Ours only: the engine's share (listUsers) and the table's (click to request, answer to paint).
      providerMs: call ? call.answered - call.asked : null,
      tableMs: call ? call.asked - started + (painted - call.answered) : null,
    };
  },
};

declare global {
  interface Window {
    /** The bench API driven by run.mjs. */
    bench: typeof bench;
  }
}
window.bench = bench;
