import { type HeadingLevel } from '../primitives/heading-level';
import { forwardRef, useId, useState } from 'react';
import { hostRootProps, rootElementProps, type OwnProps, type RootAttributes } from '../primitives/root-props';
import type { User } from '../../core/model';
import type { Cohort } from '../../core/results';
import { Avatar } from '../primitives/Avatar';
import { CopyButton } from '../primitives/CopyButton';
import { formatDateTime, formatRelative } from '../primitives/format';
import { MetadataChip, metadataValueText, oneLineText, truncateText } from '../primitives/MetadataChip';
import { SectionState } from '../primitives/SectionState';
import { userHeaderLabels, type UserHeaderLabels } from './labels';
import { DEFAULT_PRIORITY_KEYS, orderMetadata, sameCohort } from './metadata-entries';
import { useControllableState } from '../../hooks/use-controllable-state';
import { useLabels } from '../primitives/labels-context';

/** Longest name or id rendered before "…" (CSS truncates further to fit; the full text is on hover). */
const MAX_NAME = 120;
/** Longest metadata key or value inside a sentence (compare action, comparing line). */
const MAX_CHIP_TEXT = 80;

/** Props of {@link UserHeader}. */
export interface UserHeaderProps extends RootAttributes<HTMLElement> {
  /** The user; required once `status` is `success`. */
  user?: User | null;
  /** Query status, as the hooks return it. Default: `success` when `user` is given, else `pending`. */
  status?: 'pending' | 'error' | 'success';
  /** The error of the `error` state. */
  error?: unknown;
  /** Offered as a Retry button in the error state. */
  onRetry?: () => void;
  /** Selected cohort (controlled). `null` = none. */
  cohort?: Cohort | null;
  /** Initial cohort when uncontrolled. Default `null`. */
  defaultCohort?: Cohort | null;
  /** Called when a chip selects or clears a cohort. */
  onCohortChange?: (cohort: Cohort | null) => void;
  /** Whether metadata chips offer the cohort comparison (pass `useCapabilities().cohorts`). Default true. */
  cohortsEnabled?: boolean;
  /** Metadata keys shown first, in order. Default `['plan', 'tier', 'region']`. */
  priorityKeys?: readonly string[];
  /** Chips shown before "Show N more". Default 8. */
  maxVisibleChips?: number;
  /** "Now" for relative times (epoch ms). Default: the time of render. */
  now?: number;
  /** BCP 47 locale for dates. Default `en-US`. */
  locale?: string;
  /** Heading level of the user's name. Default 2. */
  headingLevel?: HeadingLevel;
  /**
   * Id of the user's name heading, for a host that names its own landmark with it (`aria-labelledby`), as
   * `UserDetailPage` names its section. The component's `<section>` is then left unnamed, so screen readers meet one
   * region, not two with the same name. Default: a generated id, naming the component's own region.
   */
  headingId?: string;
  /** Strings. */
  labels?: Partial<UserHeaderLabels>;
}

/** The props of {@link UserHeader} that are not its root element's attributes. */
const USER_HEADER_OWN_PROPS: OwnProps<UserHeaderProps, HTMLElement> = {
  user: true,
  status: true,
  error: true,
  onRetry: true,
  cohort: true,
  defaultCohort: true,
  onCohortChange: true,
  cohortsEnabled: true,
  priorityKeys: true,
  maxVisibleChips: true,
  now: true,
  locale: true,
  headingLevel: true,
  headingId: true,
  labels: true,
};

interface SeenProps {
  iso: string | undefined;
  now: number;
  locale: string;
}

/** A relative time with the absolute UTC time on hover and for screen readers. */
function Seen({ iso, now, locale }: SeenProps) {
  const absolute = formatDateTime(iso, locale);
  if (!iso) return <>{absolute}</>;
  return (
    <>
      <time dateTime={iso} title={absolute}>
        {formatRelative(iso, now, locale)}
      </time>
      <span className="us-visually-hidden"> ({absolute})</span>
    </>
  );
}

/**
 * The top of the user detail page: avatar initials, display name, id and email with copy buttons, first and last
 * seen (relative, absolute on hover), and metadata as labelled chips (plan, tier, region first). Each chip toggles
 * the comparison with its cohort (`cohort` / `defaultCohort` / `onCohortChange`). `data-state` is `loading`,
 * `error` or `ready`; user text is rendered as text only.
 */
export const UserHeader = forwardRef<HTMLElement, UserHeaderProps>(function UserHeader(props, ref) {
  const {
  user,
  status = user ? 'success' : 'pending',
  error,
  onRetry,
  cohort: cohortProp,
  defaultCohort = null,
  onCohortChange,
  cohortsEnabled = true,
  priorityKeys = DEFAULT_PRIORITY_KEYS,
  maxVisibleChips = 8,
  now = Date.now(),
  locale = 'en-US',
  headingLevel = 2,
  headingId: hostHeadingId,
  labels,
} = props;
  const root = hostRootProps(props, USER_HEADER_OWN_PROPS, ref);
  const l: UserHeaderLabels = useLabels('userHeader', userHeaderLabels, labels);
  const [cohort, setCohort] = useControllableState({ value: cohortProp, defaultValue: defaultCohort, onChange: onCohortChange });
  const [expanded, setExpanded] = useState(false);
  const ownHeadingId = useId();
  const headingId = hostHeadingId ?? ownHeadingId;
  const metadataTitleId = useId();

  if (status === 'error' || (status === 'success' && !user)) {
    return (
      <section {...rootElementProps(root, { className: 'us-user-header' })} data-slot="user-header" data-state="error">
        <SectionState state="error" error={error} onRetry={onRetry} labels={{ error: l.error, retry: l.retry }} />
      </section>
    );
  }
  if (status === 'pending' || !user) {
    return (
      <section {...rootElementProps(root, { className: 'us-user-header' })} data-slot="user-header" data-state="loading" aria-busy="true">
        <SectionState state="loading" labels={{ loading: l.loading }} />
      </section>
    );
  }

  const Heading = `h${headingLevel}` as const;
  const name = oneLineText(user.displayName ?? '') || user.id;
  const chipLabels = { empty: l.emptyValue, notSet: l.notSet };
  const entries = orderMetadata(user.metadata, priorityKeys);
  const hiddenCount = expanded ? 0 : Math.max(0, entries.length - maxVisibleChips);
  const shown = hiddenCount > 0 ? entries.slice(0, maxVisibleChips) : entries;
  const valueText = (value: Cohort['value']) => truncateText(metadataValueText(value, chipLabels), MAX_CHIP_TEXT);
  const keyText = (key: string) => truncateText(oneLineText(key), MAX_CHIP_TEXT);

  return (
    <section {...rootElementProps(root, { className: 'us-user-header' })} data-slot="user-header" data-state="ready" aria-labelledby={hostHeadingId ? undefined : headingId}>
      <div className="us-user-header__identity">
        <Avatar user={user} locale={locale} />
        <div className="us-user-header__names">
          <Heading id={headingId} className="us-user-header__name" title={name}>
            {truncateText(name, MAX_NAME)}
          </Heading>
          <dl className="us-user-header__facts">
            <div className="us-user-header__fact" data-slot="user-id">
              <dt>{l.userId}</dt>
              <dd>
                <code className="us-user-header__id" title={user.id}>
                  {truncateText(oneLineText(user.id), MAX_NAME)}
                </code>
                <CopyButton value={user.id} label={l.copyId} labels={{ copied: l.copied, failed: l.copyFailed }} />
              </dd>
            </div>
            {user.email ? (
              <div className="us-user-header__fact" data-slot="email">
                <dt>{l.email}</dt>
                <dd>
                  <span className="us-user-header__email" title={user.email}>
                    {truncateText(oneLineText(user.email), MAX_NAME)}
                  </span>
                  <CopyButton value={user.email} label={l.copyEmail} labels={{ copied: l.copied, failed: l.copyFailed }} />
                </dd>
              </div>
            ) : null}
            <div className="us-user-header__fact" data-slot="first-seen">
              <dt>{l.firstSeen}</dt>
              <dd>
                <Seen iso={user.firstSeen} now={now} locale={locale} />
              </dd>
            </div>
            <div className="us-user-header__fact" data-slot="last-seen">
              <dt>{l.lastSeen}</dt>
              <dd>
                <Seen iso={user.lastSeen} now={now} locale={locale} />
              </dd>
            </div>
          </dl>
        </div>
      </div>

      <div className="us-user-header__metadata" role="group" aria-labelledby={metadataTitleId} data-slot="metadata">
        <p className="us-user-header__metadata-title">
          <span id={metadataTitleId}>{l.metadata}</span>
          {cohortsEnabled && entries.length > 0 ? <span className="us-user-header__hint">{l.metadataHint}</span> : null}
        </p>
        {entries.length === 0 ? (
          <p className="us-user-header__empty">{l.noMetadata}</p>
        ) : (
          <ul className="us-user-header__chips">
            {shown.map(([key, value]) => {
              const chipCohort: Cohort = { key, value };
              return (
                <li key={key}>
                  <MetadataChip
                    name={key}
                    value={value}
                    labels={chipLabels}
                    {...(cohortsEnabled
                      ? {
                          pressed: sameCohort(cohort, chipCohort),
                          actionLabel: l.compareWith(keyText(key), valueText(value)),
                          onPressedChange: (pressed: boolean) => setCohort(pressed ? chipCohort : null),
                        }
                      : {})}
                  />
                </li>
              );
            })}
            {entries.length > maxVisibleChips ? (
              <li>
                <button type="button" className="us-user-header__more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
                  {expanded ? l.showLess : l.showMore(hiddenCount)}
                </button>
              </li>
            ) : null}
          </ul>
        )}
      </div>

      {cohortsEnabled && cohort ? (
        <p className="us-user-header__cohort" data-slot="cohort-status">
          <span>{l.comparing(keyText(cohort.key), valueText(cohort.value))}</span>
          <button type="button" className="us-user-header__clear" onClick={() => setCohort(null)}>
            {l.clearCohort}
          </button>
        </p>
      ) : null}
    </section>
  );
});
