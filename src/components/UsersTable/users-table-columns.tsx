/**
 * Column definitions of `UsersTable`: ids are the contract's sort ids (`traceCount`, `metadata.plan`, …), so the
 * table's sorting state goes to `listUsers` unchanged.
 * @module
 */
import {
  columnOrderingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { MetadataValue } from '../../core/model';
import { USER_METRIC_COLUMNS, type UserMetricColumnDef, type UserMetricColumnId } from '../../core/metrics/user-metrics';
import type { UserRow } from '../../core/results';
import { formatCount, formatDateTime, formatDuration, formatPercent, formatRelative, formatUsd, UNKNOWN } from '../primitives/format';
import type { GridColumnMeta } from '../primitives/GridHeaderCell';
import { ScoreCell } from '../primitives/ScoreCell';
import { Sparkline } from '../primitives/Sparkline';
import { AttentionCell } from './AttentionCell';
import { UserCell, type UserLink } from './UserCell';
import type { UsersTableLabels } from './users-table-labels';
import { oneLineText } from '../primitives/display-text';

/** The TanStack features `UsersTable` uses: server-side sorting and pagination, column visibility and order. */
export const usersTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  rowPaginationFeature,
  columnMeta: {} as GridColumnMeta,
});

/** A metadata column: a metadata key and, optionally, its header. */
export type MetadataColumn = string | { key: string; label: string };

/** Column id of a metadata key. */
const metadataColumnId = (key: string): string => `metadata.${key}`;

/** Ids of the built-in (non-metadata) columns, in their default order. */
const USERS_COLUMN_IDS: readonly string[] = ['user', 'attention', ...USER_METRIC_COLUMNS.map((m) => m.id), 'firstSeen', 'lastSeen', 'sparkline'];

/** Column ids in default order for the given metadata columns: user, attention, metadata, then the numbers. */
export function defaultColumnIds(metadataColumns: readonly MetadataColumn[]): string[] {
  const [user, attention, ...rest] = USERS_COLUMN_IDS;
  return [user, attention, ...metadataColumns.map((c) => metadataColumnId(typeof c === 'string' ? c : c.key)), ...rest];
}

/** Column ids in display order, as TanStack orders them: `order` first (unknown ids ignored), then the rest. */
export function orderedColumnIds(ids: readonly string[], order: readonly string[]): string[] {
  return [...order.filter((id) => ids.includes(id)), ...ids.filter((id) => !order.includes(id))];
}

/** The visible column ids in display order. */
export function visibleColumnIds(
  ids: readonly string[],
  order: readonly string[],
  visibility: Readonly<Record<string, boolean>>,
): string[] {
  return orderedColumnIds(ids, order).filter((id) => visibility[id] !== false);
}

/** What the cells need besides the row. */
export interface UsersColumnContext {
  /** Strings. */
  labels: UsersTableLabels;
  /** Intl locale. */
  locale: string;
  /** "Now" for relative times (epoch ms). */
  now: number;
  /** Metadata columns, shown after the user column. */
  metadataColumns: readonly MetadataColumn[];
  /** How the user cell links. */
  link: UserLink;
}

const helper = createColumnHelper<typeof usersTableFeatures, UserRow>();

function titleCase(key: string): string {
  const spaced = key.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
  return oneLineText(spaced.charAt(0).toUpperCase() + spaced.slice(1));
}

function metadataText(value: MetadataValue | undefined): string {
  const text = value === null || value === undefined ? '' : oneLineText(String(value));
  return text === '' ? UNKNOWN : text;
}

/** A metadata value on one line; the cell truncates it with an ellipsis, so the full text is its title. */
function MetadataCell({ value }: { value: MetadataValue | undefined }) {
  const text = metadataText(value);
  return text === UNKNOWN ? <>{text}</> : <span title={text}>{text}</span>;
}

function DateCell({ iso, now, locale }: { iso: string; now: number; locale: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso, locale)}>
      {formatRelative(iso, now, locale)}
    </time>
  );
}

/** The header label key of a metric column: `column` + the metric id, capitalised. */
type MetricLabelKey = `column${Capitalize<UserMetricColumnId>}`;

function metricLabel(labels: UsersTableLabels, id: UserMetricColumnId): string {
  return labels[`column${id.charAt(0).toUpperCase()}${id.slice(1)}` as MetricLabelKey];
}

/** A metric's cell text or element by its format kind; the error count is highlighted when errors need attention. */
function MetricCell({ metric, row, ctx }: { metric: UserMetricColumnDef; row: UserRow; ctx: UsersColumnContext }) {
  const { labels: l, locale } = ctx;
  const value = row[metric.id];
  switch (metric.format) {
    case 'score':
      return <ScoreCell score={value} locale={locale} slot="user-feedback" spoken={l.feedbackScoreSpoken} none={l.feedbackScoreNone} />;
    case 'percent':
      return <>{formatPercent(value, locale)}</>;
    case 'duration':
      return <>{formatDuration(value, locale)}</>;
    case 'usd':
      return <>{formatUsd(value, locale)}</>;
    case 'count':
      if (metric.id !== 'errorCount') return <>{formatCount(value, locale)}</>;
      return (
        <span className="us-users-table__count" data-state={row.attention.some((r) => r.kind === 'errors') ? 'attention' : 'normal'}>
          {formatCount(value, locale)}
        </span>
      );
  }
}

/** The column of a registry metric: sorted worst (or largest) first, unless higher is better. */
function metricColumn(metric: UserMetricColumnDef, ctx: UsersColumnContext) {
  const label = metricLabel(ctx.labels, metric.id);
  return helper.accessor((row) => row[metric.id], {
    id: metric.id,
    header: label,
    sortDescFirst: metric.direction !== 'higher-is-better',
    meta: { label, align: 'end', width: metric.column.width },
    cell: (info) => <MetricCell metric={metric} row={info.row.original} ctx={ctx} />,
  });
}

/** The column definitions, built for the given strings, locale, clock and metadata keys. */
export function buildUsersColumns(ctx: UsersColumnContext) {
  const { labels: l, locale, now } = ctx;
  const metadata = ctx.metadataColumns.map((column) => {
    const key = typeof column === 'string' ? column : column.key;
    const label = typeof column === 'string' ? titleCase(column) : column.label;
    return helper.accessor((row) => row.user.metadata[key], {
      id: metadataColumnId(key),
      header: label,
      meta: { label, align: 'start', width: key === 'plan' ? 96 : 104 },
      cell: (info) => <MetadataCell value={info.getValue()} />,
    });
  });
  return helper.columns([
    helper.accessor((row) => row.user.displayName ?? row.user.id, {
      id: 'user',
      header: l.columnUser,
      enableHiding: false,
      meta: { label: l.columnUser, align: 'start', width: 216 },
      cell: (info) => <UserCell user={info.row.original.user} link={ctx.link} locale={locale} />,
    }),
    // Sorted by the provider's `attention` sort (severity: reasons, then the largest value / baseline ratio).
    helper.accessor((row) => row.attention.length, {
      id: 'attention',
      header: l.columnAttention,
      sortDescFirst: true,
      meta: { label: l.columnAttention, align: 'start', width: 272 },
      cell: (info) => <AttentionCell reasons={info.row.original.attention} labels={l} locale={locale} />,
    }),
    ...metadata,
    ...USER_METRIC_COLUMNS.map((m) => metricColumn(m, ctx)),
    helper.accessor('firstSeen', {
      header: l.columnFirstSeen,
      meta: { label: l.columnFirstSeen, align: 'start', width: 120 },
      cell: (info) => <DateCell iso={info.getValue()} now={now} locale={locale} />,
    }),
    helper.accessor('lastSeen', {
      header: l.columnLastSeen,
      sortDescFirst: true,
      meta: { label: l.columnLastSeen, align: 'start', width: 132 },
      cell: (info) => <DateCell iso={info.getValue()} now={now} locale={locale} />,
    }),
    helper.display({
      id: 'sparkline',
      header: l.columnSparkline,
      meta: { label: l.columnSparkline, align: 'start', width: 104 },
      cell: (info) => <Sparkline points={info.row.original.sparkline} width={84} locale={locale} />,
    }),
  ]);
}
