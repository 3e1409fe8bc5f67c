import { type HeadingLevel } from '../primitives/heading-level';
import { forwardRef, useId, useMemo } from 'react';
import { hostRootProps, rootElementProps, type OwnProps, type RootAttributes } from '../primitives/root-props';
import type { DistributionBin, DistributionMetric, UsersDistribution as Distribution } from '../../core/results';
import { ChartDataTable } from '../charts/ChartDataTable';
import { formatCount } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import type { ListLoadProps } from '../primitives/list-props';
import { SectionState } from '../primitives/SectionState';
import { DISTRIBUTION_METRICS } from '../../core/engine/distribution';
import { binEdges, metricName } from './distribution-format';
import { usersDistributionLabels, type UsersDistributionLabels } from './labels';
import { useLabels } from '../primitives/labels-context';

/** Props of {@link UsersDistribution}. */
export interface UsersDistributionProps extends Pick<ListLoadProps, 'status' | 'isFetching' | 'error' | 'onRetry'>, RootAttributes<HTMLElement> {
  /**
   * The binned population. `null` means unknown (e.g. the provider has no `getUsersDistribution` and the range has
   * more users than the hook's fallback reads); `undefined` while loading.
   */
  distribution: Distribution | null | undefined;
  /** The measure shown; the picker offers cost, traces, error rate and p95 latency. */
  metric: DistributionMetric;
  /** Picks another measure. */
  onMetricChange: (metric: DistributionMetric) => void;
  /** Index of the highlighted bin (e.g. the one whose users the list shows); `null` for none. */
  selectedBin?: number | null;
  /** Called when a bar is activated (click, Enter, Space). Without it the bars are not buttons. */
  onBinSelect?: (bin: DistributionBin, index: number) => void;
  /** Level of the section heading. Default 3. */
  headingLevel?: HeadingLevel;
  /** Height of the bars area in px. Default 120. */
  height?: number;
  /** Intl locale. Default `en-US`. */
  locale?: string;
  /** Strings. */
  labels?: Partial<UsersDistributionLabels>;
}

/** The props of {@link UsersDistribution} that are not its root element's attributes. */
const USERS_DISTRIBUTION_OWN_PROPS: OwnProps<UsersDistributionProps, HTMLElement> = {
  distribution: true,
  metric: true,
  onMetricChange: true,
  selectedBin: true,
  onBinSelect: true,
  headingLevel: true,
  height: true,
  locale: true,
  labels: true,
  status: true,
  isFetching: true,
  error: true,
  onRetry: true,
};

/**
 * The population of a range as a histogram of users by one measure (cost, traces, error rate or p95 latency), with
 * a measure picker. Each bar is a button named by its range and count ("$0.40 to $0.80: 14 users"), pressed when
 * selected; users whose value is unknown are counted under the bars, never binned as 0. "View as table" shows the
 * same bins as a table. Presentational: the distribution comes in through props (see `useUsersDistribution`),
 * choices go out through callbacks. Loading, error (with Retry), empty and unknown states.
 */
export const UsersDistribution = forwardRef<HTMLElement, UsersDistributionProps>(function UsersDistribution(props, ref) {
  const root = hostRootProps(props, USERS_DISTRIBUTION_OWN_PROPS, ref);
  const { distribution, metric, status = 'success', locale = 'en-US', headingLevel = 3, height = 120 } = props;
  const l = useLabels('usersDistribution', usersDistributionLabels, props.labels);
  const titleId = useId();
  const name = metricName(metric, l);
  const lowerName = l.metricInSentence(name, locale);
  const Heading = `h${headingLevel}` as 'h3';
  const state = status === 'pending' ? 'loading' : status === 'error' ? 'error' : distribution === null ? 'unknown' : distribution?.bins.length ? 'ready' : 'empty';
  return (
    <section
      {...rootElementProps(root, { className: 'us-distribution' })}
      data-slot="users-distribution"
      data-state={state}
      aria-labelledby={titleId}
      aria-busy={status === 'pending' || props.isFetching ? true : undefined}
    >
      <div className="us-distribution__header">
        <Heading id={titleId} className="us-distribution__title">
          {formatLabel(l.title, { metric: lowerName })}
        </Heading>
        <div className="us-distribution__metrics" role="group" aria-label={l.metricPicker}>
          {DISTRIBUTION_METRICS.map((m) => (
            <button
              key={m}
              type="button"
              className="us-button"
              data-size="sm"
              aria-pressed={m === metric}
              onClick={() => props.onMetricChange(m)}
            >
              {metricName(m, l)}
            </button>
          ))}
        </div>
      </div>
      {state === 'loading' ? <SectionState state="loading" message={l.loading} /> : null}
      {state === 'error' ? <SectionState state="error" error={props.error} onRetry={props.onRetry} message={l.error} labels={{ retry: l.retry }} /> : null}
      {state === 'unknown' ? <SectionState state="empty" message={l.tooLarge} /> : null}
      {state === 'empty' ? (
        <SectionState state="empty" message={distribution?.unknownCount ? formatLabel(l.empty, { metric: lowerName }) : l.emptyRange} />
      ) : null}
      {state === 'ready' && distribution ? (
        <DistributionBars
          distribution={distribution}
          metric={metric}
          selectedBin={props.selectedBin ?? null}
          onBinSelect={props.onBinSelect}
          height={height}
          locale={locale}
          labels={l}
          lowerName={lowerName}
        />
      ) : null}
    </section>
  );
});

interface DistributionBarsProps {
  distribution: Distribution;
  metric: DistributionMetric;
  selectedBin: number | null;
  onBinSelect?: (bin: DistributionBin, index: number) => void;
  height: number;
  locale: string;
  labels: UsersDistributionLabels;
  lowerName: string;
}

/** The bars, the axis labels, the unknown count and the table alternative. */
function DistributionBars({ distribution, metric, selectedBin, onBinSelect, height, locale, labels: l, lowerName }: DistributionBarsProps) {
  const { bins } = distribution;
  const max = Math.max(1, ...bins.map((b) => b.userCount));
  const first = bins[0] as DistributionBin;
  const last = bins[bins.length - 1] as DistributionBin;
  const barName = (bin: DistributionBin) =>
    formatLabel(bin.userCount === 1 ? l.barOne : l.bar, { ...binEdges(metric, bin, locale), users: formatCount(bin.userCount, locale) });
  const { userCount, unknownCount } = distribution;
  return (
    <>
      <div className="us-distribution__plot">
        <span className="us-distribution__max" aria-hidden="true">
          {formatLabel(l.axisMax, { users: formatCount(max, locale) })}
        </span>
        <div
          className="us-distribution__bars"
          role="group"
          aria-label={formatLabel(l.barsLabel, { metric: lowerName })}
          style={{ height }}
        >
          {bins.map((bin, index) => {
            const barStyle = { height: `${(bin.userCount / max) * 100}%` };
            const key = `${bin.from}-${bin.to}`;
            return onBinSelect ? (
              <button
                key={key}
                type="button"
                className="us-distribution__bin"
                aria-label={barName(bin)}
                aria-pressed={selectedBin === index}
                title={barName(bin)}
                disabled={bin.userCount === 0}
                onClick={() => onBinSelect(bin, index)}
              >
                <span className="us-distribution__bar" style={barStyle} />
              </button>
            ) : (
              <span
                key={key}
                className="us-distribution__bin"
                role="img"
                aria-label={barName(bin)}
                title={barName(bin)}
                data-empty={bin.userCount === 0 ? '' : undefined}
              >
                <span className="us-distribution__bar" style={barStyle} />
              </span>
            );
          })}
        </div>
        <div className="us-distribution__axis" aria-hidden="true">
          <span>{binEdges(metric, first, locale).from}</span>
          <span>{binEdges(metric, last, locale).to}</span>
        </div>
      </div>
      <p className="us-distribution__note">
        {formatLabel(userCount === 1 ? l.totalOne : l.total, { users: formatCount(userCount, locale) })}
        {unknownCount > 0
          ? ` · ${formatLabel(unknownCount === 1 ? l.unknownOne : l.unknown, { users: formatCount(unknownCount, locale), metric: lowerName })}`
          : null}
      </p>
      <ChartDataTable
        caption={formatLabel(l.title, { metric: lowerName })}
        columns={[
          { id: 'range', label: l.columnRange, align: 'start' },
          { id: 'users', label: l.columnUsers },
        ]}
        getRows={() =>
          bins.map((bin) => {
            const edges = binEdges(metric, bin, locale);
            return { key: `${bin.from}-${bin.to}`, cells: [`${edges.from} – ${edges.to}`, formatCount(bin.userCount, locale)] };
          })
        }
        labels={{ viewTable: l.viewTable, hideTable: l.hideTable }}
      />
    </>
  );
}
