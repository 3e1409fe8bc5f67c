import type { ModelStat } from '../../core/results';
import { formatCount, formatDateTime, formatDuration, formatPercent, formatUsd } from '../primitives/format';
import type { ModelUsageLabels } from './labels';
import { OTHER_COLOR } from './model-mix';
import { oneLineText } from '../primitives/display-text';

/** Props of {@link ModelsTable}. */
export interface ModelsTableProps {
  /** Models, most used first. */
  models: readonly ModelStat[];
  /** The colour of each model with a layer of its own in the mix chart; the others show the "other" colour. */
  colors: ReadonlyMap<string, string>;
  /** Locale. */
  locale: string;
  /** Strings. */
  labels: ModelUsageLabels;
}

/**
 * The models a user's traces ran on: share (with a bar), traces, first and last seen, success rate, p95 latency and
 * cost per trace. Each model's swatch matches its layer in the mix chart.
 */
export function ModelsTable({ models, colors, locale, labels: l }: ModelsTableProps) {
  return (
    <div className="us-model-usage__table-scroll" role="region" aria-label={l.modelsTable} tabIndex={0}>
      <table className="us-model-usage__table" data-slot="models-table">
        <caption className="us-visually-hidden">{l.modelsTable}</caption>
        <thead>
          <tr>
            <th scope="col">{l.colModel}</th>
            <th scope="col">{l.colShare}</th>
            <th scope="col">{l.colTraces}</th>
            <th scope="col">{l.colFirstSeen}</th>
            <th scope="col">{l.colLastSeen}</th>
            <th scope="col">{l.colSuccessRate}</th>
            <th scope="col">{l.colLatencyP95Ms}</th>
            <th scope="col">{l.colCostPerTraceUsd}</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.model} data-model={m.model}>
              <th scope="row">
                <span className="us-model-usage__swatch" style={{ background: colors.get(m.model) ?? OTHER_COLOR }} aria-hidden="true" />
                <span className="us-model-usage__model">{oneLineText(m.model)}</span>
              </th>
              <td>
                <span className="us-model-usage__share">
                  <span className="us-model-usage__share-bar" aria-hidden="true">
                    <span style={{ width: `${Math.max(0, Math.min(1, m.share)) * 100}%` }} />
                  </span>
                  {formatPercent(m.share, locale)}
                </span>
              </td>
              <td>{formatCount(m.traceCount, locale)}</td>
              <td>
                <time dateTime={m.firstSeen} title={formatDateTime(m.firstSeen, locale)}>
                  {formatDateTime(m.firstSeen, locale, false)}
                </time>
              </td>
              <td>
                <time dateTime={m.lastSeen} title={formatDateTime(m.lastSeen, locale)}>
                  {formatDateTime(m.lastSeen, locale, false)}
                </time>
              </td>
              <td>{formatPercent(m.successRate, locale)}</td>
              <td>{formatDuration(m.latencyP95Ms, locale)}</td>
              <td>{formatUsd(m.costPerTraceUsd, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
