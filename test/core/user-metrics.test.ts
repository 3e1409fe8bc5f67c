/**
 * The metric registry (`src/core/metrics/user-metrics.ts`) and what reads it: literal values of `totalTokens`, the
 * sort ids, the users table's default hidden columns and the CSV columns. The numbers of every entry are checked on
 * every engine by the contract suite.
 */
import { describe, expect, it } from 'vitest';
import { usersCsvColumns } from '../../src/core/csv/users-csv-columns';
import { totalTokens } from '../../src/core/metrics/tokens';
import { USER_METRIC_COLUMNS, USER_METRICS } from '../../src/core/metrics/user-metrics';
import { USERS_SORT_IDS } from '../../src/core/params-filters';
import type { UserRow } from '../../src/core/results';
import { DEFAULT_HIDDEN_COLUMNS } from '../../src/hooks/users-view';

describe('totalTokens', () => {
  it('adds input and output, counts the known side alone, and is null when neither is known', () => {
    expect(totalTokens(800, 400)).toBe(1200);
    expect(totalTokens(10, null)).toBe(10);
    expect(totalTokens(undefined, 7)).toBe(7);
    expect(totalTokens(0, undefined)).toBe(0);
    expect(totalTokens(null, null)).toBeNull();
    expect(totalTokens(undefined, undefined)).toBeNull();
  });
});

describe('USER_METRICS', () => {
  it('has unique ids, every sortable one a sort id, before firstSeen, lastSeen, attention and user', () => {
    const ids = USER_METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(USERS_SORT_IDS).toEqual([...USER_METRICS.filter((m) => m.sortable).map((m) => m.id), 'firstSeen', 'lastSeen', 'attention', 'user']);
  });

  it('hides the columns it marks hidden, total tokens among them', () => {
    expect(DEFAULT_HIDDEN_COLUMNS).toEqual(expect.arrayContaining(USER_METRIC_COLUMNS.filter((m) => m.column.hidden).map((m) => m.id)));
    expect(DEFAULT_HIDDEN_COLUMNS).toContain('totalTokens');
    expect(DEFAULT_HIDDEN_COLUMNS).not.toContain('traceCount');
  });

  it('gives each metric column its raw value in the CSV, headed by its id; an absent optional metric is empty', () => {
    const row = { user: { id: 'u1', metadata: {} }, traceCount: 3, totalTokens: 1200, costUsd: null } as unknown as UserRow;
    const columns = usersCsvColumns(['user', 'traceCount', 'totalTokens', 'costUsd', 'sparkline']);
    expect(columns.map((c) => c.header)).toEqual(['userId', 'displayName', 'email', 'traceCount', 'totalTokens', 'costUsd']);
    expect(columns.slice(3).map((c) => c.value(row))).toEqual([3, 1200, null]);
    expect(usersCsvColumns(['totalTokens'])[3]?.value({ ...row, totalTokens: undefined })).toBeUndefined();
  });
});
