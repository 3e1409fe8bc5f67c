import type { MetadataValue } from '../../core/model';
import { oneLineText, truncateText } from './display-text';
import { UNKNOWN } from './format';
import { useLabels } from './labels-context';

/** Default strings of {@link MetadataChip}. */
export const metadataChipLabels = {
  /** Shown for an empty string value. */
  empty: '(empty)',
  /** Hover text of a `null` value (which shows as "—"). */
  notSet: 'not set',
};

/** Longest key or value rendered; the rest is cut with "…" (CSS truncates further to fit). */
const MAX_SHOWN = 80;
/** Longest text in the hover title. */
const MAX_TITLE = 500;

export { oneLineText, truncateText };

/** A metadata value as one line of text; `null` is "—", an empty string is `labels.empty`. */
export function metadataValueText(value: MetadataValue, labels: typeof metadataChipLabels = metadataChipLabels): string {
  if (value === null) return UNKNOWN;
  const text = oneLineText(String(value));
  return text === '' ? labels.empty : text;
}

/** Props of {@link MetadataChip}. */
export interface MetadataChipProps {
  /** Metadata key, e.g. `plan`. */
  name: string;
  /** Its value, e.g. `pro`. */
  value: MetadataValue;
  /**
   * When given, the chip is a toggle button (`aria-pressed`) that selects or clears the cohort of users sharing this
   * value; otherwise it is plain text.
   */
  onPressedChange?: (pressed: boolean) => void;
  /** Whether this chip's cohort is the one selected. */
  pressed?: boolean;
  /**
   * Action text, read after the key and value (the button's name is `plan: pro, <action>`) and shown on hover, e.g.
   * `Compare with users whose plan is pro`.
   */
  actionLabel?: string;
  /** Strings. */
  labels?: Partial<typeof metadataChipLabels>;
}

/**
 * A labelled metadata value (`plan` · `pro`). Text only, one line, long or odd values cut safely with the full
 * value on hover. With `onPressedChange` it toggles a cohort comparison (`data-state="on" | "off"`).
 */
export function MetadataChip({ name, value, onPressedChange, pressed = false, actionLabel, labels }: MetadataChipProps) {
  const l = useLabels('metadataChip', metadataChipLabels, labels);
  const key = oneLineText(name);
  const text = metadataValueText(value, l);
  const full = `${key}: ${value === null ? l.notSet : text}`;
  const title = truncateText(actionLabel ? `${full}\n${actionLabel}` : full, MAX_TITLE);
  const content = (
    <>
      <span className="us-chip__key">{truncateText(key, MAX_SHOWN)}</span>
      <span className="us-visually-hidden">:</span>{' '}
      <bdi className="us-chip__value" data-null={value === null || undefined}>
        {truncateText(text, MAX_SHOWN)}
      </bdi>
    </>
  );
  if (!onPressedChange) {
    return (
      <span className="us-chip" data-slot="metadata-chip" title={title}>
        {content}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="us-chip"
      data-slot="metadata-chip"
      data-state={pressed ? 'on' : 'off'}
      aria-pressed={pressed}
      aria-label={actionLabel ? `${truncateText(key, MAX_SHOWN)}: ${truncateText(text, MAX_SHOWN)}, ${actionLabel}` : undefined}
      title={title}
      onClick={() => onPressedChange(!pressed)}
    >
      {content}
      <svg className="us-chip__icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        {pressed ? (
          <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        ) : (
          <path d="M2 5h10l-2.5-2.5M14 11H4l2.5 2.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        )}
      </svg>
    </button>
  );
}
