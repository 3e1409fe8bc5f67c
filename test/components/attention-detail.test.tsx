import { describe, expect, it } from 'vitest';
import { attentionReasonDetail } from '../../src/components/UsersTable/AttentionCell';
import { usersTableLabels } from '../../src/components/UsersTable/users-table-labels';
import type { AttentionReason } from '../../src/core/results';
import { de } from '../../src/locales/de';
import { ja } from '../../src/locales/ja';

const errors: AttentionReason = {
  kind: 'errors',
  value: 0.8,
  baseline: 0.1,
  sampleCount: 10,
  failedCount: 8,
  message: 'Error rate 80 % vs 10 % across all users (8 of 10 traces failed)',
};
const latency: AttentionReason = { kind: 'latency', value: 4_200, baseline: 1_400, sampleCount: 1, message: 'p95 latency 4.2 s vs 1.4 s across all users (3.0×, 1 traces)' };
const cost: AttentionReason = { kind: 'cost', value: 0.12, baseline: 0, sampleCount: 2_500, message: 'Cost per trace $0.12 vs $0.000 across all users (2500 traces with cost)' };

/** The text with the no-break spaces Intl puts in numbers (`80 %` in German) as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the full text of an attention reason', () => {
  it('is written from the counts in the labels language, numbers in the locale, plurals right', () => {
    expect(attentionReasonDetail(errors, usersTableLabels, 'en-US')).toBe('Error rate 80% vs 10% across all users (8 of 10 traces failed)');
    expect(attentionReasonDetail(latency, usersTableLabels, 'en-US')).toBe('p95 latency 4.2 s vs 1.4 s across all users (3×, 1 trace)');
    expect(attentionReasonDetail(cost, usersTableLabels, 'en-US')).toBe('Cost per trace $0.12 vs $0.00 across all users (2,500 traces with cost)');
    expect(plain(attentionReasonDetail(errors, de.usersTable, 'de-DE'))).toBe('Fehlerquote 80 % gegenüber 10 % über alle Nutzer (8 von 10 Traces fehlgeschlagen)');
    expect(plain(attentionReasonDetail(latency, de.usersTable, 'de-DE'))).toContain('(3×, 1 Trace)');
    expect(plain(attentionReasonDetail(cost, de.usersTable, 'de-DE'))).toContain('(2.500 Traces mit Kosten)');
    expect(attentionReasonDetail(errors, ja.usersTable, 'ja-JP')).toContain('10 件中 8 件のトレースが失敗');
  });

  it("falls back to the provider's message when it gives no counts", () => {
    const { sampleCount: _s, failedCount: _f, ...withoutCounts } = errors;
    expect(attentionReasonDetail(withoutCounts, de.usersTable, 'de-DE')).toBe(errors.message);
  });
});
