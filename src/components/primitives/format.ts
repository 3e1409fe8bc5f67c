/**
 * Intl-based formatting for every number a user reads. Unknown (`null`/`undefined`/`NaN`) renders as "—".
 * Formatters are cached per locale and options.
 * @module
 */

/** What unknown values render as. */
export const UNKNOWN = '—';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

function known(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Integer or decimal count, e.g. `12,480`. Compact (`12.5K`) when `compact` is set. */
export function formatCount(value: number | null | undefined, locale = 'en-US', compact = false): string {
  if (!known(value)) return UNKNOWN;
  return numberFormat(locale, compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }).format(value);
}

/** A 0..1 fraction as a percentage, e.g. `0.973` → `97.3 %` (locale-dependent spacing). */
export function formatPercent(value: number | null | undefined, locale = 'en-US', digits = 1): string {
  if (!known(value)) return UNKNOWN;
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** A plain number with up to `maxDigits` decimals, e.g. `4.25` (a raw feedback value). */
export function formatDecimal(value: number | null | undefined, locale = 'en-US', maxDigits = 2): string {
  if (!known(value)) return UNKNOWN;
  return numberFormat(locale, { maximumFractionDigits: maxDigits }).format(value);
}

/** A normalised 0..1 feedback score with two decimals, e.g. `0.75`. */
export function formatScore(score: number | null | undefined, locale = 'en-US'): string {
  if (!known(score)) return UNKNOWN;
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
}

/**
 * A duration in ms: `840 ms`, `2.4 s`, `3.1 min`, `2 h`. The unit is chosen after rounding, so 999.6 ms reads `1 s`
 * and 59,999 ms `1 min`, never `1,000 ms` or `60 s`.
 */
export function formatDuration(ms: number | null | undefined, locale = 'en-US'): string {
  if (!known(ms)) return UNKNOWN;
  const abs = Math.abs(ms);
  if (Math.round(abs) < 1000) return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(ms)} ms`;
  if (Math.round(abs / 100) < 600) return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 1000)} s`;
  if (Math.round(abs / 6000) < 600) return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 60_000)} min`;
  return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 3_600_000)} h`;
}

/** Below this, money shows two significant digits; from it (it rounds to $1.0 there) two decimals. */
const SIGNIFICANT_BELOW = 0.995;

/**
 * USD amount. From $1: two decimals (`$1.50`, `$1,234.00`). Below $1: two significant digits, trailing zero kept, so
 * amounts side by side read alike (`$0.40` next to `$0.36`, `$0.0042`, `$0.050`). From $10,000 compact (`$12.3K`)
 * when asked.
 */
export function formatUsd(value: number | null | undefined, locale = 'en-US', compact = false): string {
  if (!known(value)) return UNKNOWN;
  const abs = Math.abs(value);
  const options: Intl.NumberFormatOptions =
    compact && abs >= 10_000
      ? { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 }
      : abs > 0 && abs < SIGNIFICANT_BELOW
        ? { style: 'currency', currency: 'USD', minimumSignificantDigits: 2, maximumSignificantDigits: 2 }
        : { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 };
  return numberFormat(locale, options).format(value);
}

const dateCache = new Map<string, Intl.DateTimeFormat>();

/** Absolute date-time in UTC, e.g. `Nov 12, 2026, 14:03 UTC`. */
export function formatDateTime(iso: string | null | undefined, locale = 'en-US', withTime = true): string {
  if (!iso) return UNKNOWN;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return UNKNOWN;
  const key = `${locale}|${withTime}`;
  let f = dateCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' } : {}),
    });
    dateCache.set(key, f);
  }
  return f.format(ms);
}

const relativeCache = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let f = relativeCache.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeCache.set(locale, f);
  }
  return f;
}

/** Relative time from `now`, e.g. `3 hours ago`, `in 2 days`. */
export function formatRelative(iso: string | null | undefined, now: number, locale = 'en-US'): string {
  if (!iso) return UNKNOWN;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return UNKNOWN;
  const diff = ms - now;
  const abs = Math.abs(diff);
  const rtf = relativeFormat(locale);
  if (abs < 60_000) return rtf.format(Math.round(diff / 1000), 'second');
  if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute');
  if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), 'hour');
  if (abs < 30 * 86_400_000) return rtf.format(Math.round(diff / 86_400_000), 'day');
  if (abs < 365 * 86_400_000) return rtf.format(Math.round(diff / (30 * 86_400_000)), 'month');
  return rtf.format(Math.round(diff / (365 * 86_400_000)), 'year');
}
