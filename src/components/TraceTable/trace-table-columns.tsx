/**
 * Column definitions of `TraceTable`. Sortable column ids are the contract's `listTraces` sort ids (`startTime`,
 * `latencyMs`, …), so the table's sorting state goes to the provider unchanged; Tokens, Conversation and Feedback
 * have no sort id and do not sort.
 * @module
 */
import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import { NO_CONVERSATION } from '../../core/engine/conversations';
import { totalTokens } from '../../core/metrics/tokens';
import type { Trace } from '../../core/model';
import type { TraceRow } from '../../core/results';
import { formatCount, formatDateTime, formatDuration, formatUsd, UNKNOWN } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import type { GridColumnMeta } from '../primitives/GridHeaderCell';
import { oneLineText } from '../primitives/MetadataChip';
import { ScoreCell } from '../primitives/ScoreCell';
import { StatusBadge } from '../primitives/StatusBadge';
import { TraceNameCell, type TraceLink } from './TraceNameCell';
import type { TraceTableLabels } from './trace-table-labels';

/** The TanStack features `TraceTable` uses: server-side sorting. */
export const traceTableFeatures = tableFeatures({ rowSortingFeature, columnMeta: {} as GridColumnMeta });

/** What the cells need besides the row. */
export interface TraceColumnContext {
  /** Strings. */
  labels: TraceTableLabels;
  /** Intl locale. */
  locale: string;
  /** How the name cell links. */
  link: TraceLink;
  /** Show the conversation column (off while the table is filtered by one conversation). */
  showConversation: boolean;
  /** Show the feedback column (on when the provider computes `feedbackScore`). */
  showFeedback: boolean;
  /** Makes conversation cells buttons that select that conversation. */
  onConversationSelect: ((conversationId: string) => void) | undefined;
}

const helper = createColumnHelper<typeof traceTableFeatures, TraceRow>();

function ConversationCell({ trace, ctx }: { trace: Trace; ctx: TraceColumnContext }) {
  const id = trace.conversationId;
  if (id === undefined || id === NO_CONVERSATION) return <span className="us-trace-table__muted">{ctx.labels.noConversation}</span>;
  const text = oneLineText(id);
  const select = ctx.onConversationSelect;
  if (!select) return <span className="us-trace-table__mono" title={text}>{text}</span>;
  return (
    <button
      type="button"
      tabIndex={-1}
      className="us-trace-table__conversation"
      aria-label={formatLabel(ctx.labels.selectConversation, { conversation: text })}
      title={text}
      onClick={(event) => {
        event.stopPropagation();
        select(id);
      }}
    >
      {text}
    </button>
  );
}

/**
 * The column definitions, built for the given strings, locale and links. Widths add up to 1,240 px with every column
 * shown, so the grid fits a 78rem-wide page without scrolling sideways.
 */
export function buildTraceColumns(ctx: TraceColumnContext) {
  const { labels: l, locale } = ctx;
  const numeric = (label: string, width: number): GridColumnMeta => ({ label, align: 'end', width });
  const feedback = helper.accessor('feedbackScore', {
    header: l.columnFeedbackScore,
    enableSorting: false,
    meta: numeric(l.columnFeedbackScore, 88),
    cell: (info) => (
      <ScoreCell score={info.getValue()} locale={locale} slot="trace-feedback" spoken={l.feedbackScoreSpoken} none={l.feedbackScoreNone} />
    ),
  });
  const conversation = helper.display({
    id: 'conversation',
    header: l.columnConversation,
    meta: { label: l.columnConversation, align: 'start', width: 136 },
    cell: (info) => <ConversationCell trace={info.row.original} ctx={ctx} />,
  });
  return helper.columns([
    helper.accessor('startTime', {
      header: l.columnStartTime,
      sortDescFirst: true,
      meta: { label: l.columnStartTime, align: 'start', width: 200 },
      cell: (info) => <time dateTime={info.getValue()}>{formatDateTime(info.getValue(), locale)}</time>,
    }),
    helper.accessor('name', {
      header: l.columnName,
      meta: { label: l.columnName, align: 'start', width: 224 },
      cell: (info) => <TraceNameCell trace={info.row.original} link={ctx.link} />,
    }),
    helper.accessor('status', {
      header: l.columnStatus,
      meta: { label: l.columnStatus, align: 'start', width: 168 },
      cell: (info) => (
        <StatusBadge status={info.getValue()} errorType={info.row.original.errorType} labels={{ ok: l.statusOk, error: l.statusError }} />
      ),
    }),
    helper.accessor('latencyMs', {
      header: l.columnLatencyMs,
      sortDescFirst: true,
      meta: numeric(l.columnLatencyMs, 88),
      cell: (info) => formatDuration(info.getValue(), locale),
    }),
    helper.accessor('model', {
      header: l.columnModel,
      meta: { label: l.columnModel, align: 'start', width: 176 },
      cell: (info) => {
        const model = info.getValue();
        return model === undefined ? UNKNOWN : <span title={model}>{oneLineText(model)}</span>;
      },
    }),
    helper.display({
      id: 'tokens',
      header: l.columnTokens,
      meta: numeric(l.columnTokens, 80),
      cell: (info) => {
        const trace = info.row.original;
        const total = totalTokens(trace.inputTokens, trace.outputTokens);
        if (total === null) return UNKNOWN;
        const detail = formatLabel(l.tokensDetail, { input: formatCount(trace.inputTokens, locale), output: formatCount(trace.outputTokens, locale) });
        return <span title={detail}>{formatCount(total, locale)}</span>;
      },
    }),
    helper.accessor('costUsd', {
      header: l.columnCostUsd,
      sortDescFirst: true,
      meta: numeric(l.columnCostUsd, 80),
      cell: (info) => formatUsd(info.getValue(), locale),
    }),
    ...(ctx.showConversation ? [conversation] : []),
    ...(ctx.showFeedback ? [feedback] : []),
  ]);
}
