import { useId, type RefObject } from 'react';
import type { FilterItem } from '../../core/contract';
import { NO_CONVERSATION } from '../../core/engine/conversations';
import { formatLabel } from '../primitives/format-label';
import { oneLineText } from '../primitives/MetadataChip';
import { activeFilters, filterItemValues, filterValues, TRACE_TABLE_FILTER_IDS, withFilter } from './trace-filters';
import type { TraceTableLabels } from './trace-table-labels';

/** Props of {@link TraceFilterBar}. */
export interface TraceFilterBarProps {
  /** Current filters. */
  filters: readonly FilterItem[];
  /** Called with the new filters. */
  onFiltersChange: (filters: FilterItem[]) => void;
  /** Models offered by the model filter. */
  modelOptions: readonly string[];
  /** The conversation the table is narrowed to; no chip when absent. */
  conversationId: string | null | undefined;
  /** That conversation's title; the id when absent. The `(none)` group is always "No conversation". */
  conversationTitle: string | null | undefined;
  /** The chip's Clear button; the chip has no button without it. */
  onClearConversation: (() => void) | undefined;
  /**
   * Receives the status select. A button that goes away once pressed (the chip's Clear, a chip's ×, Clear filters)
   * first moves focus there, to the control that takes its place in the bar, so focus never falls to `<body>`.
   */
  statusSelectRef: RefObject<HTMLSelectElement | null>;
  /** Strings. */
  labels: TraceTableLabels;
}

/** Value of the disabled option shown while a filter holds several values. */
const SEVERAL = 'us:several';

function FilterSelect(props: {
  selectRef?: RefObject<HTMLSelectElement | null>;
  label: string;
  values: readonly string[];
  options: readonly { value: string; label: string }[];
  labels: TraceTableLabels;
  onChange: (values: string[]) => void;
}) {
  const id = useId();
  const { values, labels } = props;
  const value = values.length === 0 ? '' : values.length === 1 ? (values[0] as string) : SEVERAL;
  const known = new Set(props.options.map((o) => o.value));
  const missing = values.length === 1 && !known.has(value) ? [{ value, label: value }] : [];
  return (
    <span className="us-trace-filters__field">
      <label htmlFor={id} className="us-trace-filters__label">
        {props.label}
      </label>
      <select
        ref={props.selectRef}
        id={id}
        className="us-select"
        value={value}
        data-state={values.length > 0 ? 'active' : 'inactive'}
        onChange={(event) => props.onChange(event.target.value === '' ? [] : [event.target.value])}
      >
        <option value="">{labels.filterAll}</option>
        {value === SEVERAL ? (
          <option value={SEVERAL} disabled>
            {formatLabel(labels.filterSeveral, { count: values.length })}
          </option>
        ) : null}
        {[...props.options, ...missing].map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}

function ConversationChip({ title, onClear, labels }: { title: string; onClear: (() => void) | undefined; labels: TraceTableLabels }) {
  const [before = '', after = ''] = labels.filteredByConversation.split('{conversation}');
  return (
    <div className="us-filter-chip" data-slot="conversation-filter">
      <span className="us-filter-chip__text">
        {before}
        <strong className="us-filter-chip__value" title={title}>
          {title}
        </strong>
        {after}
      </span>
      {onClear ? (
        <>
          <span aria-hidden="true">—</span>
          <button type="button" className="us-filter-chip__clear" aria-label={labels.clearConversationLabel} onClick={onClear}>
            {labels.clearConversation}
          </button>
        </>
      ) : null}
    </div>
  );
}

/**
 * The controls above the trace grid: the "Filtered by conversation … — Clear" chip, status and model selects,
 * removable chips for any other filter ids the host set (e.g. `errorType`), and "Clear filters".
 */
export function TraceFilterBar(props: TraceFilterBarProps) {
  const { filters, onFiltersChange, labels } = props;
  const conversationId = props.conversationId ?? null;
  const conversationTitle =
    conversationId === null
      ? ''
      : conversationId === NO_CONVERSATION
        ? labels.noConversation
        : oneLineText(props.conversationTitle ?? '') || oneLineText(conversationId);
  // Focus moves before the button is removed, so it goes straight from the button to the select.
  const thenFocusStatus = (action: () => void) => () => {
    props.statusSelectRef.current?.focus();
    action();
  };
  const onClearConversation = props.onClearConversation;
  const others = activeFilters(filters).filter((f) => !(TRACE_TABLE_FILTER_IDS as readonly string[]).includes(f.id));
  const anyActive = activeFilters(filters).length > 0;
  return (
    <div className="us-trace-filters" role="group" aria-label={labels.filters} data-slot="trace-filters">
      {conversationId !== null ? (
        <ConversationChip title={conversationTitle} onClear={onClearConversation && thenFocusStatus(onClearConversation)} labels={labels} />
      ) : null}
      <FilterSelect
        selectRef={props.statusSelectRef}
        label={labels.filterStatus}
        values={filterValues(filters, 'status')}
        options={[
          { value: 'ok', label: labels.statusOk },
          { value: 'error', label: labels.statusError },
        ]}
        labels={labels}
        onChange={(values) => onFiltersChange(withFilter(filters, 'status', values))}
      />
      <FilterSelect
        label={labels.filterModel}
        values={filterValues(filters, 'model')}
        options={props.modelOptions.map((m) => ({ value: m, label: oneLineText(m) }))}
        labels={labels}
        onChange={(values) => onFiltersChange(withFilter(filters, 'model', values))}
      />
      {others.map((f) => {
        const text = `${f.id}: ${filterItemValues(f).map(oneLineText).join(', ')}`;
        return (
          <span key={f.id} className="us-filter-chip" data-slot="filter-chip">
            <span className="us-filter-chip__text">{text}</span>
            <button
              type="button"
              className="us-filter-chip__remove"
              aria-label={formatLabel(labels.removeFilter, { filter: text })}
              onClick={thenFocusStatus(() => onFiltersChange(withFilter(filters, f.id, [])))}
            >
              <span aria-hidden="true">×</span>
            </button>
          </span>
        );
      })}
      {anyActive ? (
        <button type="button" className="us-button" data-variant="ghost" onClick={thenFocusStatus(() => onFiltersChange([]))}>
          {labels.clearFilters}
        </button>
      ) : null}
    </div>
  );
}
