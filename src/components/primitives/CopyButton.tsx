import { useEffect, useRef, useState } from 'react';
import { useLabels } from './labels-context';

/** Default strings of {@link CopyButton}. */
export const copyButtonLabels = {
  /** Announced (and shown) after a successful copy. */
  copied: 'Copied',
  /** Announced (and shown) when neither the Clipboard API nor the fallback could copy. */
  failed: 'Could not copy: select the text and copy it by hand',
};

/** How long the confirmation stays, in ms. */
const CONFIRMATION_MS = 2000;

/** Copies through a temporary selected textarea, for browsers or contexts without `navigator.clipboard`. */
function legacyCopy(text: string): boolean {
  if (typeof document === 'undefined' || typeof document.execCommand !== 'function') return false;
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    previous?.focus();
  }
}

/**
 * Writes `text` to the clipboard with `navigator.clipboard.writeText`, falling back to a selected textarea and
 * `document.execCommand('copy')`. Resolves to whether it worked; never rejects.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied or unavailable (e.g. insecure context): try the fallback.
  }
  return legacyCopy(text);
}

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  /** The text to copy. */
  value: string;
  /** Accessible name, e.g. `Copy user id`. */
  label: string;
  /** Called after each attempt with whether it worked. */
  onCopy?: (ok: boolean) => void;
  /** Strings. */
  labels?: Partial<typeof copyButtonLabels>;
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * An icon button that copies `value`. The outcome is announced through a polite live region ("Copied") and shown
 * by the icon and `data-state` (`idle` | `copied` | `failed`) for two seconds.
 */
export function CopyButton({ value, label, onCopy, labels }: CopyButtonProps) {
  const l = useLabels('copyButton', copyButtonLabels, labels);
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    const ok = await copyToClipboard(value);
    setState(ok ? 'copied' : 'failed');
    onCopy?.(ok);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), CONFIRMATION_MS);
  };

  const message = state === 'copied' ? l.copied : state === 'failed' ? l.failed : '';
  return (
    <span className="us-copy" data-slot="copy">
      <button type="button" className="us-copy__button" aria-label={label} title={message || label} data-state={state} onClick={copy}>
        <svg className="us-copy__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          {state === 'copied' ? (
            <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          ) : (
            <g fill="none" stroke="currentColor" strokeWidth="1.4">
              <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
              <path d="M10.5 3.5v-.5a1.5 1.5 0 0 0-1.5-1.5H4A1.5 1.5 0 0 0 2.5 3v5A1.5 1.5 0 0 0 4 9.5h.5" />
            </g>
          )}
        </svg>
      </button>
      <span className="us-copy__status" role="status" data-state={state}>
        {message}
      </span>
    </span>
  );
}
