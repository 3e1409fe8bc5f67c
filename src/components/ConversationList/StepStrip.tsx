import type { TraceStatus } from '../../core/model';

/** Props of {@link StepStrip}. */
export interface StepStripProps {
  /** Status of each trace, in step order. */
  steps: readonly TraceStatus[];
  /** Text alternative, e.g. "5 steps, 1 failed". */
  label: string;
  /** Most segments drawn; longer conversations are grouped so a segment is failed when any step in it failed. */
  maxSegments?: number;
}

const SEGMENT = 6;
const GAP = 2;
const HEIGHT = 14;
const OK_HEIGHT = 8;

/**
 * Groups `steps` into at most `max` segments of consecutive steps (as even as possible); a segment is `error` when
 * any of its steps failed, so no failure disappears when a long conversation is compressed.
 */
export function stepSegments(steps: readonly TraceStatus[], max: number): TraceStatus[] {
  if (steps.length <= max) return [...steps];
  const out: TraceStatus[] = [];
  for (let s = 0; s < max; s++) {
    const from = Math.floor((s * steps.length) / max);
    const to = Math.floor(((s + 1) * steps.length) / max);
    let status: TraceStatus = 'ok';
    for (let i = from; i < to; i++) if (steps[i] === 'error') status = 'error';
    out.push(status);
  }
  return out;
}

/**
 * A compact strip with one mark per step: failed steps are tall danger-coloured bars, successful ones short bars,
 * so shape tells them apart as well as colour. It is an image whose text alternative is `label`.
 */
export function StepStrip({ steps, label, maxSegments = 24 }: StepStripProps) {
  const segments = stepSegments(steps, maxSegments);
  const width = Math.max(SEGMENT, segments.length * (SEGMENT + GAP) - GAP);
  return (
    <svg className="us-step-strip" data-slot="step-strip" role="img" aria-label={label} width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`}>
      {segments.map((status, i) => (
        <rect
          key={i}
          className="us-step-strip__step"
          data-state={status}
          x={i * (SEGMENT + GAP)}
          y={status === 'error' ? 0 : (HEIGHT - OK_HEIGHT) / 2}
          width={SEGMENT}
          height={status === 'error' ? HEIGHT : OK_HEIGHT}
          rx={1.5}
        />
      ))}
    </svg>
  );
}
