import { useId } from 'react';
import type { Granularity } from '../../core/model';
import type { TrendChartsLabels } from './labels';

/** A granularity, or `auto` (the provider picks from the range: hourly up to 2 days, daily up to 120, then weekly). */
export type GranularityChoice = 'auto' | Granularity;

const CHOICES: readonly { value: GranularityChoice; label: keyof TrendChartsLabels }[] = [
  { value: 'auto', label: 'granularityAuto' },
  { value: 'hour', label: 'granularityHour' },
  { value: 'day', label: 'granularityDay' },
  { value: 'week', label: 'granularityWeek' },
];

/** Props of {@link GranularityPicker}. */
export interface GranularityPickerProps {
  /** Current choice. */
  value: GranularityChoice;
  /** Called with a new choice. */
  onChange: (value: GranularityChoice) => void;
  /** Strings. */
  labels: TrendChartsLabels;
}

/** Auto / hourly / daily / weekly as a segmented radio group. */
export function GranularityPicker({ value, onChange, labels: l }: GranularityPickerProps) {
  const name = useId();
  return (
    <fieldset className="us-time-range us-granularity" data-slot="granularity-picker" data-state={value}>
      <legend className="us-visually-hidden">{l.granularity}</legend>
      <div className="us-segmented">
        {CHOICES.map((c) => (
          <label key={c.value} className="us-segmented__item" data-state={value === c.value ? 'on' : 'off'}>
            <input
              type="radio"
              name={name}
              className="us-visually-hidden"
              checked={value === c.value}
              onChange={() => onChange(c.value)}
            />
            {l[c.label]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
