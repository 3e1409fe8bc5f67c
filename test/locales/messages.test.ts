import { describe, expect, it } from 'vitest';
import { englishMessages } from '../../src/pages/messages/messages';
import { plural } from '../../src/locales/plural';
import { LOCALES } from './locales';

/** The `{name}` placeholders of a template, sorted. */
function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string).sort();
}

const sentence = { metric: 'M', value: 'V', percent: 'P', times: 'T', baseline: 'B', baselineValue: 'BV', measure: 'M' };

/** Calls a function label with arguments of the kinds its English parameters name (a count, a locale, a sentence). */
function callLabel(fn: (...args: never[]) => unknown, english: (...args: never[]) => unknown): unknown {
  const source = english.toString();
  const params = source.slice(0, source.indexOf('=>')).replace(/[()\s]/g, '').split(',');
  const args = params.map((name, i) => (name === 'count' ? 2 : name === 'locale' ? 'en-US' : name === 's' ? sentence : `a${i}`));
  return (fn as (...a: unknown[]) => unknown)(...args);
}

describe.each(LOCALES)('the %s translation', (tag, messages) => {
  it('has every label set and every key of the English messages, and nothing else', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(englishMessages).sort());
    for (const [id, english] of Object.entries(englishMessages)) {
      const set = messages[id as keyof typeof messages] as Record<string, unknown>;
      expect(Object.keys(set).sort(), id).toEqual(Object.keys(english).sort());
    }
  });

  it('keeps each string a string with the same placeholders, and each function a function returning text', () => {
    for (const [id, english] of Object.entries(englishMessages)) {
      const set = messages[id as keyof typeof messages] as Record<string, unknown>;
      for (const [key, value] of Object.entries(english as Record<string, unknown>)) {
        const translated = set[key];
        expect(typeof translated, `${id}.${key}`).toBe(typeof value);
        if (typeof value === 'string') {
          expect((translated as string).trim(), `${id}.${key}`).not.toBe('');
          expect(placeholders(translated as string), `${id}.${key}`).toEqual(placeholders(value));
        } else {
          const text = callLabel(translated as () => unknown, value as () => unknown);
          expect(typeof text, `${id}.${key}`).toBe('string');
          expect((text as string).trim(), `${id}.${key}`).not.toBe('');
        }
      }
    }
  });

  it('translates: most sentences differ from the English ones', () => {
    let same = 0;
    let total = 0;
    for (const [id, english] of Object.entries(englishMessages)) {
      for (const [key, value] of Object.entries(english as Record<string, unknown>)) {
        if (typeof value !== 'string' || !/[a-z]{4,} [a-z]{3,}/i.test(value)) continue;
        total += 1;
        if ((messages[id as keyof typeof messages] as Record<string, unknown>)[key] === value) same += 1;
      }
    }
    expect(total).toBeGreaterThan(250);
    // Only proper names and code survive untranslated (e.g. "Vercel AI SDK").
    expect(same, tag).toBeLessThan(5);
  });
});

describe('plural forms', () => {
  it('pick the CLDR category of the count in each language', () => {
    const forms = { one: '# one', other: '# other' };
    expect(plural('de', 1, forms)).toBe('1 one');
    expect(plural('de', 0, forms)).toBe('0 other');
    expect(plural('de', 2, forms, '2,0')).toBe('2,0 other');
    // French treats 0 and 1 alike; Portuguese (Brazil) too.
    expect(plural('fr', 0, forms)).toBe('0 one');
    expect(plural('pt-BR', 0, forms)).toBe('0 one');
    expect(plural('es', 0, forms)).toBe('0 other');
  });

  it('read right in the shipped strings with a count', () => {
    const [, de] = LOCALES.find(([tag]) => tag === 'de')!;
    const [, fr] = LOCALES.find(([tag]) => tag === 'fr')!;
    expect(de.metricCards.noTracesPrevious(1, '1')).toBe('Der vorherige Zeitraum hatte 1 Trace.');
    expect(de.metricCards.noTracesPrevious(3, '3')).toBe('Der vorherige Zeitraum hatte 3 Traces.');
    expect(de.metricCards.verdictMoreRegressions(1, '1')).toBe('1 weitere Regression unten.');
    expect(fr.metricCards.verdictMoreRegressions(2, '2')).toBe('2 autres régressions ci-dessous.');
    expect(fr.userHeader.showMore(1)).toBe('Afficher 1 autre');
  });
});
