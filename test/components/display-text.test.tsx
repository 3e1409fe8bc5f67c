// Issue 18 D10: bidirectional overrides and zero-width characters are neutralised the same way wherever user text is
// shown (the users table showed a right-to-left override raw while the header stripped it).
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UsersTable } from '../../src/components/UsersTable/UsersTable';
import { ModelUsage } from '../../src/components/ModelUsage/ModelUsage';
import { SectionState } from '../../src/components/primitives/SectionState';
import { oneLineText } from '../../src/components/primitives/MetadataChip';
import { ProviderError } from '../../src/core/errors';
import type { ModelUsage as ModelUsageData, UserRow } from '../../src/core/results';

const RLO = '\u202E';
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u061C\u200E\u200F]/u;
const hostile = `adm${RLO}nimda\u200Bx\uFEFFy\u2066z`;

const row: UserRow = {
  user: { id: `u${RLO}1`, displayName: hostile, email: `a\u200B@b.c`, metadata: { plan: `p${RLO}ro` } },
  traceCount: 10,
  conversationCount: 1,
  errorCount: 0,
  successRate: 1,
  latencyP50Ms: 1,
  latencyP95Ms: 1,
  costUsd: null,
  costPerTraceUsd: null,
  inputTokens: null,
  outputTokens: null,
  feedbackAvgScore: null,
  firstSeen: '2026-03-03T12:00:00.000Z',
  lastSeen: '2026-03-03T12:00:00.000Z',
  sparkline: [],
  attention: [{ kind: 'errors', message: `Error rate ${RLO}high`, value: 0.5, baseline: 0.1 }],
};

function visibleText(container: HTMLElement): string {
  const titles = [...container.querySelectorAll('[title]')].map((e) => e.getAttribute('title') ?? '');
  const labels = [...container.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? '');
  return [container.textContent ?? '', ...titles, ...labels].join('\n');
}

describe('D10: user text is neutralised everywhere it is shown', () => {
  it('oneLineText replaces bidi controls and zero-width characters with spaces, keeping joiners in emoji', () => {
    expect(oneLineText(hostile)).toBe('adm nimda x y z');
    expect(oneLineText('👩\u200D💻')).toBe('👩\u200D💻');
  });

  it('the users table shows no bidi override or zero-width character', () => {
    const { container } = render(<UsersTable rows={[row]} rowCount={1} now={Date.parse('2026-03-10T00:00:00Z')} metadataColumns={['plan']} />);
    expect(container.textContent).toContain('adm nimda');
    const text = visibleText(container);
    expect(text.split('\n').filter((line) => HIDDEN.test(line))).toEqual([]);
  });

  it('model names and error messages are neutralised too', () => {
    const usage: ModelUsageData = {
      models: [{ model: `gpt${RLO}-4o`, traceCount: 1, share: 1, firstSeen: row.firstSeen, lastSeen: row.lastSeen, successRate: 1, latencyP95Ms: 1, costPerTraceUsd: null }],
      mix: [{ t: row.firstSeen, counts: { [`gpt${RLO}-4o`]: 1 } }],
      changes: [],
      granularity: 'day',
    } as unknown as ModelUsageData;
    const models = render(<ModelUsage usage={usage} width={600} />);
    expect(visibleText(models.container)).not.toMatch(HIDDEN);
    const state = render(<SectionState state="error" error={new ProviderError('http', `failed ${RLO}evil\u200B`)} />);
    expect(visibleText(state.container)).not.toMatch(HIDDEN);
  });
});
