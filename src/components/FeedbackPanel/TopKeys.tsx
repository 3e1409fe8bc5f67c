import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { FeedbackKeyStat } from '../../core/results';
import { ItemChartFrame, type ItemChartModel } from '../charts/ItemChartFrame';
import { formatCount, formatPercent } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import type { FeedbackCardProps } from './card-props';
import { ChartCard } from './ChartCard';
import { keyBreakdown, keyDetail, keySegments, kindLabel } from './key-detail';
import { shortText } from './short-text';

/** Keys drawn; the rest are in the table. */
const MAX_ROWS = 6;
const ROW_HEIGHT = 40;
const BAR_HEIGHT = 12;
const MARGIN = { top: 4, right: 56, bottom: 4, left: 0 } as const;

interface KeysModel extends ItemChartModel {
  x: ReturnType<typeof scaleLinear<number>>;
}

/**
 * Top Feedback Keys: one bar per key, longest first, its length the key's record count; thumbs split into up and
 * down, categories into their counts, numeric keys as one bar with their average score. Each kind reads its own
 * way, so mixed keys are never averaged together here.
 */
export function TopKeys({ overview, headingLevel, locale, labels: l }: FeedbackCardProps) {
  const keys = overview.topKeys;
  const shown = keys.slice(0, MAX_ROWS);
  const total = overview.summary.count;
  const share = (k: FeedbackKeyStat) => (total === 0 ? null : k.count / total);
  const height = MARGIN.top + MARGIN.bottom + shown.length * ROW_HEIGHT;
  const top = keys[0];
  const summary = top
    ? formatLabel(l.keysSummary, {
        keys: formatCount(keys.length, locale),
        top: shortText(top.key),
        count: formatCount(top.count, locale),
      })
    : l.empty;
  const describe = (i: number) => {
    const k = shown[i] as FeedbackKeyStat;
    return formatLabel(l.keysRow, {
      key: shortText(k.key),
      kind: kindLabel(k.kind, l),
      count: formatCount(k.count, locale),
      share: formatPercent(share(k), locale),
      detail: keyBreakdown(k, locale, l),
    });
  };

  const layout = (width: number): KeysModel => {
    const innerW = Math.max(1, width - MARGIN.left - MARGIN.right);
    const max = Math.max(1, ...shown.map((k) => k.count));
    return { width, count: shown.length, x: scaleLinear<number>({ domain: [0, max], range: [0, innerW] }) };
  };

  return (
    <ChartCard
      id="keys"
      title={l.keysTitle}
      description={l.keysDescription}
      summary={summary}
      headingLevel={headingLevel}
      empty={l.empty}
      table={{
        columns: [
          { id: 'key', label: l.columnKey },
          { id: 'kind', label: l.columnKind, align: 'start' },
          { id: 'count', label: l.columnCount },
          { id: 'share', label: l.columnShare },
          { id: 'detail', label: l.columnDetail, align: 'start' },
        ],
        getRows: () =>
          keys.map((k) => ({
            key: k.key,
            cells: [shortText(k.key), kindLabel(k.kind, l), formatCount(k.count, locale), formatPercent(share(k), locale), keyBreakdown(k, locale, l)],
          })),
      }}
      tableLabels={{ viewTable: l.viewAsTable, hideTable: l.hideTable }}
      chart={
        shown.length === 0
          ? null
          : (ids) => (
              <ItemChartFrame<KeysModel>
                height={height}
                labelledBy={ids.labelledBy}
                describedBy={ids.describedBy}
                keyboardHint={l.chartKeyboardHint}
                layout={layout}
                hitTest={(_m, _px, py) => {
                  const i = Math.floor((py - MARGIN.top) / ROW_HEIGHT);
                  return i >= 0 && i < shown.length ? i : null;
                }}
                anchorX={(m, i) => MARGIN.left + m.x((shown[i] as FeedbackKeyStat).count) / 2}
                renderChart={(m, active) => (
                  <svg width={m.width} height={height} aria-hidden="true" focusable="false">
                    <Group left={MARGIN.left} top={MARGIN.top}>
                      {shown.map((k, i) => {
                        const rowTop = i * ROW_HEIGHT;
                        const barY = rowTop + ROW_HEIGHT - BAR_HEIGHT - 8;
                        let x0 = 0;
                        return (
                          <g key={k.key} data-key-row={i}>
                            {i === active ? (
                              <rect className="us-feedback-chart__highlight" x={0} y={rowTop} width={m.width} height={ROW_HEIGHT} />
                            ) : null}
                            <text className="us-feedback-chart__row-label" x={0} y={rowTop + 13}>
                              <tspan className="us-feedback-chart__row-key">{shortText(k.key)}</tspan>
                              <tspan className="us-feedback-chart__row-meta" dx={6}>
                                {kindLabel(k.kind, l)} · {keyDetail(k, locale, l)}
                              </tspan>
                            </text>
                            {keySegments(k, l).map((s) => {
                              const w = m.x(s.count);
                              const bar =
                                w > 0 ? (
                                  <Bar
                                    key={s.series + s.label}
                                    className="us-feedback-chart__bar"
                                    data-series={s.series}
                                    x={x0}
                                    y={barY}
                                    width={w}
                                    height={BAR_HEIGHT}
                                  />
                                ) : null;
                              x0 += w;
                              return bar;
                            })}
                            <text className="us-feedback-chart__value" x={m.x(k.count) + 6} y={barY + BAR_HEIGHT / 2} dy="0.35em">
                              {formatCount(k.count, locale)}
                            </text>
                          </g>
                        );
                      })}
                    </Group>
                  </svg>
                )}
                renderTooltip={(_m, i) => <span>{describe(i)}</span>}
                describe={(_m, i) => describe(i)}
              />
            )
      }
      footer={
        keys.length > shown.length ? (
          <p className="us-feedback-card__note">{formatLabel(l.keysMore, { count: formatCount(keys.length - shown.length, locale) })}</p>
        ) : null
      }
    />
  );
}
