import { act, configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TraceTable } from '../../src/components/TraceTable/TraceTable';
import { UsersTable, type UsersTableProps } from '../../src/components/UsersTable/UsersTable';
import type { TraceRow, UserRow } from '../../src/core/results';

// Counts body-row cell renders through the sparkline cell, one per row.
const sparklineRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/components/primitives/Sparkline', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/components/primitives/Sparkline')>();
  return {
    ...original,
    Sparkline: (props: Parameters<typeof original.Sparkline>[0]) => {
      sparklineRenders.count += 1;
      return original.Sparkline(props);
    },
  };
});

// Slow shared CI machines: give async assertions room.
configure({ asyncUtilTimeout: 5000 });

const NOW = Date.parse('2026-03-10T12:00:00.000Z');

function row(id: string, costUsd: number): UserRow {
  return {
    user: { id, displayName: `Name ${id}`, metadata: {} },
    traceCount: 10,
    conversationCount: 3,
    errorCount: 1,
    successRate: 0.9,
    latencyP50Ms: 800,
    latencyP95Ms: 2400,
    costUsd,
    costPerTraceUsd: 0.15,
    inputTokens: 1000,
    outputTokens: 500,
    feedbackAvgScore: 0.75,
    firstSeen: '2026-03-03T12:00:00.000Z',
    lastSeen: '2026-03-10T09:00:00.000Z',
    sparkline: [{ t: '2026-03-09T00:00:00.000Z', traceCount: 6, errorCount: 0 }],
    attention: [],
  };
}

const rows = [row('u1', 1.5), row('u2', 2.5), row('u3', 3.5)];

function renderTable(props: Partial<UsersTableProps> = {}) {
  const user = userEvent.setup();
  const view = render(<UsersTable rows={rows} rowCount={3} now={NOW} {...props} />);
  const rerender = (next: Partial<UsersTableProps>) => view.rerender(<UsersTable rows={rows} rowCount={3} now={NOW} {...next} />);
  return { user, rerender };
}

const grid = () => screen.getByRole('grid');
const header = (name: string) => within(grid()).getByRole('columnheader', { name });
const bodyRows = () => within(grid()).getAllByRole('row').slice(1);
const cellsOf = (index: number) => within(bodyRows()[index] as HTMLElement).getAllByRole('gridcell');

beforeEach(() => {
  sparklineRenders.count = 0;
});

describe('GridRow memoisation (through UsersTable)', () => {
  it('does not render body rows again on a sort click or a parent re-render with the same rows', async () => {
    const { user, rerender } = renderTable();
    expect(sparklineRenders.count).toBe(3);
    await user.click(within(header('Traces')).getByRole('button'));
    expect(header('Traces')).toHaveAttribute('aria-sort', 'descending');
    // The tab stop moved from the first body cell to the clicked header: that one row renders again, no other.
    expect(header('Traces')).toHaveAttribute('tabindex', '0');
    expect(sparklineRenders.count).toBe(4);
    await user.click(within(header('Traces')).getByRole('button'));
    expect(header('Traces')).toHaveAttribute('aria-sort', 'ascending');
    rerender({ onSortingChange: () => undefined });
    expect(sparklineRenders.count).toBe(4);
  });

  it('re-renders only the rows whose tab stop moves, and keyboard focus still follows', async () => {
    const { user } = renderTable();
    const start = cellsOf(0)[0] as HTMLElement;
    act(() => start.focus());
    const before = sparklineRenders.count;
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cellsOf(1)[0]);
    expect(grid().querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(sparklineRenders.count - before).toBe(2);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cellsOf(1)[1]);
    expect(sparklineRenders.count - before).toBe(3);
  });

  it('renders again when the rows, the locale, or the column order and visibility change', () => {
    const { rerender } = renderTable();
    expect(bodyRows()[0]).toHaveTextContent('$1.50');
    rerender({ locale: 'de-DE' });
    expect(bodyRows()[0]).toHaveTextContent('1,50 $');
    rerender({ locale: 'de-DE', columnOrder: ['costUsd', 'user'], columnVisibility: { attention: false } });
    expect(cellsOf(0)[0]).toHaveTextContent('1,50 $');
    expect(within(grid()).queryByRole('columnheader', { name: 'Attention' })).toBeNull();
    expect(cellsOf(0)).toHaveLength(within(grid()).getAllByRole('columnheader').length);
    rerender({ locale: 'de-DE', columnOrder: ['costUsd', 'user'], columnVisibility: { attention: false }, rows: [row('u1', 9.5), ...rows.slice(1)] });
    expect(cellsOf(0)[0]).toHaveTextContent('9,50 $');
  });

  it('calls the latest row click handler, not the one of the first render', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const { user, rerender } = renderTable({ onUserOpen: first });
    rerender({ onUserOpen: second });
    await user.click(cellsOf(1)[2] as HTMLElement);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(expect.objectContaining({ id: 'u2' }));
  });

  it('renders again with a new getUserHref, so links follow the latest function', () => {
    const { rerender } = renderTable({ getUserHref: (u) => `/a/${u.id}` });
    const firstLink = () => within(bodyRows()[0] as HTMLElement).getByRole('link');
    expect(firstLink()).toHaveAttribute('href', '/a/u1');
    rerender({ getUserHref: (u) => `/b/${u.id}` });
    expect(firstLink()).toHaveAttribute('href', '/b/u1');
  });
});

describe('GridRow memoisation (through TraceTable)', () => {
  const traces: TraceRow[] = [
    { id: 't1', userId: 'u1', startTime: '2026-03-10T09:00:00.000Z', status: 'ok', latencyMs: 1234, costUsd: 1.5, name: 'First trace' },
  ];
  const traceRow = () => within(grid()).getAllByRole('row')[1] as HTMLElement;

  it('renders again when the locale changes with the same rows', () => {
    const view = render(<TraceTable rows={traces} locale="en-US" />);
    expect(traceRow()).toHaveTextContent('$1.50');
    view.rerender(<TraceTable rows={traces} locale="de-DE" />);
    expect(traceRow()).toHaveTextContent('1,50 $');
  });

  it('renders again when the labels change with the same rows', () => {
    const view = render(<TraceTable rows={traces} />);
    expect(traceRow()).not.toHaveTextContent('GUT');
    view.rerender(<TraceTable rows={traces} labels={{ statusOk: 'GUT' }} />);
    expect(traceRow()).toHaveTextContent('GUT');
  });

  it('renders again with a new getTraceHref, so links follow the latest function', () => {
    const view = render(<TraceTable rows={traces} getTraceHref={(t) => `/a/${t.id}`} />);
    expect(within(traceRow()).getByRole('link')).toHaveAttribute('href', '/a/t1');
    view.rerender(<TraceTable rows={traces} getTraceHref={(t) => `/b/${t.id}`} />);
    expect(within(traceRow()).getByRole('link')).toHaveAttribute('href', '/b/t1');
  });
});
