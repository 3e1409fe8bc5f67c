// Issue 18: the pages refuse absurd custom ranges in the picker, with a message, before any request is made.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TimeRangePicker } from '../../src/components/primitives/TimeRangePicker';
import { resolveTimeRange } from '../../src/core/time-range-value';

describe('TimeRangePicker refuses ranges longer than MAX_RANGE_DAYS', () => {
  it('disables Apply and says why for a 1,000-year custom range', () => {
    const onValueChange = vi.fn();
    render(<TimeRangePicker defaultValue={{ preset: 'custom', from: '2025-03-01', to: '2025-03-07' }} onValueChange={onValueChange} now={Date.parse('2025-03-08T00:00:00Z')} />);
    fireEvent.change(screen.getByLabelText('From (UTC)'), { target: { value: '1025-03-01' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Pick at most 3,660 days');
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it('resolves a too-long controlled custom value to the default range, not to 1,000 years', () => {
    const now = Date.parse('2025-03-08T00:00:00Z');
    const range = resolveTimeRange({ preset: 'custom', from: '1025-03-01', to: '2025-03-07' }, now);
    expect(Date.parse(range.to) - Date.parse(range.from)).toBe(7 * 86_400_000);
  });
});
