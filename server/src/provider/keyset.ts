/**
 * Keyset paging: a page continues strictly after the last row's sort key, so rows inserted meanwhile never shift a
 * page, and the database seeks instead of skipping an offset. Keys may be NULL (unknown), which sorts last in both
 * directions; the last key is always a unique column.
 * @module
 */
import { badCursor, openCursor, sealCursor } from 'userscope/core';
import type { Binder } from '../db/binder';

/** One ORDER BY key. */
export interface KeysetKey {
  /** SQL expression. */
  expr: string;
  /** Descending when true. */
  desc: boolean;
  /** How its values are bound. */
  type: 'number' | 'string';
}

/** A key value of the last row; `null` for unknown. */
export type KeyValue = number | string | null;

/** `ORDER BY` of `keys`, unknown values last in both directions. */
export function orderBy(keys: readonly KeysetKey[]): string {
  return keys.map((k) => `${k.expr} ${k.desc ? 'DESC' : 'ASC'} NULLS LAST`).join(', ');
}

const bindValue = (b: Binder, key: KeysetKey, v: string | number): string => (key.type === 'number' ? b.num(Number(v)) : b.str(String(v)));

/** The condition "strictly after `after`" in the order of `keys`. */
export function afterCondition(b: Binder, keys: readonly KeysetKey[], after: readonly KeyValue[]): string {
  const alternatives: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as KeysetKey;
    const v = after[i] as KeyValue;
    if (v === null) continue; // nothing sorts after an unknown value on this key (and bind nothing unused)
    const equal = keys.slice(0, i).map((k, j) => {
      const w = after[j] as KeyValue;
      return w === null ? `${k.expr} IS NULL` : `${k.expr} = ${bindValue(b, k, w)}`;
    });
    const beyond = `(${key.expr} ${key.desc ? '<' : '>'} ${bindValue(b, key, v)} OR ${key.expr} IS NULL)`;
    alternatives.push([...equal, beyond].join(' AND '));
  }
  return alternatives.length === 0 ? '1 = 0' : `(${alternatives.map((a) => `(${a})`).join(' OR ')})`;
}

/** The cursor after a row with `values`, bound to the query `fingerprint`. */
export function keysetCursor(values: readonly KeyValue[], fingerprint: string): string {
  return sealCursor(JSON.stringify(values), fingerprint);
}

/** The key values of a cursor made by {@link keysetCursor} for the same query; `null` without a cursor. */
export function openKeysetCursor(cursor: string | null | undefined, fingerprint: string, keyCount: number): KeyValue[] | null {
  const position = openCursor(cursor, fingerprint);
  if (position === null) return null;
  let values: unknown;
  try {
    values = JSON.parse(position);
  } catch {
    throw badCursor('not a cursor of this provider');
  }
  const valid =
    Array.isArray(values) &&
    values.length === keyCount &&
    values.every((v) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
  if (!valid) throw badCursor('not a cursor of this provider');
  return values as KeyValue[];
}
