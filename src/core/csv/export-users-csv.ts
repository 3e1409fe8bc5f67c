/**
 * The users CSV export: pages through `listUsers` for every page of the current view, one request at a time,
 * reporting progress and honouring an `AbortSignal`.
 * @module
 */
import type { DataProvider, ListUsersParams } from '../contract';
import { throwIfAborted } from '../errors';
import { csvLine } from './csv';
import type { CsvColumn } from './users-csv-columns';

/** Rows requested per page by the export. */
export const EXPORT_PAGE_SIZE = 1000;

/** Options of {@link exportUsersCsv}. */
export interface ExportUsersCsvOptions {
  /** Where the rows come from. */
  provider: DataProvider;
  /** The view's params; `pagination` is replaced by the export's own pages. */
  params: Omit<ListUsersParams, 'signal' | 'pagination'>;
  /** Columns to write, in order. */
  columns: readonly CsvColumn[];
  /** Cancels the export; the promise then rejects with `ProviderError('aborted')`. */
  signal?: AbortSignal;
  /** Called after each page with rows written so far and the total (when the provider gives one). */
  onProgress?: (done: number, total: number | undefined) => void;
  /** Rows per request. Default {@link EXPORT_PAGE_SIZE}. */
  pageSize?: number;
}

/** The finished export. */
export interface UsersCsv {
  /** The CSV text (RFC 4180, CRLF line ends, header first, no byte-order mark). */
  csv: string;
  /** Data rows written. */
  rowCount: number;
}

/**
 * Writes every user of the view as CSV. Stops at the first short or empty page, or once `total` rows are written.
 * Rejects with the provider's error, or `ProviderError('aborted')` when `signal` aborts.
 */
export async function exportUsersCsv(options: ExportUsersCsvOptions): Promise<UsersCsv> {
  const { provider, params, columns, signal, onProgress, pageSize = EXPORT_PAGE_SIZE } = options;
  const chunks: string[] = [csvLine(columns.map((c) => c.header))];
  let rowCount = 0;
  for (let pageIndex = 0; ; pageIndex++) {
    throwIfAborted(signal);
    const page = await provider.listUsers({ ...params, pagination: { pageIndex, pageSize }, signal });
    throwIfAborted(signal);
    for (const row of page.rows) chunks.push(csvLine(columns.map((c) => c.value(row))));
    rowCount += page.rows.length;
    onProgress?.(rowCount, page.total);
    const complete = page.total !== undefined ? rowCount >= page.total : false;
    if (complete || page.rows.length < pageSize) break;
  }
  return { csv: chunks.join(''), rowCount };
}
