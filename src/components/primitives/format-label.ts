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
 * Merges label objects: `defaults`, then the string overrides found in `context` under `prefix.<key>`
 * (the `<UserscopeProvider labels>` ids), then `props`. Only keys present in `defaults` are read.
 */
export function mergeLabels<L extends Record<string, string>>(
  defaults: L,
  context: Partial<Record<string, string>> | undefined,
  prefix: string,
  props: Partial<L> | undefined,
): L {
  const out: Record<string, string> = { ...defaults };
  for (const key of Object.keys(defaults)) {
    const fromContext = context?.[`${prefix}.${key}`];
    if (typeof fromContext === 'string') out[key] = fromContext;
    const fromProps = props?.[key];
    if (typeof fromProps === 'string') out[key] = fromProps;
  }
  return out as L;
}
