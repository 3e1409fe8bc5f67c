/**
 * Text limits of the importers: ids, labels and previews are bounded so a 10 MB string in a payload never ends up
 * in a trace, an id or a message.
 * @module
 */
import { ProviderError } from '../../core/errors';
import { previewValue } from '../../core/schema/issue-format';

/** Longest id accepted (user, conversation, trace, observation), in characters. */
export const MAX_ID_CHARS = 1024;
/** Longest label kept (trace name, model, error type, release, tag); longer ones are clipped and flagged. */
export const MAX_LABEL_CHARS = 256;
/** Longest input/output preview kept; longer text is clipped silently (previews are meant to be short). */
export const MAX_PREVIEW_CHARS = 500;

/** Latest instant a four-digit ISO-8601 year can write (9999-12-31T23:59:59.999Z), in epoch ms. */
export const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Longest feedback comment kept; longer ones are clipped and flagged. */
export const MAX_COMMENT_CHARS = 2000;

/** `text` cut to `max` characters with an ellipsis, and whether it was cut. */
export function clip(text: string, max: number): { text: string; clipped: boolean } {
  return text.length <= max ? { text, clipped: false } : { text: `${text.slice(0, max - 1)}…`, clipped: true };
}

/** `ProviderError('invalid-data')` for `field`, with a bounded preview of the received value. */
export function invalidField(field: string, expected: string, received: unknown): ProviderError {
  return new ProviderError('invalid-data', `${field}: expected ${expected}, got ${previewValue(received)}`, { field });
}

function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const parts = content
    .map((part: unknown) => {
      if (typeof part === 'string') return part;
      const p = part as { text?: unknown; content?: unknown } | null;
      return typeof p?.text === 'string' ? p.text : typeof p?.content === 'string' ? p.content : undefined;
    })
    .filter((t): t is string => t !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * The text of a chat message list (`[{ role, content | parts }]`, OpenAI and GenAI semconv shapes, also wrapped as
 * `{ messages }`): the last message of `role`, else the last message. `undefined` when `value` is no such list.
 */
function messagesText(input: unknown, role: 'user' | 'assistant'): string | undefined {
  const value = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as { messages?: unknown }).messages : input;
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const messages = value.filter((m): m is { role?: unknown; content?: unknown; parts?: unknown } => typeof m === 'object' && m !== null);
  if (messages.length !== value.length || !messages.every((m) => typeof m.role === 'string')) return undefined;
  const pick = [...messages].reverse().find((m) => m.role === role) ?? messages[messages.length - 1];
  return contentText(pick?.content) ?? contentText(pick?.parts);
}

function parseJsonText(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== '"' && first !== '[' && first !== '{') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A short plain-text preview of an input or output value: a string as is (a JSON-encoded string or message list is
 * unwrapped), the text of a chat message list, or a bounded JSON preview of anything else. `undefined` for
 * `null`/`undefined`/empty text.
 */
export function previewOf(value: unknown, role: 'user' | 'assistant'): string | undefined {
  let v = value;
  if (typeof v === 'string' && v.length <= 1_000_000) {
    const parsed = parseJsonText(v);
    if (typeof parsed === 'string' || messagesText(parsed, role) !== undefined) v = parsed;
  }
  const text = typeof v === 'string' ? v : (messagesText(v, role) ?? (v === null || v === undefined ? undefined : previewValue(v, MAX_PREVIEW_CHARS)));
  if (text === undefined || text.trim() === '') return undefined;
  return clip(text, MAX_PREVIEW_CHARS).text;
}

/**
 * `input` parsed as JSON when it is a string (a file's text), else `input` itself. With `jsonLines`, text that is
 * not one JSON document but whose first line is one is read as JSON Lines (one document per line, as the
 * OpenTelemetry Collector's file exporter writes) and returned as an array.
 * @throws ProviderError `invalid-data`: field `root` (default `(root)`) for text that is not JSON (e.g. truncated),
 * `lines[i]` for a bad line.
 */
export function parseJsonInput(input: unknown, jsonLines = false, root = '(root)'): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input) as unknown;
  } catch (cause) {
    const lines = jsonLines ? input.split('\n').map((l, i) => [l, i] as const).filter(([l]) => l.trim() !== '') : [];
    if (lines.length > 1 && parseJsonText(lines[0]![0]) !== undefined) {
      return lines.map(([line, i]) => {
        const doc = parseJsonText(line);
        if (doc === undefined) throw new ProviderError('invalid-data', `lines[${i}]: not valid JSON (truncated or malformed)`, { field: `lines[${i}]` });
        return doc;
      });
    }
    throw new ProviderError('invalid-data', `${root}: not valid JSON (truncated or malformed)`, { field: root, cause });
  }
}
