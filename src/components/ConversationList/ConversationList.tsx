import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useId, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { SortingItem } from '../../core/contract';
import type { ConversationSummary } from '../../core/results';
import { formatCount } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import { SectionState } from '../primitives/SectionState';
import { useControllableState } from '../primitives/use-controllable-state';
import { LoadMoreFooter } from '../TraceTable/LoadMoreFooter';
import { useInfiniteScroll } from '../TraceTable/use-infinite-scroll';
import { conversationListLabels, type ConversationListLabels } from './conversation-list-labels';
import { ConversationOption } from './ConversationOption';
import { CONVERSATION_SORT_OPTIONS, ConversationSortControl } from './ConversationSortControl';
import { useListboxNavigation } from './use-listbox-navigation';

const NO_SORTING: SortingItem[] = [];
const SKELETON_ROWS = 5;

/** Props of {@link ConversationList}. Sorting and selection are each controlled or uncontrolled. */
export interface ConversationListProps {
  /** The conversations loaded so far (every loaded page, in order), already sorted by the provider. */
  rows: readonly ConversationSummary[];
  /** Conversations across all pages (the pages' `total`), when known. */
  rowCount?: number;
  /** Load state: `pending` shows placeholder rows, `error` an error with Retry (rows already loaded stay). Default `success`. */
  status?: 'pending' | 'error' | 'success';
  /** A request is in flight while older rows show. */
  isFetching?: boolean;
  /** The load error, shown in the error state. */
  error?: unknown;
  /** Retry button of the error state (e.g. the hook's `refetch`). */
  onRetry?: () => void;

  /** There is a next page (the hook's `hasNextPage`). */
  hasNextPage?: boolean;
  /** The next page is loading (the hook's `isFetchingNextPage`). */
  isFetchingNextPage?: boolean;
  /** Loads the next page (the hook's `fetchNextPage`), from "Load more" and from infinite scroll. */
  onLoadMore?: () => void;
  /** Load the next page when the end of the list scrolls into view. Default `true`. */
  infiniteScroll?: boolean;

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

  /** Intl locale. Default `en-US`. */
  locale?: string;
  /** "Now" for relative times (epoch ms). Default `Date.now()` at first render. */
  now?: number;
  /** Strings. */
  labels?: Partial<ConversationListLabels>;
  /** Height of the scrolling list (CSS length or px). Default 420. */
  maxHeight?: number | string;
  /** Row height in px. Default 64. */
  rowHeight?: number;
  /** Render every row up to this many; virtualise above. Default 200. */
  virtualizeAbove?: number;
  /** Most step-strip segments per row. Default 24. */
  maxSteps?: number;
  /** Extra class on the root. */
  className?: string;
}

/**
 * A user's conversations (journeys): title (first input), last activity, a strip of each step's status ("5 steps,
 * 1 failed"), duration, cost and models. Traces without a conversation form the "No conversation" group. Selecting
 * a conversation (click, or Enter / Space in the listbox) reports it so the page can narrow the trace table;
 * selecting it again clears the selection. Sorted by the provider (recency, errors, cost, steps, duration), loaded
 * page by page ("Load more" and infinite scroll) and virtualised above `virtualizeAbove` rows.
 */
export function ConversationList(props: ConversationListProps) {
  const {
    rows,
    status = 'success',
    isFetching = false,
    hasNextPage = false,
    isFetchingNextPage = false,
    infiniteScroll = true,
    sortOptions = CONVERSATION_SORT_OPTIONS,
    locale = 'en-US',
    maxHeight = 420,
    rowHeight = 64,
    virtualizeAbove = 200,
    maxSteps = 24,
  } = props;
  const labels = useMemo(() => ({ ...conversationListLabels, ...props.labels }), [props.labels]);
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

  const failed = status === 'error';
  const showRows = status !== 'pending' && rows.length > 0;
  const virtual = showRows && rows.length > virtualizeAbove;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    enabled: virtual,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  const padTop = firstItem ? firstItem.start : 0;
  const padBottom = lastItem ? virtualizer.getTotalSize() - lastItem.end : 0;
  const rendered = virtual ? items.map((item) => item.index) : showRows ? rows.map((_, i) => i) : [];

  const toggle = (index: number) => {
    const row = rows[index];
    if (row) setSelectedId(row.id === selectedId ? null : row.id);
  };
  const nav = useListboxNavigation({
    count: showRows ? rows.length : 0,
    selectedIndex,
    onActivate: toggle,
    scrollToIndex: (index) => {
      if (virtual) virtualizer.scrollToIndex(index, { align: 'auto' });
      else scroller.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView?.({ block: 'nearest' });
    },
  });
  const pick = useRef<(index: number) => void>(() => undefined);
  pick.current = (index) => {
    nav.setActiveIndex(index);
    toggle(index);
  };
  const onPick = useCallback((index: number) => pick.current(index), []);
  const optionId = (index: number) => `${baseId}-option-${index}`;
  const activeRendered = nav.activeIndex >= 0 && (!virtual || rendered.includes(nav.activeIndex));

  const sentinelRef = useInfiniteScroll({
    root: scroller,
    enabled: infiniteScroll && showRows && hasNextPage && !isFetchingNextPage && !failed,
    onLoadMore: props.onLoadMore,
    rowCount: rows.length,
  });

  const resultText = (() => {
    if (status === 'pending') return labels.loading;
    if (rows.length === 0) return failed ? '' : labels.resultNone;
    const shown = formatCount(rows.length, locale);
    return props.rowCount === undefined
      ? formatLabel(labels.resultLoaded, { shown })
      : formatLabel(labels.resultCount, { shown, total: formatCount(props.rowCount, locale) });
  })();
  const state = status === 'pending' ? 'loading' : failed && rows.length === 0 ? 'error' : rows.length === 0 ? 'empty' : 'ready';
  const hintId = `${baseId}-hint`;

  return (
    <div
      className={props.className ? `us-conversation-list ${props.className}` : 'us-conversation-list'}
      data-slot="conversation-list"
      data-state={state}
      data-fetching={isFetching ? '' : undefined}
      style={{ ['--us-conversation-row-height' as string]: `${rowHeight}px` } as CSSProperties}
    >
      <div className="us-conversation-list__bar">
        <span className="us-conversation-list__result" role="status" aria-live="polite">
          {resultText}
          {isFetching && !isFetchingNextPage && status === 'success' ? (
            <span className="us-conversation-list__updating">
              <span className="us-spinner" aria-hidden="true" /> {labels.updating}
            </span>
          ) : null}
        </span>
        <ConversationSortControl sorting={sorting} onSortingChange={setSorting} options={sortOptions} labels={labels} />
      </div>
      {state === 'error' || (failed && !hasNextPage) ? (
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
        <div className="us-conversation-list__scroll" ref={scroller} style={{ maxHeight }} data-slot="conversation-list-scroll">
          <div
            role="listbox"
            tabIndex={0}
            className="us-conversation-list__listbox"
            aria-label={labels.listLabel}
            aria-describedby={hintId}
            aria-activedescendant={activeRendered ? optionId(nav.activeIndex) : undefined}
            aria-busy={isFetching}
            onKeyDown={nav.onKeyDown}
            style={virtual ? { paddingTop: padTop, paddingBottom: padBottom } : undefined}
          >
            {rendered.map((index) => {
              const row = rows[index];
              return row ? (
                <ConversationOption
                  key={row.id}
                  conversation={row}
                  index={index}
                  id={optionId(index)}
                  selected={index === selectedIndex}
                  active={index === nav.activeIndex}
                  setSize={props.rowCount ?? (hasNextPage ? -1 : rows.length)}
                  onPick={onPick}
                  labels={labels}
                  locale={locale}
                  now={now}
                  maxSteps={maxSteps}
                />
              ) : null;
            })}
          </div>
          <LoadMoreFooter
            hasNextPage={hasNextPage}
            isFetchingNextPage={isFetchingNextPage}
            failed={failed}
            onLoadMore={props.onLoadMore}
            sentinelRef={sentinelRef}
            labels={labels}
          />
        </div>
      ) : null}
      <span id={hintId} className="us-visually-hidden">
        {labels.listHint}
      </span>
    </div>
  );
}
