import { memo } from 'react';
import { NO_CONVERSATION } from '../../core/engine/conversations';
import type { ConversationSummary } from '../../core/results';
import type { ConversationListLabels } from './conversation-list-labels';
import { ConversationRow } from './ConversationRow';

/** Props of {@link ConversationOption}. */
export interface ConversationOptionProps {
  /** The conversation. */
  conversation: ConversationSummary;
  /** Position in the loaded list (0-based). */
  index: number;
  /** Element id, referenced by the listbox's `aria-activedescendant`. */
  id: string;
  /** Selected (`aria-selected`). */
  selected: boolean;
  /** The keyboard's active option (drawn with a focus ring while the listbox has focus). */
  active: boolean;
  /** `aria-setsize`: all conversations, or -1 when unknown. */
  setSize: number;
  /** Click (stable across renders, so options re-render only when they change). */
  onPick: (index: number) => void;
  /** Strings. */
  labels: ConversationListLabels;
  /** Intl locale. */
  locale: string;
  /** "Now" for relative times (epoch ms). */
  now: number;
  /** Most step-strip segments. */
  maxSteps: number;
}

/**
 * One `role="option"` of the conversation listbox, with `data-state` (`selected` / `unselected`), `data-kind`
 * (`none` for the no-conversation group) and `data-errors`. Memoised: while the list scrolls, only options that
 * enter the window (or change state) render.
 */
export const ConversationOption = memo(function ConversationOption(props: ConversationOptionProps) {
  const { conversation, index } = props;
  return (
    <div
      id={props.id}
      role="option"
      aria-selected={props.selected}
      aria-posinset={index + 1}
      aria-setsize={props.setSize}
      className="us-conversation-row"
      data-index={index}
      data-state={props.selected ? 'selected' : 'unselected'}
      data-active={props.active ? '' : undefined}
      data-kind={conversation.id === NO_CONVERSATION ? 'none' : 'conversation'}
      data-errors={conversation.errorCount > 0 ? '' : undefined}
      data-conversation-id={conversation.id}
      onClick={() => props.onPick(index)}
    >
      <ConversationRow conversation={conversation} labels={props.labels} locale={props.locale} now={props.now} maxSteps={props.maxSteps} />
    </div>
  );
});
