import type { ReactNode } from 'react';

/** Whether a feedback score counts as positive (≥ 0.5, as the engine's `positiveCount`), negative, or is missing. */
export type ScoreTone = 'positive' | 'negative' | 'none';

/** The tone of a normalised 0..1 score: positive from 0.5 on, as in docs/metrics.md. */
export function scoreTone(score: number | null | undefined): ScoreTone {
  if (typeof score !== 'number' || !Number.isFinite(score)) return 'none';
  return score >= 0.5 ? 'positive' : 'negative';
}

/** Props of {@link ScorePill}. */
export interface ScorePillProps {
  /** Colours the pill: green when positive, red when negative, neutral when unscored. */
  tone: ScoreTone;
  /** `data-slot`, for hosts' styles and tests. */
  slot: string;
  /** `data-kind`, e.g. the kind of feedback value shown. */
  kind?: string;
  /** The text (and icon); it must carry the meaning on its own, since the colour only repeats it. */
  children: ReactNode;
}

/**
 * A feedback score or value in a rounded pill, toned by `data-tone` (`positive`, `negative`, `none`). FeedbackPanel's
 * comments and the trace table show scores with it.
 */
export function ScorePill({ tone, slot, kind, children }: ScorePillProps) {
  return (
    <span className="us-score-pill" data-slot={slot} data-tone={tone} data-kind={kind}>
      {children}
    </span>
  );
}
