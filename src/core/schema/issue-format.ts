/**
 * Turns a validation issue into the `invalid-data` message and field path hosts see, e.g.
 * `traces[12].latencyMs: expected number, got "abc"`. Received values are shown as bounded JSON so a huge input never
 * ends up in a message.
 * @module
 */
import type * as z from 'zod/mini';

/** Longest preview of a received value, in characters (an ellipsis is appended when cut). */
export const PREVIEW_MAX_CHARS = 60;

/** Path shown for the validated value itself when it has no root name. */
export const ROOT_FIELD = '(root)';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a path like `traces[12].metadata.plan`, prefixed by `root` (`"(root)"` when both are empty). */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? ROOT_FIELD : out;
}

/** Bounded JSON-like preview of any value; never serialises more than about `max` characters. */
export function previewValue(value: unknown, max: number = PREVIEW_MAX_CHARS): string {
  const parts: string[] = [];
  let length = 0;
  const push = (text: string): boolean => {
    parts.push(text);
    length += text.length;
    return length <= max;
  };
  const write = (v: unknown): boolean => {
    if (v === undefined) return push('undefined');
    if (v === null) return push('null');
    switch (typeof v) {
      case 'string':
        return push(JSON.stringify(v.length > max ? v.slice(0, max + 1) : v));
      case 'number':
        return push(Number.isFinite(v) ? JSON.stringify(v) : String(v));
      case 'boolean':
        return push(String(v));
      case 'bigint':
        return push(`${v}n`);
      case 'object':
        return writeObject(v);
      default:
        return push(`[${typeof v}]`);
    }
  };
  const writeObject = (v: object): boolean => {
    if (Array.isArray(v)) {
      if (!push('[')) return false;
      for (let i = 0; i < v.length; i++) if ((i > 0 && !push(',')) || !write(v[i])) return false;
      return push(']');
    }
    if (!push('{')) return false;
    let first = true;
    for (const key in v) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
      if ((!first && !push(',')) || !push(`${JSON.stringify(key)}:`)) return false;
      if (!write((v as Record<string, unknown>)[key])) return false;
      first = false;
    }
    return push('}');
  };
  write(value);
  const text = parts.join('');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const TYPE_NAMES: Record<string, string> = { int: 'integer', record: 'object' };

/** What the schema expected, in words, for one issue (without the path and the received value). */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'expected non-empty string';
      return `expected ${boundNoun(issue.origin)} ${bound('>', issue.minimum, issue.inclusive)}`;
    case 'too_big':
      return `expected ${boundNoun(issue.origin)} ${bound('<', issue.maximum, issue.inclusive)}`;
    case 'invalid_format':
      return issue.format === 'datetime' ? 'expected ISO-8601 date-time' : `expected ${issue.format} string`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => previewValue(v)).join(' | ')}`;
    default:
      return issue.message;
  }
}

/** `"string"`/`"array"` bounds talk about length; numeric bounds about the value. */
function boundNoun(origin: string): string {
  if (origin === 'string') return 'string length';
  if (origin === 'array') return 'array length';
  return TYPE_NAMES[origin] ?? origin;
}

function bound(op: '<' | '>', limit: number | bigint, inclusive: boolean | undefined): string {
  return `${op}${inclusive === false ? '' : '='} ${String(limit)}`;
}

/** The full message: `path: expected …, got <preview>`. */
export function formatIssueMessage(field: string, description: string, received: unknown): string {
  return `${field}: ${description}, got ${previewValue(received)}`;
}
