import { type HeadingLevel } from '../primitives/heading-level';
import { useId } from 'react';
import type { ChangeEvent } from '../../core/results';
import { changeCallout } from '../charts/change-markers';
import { formatLabel } from '../primitives/format-label';
import { formatCount, formatDateTime, formatDuration, formatPercent, formatUsd } from '../primitives/format';
import type { ModelUsageLabels } from './labels';

/** Props of {@link ChangesList}. */
export interface ChangesListProps {
  /** Changes in time order. */
  changes: readonly ChangeEvent[];
  /** Heading level of the list title. */
  headingLevel: HeadingLevel;
  /** Locale. */
  locale: string;
  /** Strings. */
  labels: ModelUsageLabels;
}

/**
 * Every model switch and release, oldest first: what changed and when, before → after success rate, p95 latency,
 * cost per trace and the window sizes compared, then the verdict (the regression callout when the rule flagged it).
 */
export function ChangesList({ changes, headingLevel, locale, labels: l }: ChangesListProps) {
  const Heading = `h${headingLevel}` as const;
  const headingId = useId();
  const pair = (before: string, after: string) => formatLabel(l.beforeAfterValue, { before, after });
  return (
    <div className="us-model-usage__changes" data-slot="changes">
      <Heading id={headingId} className="us-model-usage__subtitle">
        {l.changesTitle}
      </Heading>
      {changes.length === 0 ? (
        <p className="us-model-usage__none">{l.noChanges}</p>
      ) : (
        <ol className="us-change-list" aria-labelledby={headingId}>
          {changes.map((c) => {
            const callout = changeCallout(c, locale, l);
            const what = c.from === null ? formatLabel(l.changeTo, { to: c.to }) : formatLabel(l.changeFromTo, { from: c.from, to: c.to });
            const stats = [
              { key: 'successRate', label: l.colSuccessRate, value: pair(formatPercent(c.before.successRate, locale), formatPercent(c.after.successRate, locale)) },
              { key: 'latency', label: l.colLatencyP95Ms, value: pair(formatDuration(c.before.latencyP95Ms, locale), formatDuration(c.after.latencyP95Ms, locale)) },
              { key: 'cost', label: l.colCostPerTraceUsd, value: pair(formatUsd(c.before.costPerTraceUsd, locale), formatUsd(c.after.costPerTraceUsd, locale)) },
              { key: 'n', label: l.colCompared, value: pair(formatCount(c.before.traceCount, locale), formatCount(c.after.traceCount, locale)) },
            ];
            return (
              <li key={`${c.kind}|${c.at}|${c.to}`} className="us-change" data-kind={c.kind} data-state={c.regression ? 'regression' : 'ok'}>
                <p className="us-change__head">
                  <span className="us-model-usage__kind" data-kind={c.kind}>
                    {c.kind === 'release' ? l.release : l.modelSwitch}
                  </span>{' '}
                  <span className="us-change__what">{what}</span>{' '}
                  <time className="us-change__when" dateTime={c.at}>
                    {formatDateTime(c.at, locale)}
                  </time>
                </p>
                <dl className="us-change__stats">
                  {stats.map((s) => (
                    <div key={s.key}>
                      <dt>{s.label}</dt>
                      <dd>{s.value}</dd>
                    </div>
                  ))}
                </dl>
                <p className="us-change__verdict" data-state={c.regression ? 'regression' : 'ok'}>
                  {callout ?? l.noRegression}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
