/**
 * What a feedback key says, by kind: thumbs as up/down votes, numeric keys as an average normalised score,
 * categorical keys as counts per category.
 * @module
 */
import type { FeedbackKeyStat, FeedbackKind } from '../../core/results';
import { formatCount, formatPercent, formatScore } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import type { FeedbackPanelLabels } from './labels';
import { thumbsOf } from './score-display';
import { shortText } from './short-text';

/** One drawn segment of a key's bar. */
export interface KeySegment {
  /** Series id for styling: `positive` / `negative` (thumbs), `numeric`, or `category-<n>` (palette slot 0–4). */
  series: string;
  /** What the segment counts (a category, "up", "down", or the key). */
  label: string;
  /** Records. */
  count: number;
}

/** Palette slots for categories; later categories reuse them in order. */
const CATEGORY_SLOTS = 5;

/** The kind's name. */
export function kindLabel(kind: FeedbackKind, l: FeedbackPanelLabels): string {
  return kind === 'boolean' ? l.kindBoolean : kind === 'numeric' ? l.kindNumeric : l.kindCategorical;
}

/** Categories of a categorical key, most used first (ties: name). */
function categoriesOf(key: FeedbackKeyStat): [string, number][] {
  return Object.entries(key.categories).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The segments of a key's bar, in drawing order. */
export function keySegments(key: FeedbackKeyStat, l: FeedbackPanelLabels): KeySegment[] {
  if (key.kind === 'boolean') {
    const { up, down } = thumbsOf(key);
    return [
      { series: 'positive', label: l.up, count: up },
      { series: 'negative', label: l.down, count: down },
    ];
  }
  if (key.kind === 'numeric') return [{ series: 'numeric', label: shortText(key.key), count: key.count }];
  return categoriesOf(key).map(([name, count], i) => ({ series: `category-${i % CATEGORY_SLOTS}`, label: shortText(name), count }));
}

/** The short visible detail: `75% up`, `avg 0.78`, `top: great (77%)`. */
export function keyDetail(key: FeedbackKeyStat, locale: string, l: FeedbackPanelLabels): string {
  if (key.kind === 'boolean') {
    const { up, down } = thumbsOf(key);
    return up + down === 0 ? l.keyDetailNone : formatLabel(l.keyDetailBoolean, { percent: formatPercent(up / (up + down), locale, 0) });
  }
  if (key.kind === 'numeric') {
    return key.avgScore === null ? l.keyDetailNone : formatLabel(l.keyDetailNumeric, { score: formatScore(key.avgScore, locale) });
  }
  const top = categoriesOf(key)[0];
  if (!top || key.count === 0) return l.keyDetailNone;
  return formatLabel(l.keyDetailCategorical, { category: shortText(top[0]), percent: formatPercent(top[1] / key.count, locale, 0) });
}

/** The full detail for tables and tooltips: every category or vote with its count, or the average score. */
export function keyBreakdown(key: FeedbackKeyStat, locale: string, l: FeedbackPanelLabels): string {
  if (key.kind === 'numeric') return keyDetail(key, locale, l);
  return keySegments(key, l)
    .map((s) => `${s.label} ${formatCount(s.count, locale)}`)
    .join(' · ');
}
