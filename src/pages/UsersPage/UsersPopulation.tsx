import { useMemo, useState } from 'react';
import type { MetadataValue, TimeRange } from '../../core/model';
import type { DistributionMetric } from '../../core/results';
import { formatCount } from '../../components/primitives/format';
import { formatLabel, mergeLabels } from '../../components/primitives/format-label';
import { binEdges, metricName } from '../../components/UsersDistribution/distribution-format';
import { usersDistributionLabels } from '../../components/UsersDistribution/labels';
import { UsersDistribution } from '../../components/UsersDistribution/UsersDistribution';
import { userSegmentsLabels } from '../../components/UserSegments/labels';
import { UserSegments } from '../../components/UserSegments/UserSegments';
import { useUsersDistribution, useUsersSegments } from '../../hooks/population-hooks';
import { useUserscope } from '../../hooks/userscope-provider';
import { binRows, isSortedFor, pageOfRow, sortingFor, type BinSelection } from './bin-selection';
import type { UsersPageLabels } from './users-page-labels';
import type { UsersView } from './users-view';

/** Props of {@link UsersPopulation}. */
export interface UsersPopulationProps {
  /** The resolved range of the page. */
  range: TimeRange;
  /** The page's view (sorting, filters, page). */
  view: UsersView;
  /** Changes the view; `resetPage` goes back to page 1. */
  update: (patch: Partial<UsersView>, resetPage?: boolean) => void;
  /** Search, filters or the attention toggle narrow the list. */
  filtered: boolean;
  /** Metadata keys offered for segments (the discovered filters). */
  segmentKeys: readonly string[];
  /** Header of a metadata key. */
  keyLabel: (key: string) => string;
  /** Level of the sections' headings. */
  headingLevel: 2 | 3 | 4;
  /** Page strings. */
  labels: UsersPageLabels;
}

/**
 * The population above the users list: the distribution of users by a measure (a bar sorts the list by it and
 * opens the page where the bar's users start) and the segments by a metadata key (a segment filters the list).
 */
export function UsersPopulation({ range, view, update, filtered, segmentKeys, keyLabel, headingLevel, labels: l }: UsersPopulationProps) {
  const { locale, labels: contextLabels } = useUserscope();
  const distributionLabels = useMemo(() => mergeLabels(usersDistributionLabels, contextLabels, 'usersDistribution', undefined), [contextLabels]);
  const segmentsLabels = useMemo(() => mergeLabels(userSegmentsLabels, contextLabels, 'userSegments', undefined), [contextLabels]);
  const [metric, setMetric] = useState<DistributionMetric>('costUsd');
  const [picked, setPicked] = useState<BinSelection | null>(null);
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const segmentKey = chosenKey !== null && segmentKeys.includes(chosenKey) ? chosenKey : (segmentKeys[0] ?? null);

  const distribution = useUsersDistribution({ range, metric }, { keepPreviousData: true });
  const segments = useUsersSegments({ range, key: segmentKey ?? '' }, { enabled: segmentKey !== null, keepPreviousData: true });

  const bins = distribution.data?.bins ?? [];
  const selection = picked && picked.metric === metric && isSortedFor(view.sorting, metric) ? picked : null;
  const selectedBin = selection ? bins.findIndex((b) => b.from === selection.from && b.to === selection.to) : -1;
  const selectedBinData = selectedBin === -1 ? undefined : bins[selectedBin];

  let note: string | null = null;
  if (selection && selectedBinData) {
    const sortedBy = formatLabel(l.binSorted, { metric: metricName(metric, distributionLabels).toLocaleLowerCase(locale) });
    const rows = binRows(bins, selectedBin);
    note = filtered
      ? `${sortedBy} ${l.binFiltered}`
      : `${sortedBy} ${formatLabel(l.binRows, {
          ...binEdges(metric, selectedBinData, locale),
          first: formatCount(rows.first + 1, locale),
          last: formatCount(rows.last + 1, locale),
        })}`;
  }

  const filterValues = segmentKey === null ? undefined : view.filters[segmentKey];
  const selectedValue: MetadataValue | undefined = filterValues?.length === 1 ? filterValues[0] : undefined;

  return (
    <div className="us-users-page__population" data-slot="users-population">
      <div className="us-users-page__distribution">
        <UsersDistribution
          distribution={distribution.data}
          status={distribution.status}
          isFetching={distribution.isFetching}
          error={distribution.error}
          onRetry={distribution.refetch}
          metric={metric}
          onMetricChange={setMetric}
          selectedBin={selectedBin === -1 ? null : selectedBin}
          onBinSelect={(bin, index) => {
            setPicked({ metric, from: bin.from, to: bin.to });
            const sorting = sortingFor(metric);
            if (filtered) update({ sorting }, true);
            else update({ sorting, pagination: pageOfRow(binRows(bins, index).first, view.pagination) });
          }}
          headingLevel={headingLevel}
          locale={locale}
          labels={distributionLabels}
        />
        <p className="us-users-page__bin-note" role="status">
          {note}
        </p>
      </div>
      <UserSegments
        segments={segments.data}
        status={segments.status}
        isFetching={segments.isFetching}
        error={segments.error}
        onRetry={segments.refetch}
        keys={segmentKeys}
        selectedKey={segmentKey}
        onKeyChange={setChosenKey}
        keyLabel={keyLabel}
        selectedValue={selectedValue}
        onSegmentSelect={(value) => segmentKey !== null && update({ filters: { ...view.filters, [segmentKey]: [value] } }, true)}
        headingLevel={headingLevel}
        locale={locale}
        labels={segmentsLabels}
      />
    </div>
  );
}
