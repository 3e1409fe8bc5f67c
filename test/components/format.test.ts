import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDateTime,
  formatDecimal,
  formatDuration,
  formatPercent,
  formatRelative,
  formatScore,
  formatUsd,
} from '../../src/components/primitives/format';

/** The no-break space German number formats put before units, currency and percent signs. */
const NB = '\u00a0';

describe('formatUsd (exact strings)', () => {
  it('keeps two significant digits below $1, trailing zero included, and two decimals from $1', () => {
    expect([0.4, 0.36, 0.0042, 0.05, 0.994, 0.999, 1.5, 1234, 12345.6, -0.4, 0].map((v) => formatUsd(v))).toEqual([
      '$0.40', '$0.36', '$0.0042', '$0.050', '$0.99', '$1.00', '$1.50', '$1,234.00', '$12,345.60', '-$0.40', '$0.00',
    ]);
  });
  it('is compact from $10,000 only when asked', () => {
    expect([12345.6, 2_500_000, 999].map((v) => formatUsd(v, 'en-US', true))).toEqual(['$12.3K', '$2.5M', '$999.00']);
  });
  it('formats German amounts', () => {
    expect([0.4, 0.36, 1234].map((v) => formatUsd(v, 'de-DE'))).toEqual([`0,40${NB}$`, `0,36${NB}$`, `1.234,00${NB}$`]);
    expect(formatUsd(2_500_000, 'de-DE', true)).toBe(`2,5${NB}Mio.${NB}$`);
  });
  it('renders unknown as a dash, never $0', () => {
    expect([null, undefined, Number.NaN, Number.POSITIVE_INFINITY].map((v) => formatUsd(v))).toEqual(['—', '—', '—', '—']);
  });
});

describe('formatPercent (exact strings)', () => {
  it('keeps at most one decimal', () => {
    expect([0.973, 0.437, 1, 0].map((v) => formatPercent(v))).toEqual(['97.3%', '43.7%', '100%', '0%']);
    expect([0.973, 1].map((v) => formatPercent(v, 'de-DE'))).toEqual([`97,3${NB}%`, `100${NB}%`]);
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatDuration (exact strings)', () => {
  it('picks the unit after rounding', () => {
    expect([840, 999.6, 2400, 59_999, 186_000, 7_200_000].map((v) => formatDuration(v))).toEqual([
      '840 ms', '1 s', '2.4 s', '1 min', '3.1 min', '2 h',
    ]);
    expect([840, 2400, 3_599_999].map((v) => formatDuration(v, 'de-DE'))).toEqual(['840 ms', '2,4 s', '1 h']);
    expect(formatDuration(null)).toBe('—');
  });
});

describe('formatCount (exact strings)', () => {
  it('groups digits per locale, compact when asked', () => {
    expect([12480, 0, 1234567, 12.6].map((v) => formatCount(v))).toEqual(['12,480', '0', '1,234,567', '13']);
    expect([12480, 1234567].map((v) => formatCount(v, 'de-DE'))).toEqual(['12.480', '1.234.567']);
    expect([12480, 1234567].map((v) => formatCount(v, 'en-US', true))).toEqual(['12.5K', '1.2M']);
    expect(formatCount(1234567, 'de-DE', true)).toBe(`1,2${NB}Mio.`);
    expect(formatCount(undefined)).toBe('—');
  });
});

describe('dates (exact strings)', () => {
  const iso = '2026-11-12T14:03:00Z';
  it('formats absolute UTC date-times in two locales', () => {
    expect(formatDateTime(iso)).toBe('Nov 12, 2026, 14:03 UTC');
    expect(formatDateTime(iso, 'en-US', false)).toBe('Nov 12, 2026');
    expect(formatDateTime(iso, 'de-DE')).toBe('12. Nov. 2026, 14:03 UTC');
    expect(formatDateTime(iso, 'de-DE', false)).toBe('12. Nov. 2026');
    expect(formatDateTime('not a date')).toBe('—');
  });
  it('formats relative times in two locales', () => {
    const now = Date.parse(iso);
    expect(formatRelative('2026-11-12T11:03:00Z', now)).toBe('3 hours ago');
    expect(formatRelative('2026-11-14T14:03:00Z', now)).toBe('in 2 days');
    expect(formatRelative('2026-11-12T11:03:00Z', now, 'de-DE')).toBe('vor 3 Stunden');
    expect(formatRelative(null, now)).toBe('—');
  });
});

describe('formatDecimal and formatScore (exact strings)', () => {
  it('keeps up to two decimals for raw values and exactly two for scores, in two locales', () => {
    expect([4.25, 4.256, 3, 1234.5].map((v) => formatDecimal(v))).toEqual(['4.25', '4.26', '3', '1,234.5']);
    expect([4.25, 1234.5].map((v) => formatDecimal(v, 'de-DE'))).toEqual(['4,25', '1.234,5']);
    expect(formatDecimal(3.14159, 'en-US', 1)).toBe('3.1');
    expect([0.75, 1, 0].map((v) => formatScore(v))).toEqual(['0.75', '1.00', '0.00']);
    expect(formatScore(0.5, 'de-DE')).toBe('0,50');
    expect([formatDecimal(null), formatScore(undefined)]).toEqual(['—', '—']);
  });
});
