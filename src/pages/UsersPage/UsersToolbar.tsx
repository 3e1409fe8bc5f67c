import { useId, type RefObject } from 'react';
import type { MetadataValue } from '../../core/model';
import { TimeRangePicker, type timeRangePickerLabels } from '../../components/primitives/TimeRangePicker';
import type { TimeRangeValue } from '../../core/time-range-value';
import type { MetadataFacet } from '../../hooks/metadata-facets';
import type { UsersPageLabels } from './users-page-labels';
import { oneLineText } from '../../components/primitives/display-text';

/** Props of {@link UsersToolbar}. */
export interface UsersToolbarProps {
  /** Search box text (not yet debounced). */
  search: string;
  /** Typing in the search box. */
  onSearchChange: (search: string) => void;
  /** Receives the search box, where "Clear filters" moves focus before it goes away. */
  searchInputRef?: RefObject<HTMLInputElement | null>;
  /** Metadata filters offered. */
  facets: readonly MetadataFacet[];
  /** Selected values per metadata key. */
  filters: Readonly<Record<string, MetadataValue[]>>;
  /** Sets one key's accepted values (empty: no filter). */
  onFilterChange: (key: string, values: MetadataValue[]) => void;
  /** Headers of metadata keys. */
  facetLabel: (key: string) => string;
  /** "Needs attention" toggle. */
  attentionOnly: boolean;
  /** Flips the attention toggle. */
  onAttentionOnlyChange: (on: boolean) => void;
  /** The chip of a distribution bar filtering the list: its text and its remove button's name; `null` for none. */
  measureChip?: { text: string; removeLabel: string } | null;
  /** Removes the bar's filter (the chip's button). */
  onMeasureClear?: () => void;
  /** Shows "Clear filters". */
  filtered: boolean;
  /** Clears search and filters. */
  onClearFilters: () => void;
  /** Time range. */
  range: TimeRangeValue;
  /** Picks a time range. */
  onRangeChange: (range: TimeRangeValue) => void;
  /** "Now" of the presets. */
  now: number;
  /** Intl locale. */
  locale: string;
  /** Strings. */
  labels: UsersPageLabels;
  /** Strings of the time-range picker. */
  rangeLabels?: Partial<typeof timeRangePickerLabels>;
}

function optionKey(value: MetadataValue): string {
  return `${typeof value}:${String(value)}`;
}

/**
 * Search, metadata filters, the "needs attention" toggle, the chip of a picked distribution bar, "clear filters" and
 * the time-range picker.
 */
export function UsersToolbar(props: UsersToolbarProps) {
  const { labels: l } = props;
  const searchId = useId();
  const filterId = useId();
  return (
    <div className="us-users-toolbar" data-slot="users-toolbar">
      <div className="us-users-toolbar__filters" role="group" aria-label={l.filtersLabel}>
        <span className="us-users-toolbar__search">
          <label htmlFor={searchId} className="us-visually-hidden">
            {l.searchLabel}
          </label>
          <svg className="us-users-toolbar__search-icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <path d="m11 11 3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          <input
            ref={props.searchInputRef}
            id={searchId}
            type="search"
            className="us-input"
            value={props.search}
            placeholder={l.searchPlaceholder}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => props.onSearchChange(event.target.value)}
          />
        </span>
        {props.facets.map((facet) => {
          const selected = props.filters[facet.key] ?? [];
          const values = [...facet.values, ...selected.filter((v) => !facet.values.some((f) => optionKey(f) === optionKey(v)))];
          const current = selected[0];
          const id = `${filterId}-${facet.key}`;
          return (
            <span key={facet.key} className="us-users-toolbar__filter" data-state={selected.length > 0 ? 'active' : 'inactive'}>
              <label htmlFor={id}>{oneLineText(props.facetLabel(facet.key))}</label>
              <select
                id={id}
                className="us-select"
                value={current === undefined ? '' : optionKey(current)}
                onChange={(event) => {
                  const picked = values.find((v) => optionKey(v) === event.target.value);
                  props.onFilterChange(facet.key, picked === undefined ? [] : [picked]);
                }}
              >
                <option value="">{l.filterAll}</option>
                {values.map((value) => (
                  <option key={optionKey(value)} value={optionKey(value)}>
                    {oneLineText(String(value))}
                  </option>
                ))}
              </select>
            </span>
          );
        })}
        <button
          type="button"
          className="us-button us-users-toolbar__attention"
          aria-pressed={props.attentionOnly}
          onClick={() => props.onAttentionOnlyChange(!props.attentionOnly)}
        >
          {l.attentionOnly}
        </button>
        {props.measureChip ? (
          <span className="us-users-toolbar__chip" data-slot="measure-filter">
            <span>{props.measureChip.text}</span>
            <button type="button" className="us-users-toolbar__chip-remove" aria-label={props.measureChip.removeLabel} onClick={props.onMeasureClear}>
              <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
                <path d="m1.5 1.5 7 7m0-7-7 7" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
              </svg>
            </button>
          </span>
        ) : null}
        {props.filtered ? (
          <button type="button" className="us-button" data-variant="ghost" onClick={props.onClearFilters}>
            {l.clearFilters}
          </button>
        ) : null}
      </div>
      <TimeRangePicker value={props.range} onValueChange={props.onRangeChange} now={props.now} locale={props.locale} labels={props.rangeLabels} />
    </div>
  );
}
