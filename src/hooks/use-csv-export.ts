import { useCallback, useEffect, useRef, useState } from 'react';
import type { DataProvider, ListUsersParams } from '../core/contract';
import { isProviderError } from '../core/errors';
import { exportUsersCsv, type UsersCsv } from '../core/csv/export-users-csv';
import type { CsvColumn } from '../core/csv/users-csv-columns';

/** Where an export is. */
export type CsvExportState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number | undefined }
  | { status: 'done'; rowCount: number }
  | { status: 'cancelled' }
  | { status: 'error'; error: Error };

/** A finished export handed to the host instead of the browser download. */
export interface UsersCsvFile extends UsersCsv {
  /** Suggested file name, e.g. `users-2026-11-18-2026-11-25.csv`. */
  filename: string;
}

/** What to export: built when the export starts, so it reflects the view at that moment. */
export interface CsvExportRequest {
  /** The view's `listUsers` params. */
  params: Omit<ListUsersParams, 'signal' | 'pagination'>;
  /** Columns to write. */
  columns: readonly CsvColumn[];
  /** File name. */
  filename: string;
}

/** Saves `csv` as a file through a temporary object URL (with a UTF-8 byte-order mark, for spreadsheets). */
function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Runs one CSV export at a time through the provider, with progress, cancel (aborts the in-flight request) and
 * cleanup on unmount. When `onExport` is given the file goes to it instead of a browser download.
 */
export function useCsvExport(provider: DataProvider, onExport?: (file: UsersCsvFile) => void) {
  const [state, setState] = useState<CsvExportState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const handOff = useRef(onExport);
  handOff.current = onExport;

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (request: CsvExportRequest) => {
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      setState({ status: 'running', done: 0, total: undefined });
      try {
        const result = await exportUsersCsv({
          provider,
          params: request.params,
          columns: request.columns,
          signal: own.signal,
          onProgress: (done, total) => {
            if (!own.signal.aborted) setState({ status: 'running', done, total });
          },
        });
        if (own.signal.aborted) {
          if (controller.current === own) setState({ status: 'cancelled' });
          return;
        }
        const file = { ...result, filename: request.filename };
        if (handOff.current) handOff.current(file);
        else downloadCsv(file.filename, file.csv);
        setState({ status: 'done', rowCount: result.rowCount });
      } catch (error) {
        if (controller.current !== own) return;
        if (own.signal.aborted || (isProviderError(error) && error.code === 'aborted')) setState({ status: 'cancelled' });
        else setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      } finally {
        if (controller.current === own) controller.current = null;
      }
    },
    [provider],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}
