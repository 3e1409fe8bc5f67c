import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { Axis } from '../../src/components/charts/Axis';

const position = (v: number) => v * 100;

/** Renders one axis in an SVG and returns its ticks as the user's browser gets them. */
function ticksOf(element: ReactElement) {
  const { container } = render(<svg>{element}</svg>);
  return [...container.querySelectorAll('.us-chart__tick')].map((tick) => {
    const text = tick.querySelector('text') as SVGTextElement;
    const line = tick.querySelector('line');
    return {
      label: text.textContent,
      x: Number(text.getAttribute('x')),
      y: Number(text.getAttribute('y')),
      anchor: text.getAttribute('text-anchor'),
      mark: line ? [line.getAttribute('x1'), line.getAttribute('y1'), line.getAttribute('x2'), line.getAttribute('y2')].map(Number) : null,
    };
  });
}

describe('chart Axis', () => {
  it('puts left labels before their value, right-aligned, without tick marks by default', () => {
    const ticks = ticksOf(<Axis side="left" values={[0, 0.5, 1]} position={position} format={(v) => `${v * 100}%`} />);
    expect(ticks).toEqual([
      { label: '0%', x: -8, y: 0, anchor: 'end', mark: null },
      { label: '50%', x: -8, y: 50, anchor: 'end', mark: null },
      { label: '100%', x: -8, y: 100, anchor: 'end', mark: null },
    ]);
  });

  it('puts right labels after the axis, left-aligned', () => {
    const ticks = ticksOf(<Axis side="right" values={[1]} position={position} format={String} />);
    expect(ticks).toEqual([{ label: '1', x: 8, y: 100, anchor: 'start', mark: null }]);
  });

  it('draws bottom tick marks of the given length and centres each label one text line below its mark', () => {
    const ticks = ticksOf(<Axis side="bottom" values={[0.25, 0.75]} position={position} format={String} tickLength={3} tickMarks />);
    expect(ticks).toEqual([
      { label: '0.25', x: 25, y: 13, anchor: 'middle', mark: [25, 0, 25, 3] },
      { label: '0.75', x: 75, y: 13, anchor: 'middle', mark: [75, 0, 75, 3] },
    ]);
  });

  it('is moved by top/left and draws its axis line across the given span only when asked', () => {
    const { container, rerender } = render(
      <svg>
        <Axis side="bottom" top={120} left={4} values={[0]} position={position} format={String} line={[0, 200]} />
      </svg>,
    );
    const axis = container.querySelector('.us-chart__axis') as SVGGElement;
    expect(axis.getAttribute('transform')).toBe('translate(4, 120)');
    const line = axis.querySelector(':scope > line') as SVGLineElement;
    expect([line.getAttribute('x1'), line.getAttribute('x2'), line.getAttribute('y1'), line.getAttribute('y2')]).toEqual(['0.5', '200.5', '0', '0']);
    rerender(
      <svg>
        <Axis side="bottom" values={[0]} position={position} format={String} />
      </svg>,
    );
    expect(container.querySelector('.us-chart__axis > line')).toBeNull();
  });
});
