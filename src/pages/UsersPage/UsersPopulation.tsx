import { useState } from 'react';
import type { HeadingLevel } from '../../components/primitives/heading-level';
import type { MetadataValue, TimeRange } from '../../core/model';
import type { DistributionMetric } from '../../core/results';
import { binRange } from '../../core/params-filters';
import { formatLabel } from '../../components/primitives/format-label';
import { useContextLabels } from '../UserDetailPage/use-context-labels';
import { binEdges, metricName } from '../../components/UsersDistribution/distribution-format';
import { usersDistributionLabels } from '../../components/UsersDistribution/labels';
import { UsersDistribution } from '../../components/UsersDistribution/UsersDistribution';
import { userSegmentsLabels } from '../../components/UserSegments/labels';
import { UserSegments } from '../../components/UserSegments/UserSegments';
import { useUsersDistribution, useUsersSegments } from '../../hooks/population-hooks';
import { useUserscope } from '../../hooks/userscope-provider';
import type { UsersPageLabels } from './users-page-labels';
import type { UsersView } from '../../hooks/users-view';

/** Props of {@link UsersPopulation}. */
export interface UsersPopulationProps {
  /** The resolved range of the page. */
  range: TimeRange;
  /** The page's view (filters, the picked bar). */
  view: UsersView;
  /** Changes the view; `resetPage` goes back to page 1. */
  update: (patch: Partial<UsersView>, resetPage?: boolean) => void;
  /** Metadata keys offered for segments (the discovered filters). */
  segmentKeys: readonly string[];
  /** The keys are still being discovered (the sample of active users has not answered). */
  segmentKeysPending: boolean;
  /** Header of a metadata key. */
  keyLabel: (key: string) => string;
  /** Level of the sections' headings. */
  headingLevel: HeadingLevel;
  /** Page strings. */
  labels: UsersPageLabels;
}

/**
 * The population above the users list: the distribution of users by a measure (a bar filters the list to its users;
 * picking it again removes the filter) and the segments by a metadata key (a segment filters the list).
 */
export function UsersPopulation({ range, view, update, segmentKeys, segmentKeysPending, keyLabel, headingLevel, labels: l }: UsersPopulationProps) {
  const { locale } = useUserscope();
  const distributionLabels = useContextLabels(usersDistributionLabels, 'usersDistribution');
  const segmentsLabels = useContextLabels(userSegmentsLabels, 'userSegments');
  const measure = view.measure ?? null;
  const [metric, setMetric] = useState<DistributionMetric>(measure?.metric ?? 'costUsd');
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const segmentKey = chosenKey !== null && segmentKeys.includes(chosenKey) ? chosenKey : (segmentKeys[0] ?? null);

  const distribution = useUsersDistribution({ range, metric }, { keepPreviousData: true });
  const segments = useUsersSegments({ range, key: segmentKey ?? '' }, { enabled: segmentKey !== null, keepPreviousData: true });

  const bins = distribution.data?.bins ?? [];
  const selectedBin = measure?.metric === metric ? bins.findIndex((b) => b.from === measure.bin.from && b.to === measure.bin.to) : -1;
  const note =
    measure === null
      ? null
      : formatLabel(l.binFiltered, {
          metric: distributionLabels.metricInSentence(metricName(measure.metric, distributionLabels), locale),
          ...binEdges(measure.metric, measure.bin, locale),
        });

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
          onBinSelect={(bin, index) =>
            update({ measure: index === selectedBin ? null : { metric, range: binRange(bins, index), bin: { from: bin.from, to: bin.to } } }, true)
          }
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
        status={segmentKey === null ? (segmentKeysPending ? 'pending' : 'success') : segments.status}
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
