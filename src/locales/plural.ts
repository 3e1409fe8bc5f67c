/**
 * Plural forms for the translations: the CLDR category of a count in a language (`Intl.PluralRules`), so a string
 * with a count reads right for 1, 2 or 0 in every language.
 * @module
 */

/** The forms of one string by CLDR plural category; `other` is required, the rest as the language needs them. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rulesByLanguage = new Map<string, Intl.PluralRules>();

/** The form of `forms` for `count` in `language` (a BCP 47 tag such as `de` or `pt-BR`); `#` is replaced by `shown`. */
export function plural(language: string, count: number, forms: PluralForms, shown: string = String(count)): string {
  let rules = rulesByLanguage.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    rulesByLanguage.set(language, rules);
  }
  return (forms[rules.select(count)] ?? forms.other).replace('#', shown);
}
