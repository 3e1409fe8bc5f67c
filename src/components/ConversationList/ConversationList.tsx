import { forwardRef, useCallback, useId, useMemo, useRef, useState } from 'react';
import { hostRootProps, rootElementProps, type OwnProps, type RootAttributes } from '../primitives/root-props';
import type { SortingItem } from '../../core/contract';
import type { ConversationSummary } from '../../core/results';
import { cursorListView } from '../primitives/cursor-list';
import type { CursorPagingProps, ListLayoutProps, ListLoadProps } from '../primitives/list-props';
import { ListFrame, ListResult } from '../primitives/ListFrame';
import { LoadMoreFooter } from '../primitives/LoadMoreFooter';
import { SectionState } from '../primitives/SectionState';
import { useControllableState } from '../../hooks/use-controllable-state';
import { useVirtualRows } from '../primitives/use-virtual-rows';
import { conversationListLabels, type ConversationListLabels } from './conversation-list-labels';
import { ConversationOption } from './ConversationOption';
import { CONVERSATION_SORT_OPTIONS, ConversationSortControl } from './ConversationSortControl';
import { useListboxNavigation } from './use-listbox-navigation';
import { useLabels } from '../primitives/labels-context';

const NO_SORTING: SortingItem[] = [];
const SKELETON_ROWS = 5;

/** Props of {@link ConversationList}. Sorting and selection are each controlled or uncontrolled. */
export interface ConversationListProps extends ListLoadProps, CursorPagingProps, ListLayoutProps, RootAttributes<HTMLDivElement> {
  /** The conversations loaded so far (every loaded page, in order), already sorted by the provider. */
  rows: readonly ConversationSummary[];
  /** Conversations across all pages (the pages' `total`), when known. */
  rowCount?: number;

  /** Controlled sorting (`listConversations` sort ids). `[]` is the provider's default, most recent first. */
  sorting?: SortingItem[];
  /** Initial sorting when uncontrolled. Default `[]`. */
  defaultSorting?: SortingItem[];
  /** Called with the new sorting, TanStack's `SortingState` shape. */
  onSortingChange?: (sorting: SortingItem[]) => void;
  /** Sort ids offered. Default recency, errors, cost, steps, duration. */
  sortOptions?: readonly string[];

  /** Controlled selection: a conversation id (`"(none)"` for traces without one) or `null` for none. */
  selectedConversationId?: string | null;
  /** Initial selection when uncontrolled. Default `null`. */
  defaultSelectedConversationId?: string | null;
  /**
   * Called when the selection changes, with the new id (`null`: cleared) and its summary when it is loaded, so the
   * page can hand the id and title to `TraceTable`.
   */
  onSelectedConversationChange?: (conversationId: string | null, conversation: ConversationSummary | null) => void;

  /** "Now" for relative times (epoch ms). Default `Date.now()` at first render. */
  now?: number;
  /** Strings. */
  labels?: Partial<ConversationListLabels>;
  /** Most step-strip segments per row. Default 24. */
  maxSteps?: number;
}

/** The props of {@link ConversationList} that are not its root element's attributes. */
const CONVERSATION_LIST_OWN_PROPS: OwnProps<ConversationListProps, HTMLDivElement> = {
  rows: true,
  rowCount: true,
  sorting: true,
  defaultSorting: true,
  onSortingChange: true,
  sortOptions: true,
  selectedConversationId: true,
  defaultSelectedConversationId: true,
  onSelectedConversationChange: true,
  now: true,
  labels: true,
  maxSteps: true,
  status: true,
  isFetching: true,
  error: true,
  onRetry: true,
  hasNextPage: true,
  isFetchingNextPage: true,
  onLoadMore: true,
  infiniteScroll: true,
  locale: true,
  maxHeight: true,
  rowHeight: true,
  virtualizeAbove: true,
};

/**
 * A user's conversations (journeys): title (first input), last activity, a strip of each step's status ("5 steps,
 * 1 failed"), duration, cost and models. Traces without a conversation form the "No conversation" group. Selecting
 * a conversation (click, or Enter / Space in the listbox) reports it so the page can narrow the trace table;
 * selecting it again clears the selection. Sorted by the provider (recency, errors, cost, steps, duration), loaded
 * page by page ("Load more" and infinite scroll) and virtualised above `virtualizeAbove` rows. Layout defaults:
 * `maxHeight` 420, `rowHeight` 64, `virtualizeAbove` 200.
 */
export const ConversationList = forwardRef<HTMLDivElement, ConversationListProps>(function ConversationList(props, ref) {
  const root = hostRootProps(props, CONVERSATION_LIST_OWN_PROPS, ref);
  const { rows, sortOptions = CONVERSATION_SORT_OPTIONS, locale = 'en-US', maxHeight = 420, rowHeight = 64, virtualizeAbove = 200, maxSteps = 24 } = props;
  const labels = useLabels('conversationList', conversationListLabels, props.labels);
  const [firstNow] = useState(() => Date.now());
  const now = props.now ?? firstNow;
  const baseId = useId();

  const [sorting, setSorting] = useControllableState({
    value: props.sorting,
    defaultValue: props.defaultSorting ?? NO_SORTING,
    onChange: props.onSortingChange,
  });
  const [selectedId, setSelectedId] = useControllableState<string | null>({
    value: props.selectedConversationId,
    defaultValue: props.defaultSelectedConversationId ?? null,
    onChange: (id) => props.onSelectedConversationChange?.(id, id === null ? null : (rows.find((r) => r.id === id) ?? null)),
  });
  const selectedIndex = useMemo(() => (selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId)), [rows, selectedId]);

  const list = cursorListView(props, rows.length, locale, labels);
  const { showRows, state } = list;
  const scroller = useRef<HTMLDivElement>(null);
  const rowWindow = useVirtualRows({
    count: showRows ? rows.length : 0,
    virtualizeAbove,
    scroller,
    rowHeight,
    maxHeight,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  const toggle = (index: number) => {
    const row = rows[index];
    if (row) setSelectedId(row.id === selectedId ? null : row.id);
  };
  const nav = useListboxNavigation({
    count: showRows ? rows.length : 0,
    selectedIndex,
    onActivate: toggle,
    scrollToIndex: (index) => {
      if (rowWindow.scrollToRow) rowWindow.scrollToRow(index);
      else scroller.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView?.({ block: 'nearest' });
    },
  });
  const pick = useRef<(index: number) => void>(() => undefined);
  pick.current = (index) => {
    nav.setActiveIndex(index);
    toggle(index);
  };
  const listbox = useRef<HTMLDivElement>(null);
  // After "Load more": the listbox takes focus with the first new conversation active (and scrolled into view).
  const focusRow = (index: number) => {
    listbox.current?.focus({ preventScroll: true });
    nav.setActiveIndex(index);
  };
  const onPick = useCallback((index: number) => pick.current(index), []);
  const optionId = (index: number) => `${baseId}-option-${index}`;
  const activeRendered = nav.activeIndex >= rowWindow.start && nav.activeIndex < rowWindow.end;
  const hintId = `${baseId}-hint`;

  return (
    <ListFrame
      root={root}
      baseClassName="us-conversation-list"
      slot="conversation-list"
      state={state}
      fetching={list.fetching}
      rowHeight={rowHeight}
    >
      <div className="us-list-frame__bar">
        <ListResult text={list.resultText} updating={list.updating} updatingLabel={labels.updating} />
        <ConversationSortControl sorting={sorting} onSortingChange={setSorting} options={sortOptions} labels={labels} />
      </div>
      {state === 'error' || (list.failed && !list.footer.hasNextPage) ? (
        <SectionState state="error" error={props.error} onRetry={props.onRetry} message={labels.error} labels={{ retry: labels.retry }} />
      ) : null}
      {state === 'empty' ? <SectionState state="empty" message={labels.empty} /> : null}
      {state === 'loading' ? (
        <div className="us-conversation-list__skeleton" aria-hidden="true">
          {Array.from({ length: SKELETON_ROWS }, (_, i) => (
            <div key={i} className="us-conversation-row" data-state="skeleton">
              <span className="us-skeleton" />
              <span className="us-skeleton" />
            </div>
          ))}
        </div>
      ) : null}
      {showRows ? (
        <div className="us-list-frame__scroll" ref={scroller} style={{ maxHeight }} data-slot="conversation-list-scroll">
          <div
            ref={listbox}
            role="listbox"
            tabIndex={0}
            className="us-conversation-list__listbox"
            aria-label={labels.listLabel}
            aria-describedby={hintId}
            aria-activedescendant={activeRendered ? optionId(nav.activeIndex) : undefined}
            aria-busy={list.fetching}
            onKeyDown={nav.onKeyDown}
            style={rowWindow.virtual ? { paddingTop: rowWindow.padTop, paddingBottom: rowWindow.padBottom } : undefined}
          >
            {rows.slice(rowWindow.start, rowWindow.end).map((row, offset) => {
              const index = rowWindow.start + offset;
              return (
                <ConversationOption
                  key={row.id}
                  conversation={row}
                  index={index}
                  id={optionId(index)}
                  selected={index === selectedIndex}
                  active={index === nav.activeIndex}
                  setSize={props.rowCount ?? (list.footer.hasNextPage ? -1 : rows.length)}
                  onPick={onPick}
                  labels={labels}
                  locale={locale}
                  now={now}
                  maxSteps={maxSteps}
                />
              );
            })}
          </div>
          <LoadMoreFooter {...list.footer} root={scroller} focusRow={focusRow} labels={labels} />
        </div>
      ) : null}
      <span id={hintId} className="us-visually-hidden">
        {labels.listHint}
      </span>
    </ListFrame>
  );
});
