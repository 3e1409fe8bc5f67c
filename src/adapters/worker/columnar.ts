/**
 * The columnar encoding a dataset crosses the worker boundary in: per field, one tag byte per row plus the values in
 * row order (numbers in a `Float64Array`, low-cardinality strings as codes into a dictionary that grows chunk by
 * chunk, other strings concatenated into one string with a `Uint32Array` of lengths). Every typed array is
 * transferred, not copied; the one string per text field is copied as a flat buffer. Records the encoding cannot
 * represent exactly (an unknown key, an object where a scalar belongs, a non-JSON value such as a Date) travel as they are,
 * structured-cloned, so validation in the worker sees exactly the host's data and names the same field.
 * @module
 */

/**
 * How a field's values are stored. `dict`: scalars, strings as dictionary codes (user ids, models, statuses).
 * `text`: scalars, strings concatenated (ids, timestamps, previews). `json`: plain JSON values (tags, metadata) as
 * JSON text.
 */
export type FieldKind = 'dict' | 'text' | 'json';

/** The fields of one record type, in the order decoded records get them. */
export type RecordSchema = readonly (readonly [name: string, kind: FieldKind])[];

/** Tag of a value in a row. */
const Tag = { Absent: 0, Null: 1, False: 2, True: 3, Number: 4, String: 5, Undefined: 6 } as const;

/** One field's values over the rows of a chunk. */
export interface EncodedField {
  /** Tag per row: absent, null, false, true, number, string, or an own key set to `undefined`. */
  tags: Uint8Array;
  /** The numbers of the rows tagged number, in row order. */
  numbers: Float64Array;
  /** `dict` fields: the code of each string, in row order. */
  codes: Int32Array;
  /** `dict` fields: the strings this chunk adds to the field's dictionary (codes continue from the previous chunk). */
  newValues: string[];
  /** `text` and `json` fields: every string (or JSON text) of the chunk, concatenated in row order. */
  text: string;
  /** `text` and `json` fields: the length of each string in `text`. */
  lengths: Uint32Array;
}

/** Rows `[0, rowCount)` of one record type. */
export interface EncodedChunk {
  /** Number of rows. */
  rowCount: number;
  /** One entry per schema field, in schema order. */
  fields: EncodedField[];
  /** Rows sent as they are (structured clone): `[row, value]`. Their tags are all absent. */
  irregular: [row: number, value: unknown][];
}

/** The buffers of `chunk`, for `postMessage`'s transfer list. */
export function transferables(chunk: EncodedChunk): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const f of chunk.fields) out.push(f.tags.buffer as ArrayBuffer, f.numbers.buffer as ArrayBuffer, f.codes.buffer as ArrayBuffer, f.lengths.buffer as ArrayBuffer);
  return out;
}

/** True for a value JSON represents exactly: strings, booleans, null, finite numbers (not −0), arrays and plain objects of those. */
function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainJson(value[i])) return false;
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      for (const key in value) if (key === '__proto__' || !isPlainJson((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

/** Encodes rows of one record type, chunk after chunk; dictionaries carry over between chunks. */
export interface TableEncoder {
  /** Encodes `rows[from, to)` into one chunk. */
  encode(rows: readonly unknown[], from: number, to: number): EncodedChunk;
}

/** {@link rowShape}: the row travels as it is. */
const IRREGULAR = 0;
/** {@link rowShape}: every own key is a schema field with a value. */
const REGULAR = 1;
/** {@link rowShape}: every own key is a schema field, some set to `undefined`. */
const REGULAR_WITH_UNDEFINED = 2;

const hasOwn = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/**
 * Whether `row` round-trips through the encoding: a plain object whose own keys are all schema fields, with
 * scalars (or `undefined`) in `dict`/`text` fields and plain JSON in `json` fields.
 */
function rowShape(row: unknown, schema: RecordSchema): number {
  if (typeof row !== 'object' || row === null || Object.getPrototypeOf(row) !== Object.prototype) return IRREGULAR;
  const record = row as Record<string, unknown>;
  let stored = 0;
  for (const [name, kind] of schema) {
    const value = record[name];
    if (value === undefined) continue;
    const type = typeof value;
    const ok = kind === 'json' ? isPlainJson(value) : value === null || type === 'string' || type === 'number' || type === 'boolean';
    if (!ok) return IRREGULAR;
    stored++;
  }
  let keys = 0;
  for (const key in record) if (hasOwn(record, key)) keys++;
  if (keys === stored) return REGULAR;
  for (const [name] of schema) if (record[name] === undefined && hasOwn(record, name)) stored++;
  return keys === stored ? REGULAR_WITH_UNDEFINED : IRREGULAR;
}

/** A {@link TableEncoder} for records of `schema`. */
export function createTableEncoder(schema: RecordSchema): TableEncoder {
  const dictionaries = schema.map(() => new Map<string, number>());
  return {
    encode(rows, from, to) {
      const n = to - from;
      const regular = new Uint8Array(n);
      const irregular: [number, unknown][] = [];
      for (let r = 0; r < n; r++) {
        regular[r] = rowShape(rows[from + r], schema);
        if (regular[r] === IRREGULAR) irregular.push([r, rows[from + r]]);
      }
      const fields = schema.map(([name, kind], k) => encodeField(rows, from, n, regular, name, kind, dictionaries[k] as Map<string, number>));
      return { rowCount: n, fields, irregular };
    },
  };
}

/** Field `name` of the regular rows `rows[from, from + n)` (`regular`: the {@link rowShape} of each). */
function encodeField(
  rows: readonly unknown[],
  from: number,
  n: number,
  regular: Uint8Array,
  name: string,
  kind: FieldKind,
  dictionary: Map<string, number>,
): EncodedField {
  const tags = new Uint8Array(n);
  const numbers = new Float64Array(n);
  const codes = kind === 'dict' ? new Int32Array(n) : new Int32Array(0);
  const lengths = kind === 'dict' ? new Uint32Array(0) : new Uint32Array(n);
  const pieces: string[] = [];
  const newValues: string[] = [];
  let numberCount = 0;
  let stringCount = 0;
  for (let r = 0; r < n; r++) {
    const shape = regular[r];
    if (shape === IRREGULAR) continue;
    const row = rows[from + r] as Record<string, unknown>;
    const value = row[name];
    if (value === undefined) {
      if (shape === REGULAR_WITH_UNDEFINED && hasOwn(row, name)) tags[r] = Tag.Undefined;
      continue;
    }
    if (kind === 'json') {
      const json = JSON.stringify(value);
      pieces.push(json);
      lengths[stringCount++] = json.length;
      tags[r] = Tag.String;
    } else if (typeof value === 'string') {
      if (kind === 'dict') {
        let code = dictionary.get(value);
        if (code === undefined) {
          code = dictionary.size;
          dictionary.set(value, code);
          newValues.push(value);
        }
        codes[stringCount++] = code;
      } else {
        pieces.push(value);
        lengths[stringCount++] = value.length;
      }
      tags[r] = Tag.String;
    } else if (typeof value === 'number') {
      numbers[numberCount++] = value;
      tags[r] = Tag.Number;
    } else tags[r] = value === null ? Tag.Null : value === true ? Tag.True : Tag.False;
  }
  return { tags, numbers, codes, newValues, text: pieces.join(''), lengths };
}

/** Decodes chunks of one record type back into plain records; dictionaries carry over between chunks. */
export interface TableDecoder {
  /** The records of `chunk`, appended to `out`. */
  decode(chunk: EncodedChunk, out: unknown[]): void;
}

/** A {@link TableDecoder} for records of `schema` (the encoder's schema). */
export function createTableDecoder(schema: RecordSchema): TableDecoder {
  const dictionaries: string[][] = schema.map(() => []);
  return {
    decode(chunk, out) {
      const n = chunk.rowCount;
      const records: Record<string, unknown>[] = new Array(n);
      for (let r = 0; r < n; r++) records[r] = {};
      for (let k = 0; k < schema.length; k++) {
        const [name, kind] = schema[k] as readonly [string, FieldKind];
        const field = chunk.fields[k] as EncodedField;
        const dictionary = dictionaries[k] as string[];
        for (const v of field.newValues) dictionary.push(v);
        const { tags, numbers, codes, text, lengths } = field;
        let numberAt = 0;
        let stringAt = 0;
        let textAt = 0;
        for (let r = 0; r < n; r++) {
          const tag = tags[r] as number;
          if (tag === Tag.Absent) continue;
          let value: unknown;
          if (tag === Tag.Number) value = numbers[numberAt++];
          else if (tag === Tag.String) {
            if (kind === 'dict') value = dictionary[codes[stringAt++] as number];
            else {
              const end = textAt + (lengths[stringAt++] as number);
              value = text.slice(textAt, end);
              textAt = end;
              if (kind === 'json') value = JSON.parse(value as string);
            }
          } else value = tag === Tag.Undefined ? undefined : tag === Tag.Null ? null : tag === Tag.True;
          (records[r] as Record<string, unknown>)[name] = value;
        }
      }
      const start = out.length;
      for (let r = 0; r < n; r++) out.push(records[r]);
      for (const [r, value] of chunk.irregular) out[start + r] = value;
    },
  };
}
