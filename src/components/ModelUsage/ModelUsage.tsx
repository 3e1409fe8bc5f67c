import { headingBelow, type HeadingLevel } from '../primitives/heading-level';
import { forwardRef, useId, useMemo } from 'react';
import { hostRootProps, rootElementProps, type OwnProps, type RootAttributes } from '../primitives/root-props';
import type { TimeRange } from '../../core/model';
import { rangeToMs, type MsRange } from '../../core/engine/time';
import type { ChangeEvent, ModelUsage as ModelUsageData } from '../../core/results';
import { changeMarkers, type ChartMarker } from '../charts/change-markers';
import { bucketExtent, snapToBuckets } from '../charts/time-buckets';
import { formatPercent } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import { SectionState } from '../primitives/SectionState';
import { ChangesList } from './ChangesList';
import { modelUsageLabels, type ModelUsageLabels } from './labels';
import { ModelMixChart } from './ModelMixChart';
import { modelColors, modelMix, MODEL_COLORS, OTHER_ID } from './model-mix';
import { ModelsTable } from './ModelsTable';
import { useDeferredProps } from '../primitives/use-deferred-props';
import { useLabels } from '../primitives/labels-context';

/** Props of {@link ModelUsage}. */
export interface ModelUsageProps extends RootAttributes<HTMLElement> {
  /** `getModelUsage` answer; required once `status` is `success`. */
  usage?: ModelUsageData | null;
  /** Query status, as the hooks return it. Default: `success` when `usage` is given, else `pending`. */
  status?: 'pending' | 'error' | 'success';
  /** The error of the `error` state. */
  error?: unknown;
  /** Offered as a Retry button in the error state. */
  onRetry?: () => void;
  /** Visible range of the mix chart (e.g. TrendCharts' zoom), snapped to whole buckets. Default: every bucket. */
  range?: TimeRange;
  /** Called when a marker is activated. */
  onChangeSelect?: (change: ChangeEvent) => void;
  /** Models with their own colour in the mix chart (at most 5); the rest are stacked as "Other models". Default 5. */
  maxModels?: number;
  /**
   * The models whose colours the chart keeps, most used first: pass the models of the page's whole range (e.g. the
   * unzoomed `getModelUsage` answer's `models`) so a zoom never recolours a model. Each model's colour is a hash of its
   * id (see `modelColors`), so it is also the same across ranges unless two models compete for one colour. Default:
   * this answer's models.
   */
  colorModels?: readonly string[];
  /** Fixed chart width, px. Default: the parent's width. */
  width?: number;
  /** Chart height, px. Default 220. */
  height?: number;
  /** Heading level of the section title; sub-titles are one level below. Default 3. */
  headingLevel?: HeadingLevel;
  /**
   * Id of the section title's heading, for a host that names its own landmark with it (`aria-labelledby`), as
   * `UserDetailPage` names its section. The component's `<section>` is then left unnamed, so screen readers meet one
   * region, not two with the same name. Default: a generated id, naming the component's own region.
   */
  headingId?: string;
  /** BCP 47 locale for numbers and dates. Default `en-US`. */
  locale?: string;
  /** Strings. */
  labels?: Partial<ModelUsageLabels>;
}

/** The props of {@link ModelUsage} that are not its root element's attributes. */
const MODEL_USAGE_OWN_PROPS: OwnProps<ModelUsageProps, HTMLElement> = {
  usage: true,
  status: true,
  error: true,
  onRetry: true,
  range: true,
  onChangeSelect: true,
  maxModels: true,
  colorModels: true,
  width: true,
  height: true,
  headingLevel: true,
  headingId: true,
  locale: true,
  labels: true,
};

/**
 * Which models and versions a user's traces ran on: a lead sentence, a table of models (share, first/last seen,
 * success rate, p95 latency, cost per trace), the model mix over time as stacked bars with markers for model switches
 * and releases, and the list of those changes with before/after numbers and the regression verdict.
 * `data-state` is `loading`, `error`, `empty` or `ready`.
 */
export const ModelUsage = forwardRef<HTMLElement, ModelUsageProps>(function ModelUsage(props, ref) {
  const root = hostRootProps(props, MODEL_USAGE_OWN_PROPS, ref);
  const { locale = 'en-US', headingLevel = 3, height = 220 } = props;
  // A new answer draws in a background render (sliced by React), not in the task that delivered it.
  const answer = useDeferredProps({ usage: props.usage, status: props.status });
  const { usage, status = usage ? 'success' : 'pending' } = answer;
  const l: ModelUsageLabels = useLabels('modelUsage', modelUsageLabels, props.labels);
  const maxModels = Math.max(1, Math.min(MODEL_COLORS.length, props.maxModels ?? MODEL_COLORS.length));
  const ownHeadingId = useId();
  const headingId = props.headingId ?? ownHeadingId;
  const colorKey = JSON.stringify([...(props.colorModels ?? []), ...(usage?.models.map((m) => m.model) ?? [])]);
  const colors = useMemo(() => modelColors(JSON.parse(colorKey) as string[]), [colorKey]);
  const mix = useMemo(() => (usage ? modelMix(usage, maxModels, l.other, colors) : null), [usage, maxModels, l.other, colors]);
  const layerColors = useMemo(
    () => new Map((mix?.layers ?? []).filter((layer) => layer.id !== OTHER_ID).map((layer) => [layer.id, layer.color])),
    [mix],
  );
  const changes = usage?.changes;
  const markers = useMemo(() => changeMarkers(changes ?? [], locale, l), [changes, locale, l]);
  const g = usage?.granularity ?? 'day';
  const rangeFrom = props.range?.from;
  const rangeTo = props.range?.to;
  const domain = useMemo<MsRange | null>(() => {
    if (rangeFrom !== undefined && rangeTo !== undefined) return snapToBuckets(rangeToMs({ from: rangeFrom, to: rangeTo }), g);
    return mix ? bucketExtent(mix.starts, g) : null;
  }, [rangeFrom, rangeTo, g, mix]);

  const sectionProps = { ...rootElementProps(root, { className: 'us-model-usage' }), 'data-slot': 'model-usage', 'aria-labelledby': props.headingId ? undefined : headingId };
  const Heading = `h${headingLevel}` as const;
  const sub = headingBelow(headingLevel);
  const heading = (
    <Heading id={headingId} className="us-model-usage__title">
      {l.title}
    </Heading>
  );
  if (status === 'error' || (status === 'success' && !usage)) {
    return (
      <section {...sectionProps} data-state="error">
        {heading}
        <SectionState state="error" error={props.error} onRetry={props.onRetry} labels={{ error: l.error, retry: l.retry }} />
      </section>
    );
  }
  if (status === 'pending' || !usage || !mix) {
    return (
      <section {...sectionProps} data-state="loading" aria-busy="true">
        {heading}
        <SectionState state="loading" labels={{ loading: l.loading }} />
      </section>
    );
  }
  const top = usage.models[0];
  if (!top || !domain) {
    return (
      <section {...sectionProps} data-state="empty">
        {heading}
        <SectionState state="empty" message={l.noTraces} />
      </section>
    );
  }
  const onMarkerSelect = props.onChangeSelect
    ? (marker: ChartMarker) => {
        const change = usage.changes[markers.indexOf(marker)];
        if (change) props.onChangeSelect?.(change);
      }
    : undefined;
  return (
    <section {...sectionProps} data-state="ready">
      {heading}
      <p className="us-model-usage__summary">
        {usage.models.length === 1
          ? formatLabel(l.summaryOne, { model: top.model })
          : formatLabel(l.summary, { count: usage.models.length, model: top.model, share: formatPercent(top.share, locale) })}
      </p>
      <ModelsTable models={usage.models} colors={layerColors} locale={locale} labels={l} />
      <ModelMixChart
        usage={usage}
        mix={mix}
        domain={domain}
        markers={markers}
        width={props.width}
        height={height}
        headingLevel={sub}
        onMarkerSelect={onMarkerSelect}
        locale={locale}
        labels={l}
      />
      <ChangesList changes={usage.changes} headingLevel={sub} locale={locale} labels={l} />
    </section>
  );
});
