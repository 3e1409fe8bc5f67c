import { NO_CONVERSATION } from '../../core/engine/conversations';
import type { ConversationSummary } from '../../core/results';
import { formatCount, formatDateTime, formatDuration, formatRelative, formatUsd } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import { oneLineText } from '../primitives/MetadataChip';
import type { ConversationListLabels } from './conversation-list-labels';
import { StepStrip } from './StepStrip';

/** The visible title: the first input preview, "No conversation" for the `(none)` group, else "Untitled conversation". */
export function conversationTitle(conversation: ConversationSummary, labels: ConversationListLabels): string {
  if (conversation.id === NO_CONVERSATION) return labels.noConversation;
  const title = conversation.title === null ? '' : oneLineText(conversation.title);
  return title === '' ? labels.untitled : title;
}

const pluralRules = new Map<string, Intl.PluralRules>();

function plural(count: number, locale: string, one: string, other: string): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const template = rules.select(count) === 'one' ? one : other;
  return formatLabel(template, { count: formatCount(count, locale) });
}

/** "5 steps" (or "5 traces" for the `(none)` group) and "1 failed", as shown and read. */
export function stepTexts(conversation: ConversationSummary, labels: ConversationListLabels, locale: string): { steps: string; failed: string } {
  const none = conversation.id === NO_CONVERSATION;
  return {
    steps: none
      ? plural(conversation.traceCount, locale, labels.traceCountOne, labels.traceCount)
      : plural(conversation.traceCount, locale, labels.stepCountOne, labels.stepCount),
    failed: formatLabel(labels.failedCount, { count: formatCount(conversation.errorCount, locale) }),
  };
}

/** Props of {@link ConversationRow}. */
export interface ConversationRowProps {
  /** The conversation. */
  conversation: ConversationSummary;
  /** Strings. */
  labels: ConversationListLabels;
  /** Intl locale. */
  locale: string;
  /** "Now" for the relative last-activity time (epoch ms). */
  now: number;
  /** Most step-strip segments. */
  maxSteps: number;
}

/** Text only screen readers read, followed by a separating space (kept as its own node so it is never trimmed). */
function ScreenReaderText({ children }: { children: string }) {
  return (
    <>
      <span className="us-visually-hidden">{children}</span>{' '}
    </>
  );
}

/**
 * The content of one conversation option: title and last activity on the first line; the step strip, step and
 * failure counts, duration, cost and models on the second. The option's accessible name comes from this content,
 * in this order, e.g. "Refund request, Last activity 3 hours ago, 5 steps, 1 failed, Duration 2.5 min, Cost $0.12,
 * Models gpt-4o, gpt-4o-mini" (the strip is an image named "5 steps, 1 failed"; the visible counts repeat it and are
 * hidden from screen readers). The duration is left out for the `(none)` group, whose traces are unrelated. User
 * text is rendered as text.
 */
export function ConversationRow({ conversation: c, labels, locale, now, maxSteps }: ConversationRowProps) {
  const title = conversationTitle(c, labels);
  const { steps, failed } = stepTexts(c, labels, locale);
  const [firstModel, ...moreModels] = c.models.map(oneLineText);
  return (
    <>
      <span className="us-conversation-row__top">
        <span className="us-conversation-row__title" title={title.slice(0, 500)}>
          {title}
        </span>
        <ScreenReaderText>{`, ${labels.lastActivity}`}</ScreenReaderText>
        <time className="us-conversation-row__time" dateTime={c.lastTime} title={formatDateTime(c.lastTime, locale)}>
          {formatRelative(c.lastTime, now, locale)}
        </time>
      </span>
      <span className="us-conversation-row__meta">
        <ScreenReaderText>,</ScreenReaderText>
        <StepStrip steps={c.steps} label={formatLabel(labels.stripSummary, { steps, failed })} maxSegments={maxSteps} />
        <span className="us-conversation-row__counts" aria-hidden="true">
          {steps}
          {c.errorCount > 0 ? <span className="us-conversation-row__failed"> · {failed}</span> : null}
        </span>
        {c.id === NO_CONVERSATION ? null : (
          <span className="us-conversation-row__stat">
            <ScreenReaderText>{`, ${labels.duration}`}</ScreenReaderText>
            {formatDuration(c.durationMs, locale)}
          </span>
        )}
        <span className="us-conversation-row__stat">
          <ScreenReaderText>{`, ${labels.cost}`}</ScreenReaderText>
          {formatUsd(c.costUsd, locale)}
        </span>
        {firstModel === undefined ? null : (
          <span className="us-conversation-row__models" title={c.models.join(', ')}>
            <ScreenReaderText>{`, ${labels.models}`}</ScreenReaderText>
            <span className="us-conversation-row__model">{firstModel}</span>
            {moreModels.length > 0 ? (
              <>
                <span className="us-visually-hidden">{`, ${moreModels.join(', ')}`}</span>
                <span className="us-conversation-row__more" aria-hidden="true">
                  {formatLabel(labels.moreModels, { count: formatCount(moreModels.length, locale) })}
                </span>
              </>
            ) : null}
          </span>
        )}
      </span>
    </>
  );
}
