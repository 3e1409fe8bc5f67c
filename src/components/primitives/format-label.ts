/**
 * Label templates: visible strings with `{name}` placeholders, so every label stays a plain string a host can
 * override (also through `<UserscopeProvider labels>`).
 * @module
 */
import { oneLineText } from './display-text';

/**
 * Replaces each `{name}` in `template` with `values[name]`; unknown placeholders are left as they are. String
 * values are user text more often than not (model names, keys, metadata), so they go through `oneLineText`.
 */
export function formatLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) return match;
    const value = values[name];
    return typeof value === 'string' ? oneLineText(value) : String(value);
  });
}

/**
 * The string overrides found in `context` (the `<UserscopeProvider labels>` ids) under `prefix.<key>`, for the keys
 * of `defaults` whose default is a string (a parametrised label, a function, is only replaced by a function).
 */
export function flatLabelOverrides<L extends object>(
  defaults: L,
  context: Partial<Record<string, string>> | undefined,
  prefix: string,
): Partial<L> {
  const out: Partial<Record<string, string>> = {};
  for (const [key, value] of Object.entries(defaults)) {
    if (typeof value !== 'string') continue;
    const fromContext = context?.[`${prefix}.${key}`];
    if (typeof fromContext === 'string') out[key] = fromContext;
  }
  return out as Partial<L>;
}
