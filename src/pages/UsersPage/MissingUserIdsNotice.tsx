import { useId } from 'react';
import type { HeadingLevel } from '../../components/primitives/heading-level';
import { formatCount, formatPercent } from '../../components/primitives/format';
import { formatLabel } from '../../components/primitives/format-label';
import { safeHref } from '../../components/primitives/safe-href';
import { attributedShare } from '../../hooks/attributed-share';
import type { UsersPageLabels } from './users-page-labels';
import type { UsersOverviewTotals } from '../../hooks/users-overview';

/** Props of {@link MissingUserIdsNotice}. */
export interface MissingUserIdsNoticeProps {
  /** The range's totals; the notice reads `traceCount` (attributed) and `unattributedTraceCount`. */
  summary: Pick<UsersOverviewTotals, 'traceCount' | 'unattributedTraceCount'>;
  /** Where the conventions for user ids are documented; without it the notice names the document instead. */
  docsHref?: string;
  /** Level of the notice's heading. */
  headingLevel: HeadingLevel;
  /** Strings. */
  labels: UsersPageLabels;
  /** Intl locale. */
  locale: string;
}

/** How each instrumentation attaches a user id: the tool and the exact key. */
const USER_ID_KEYS: readonly { tool: keyof UsersPageLabels; key: string; how: keyof UsersPageLabels }[] = [
  { tool: 'userIdOtel', key: 'user.id', how: 'userIdOtelHow' },
  { tool: 'userIdLangfuse', key: 'userId', how: 'userIdLangfuseHow' },
  { tool: 'userIdOpenLlmetry', key: 'traceloop.association.properties.user_id', how: 'userIdOpenLlmetryHow' },
  { tool: 'userIdVercel', key: 'experimental_telemetry.metadata.userId', how: 'userIdVercelHow' },
];

/**
 * "Why is this empty?": shown when a range has traces but few or none carry a user id. Says how many do, and how to
 * attach one with OpenTelemetry, Langfuse, OpenLLMetry and the Vercel AI SDK, linking the conventions.
 */
export function MissingUserIdsNotice({ summary, docsHref, headingLevel, labels: l, locale }: MissingUserIdsNoticeProps) {
  const attributed = summary.traceCount ?? 0;
  const all = attributed + (summary.unattributedTraceCount ?? 0);
  const none = attributed === 0;
  const Heading = `h${headingLevel}` as 'h3';
  const href = safeHref(docsHref);
  const titleId = useId();
  return (
    <section className="us-missing-ids" data-slot="missing-user-ids" data-state={none ? 'none' : 'low'} aria-labelledby={titleId}>
      <Heading id={titleId} className="us-missing-ids__title">
        {none ? l.missingIdsTitleNone : l.missingIdsTitleLow}
      </Heading>
      <p className="us-missing-ids__message">
        {none
          ? formatLabel(l.missingIdsNone, { total: formatCount(all, locale) })
          : formatLabel(l.missingIdsLow, {
              share: formatPercent(attributedShare(summary), locale),
              attributed: formatCount(attributed, locale),
              total: formatCount(all, locale),
            })}
      </p>
      <p className="us-missing-ids__message">{l.missingIdsHow}</p>
      <dl className="us-missing-ids__keys">
        {USER_ID_KEYS.map((item) => (
          <div key={item.key} className="us-missing-ids__key">
            <dt>{l[item.tool]}</dt>
            <dd>
              <code>{item.key}</code> <span className="us-missing-ids__how">{l[item.how]}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="us-missing-ids__docs">
        {href ? (
          <a href={href} className="us-missing-ids__link">
            {l.missingIdsDocs}
          </a>
        ) : (
          formatLabel(l.missingIdsDocsText, { doc: 'docs/adapters.md' })
        )}
      </p>
    </section>
  );
}
