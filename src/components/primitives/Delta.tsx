import type { RelativeChange } from '../../core/engine/verdict';
import { UNKNOWN } from './format';
import { useLabels } from './labels-context';

/** Which way is better for a measure: success rate up is good, latency/cost/errors up are bad, volume is neutral. */
export type DeltaDirection = 'higher-is-better' | 'lower-is-better' | 'neutral';

/** What a change looks like once rounded for display. */
export type DeltaState = 'up' | 'down' | 'same' | 'new' | 'unknown';

/** Whether a change is good news, bad news or neither. Drives the colour; never the only cue. */
export type DeltaTone = 'good' | 'bad' | 'neutral';

/** Default strings of {@link Delta}. */
export const deltaLabels = {
  /** Shown when the baseline is 0 and the value is not. */
  new: 'new',
  /** Shown when the change rounds to zero. */
  same: '±0',
};

/** Below this, a change rounds to 0 % at the finest display precision (0.1 %). */
const SAME_BELOW = 0.0005;

/** The display state of a change: `same` when it rounds to zero. */
export function deltaState(change: RelativeChange): DeltaState {
  if (change.kind !== 'change') return change.kind;
  if (Math.abs(change.ratio) < SAME_BELOW) return 'same';
  return change.ratio > 0 ? 'up' : 'down';
}

/** Good, bad or neutral for a display state and a direction. `new` (a rise from zero) counts as up. */
export function deltaTone(state: DeltaState, direction: DeltaDirection): DeltaTone {
  if (direction === 'neutral' || state === 'same' || state === 'unknown') return 'neutral';
  return (state !== 'down') === (direction === 'higher-is-better') ? 'good' : 'bad';
}

/** From this ratio on (the value is at least 10× the baseline), a rise reads as a multiple (`12×`), not a percentage. */
export const MULTIPLE_FROM = 9;

const formatCache = new Map<string, Intl.NumberFormat>();

function cachedFormat(locale: string, variant: 'fine' | 'whole' | 'multiple'): Intl.NumberFormat {
  const key = `${locale}|${variant}`;
  let f = formatCache.get(key);
  if (!f) {
    f =
      variant === 'multiple'
        ? new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 })
        : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: variant === 'fine' ? 1 : 0 });
    formatCache.set(key, f);
  }
  return f;
}

/** Whether a ratio is shown as a multiple (see {@link MULTIPLE_FROM}). */
export function isMultiple(ratio: number): boolean {
  return ratio >= MULTIPLE_FROM;
}

/** How many times the baseline a value is, for a ratio at or above {@link MULTIPLE_FROM}: `12`, `40K`. */
export function formatMultiple(ratio: number, locale = 'en-US'): string {
  return cachedFormat(locale, 'multiple').format(1 + ratio);
}

/** The magnitude of a ratio as a percentage: one decimal under 10 % (`3.4%`), whole numbers above (`38%`). */
export function formatChangePercent(ratio: number, locale = 'en-US'): string {
  const abs = Math.abs(ratio);
  return cachedFormat(locale, abs < 0.1 ? 'fine' : 'whole').format(abs);
}

/** The visible figure of a ratio: `3.4%`, `38%`, or `12×` from {@link MULTIPLE_FROM} on. */
export function formatChange(ratio: number, locale = 'en-US'): string {
  return isMultiple(ratio) ? `${formatMultiple(ratio, locale)}×` : formatChangePercent(ratio, locale);
}

const ARROWS: Record<DeltaState, string> = { up: '▲', down: '▼', same: '', new: '▲', unknown: '' };

/** Props of {@link Delta}. */
export interface DeltaProps {
  /** The change to show, from `relativeChange(value, baseline)`. */
  change: RelativeChange;
  /** Which way is better; decides the colour. */
  direction: DeltaDirection;
  /** Short visible name of the baseline, e.g. `vs prev.` or `vs pro`. */
  baselineLabel: string;
  /**
   * The full text alternative read by screen readers and shown on hover, e.g.
   * `p95 latency 2.4 s, 38% higher than pro users`.
   */
  description: string;
  /** BCP 47 locale of the percentage. Default `en-US`. */
  locale?: string;
  /** Strings. */
  labels?: Partial<typeof deltaLabels>;
}

/**
 * A relative change against one baseline: arrow, percentage and baseline name, coloured by whether the change is
 * good or bad for the measure (`data-tone`), with a complete sentence as its text alternative. Unknown baselines show
 * "—", a zero baseline shows "new"; never `Infinity` or `NaN`.
 */
export function Delta({ change, direction, baselineLabel, description, locale = 'en-US', labels }: DeltaProps) {
  const l = useLabels('delta', deltaLabels, labels);
  const state = deltaState(change);
  const tone = deltaTone(state, direction);
  const figure =
    change.kind === 'change' && state !== 'same'
      ? formatChange(change.ratio, locale)
      : state === 'same'
        ? l.same
        : state === 'new'
          ? l.new
          : UNKNOWN;
  return (
    <span className="us-delta" data-slot="delta" data-state={state} data-tone={tone} title={description}>
      <span className="us-delta__figure" aria-hidden="true">
        {ARROWS[state] ? <span className="us-delta__arrow">{ARROWS[state]}</span> : null}
        {figure}
      </span>
      <span className="us-delta__baseline" aria-hidden="true">
        {baselineLabel}
      </span>
      <span className="us-visually-hidden">{description}</span>
    </span>
  );
}
