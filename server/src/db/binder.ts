/**
 * Builds {@link SqlQuery} values: every value goes through {@link Binder.bind}, which returns the dialect's
 * placeholder and records the value, so no value is ever spliced into SQL text.
 * @module
 */
import type { BoundParam, Dialect, ParamType, SqlQuery } from './types';

/** Collects the parameters of one query. */
export class Binder {
  private readonly params: Record<string, BoundParam> = {};
  private next = 0;

  /** @param dialect The engine whose placeholders to write. */
  constructor(readonly dialect: Dialect) {}

  /** The placeholder of a new parameter holding `value`. */
  bind(value: string | number, type: ParamType): string {
    const name = `p${this.next++}`;
    this.params[name] = { value, type };
    return this.dialect.placeholder(name, type);
  }

  /** A string parameter. */
  str(value: string): string {
    return this.bind(value, 'String');
  }

  /** A 64-bit integer parameter (epoch ms, counts, limits). */
  int(value: number): string {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Binder.int: ${value} is not a safe integer`);
    return this.bind(value, 'Int64');
  }

  /** A float parameter. */
  num(value: number): string {
    if (!Number.isFinite(value)) throw new RangeError(`Binder.num: ${value} is not finite`);
    return this.bind(value, 'Float64');
  }

  /** `(p1, p2, …)` for an IN list; never empty (callers handle the empty case). */
  list(values: readonly string[]): string {
    return `(${values.map((v) => this.str(v)).join(', ')})`;
  }

  /** The finished query. */
  query(text: string): SqlQuery {
    return { text, params: { ...this.params } };
  }
}
