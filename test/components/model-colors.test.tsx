import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ModelUsage } from '../../src/components/ModelUsage/ModelUsage';
import { MODEL_COLORS, modelColors, OTHER_COLOR } from '../../src/components/ModelUsage/model-mix';
import type { ModelStat, ModelUsage as ModelUsageData } from '../../src/core/results';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 10);
const iso = (ms: number) => new Date(ms).toISOString();
const stat = (model: string, traceCount: number): ModelStat => ({
  model,
  traceCount,
  share: 0,
  firstSeen: iso(T0),
  lastSeen: iso(T0 + DAY),
  successRate: 1,
  latencyP95Ms: 1000,
  costPerTraceUsd: 0.001,
});

/** Usage whose models are `counts` (most used first), all in one bucket. */
function usageOf(counts: Record<string, number>): ModelUsageData {
  const models = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([m, n]) => stat(m, n));
  return { granularity: 'day', models, mix: [{ t: iso(T0), counts }], changes: [] };
}

/** The swatch colour of each model row of the models table. */
function swatches(container: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of container.querySelectorAll<HTMLElement>('[data-model]')) {
    out[row.dataset.model as string] = (row.querySelector('.us-model-usage__swatch') as HTMLElement).style.background;
  }
  return out;
}

describe('modelColors', () => {
  it('gives a model the same colour whatever the other models and their order, when slots do not compete', () => {
    const a = modelColors(['gpt-4o-mini-2024-07-18', 'gpt-4.1-2025-04-14']);
    const b = modelColors(['gpt-4.1-2025-04-14', 'claude-3-5-sonnet-20241022', 'gpt-4o-mini-2024-07-18']);
    expect(a.get('gpt-4.1-2025-04-14')).toBe(b.get('gpt-4.1-2025-04-14'));
    expect(a.get('gpt-4o-mini-2024-07-18')).toBe(b.get('gpt-4o-mini-2024-07-18'));
  });

  it('never gives two models one colour, and runs out after the palette', () => {
    const models = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];
    const colors = modelColors(models);
    expect(new Set(colors.values()).size).toBe(MODEL_COLORS.length);
    expect([...colors.keys()]).toEqual(models.slice(0, MODEL_COLORS.length));
  });
});

describe('ModelUsage colours', () => {
  it('keeps each model colour when a zoom changes which model is used most, given the page range models', () => {
    const page = usageOf({ 'gpt-4o-mini-2024-07-18': 90, 'gpt-4.1-2025-04-14': 60, 'gpt-4o-2024-08-06': 30 });
    const zoom = usageOf({ 'gpt-4o-2024-08-06': 20, 'gpt-4.1-2025-04-14': 10 });
    const full = render(<ModelUsage usage={page} width={600} />);
    const before = swatches(full.container);
    full.unmount();
    const zoomed = render(<ModelUsage usage={zoom} colorModels={page.models.map((m) => m.model)} width={600} />);
    const after = swatches(zoomed.container);
    expect(after['gpt-4o-2024-08-06']).toBe(before['gpt-4o-2024-08-06']);
    expect(after['gpt-4.1-2025-04-14']).toBe(before['gpt-4.1-2025-04-14']);
    // The chart's layers carry the same colours as the table's swatches.
    const fills = [...zoomed.container.querySelectorAll('[data-layer]')].map((p) => [p.getAttribute('data-layer'), p.getAttribute('fill')]);
    expect(fills.length).toBe(2);
    for (const [model, fill] of fills) expect(after[model as string]).toBe(fill);
  });

  it('shows models past maxModels in the "other" colour', () => {
    const { container } = render(<ModelUsage usage={usageOf({ a: 5, b: 4, c: 3 })} maxModels={2} width={600} />);
    expect(swatches(container).c).toBe(OTHER_COLOR);
  });
});
