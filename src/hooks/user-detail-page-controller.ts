/**
 * `useUserDetailPageController`: the user detail page's shared state and page-level data without its markup, for
 * hosts that lay the page out themselves.
 * @module
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isProviderError } from '../core/errors';
import type { TimeRange, User } from '../core/model';
import type { Cohort, ConversationSummary } from '../core/results';
import { resolveTimeRange, type TimeRangeValue } from '../core/time-range-value';
import { useLoadProgress, type LoadProgressState } from './load-progress';
import { useUser } from './query-hooks';
import type { ProviderMethod } from './query-key';
import type { QueryResult } from './query-result';
import { useControllableState } from './use-controllable-state';
import { useResetUserQueries } from './use-reset-queries';
import { useUserFetching } from './use-user-fetching';

/** Options of {@link useUserDetailPageController}: the detail page's non-visual props. */
export interface UserDetailPageControllerOptions {
  /** The user to show. Render with `key={userId}` to reset the page's own state when it changes. */
  userId: string;
  /** Controlled time range shared by every section (e.g. kept in the host's URL). */
  range?: TimeRangeValue;
  /** Initial range when uncontrolled. Default the last 30 days. */
  defaultRange?: TimeRangeValue;
  /** Called with every new range. */
  onRangeChange?: (range: TimeRangeValue) => void;
  /** Controlled cohort the user is compared with; `null` for none. */
  cohort?: Cohort | null;
  /** Initial cohort when uncontrolled. Default `null`. */
  defaultCohort?: Cohort | null;
  /** Called when the cohort is selected or cleared. */
  onCohortChange?: (cohort: Cohort | null) => void;
  /** Controlled selected conversation (`"(none)"`: traces without one); `null` for none. */
  selectedConversationId?: string | null;
  /** Initial selection when uncontrolled. Default `null`. */
  defaultSelectedConversationId?: string | null;
  /** Called when the selection changes, with the loaded summary when there is one. */
  onSelectedConversationChange?: (conversationId: string | null, conversation: ConversationSummary | null) => void;
  /**
   * Called once per id when the provider has no such user (`getUser` rejects with `ProviderError` code `not-found`),
   * e.g. to set the host's 404 status or redirect.
   */
  onNotFound?: (userId: string) => void;
  /** The instant range presets end at, and "now" of relative times (epoch ms). Default `Date.now()` at mount. */
  now?: number;
}

/** What {@link useUserDetailPageController} returns. */
export interface UserDetailPageController {
  /** The user shown. */
  userId: string;
  /** The user's profile (`getUser`; the header section asks the same query, so one request serves both). */
  user: QueryResult<User>;
  /** The provider has no such user: show one not-found state instead of the sections. */
  notFound: boolean;
  /** "Now" of the range presets and relative times (epoch ms). */
  now: number;
  /** The range as the picker holds it (preset or custom days); equal values keep one identity. */
  rangeValue: TimeRangeValue;
  /** The range resolved to ISO instants (half-open): what every section asks for. */
  range: TimeRange;
  /** Changes the page's range. */
  setRange: (range: TimeRangeValue) => void;
  /** The cohort the user is compared with, or `null`. */
  cohort: Cohort | null;
  /** Selects or clears the cohort. */
  setCohort: (cohort: Cohort | null) => void;
  /** The selected conversation (`"(none)"`: traces without one), or `null`: the traces narrow to it. */
  selectedConversationId: string | null;
  /** Its title when a conversation summary came with the selection, else `null`. */
  selectedConversationTitle: string | null;
  /** Selects a conversation (`null` clears); pass its summary when you have it, for the title. */
  selectConversation: (conversationId: string | null, conversation: ConversationSummary | null) => void;
  /** Traces loaded so far while this user's data loads from a `ProgressSource` provider; `null` otherwise. */
  progress: LoadProgressState | null;
  /** Changes whenever the user, range or cohort does: a key that clears a section's caught render error. */
  resetKey: string;
  /** Drops this user's cached answers of `methods` so they are asked again (a crashed section's Retry). */
  resetQueries: (methods: readonly ProviderMethod[]) => void;
}

const DEFAULT_RANGE: TimeRangeValue = { preset: '30d' };

/**
 * The detail page's state without its markup: one range, one cohort and one selected conversation shared by every
 * section (each controlled or not), the user with its not-found state (`onNotFound` once per id), load progress, and
 * a reset of the user's queries for Retry. Lay out `UserHeader`, `MetricCards`, `TraceTable`… with the hooks of
 * `userscope/hooks`, all asking for `range`. Inside a `<UserscopeProvider>`.
 */
export function useUserDetailPageController(options: UserDetailPageControllerOptions): UserDetailPageController {
  const { userId } = options;
  const resetUserQueries = useResetUserQueries();
  // Listens before the sections' queries start their load; reported while any of this user's queries is fetching.
  const progress = useLoadProgress({ active: useUserFetching(userId) });
  // The sections start with this query rather than after it, so a known user's page is not delayed by a round trip;
  // an unknown one's sections unmount when the answer comes.
  const user = useUser({ userId });
  const notFound = user.status === 'error' && isProviderError(user.error) && user.error.code === 'not-found';
  useNotFoundCallback(notFound ? userId : null, options.onNotFound);
  const [mountedAt] = useState(() => Date.now());
  const now = options.now ?? mountedAt;

  const [rangeValue, setRange] = useControllableState<TimeRangeValue>({
    value: options.range,
    defaultValue: options.defaultRange ?? DEFAULT_RANGE,
    onChange: options.onRangeChange,
  });
  // Compared by content, so a new but equal object from the host does not refetch: the value is rebuilt from its
  // JSON (plain strings) only when that changes.
  const rangeKey = JSON.stringify(rangeValue);
  const stableRangeValue = useMemo(() => JSON.parse(rangeKey) as TimeRangeValue, [rangeKey]);
  const range = useMemo(() => resolveTimeRange(stableRangeValue, now), [stableRangeValue, now]);
  const [cohort, setCohort] = useControllableState<Cohort | null>({
    value: options.cohort,
    defaultValue: options.defaultCohort ?? null,
    onChange: options.onCohortChange,
  });

  // The summary travels with the id to `onSelectedConversationChange`; the title is kept for the traces' chip.
  const summaryRef = useRef<ConversationSummary | null>(null);
  const [selectedId, setSelectedId] = useControllableState<string | null>({
    value: options.selectedConversationId,
    defaultValue: options.defaultSelectedConversationId ?? null,
    onChange: (id) => options.onSelectedConversationChange?.(id, summaryRef.current),
  });
  const [titled, setTitled] = useState<{ id: string; title: string | null } | null>(null);
  const selectConversation = useCallback(
    (id: string | null, conversation: ConversationSummary | null) => {
      summaryRef.current = conversation;
      if (id !== null && conversation) setTitled({ id, title: conversation.title });
      setSelectedId(id);
    },
    [setSelectedId],
  );
  const resetQueries = useCallback((methods: readonly ProviderMethod[]) => void resetUserQueries(userId, methods), [resetUserQueries, userId]);

  return {
    userId,
    user,
    notFound,
    now,
    rangeValue: stableRangeValue,
    range,
    setRange,
    cohort,
    setCohort,
    selectedConversationId: selectedId,
    selectedConversationTitle: titled !== null && titled.id === selectedId ? titled.title : null,
    selectConversation,
    progress,
    resetKey: `${userId}|${range.from}|${range.to}|${JSON.stringify(cohort)}`,
    resetQueries,
  };
}

/** Calls `onNotFound` once for each id that turns out unknown (`notFoundId`: that id, else `null`). */
function useNotFoundCallback(notFoundId: string | null, onNotFound: ((userId: string) => void) | undefined) {
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (notFoundId === null || reported.current === notFoundId) return;
    reported.current = notFoundId;
    onNotFound?.(notFoundId);
  }, [notFoundId, onNotFound]);
}
