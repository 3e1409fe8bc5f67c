import { useId, useState } from 'react';
import type { TimeRange } from '../../core/model';
import { MAX_RANGE_DAYS } from '../../core/limits';
import { formatCount, formatDateTime } from './format';
import { formatLabel } from './format-label';
import {
  customRangeProblem,
  TIME_RANGE_PRESETS,
  customFromRange,
  resolveTimeRange,
  type TimeRangePreset,
  type TimeRangeValue,
} from '../../core/time-range-value';
import { useControllableState } from '../../hooks/use-controllable-state';
import { useLabels } from './labels-context';

/** Default strings of {@link TimeRangePicker}. `{from}` / `{to}` are formatted dates. */
export const timeRangePickerLabels = {
  legend: 'Time range',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '24hShort': '24h',
  '7dShort': '7d',
  '30dShort': '30d',
  '90dShort': '90d',
  custom: 'Custom',
  from: 'From (UTC)',
  to: 'To (UTC)',
  apply: 'Apply',
  invalid: 'Pick a start day on or before the end day.',
  /** Shown when the custom range is longer than `maxDays`; `{days}` is that maximum. */
  tooLong: 'Pick at most {days} days: longer ranges are refused.',
  current: '{from} – {to}',
};

/** Props of {@link TimeRangePicker}. */
export interface TimeRangePickerProps {
  /** Controlled value. */
  value?: TimeRangeValue;
  /** Initial value when uncontrolled. Default: last 7 days. */
  defaultValue?: TimeRangeValue;
  /** Called with the new value when a preset is picked or a custom range applied. */
  onValueChange?: (value: TimeRangeValue) => void;
  /** The instant presets end at (epoch ms). Default: `Date.now()` at first render. */
  now?: number;
  /** Presets offered. Default 24h, 7d, 30d, 90d. */
  presets?: readonly TimeRangePreset[];
  /** Locale of the range summary. Default `en-US`. */
  locale?: string;
  /** Strings. */
  labels?: Partial<typeof timeRangePickerLabels>;
  /** Longest custom range, in days (start and end day included). Default `MAX_RANGE_DAYS` (3,660), the longest a provider accepts. */
  maxDays?: number;
}

const DEFAULT_VALUE: TimeRangeValue = { preset: '7d' };

function summary(range: TimeRange, locale: string, template: string): string {
  const lastInstant = new Date(Date.parse(range.to) - 1).toISOString();
  return formatLabel(template, { from: formatDateTime(range.from, locale, false), to: formatDateTime(lastInstant, locale, false) });
}

/**
 * Picks a time range: preset buttons (radio group) relative to `now`, or custom whole UTC days with an Apply
 * button. Shows the resolved days. Controlled (`value` + `onValueChange`) or uncontrolled (`defaultValue`).
 */
export function TimeRangePicker({
  value,
  defaultValue = DEFAULT_VALUE,
  onValueChange,
  now: nowProp,
  presets = TIME_RANGE_PRESETS,
  locale = 'en-US',
  labels,
  maxDays = MAX_RANGE_DAYS,
}: TimeRangePickerProps) {
  const l = useLabels('timeRange', timeRangePickerLabels, labels);
  const [firstNow] = useState(() => Date.now());
  const now = nowProp ?? firstNow;
  const [current, setCurrent] = useControllableState({ value, defaultValue, onChange: onValueChange });
  const range = resolveTimeRange(current, now);
  const [editing, setEditing] = useState(current.preset === 'custom');
  const [draft, setDraft] = useState(() => customFromRange(range));
  const name = useId();
  const fromId = useId();
  const toId = useId();
  const errorId = useId();
  const draftProblem = customRangeProblem(draft, maxDays);
  const draftValid = draftProblem === null;
  const showCustom = editing || current.preset === 'custom';

  return (
    <fieldset className="us-time-range" data-slot="time-range-picker" data-state={current.preset}>
      <legend className="us-visually-hidden">{l.legend}</legend>
      <div className="us-segmented">
        {presets.map((preset) => (
          <label key={preset} className="us-segmented__item" data-state={!showCustom && current.preset === preset ? 'on' : 'off'}>
            <input
              type="radio"
              name={name}
              className="us-visually-hidden"
              checked={!showCustom && current.preset === preset}
              onChange={() => {
                setEditing(false);
                setCurrent({ preset });
              }}
              aria-label={l[preset]}
            />
            <span aria-hidden="true">{l[`${preset}Short`]}</span>
          </label>
        ))}
        <label className="us-segmented__item" data-state={showCustom ? 'on' : 'off'}>
          <input
            type="radio"
            name={name}
            className="us-visually-hidden"
            checked={showCustom}
            onChange={() => {
              setDraft(customFromRange(range));
              setEditing(true);
            }}
          />
          <span>{l.custom}</span>
        </label>
      </div>
      {showCustom ? (
        <form
          className="us-time-range__custom"
          onSubmit={(event) => {
            event.preventDefault();
            if (draftValid) setCurrent(draft);
          }}
        >
          <label htmlFor={fromId}>{l.from}</label>
          <input
            id={fromId}
            type="date"
            className="us-input"
            value={draft.from}
            onChange={(event) => setDraft((d) => ({ ...d, from: event.target.value }))}
            aria-describedby={draftValid ? undefined : errorId}
          />
          <label htmlFor={toId}>{l.to}</label>
          <input
            id={toId}
            type="date"
            className="us-input"
            value={draft.to}
            onChange={(event) => setDraft((d) => ({ ...d, to: event.target.value }))}
            aria-describedby={draftValid ? undefined : errorId}
          />
          <button type="submit" className="us-button" disabled={!draftValid}>
            {l.apply}
          </button>
          {draftValid ? null : (
            <span id={errorId} className="us-time-range__error" role="alert">
              {draftProblem === 'tooLong' ? formatLabel(l.tooLong, { days: formatCount(maxDays, locale) }) : l.invalid}
            </span>
          )}
        </form>
      ) : null}
      <span className="us-time-range__summary" data-slot="time-range-summary">
        {summary(range, locale, l.current)}
      </span>
    </fieldset>
  );
}
