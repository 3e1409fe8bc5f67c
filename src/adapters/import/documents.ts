/**
 * The input documents of the file importers, read leniently: in a list or JSON Lines, an element that is not JSON
 * is reported with its path and left out, and the rest is read.
 * @module
 */
import { ProviderError } from '../../core/errors';
import type { IssueLog } from './import-report';

/** One input document and where it is in the input. */
export interface InputDocument {
  /** The decoded document. */
  doc: unknown;
  /** `''` for a single document, `[i]` for an element of a list, `lines[i]` (0-based) for a JSON Lines line. */
  path: string;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

const notJson = 'not valid JSON (truncated or malformed); left out';

/**
 * The documents of `input`: a decoded document or its JSON text (path `''`), an array of either (paths `[i]`),
 * or, with `jsonLines`, JSON Lines text (one document per line, as the OpenTelemetry Collector's file exporter
 * writes; paths `lines[i]`). An element or line that is not JSON is recorded on `log` as a skipped `document`
 * with its path (a file cut off mid-write loses its last line, not the whole file).
 * @throws ProviderError `invalid-data`, field `(root)`, when the input as a whole is text that is not JSON.
 */
export function readDocuments(input: unknown, log: IssueLog, jsonLines = false): InputDocument[] {
  let value = input;
  if (typeof input === 'string') {
    const whole = parse(input);
    if (whole.ok) value = whole.value;
    else {
      const lines = jsonLines ? input.split('\n').map((text, i) => ({ text, i })).filter(({ text }) => text.trim() !== '') : [];
      if (lines.length < 2 || !parse(lines[0]!.text).ok) {
        throw new ProviderError('invalid-data', '(root): not valid JSON (truncated or malformed)', { field: '(root)' });
      }
      const docs: InputDocument[] = [];
      for (const { text, i } of lines) {
        const line = parse(text);
        if (line.ok) docs.push({ doc: line.value, path: `lines[${i}]` });
        else log.skip({ kind: 'document', path: `lines[${i}]`, reason: notJson });
      }
      return docs;
    }
  }
  if (!Array.isArray(value)) return [{ doc: value, path: '' }];
  const docs: InputDocument[] = [];
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string') return void docs.push({ doc: item, path: `[${i}]` });
    const parsed = parse(item);
    if (parsed.ok) docs.push({ doc: parsed.value, path: `[${i}]` });
    else log.skip({ kind: 'document', path: `[${i}]`, reason: notJson });
  });
  return docs;
}
