import { flaggedRegressions } from '../../core/engine/change-callout';
import type { ChangeEvent } from '../../core/results';
import { changeCallout } from '../charts/change-markers';
import type { TrendChartsLabels } from './labels';

/** Props of {@link RegressionCallouts}. */
export interface RegressionCalloutsProps {
  /** Every change; only flagged regressions get a callout. */
  changes: readonly ChangeEvent[];
  /** Locale. */
  locale: string;
  /** Strings. */
  labels: TrendChartsLabels;
}

/**
 * One callout per change the regression rule flagged (one per group of changes too close to tell apart), e.g.
 * "Success rate fell from 97% to 84% after the switch from gpt-4o-mini to gpt-4.1 on Nov 12 (n = 200 → 200)".
 * Nothing when no change is flagged.
 */
export function RegressionCallouts({ changes, locale, labels: l }: RegressionCalloutsProps) {
  // Changes too close to tell apart share one verdict: one callout for the group, naming every change in it.
  const callouts = flaggedRegressions(changes).flatMap((change) => {
    const text = changeCallout(change, locale, l);
    return text ? [{ key: `${change.kind}|${change.at}|${change.to}`, text, kind: change.kind }] : [];
  });
  if (callouts.length === 0) return null;
  return (
    <ul className="us-callouts" data-slot="regression-callouts" aria-label={l.callouts}>
      {callouts.map((c) => (
        <li key={c.key} className="us-callout" data-tone="danger" data-kind={c.kind}>
          <span className="us-callout__icon" aria-hidden="true">
            !
          </span>
          <span>{c.text}</span>
        </li>
      ))}
    </ul>
  );
}
