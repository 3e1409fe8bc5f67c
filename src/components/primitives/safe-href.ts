/**
 * Link sanitising: userscope only renders links whose target is `http:`, `https:` or relative.
 * @module
 */

const SCHEME = /^([a-z][a-z\d+.-]*):/i;
// Browsers drop ASCII tabs and newlines anywhere in a URL and trim C0 controls and spaces around it, so
// "java\tscript:" is "javascript:". Remove them before reading the scheme.
const IGNORED_BY_BROWSERS = /[\u0000-\u0020\u007F]/g;

/**
 * `href` when it is safe to render as a link (`http:`, `https:` or relative), otherwise `undefined`.
 * Dangerous schemes such as `javascript:`, `data:` and `vbscript:` are rejected, including obfuscated forms.
 */
export function safeHref(href: string | null | undefined): string | undefined {
  if (typeof href !== 'string') return undefined;
  const trimmed = href.trim();
  if (trimmed === '') return undefined;
  const scheme = SCHEME.exec(trimmed.replace(IGNORED_BY_BROWSERS, ''));
  if (scheme && !/^https?$/i.test(scheme[1] as string)) return undefined;
  return trimmed;
}
