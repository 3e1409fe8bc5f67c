import { type HeadingLevel } from '../primitives/heading-level';
import { forwardRef, useId, useMemo } from 'react';
import { hostRootProps, rootElementProps, type OwnProps, type RootAttributes } from '../primitives/root-props';
import { segmentKey, worstSegments, type WorstSegmentMeasure } from '../../core/engine/segments';
import type { MetadataValue } from '../../core/model';
import type { UserSegment, UsersSegments } from '../../core/results';
import { oneLineText } from '../primitives/display-text';
import { formatCount, formatDuration, formatPercent, formatUsd } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import type { ListLoadProps } from '../primitives/list-props';
import { SectionState } from '../primitives/SectionState';
import { userSegmentsLabels, type UserSegmentsLabels } from './labels';
import { useLabels } from '../primitives/labels-context';

/** Props of {@link UserSegments}. */
export interface UserSegmentsProps extends Pick<ListLoadProps, 'status' | 'isFetching' | 'error' | 'onRetry'>, RootAttributes<HTMLElement> {
  /**
   * The breakdown. `null` means unknown (no `getUsersSegments` and more users than the hook's fallback reads);
   * `undefined` while loading.
   */
  segments: UsersSegments | null | undefined;
  /** Metadata keys offered in the picker (e.g. the users page's discovered filters). */
  keys: readonly string[];
  /** The key shown; `null` when there is no key to offer (or, with `status` `pending`, none found yet). */
  selectedKey: string | null;
  /** Picks another key. */
  onKeyChange: (key: string) => void;
  /** Header of a key. Default: the key in title case. */
  keyLabel?: (key: string) => string;
  /** The segment value the list is filtered to, if any: its button shows pressed. */
  selectedValue?: MetadataValue;
  /** Called when a segment is picked (e.g. to filter the list to it). Without it, segment names are plain text. */
  onSegmentSelect?: (value: Exclude<UserSegment['value'], null>) => void;
  /** Level of the section heading. Default 3. */
  headingLevel?: HeadingLevel;
  /** Intl locale. Default `en-US`. */
  locale?: string;
  /** Strings. */
  labels?: Partial<UserSegmentsLabels>;
}

/** The props of {@link UserSegments} that are not its root element's attributes. */
const USER_SEGMENTS_OWN_PROPS: OwnProps<UserSegmentsProps, HTMLElement> = {
  segments: true,
  keys: true,
  selectedKey: true,
  onKeyChange: true,
  keyLabel: true,
  selectedValue: true,
  onSegmentSelect: true,
  headingLevel: true,
  locale: true,
  labels: true,
  status: true,
  isFetching: true,
  error: true,
  onRetry: true,
};

/** The figures of a segment the table shows, in column order after the segment's name. */
type SegmentColumn = 'userCount' | 'traceCount' | 'errorRate' | 'latencyP50Ms' | 'latencyP95Ms' | 'costUsd' | 'costPerTraceUsd';
const COLUMNS: readonly SegmentColumn[] = ['userCount', 'traceCount', 'errorRate', 'latencyP50Ms', 'latencyP95Ms', 'costUsd', 'costPerTraceUsd'];

function columnLabel(column: SegmentColumn, l: UserSegmentsLabels): string {
  const byColumn: Record<SegmentColumn, string> = {
    userCount: l.columnUsers,
    traceCount: l.columnTraces,
    errorRate: l.columnErrorRate,
    latencyP50Ms: l.columnLatencyP50Ms,
    latencyP95Ms: l.columnLatencyP95Ms,
    costUsd: l.columnCostUsd,
    costPerTraceUsd: l.columnCostPerTraceUsd,
  };
  return byColumn[column];
}

function formatCell(column: SegmentColumn, segment: UserSegment, locale: string): string {
  switch (column) {
    case 'userCount':
    case 'traceCount':
      return formatCount(segment[column], locale);
    case 'errorRate':
      return formatPercent(segment.errorRate, locale);
    case 'latencyP50Ms':
    case 'latencyP95Ms':
      return formatDuration(segment[column], locale);
    case 'costUsd':
    case 'costPerTraceUsd':
      return formatUsd(segment[column], locale);
  }
}

const WORST_MEASURES: readonly string[] = ['errorRate', 'latencyP95Ms', 'costPerTraceUsd'] satisfies WorstSegmentMeasure[];

/** True for the columns `worstSegments` marks. */
function isWorstMeasure(column: SegmentColumn): column is WorstSegmentMeasure {
  return WORST_MEASURES.includes(column);
}

function titleCase(key: string): string {
  const spaced = key.replace(/[_-]+/g, ' ');
  return oneLineText(spaced.charAt(0).toUpperCase() + spaced.slice(1));
}

/**
 * A breakdown of the active users by one metadata key (plan, tier, region, …): users, traces, error rate, p50 / p95
 * latency, cost and cost per trace per segment, with the worst segment of each measure marked in words (core's
 * `worstSegments`), not by colour alone. Each segment's name is a button that filters the list to it (pressed when
 * the list is). Presentational: the breakdown comes in through props (see `useUsersSegments`), choices go out
 * through callbacks. Loading, error (with Retry), empty, no-key and unknown states.
 */
export const UserSegments = forwardRef<HTMLElement, UserSegmentsProps>(function UserSegments(props, ref) {
  const root = hostRootProps(props, USER_SEGMENTS_OWN_PROPS, ref);
  const { segments, keys, selectedKey, status = 'success', locale = 'en-US', headingLevel = 3 } = props;
  const l = useLabels('userSegments', userSegmentsLabels, props.labels);
  const keyLabel = props.keyLabel ?? titleCase;
  const titleId = useId();
  const pickerId = useId();
  const Heading = `h${headingLevel}` as 'h3';
  // Without a key, `pending` means the keys themselves are still being found.
  const state =
    selectedKey === null && status !== 'pending'
      ? 'no-keys'
      : status === 'pending'
        ? 'loading'
        : status === 'error'
          ? 'error'
          : segments === null
            ? 'unknown'
            : segments?.segments.length
              ? 'ready'
              : 'empty';
  return (
    <section
      {...rootElementProps(root, { className: 'us-segments' })}
      data-slot="user-segments"
      data-state={state}
      aria-labelledby={titleId}
      aria-busy={status === 'pending' || props.isFetching ? true : undefined}
    >
      <div className="us-segments__header">
        <Heading id={titleId} className="us-segments__title">
          {l.title}
        </Heading>
        {keys.length > 0 ? (
          <span className="us-segments__picker">
            <label htmlFor={pickerId}>{l.keyPicker}</label>
            <select id={pickerId} className="us-select" value={selectedKey ?? ''} onChange={(event) => props.onKeyChange(event.target.value)}>
              {keys.map((key) => (
                <option key={key} value={key}>
                  {keyLabel(key)}
                </option>
              ))}
            </select>
          </span>
        ) : null}
      </div>
      {state === 'no-keys' ? <SectionState state="empty" message={l.noKeys} /> : null}
      {state === 'loading' ? <SectionState state="loading" message={l.loading} /> : null}
      {state === 'error' ? <SectionState state="error" error={props.error} onRetry={props.onRetry} message={l.error} labels={{ retry: l.retry }} /> : null}
      {state === 'unknown' ? <SectionState state="empty" message={l.tooLarge} /> : null}
      {state === 'empty' ? <SectionState state="empty" message={l.empty} /> : null}
      {state === 'ready' && segments && selectedKey !== null ? (
        <SegmentsTable
          segments={segments}
          keyName={keyLabel(selectedKey)}
          selectedValue={props.selectedValue}
          onSegmentSelect={props.onSegmentSelect}
          locale={locale}
          labels={l}
        />
      ) : null}
    </section>
  );
});

interface SegmentsTableProps {
  segments: UsersSegments;
  keyName: string;
  selectedValue?: MetadataValue;
  onSegmentSelect?: (value: Exclude<UserSegment['value'], null>) => void;
  locale: string;
  labels: UserSegmentsLabels;
}

/** The segments as a table, the worst cell of each measure marked, and the notes under it. */
function SegmentsTable({ segments, keyName, selectedValue, onSegmentSelect, locale, labels: l }: SegmentsTableProps) {
  const rows = segments.segments;
  const worst = useMemo(() => worstSegments(rows), [rows]);
  const latencyUnknown = rows.every((s) => s.latencyP95Ms === null && s.traceCount > 0);
  const selected = selectedValue === undefined ? null : segmentKey(selectedValue);
  return (
    <>
      <div className="us-segments__scroll" role="region" aria-label={formatLabel(l.caption, { key: keyName })} tabIndex={0}>
        <table className="us-segments__table">
          <caption className="us-visually-hidden">{formatLabel(l.caption, { key: keyName })}</caption>
          <thead>
            <tr>
              <th scope="col">{keyName}</th>
              {COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {columnLabel(column, l)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((segment, index) => {
              const text = segment.value === null ? l.noValue : oneLineText(String(segment.value));
              const value = segment.value;
              return (
                <tr key={segmentKey(value)} data-state={selected === segmentKey(value) ? 'selected' : undefined}>
                  <th scope="row">
                    {onSegmentSelect && value !== null ? (
                      <button
                        type="button"
                        className="us-segments__value"
                        aria-pressed={selected === segmentKey(value)}
                        aria-label={formatLabel(l.filterTo, { key: keyName, value: text })}
                        title={text}
                        onClick={() => onSegmentSelect(value)}
                      >
                        {text}
                      </button>
                    ) : (
                      <span className="us-segments__value" title={text}>
                        {text}
                      </span>
                    )}
                  </th>
                  {COLUMNS.map((column) => {
                    const isWorst = isWorstMeasure(column) && worst[column] === index;
                    return (
                      <td key={column} data-worst={isWorst ? 'true' : undefined}>
                        {formatCell(column, segment, locale)}
                        {isWorst ? (
                          <>
                            <span className="us-segments__worst" aria-hidden="true">
                              {l.worst}
                            </span>
                            <span className="us-visually-hidden">{`, ${formatLabel(l.worstSpoken, { column: columnLabel(column, l) })}`}</span>
                          </>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {segments.omittedCount > 0 || latencyUnknown ? (
        <p className="us-segments__note">
          {segments.omittedCount > 0 ? formatLabel(l.omitted, { count: formatCount(segments.omittedCount, locale) }) : null}
          {segments.omittedCount > 0 && latencyUnknown ? ' ' : null}
          {latencyUnknown ? l.latencyUnknown : null}
        </p>
      ) : null}
    </>
  );
}
