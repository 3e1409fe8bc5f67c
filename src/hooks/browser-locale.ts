import { useSyncExternalStore } from 'react';

/** Locale used on the server and when the browser reports none. */
export const FALLBACK_LOCALE = 'en-US';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}

function readBrowserLocale(): string {
  return navigator.language || FALLBACK_LOCALE;
}

function readServerLocale(): string {
  return FALLBACK_LOCALE;
}

/**
 * The browser's `navigator.language`, kept current on `languagechange`. SSR-safe: the server render and the
 * hydration pass use `en-US`, then the client re-renders with the browser's locale, so hydration never mismatches.
 */
export function useBrowserLocale(): string {
  return useSyncExternalStore(subscribe, readBrowserLocale, readServerLocale);
}
