import { forwardRef } from 'react';
import { hostRootProps, rootElementProps, type OwnProps, type RootAttributes } from './root-props';
import { formatCount } from './format';
import { formatLabel } from './format-label';
import { useLabels } from './labels-context';

/** Default strings of {@link LoadProgressNote}. `{loaded}` and `{expected}` are formatted numbers. */
export const loadProgressLabels = {
  /** While a load runs and the source gave an estimate. */
  loadProgress: 'Loaded {loaded} of ~{expected} traces',
  /** While a load runs without an estimate. */
  loadProgressUnknown: 'Loaded {loaded} traces',
};

/** Strings of {@link LoadProgressNote}; see {@link loadProgressLabels}. */
export type LoadProgressLabels = typeof loadProgressLabels;

/** Props of {@link LoadProgressNote}. */
export interface LoadProgressNoteProps extends RootAttributes<HTMLDivElement> {
  /** The running loads' progress (`useLoadProgress()`); `null` shows nothing but keeps the live region. */
  progress: { loaded: number; expected: number | null } | null;
  /** Intl locale of the numbers. */
  locale: string;
  /** Strings. */
  labels?: Partial<LoadProgressLabels>;
}

/** The props of {@link LoadProgressNote} that are not its root element's attributes. */
const LOAD_PROGRESS_NOTE_OWN_PROPS: OwnProps<LoadProgressNoteProps, HTMLDivElement> = {
  progress: true,
  locale: true,
  labels: true,
};

/**
 * "Loaded 3,200 of ~10,000 traces" with a progress bar while a long provider load runs (a determinate bar when the
 * source gave an estimate; the estimate may be passed, then the bar is full). The polite live region is always
 * rendered, so assistive technology announces the first count too.
 */
export const LoadProgressNote = forwardRef<HTMLDivElement, LoadProgressNoteProps>(function LoadProgressNote(props, ref) {
  const { progress, locale, labels } = props;
  const root = hostRootProps(props, LOAD_PROGRESS_NOTE_OWN_PROPS, ref);
  const l = useLabels('loadProgress', loadProgressLabels, labels);
  const message =
    progress === null
      ? null
      : progress.expected === null
        ? formatLabel(l.loadProgressUnknown, { loaded: formatCount(progress.loaded, locale) })
        : formatLabel(l.loadProgress, { loaded: formatCount(progress.loaded, locale), expected: formatCount(progress.expected, locale) });
  const max = progress?.expected == null ? undefined : Math.max(progress.expected, progress.loaded, 1);
  return (
    <div {...rootElementProps(root, { className: 'us-load-progress' })} data-slot="load-progress" data-active={progress !== null} role="status" aria-live="polite">
      {progress !== null ? (
        <>
          <progress className="us-load-progress__bar" max={max} value={max === undefined ? undefined : progress.loaded} aria-hidden="true" />
          <span className="us-load-progress__message">{message}</span>
        </>
      ) : null}
    </div>
  );
});
