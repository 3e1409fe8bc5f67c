import { describe, expect, it } from 'vitest';
import { placeTooltip } from '../../src/components/charts/use-tooltip-placement';

describe('placeTooltip', () => {
  it('opens on the preferred side when the tooltip fits there', () => {
    expect(placeTooltip(100, 150, 600, 10, 'end')).toEqual({ left: 110, side: 'end' });
    expect(placeTooltip(500, 150, 600, 10, 'start')).toEqual({ left: 340, side: 'start' });
  });

  it('flips to the other side when the preferred one is too narrow for the tooltip', () => {
    // The "Top feedback keys" case: the anchor left of the middle, a tooltip wider than the room to its right.
    expect(placeTooltip(250, 185, 400, 10, 'end')).toEqual({ left: 55, side: 'start' });
    expect(placeTooltip(120, 185, 600, 10, 'start')).toEqual({ left: 130, side: 'end' });
  });

  it('stays inside the box when neither side has room', () => {
    expect(placeTooltip(150, 250, 300, 10, 'end')).toEqual({ left: 50, side: 'end' });
    expect(placeTooltip(150, 250, 300, 10, 'start')).toEqual({ left: 0, side: 'start' });
    // Wider than the box: it starts at the box's left edge.
    expect(placeTooltip(150, 400, 300, 10, 'end').left).toBe(0);
  });
});
