import { formatCount } from '../../components/primitives/format';
import { formatLabel } from '../../components/primitives/format-label';
import type { CsvExportState } from '../../hooks/use-csv-export';
import type { UsersPageLabels } from './users-page-labels';

/** Props of {@link ExportControl}. */
export interface ExportControlProps {
  /** Where the export is. */
  state: CsvExportState;
  /** Starts an export. */
  onStart: () => void;
  /** Cancels the running export. */
  onCancel: () => void;
  /** Disables the button (nothing to export yet). */
  disabled: boolean;
  /** Strings. */
  labels: UsersPageLabels;
  /** Intl locale. */
  locale: string;
}

/** The Export CSV button; while exporting, a progress bar with "Exporting n of N users…" and Cancel. */
export function ExportControl({ state, onStart, onCancel, disabled, labels: l, locale }: ExportControlProps) {
  const running = state.status === 'running';
  let message: string | null = null;
  if (state.status === 'running') {
    message = formatLabel(l.exportRunning, {
      done: formatCount(state.done, locale),
      total: state.total === undefined ? '…' : formatCount(state.total, locale),
    });
  } else if (state.status === 'done') {
    message = formatLabel(l.exportDone, { total: formatCount(state.rowCount, locale) });
  } else if (state.status === 'cancelled') {
    message = l.exportCancelled;
  } else if (state.status === 'error') {
    message = formatLabel(l.exportFailed, { message: state.error.message });
  }
  return (
    <div className="us-export" data-slot="export" data-state={state.status}>
      <span className="us-export__status" role="status" aria-live="polite">
        {running ? (
          <progress
            className="us-export__progress"
            max={state.total ?? undefined}
            value={state.total === undefined ? undefined : state.done}
            aria-label={message ?? undefined}
          />
        ) : null}
        {message ? <span className="us-export__message">{message}</span> : null}
      </span>
      {running ? (
        <button type="button" className="us-button" onClick={onCancel}>
          {l.exportCancel}
        </button>
      ) : (
        <button type="button" className="us-button" data-variant="primary" onClick={onStart} disabled={disabled}>
          {l.exportCsv}
        </button>
      )}
    </div>
  );
}
