/**
 * The database seam of `@userscope/server`: a {@link Database} runs parameterised SQL written once for every engine
 * through a {@link Dialect}. No ORM: the SQL is in the provider's modules, the dialect supplies the few places where
 * DuckDB and ClickHouse spell things differently.
 * @module
 */

/** A value bound to a query or written by an insert. `undefined` is written as NULL. */
export type SqlValue = string | number | boolean | null | undefined;

/** Types a bound parameter can take; the dialect spells the placeholder and converts the value. */
export type ParamType = 'String' | 'Int64' | 'Float64';

/** One bound parameter. */
export interface BoundParam {
  /** The value, never spliced into the SQL text. */
  value: string | number;
  /** Its type. */
  type: ParamType;
}

/** A SQL text with named placeholders and their values. */
export interface SqlQuery {
  /** SQL with placeholders written by {@link Dialect.placeholder}. */
  text: string;
  /** Values by placeholder name. */
  params: Readonly<Record<string, BoundParam>>;
}

/** A result row: column name → value; 64-bit integers are decoded to numbers. */
export type Row = Record<string, string | number | boolean | null>;

/** Logical column types of userscope's tables; the dialect maps them to engine types. */
export type ColumnType = 'string' | 'string?' | 'int64' | 'int64?' | 'float64' | 'float64?' | 'uint8';

/** One column of a table definition. */
export interface ColumnDef {
  /** Column name. */
  name: string;
  /** Logical type; `?` is nullable. */
  type: ColumnType;
}

/** Options of one query. */
export interface QueryOptions {
  /** Cancels the query: DuckDB interrupts it, ClickHouse cancels it (chdb settles early, see docs/server.md). */
  signal?: AbortSignal;
}

/**
 * Everything an engine must spell for userscope's SQL: about twenty hooks. Every hook returns SQL text; values go
 * through {@link Dialect.placeholder} only.
 */
export interface Dialect {
  /** `duckdb` or `clickhouse`. */
  readonly name: 'duckdb' | 'clickhouse';
  /** The placeholder of parameter `name` of `type`: `$name` (DuckDB) or `{name:Type}` (ClickHouse). */
  placeholder(name: string, type: ParamType): string;
  /** Converts a parameter value for the driver (e.g. DuckDB takes BIGINT as `bigint`). */
  bindValue(param: BoundParam): unknown;
  /** Exact percentile `p` (0..1) of `expr`, numpy `linear`: `quantile_cont` / `quantileExactInclusive`. */
  quantile(expr: string, p: number): string;
  /** Aggregate: the values of `expr` as an array, ascending (for order statistics picked with {@link Dialect.arrayAt}). */
  sortedArray(expr: string): string;
  /** The element at the 1-based integer `index` of `array`. */
  arrayAt(array: string, index: string): string;
  /**
   * Aggregate: the sum of the non-null `expr` (a column) added one by one in `orderBy` order, as JavaScript's loop
   * adds them (so the float result is the memory engine's to the last bit); NULL when none.
   */
  orderedSum(expr: string, orderBy: readonly string[]): string;
  /** Distinct non-null values of `expr`. */
  countDistinct(expr: string): string;
  /** True when `haystack` contains `needle` (both already lower-cased by the caller). */
  contains(haystack: string, needle: string): string;
  /** Float division that never truncates. */
  divide(a: string, b: string): string;
  /** `floor(expr)` as a 64-bit integer (bucket numbers, UTC days). */
  floorToInt(expr: string): string;
  /** `CREATE TABLE` for a table with `columns`, laid out by `layout` (ordering, partitioning). */
  createTable(name: string, columns: readonly ColumnDef[], layout: TableLayout): string;
  /** Statements run once after the tables exist (ClickHouse projections, …); may be empty. */
  afterCreate(name: string, layout: TableLayout): string[];
  /** `DELETE FROM table WHERE where` (ClickHouse: a lightweight delete). */
  deleteWhere(table: string, where: string): string;
  /** Statements that rewrite `table` in `layout.orderBy` order; empty when the engine keeps that order itself. */
  compact(table: string, columns: readonly ColumnDef[], layout: TableLayout): string[];
  /** Suffix that makes every later clause see NULL (not defaults) for unmatched LEFT JOIN rows; may be empty. */
  readonly selectSettings: string;
  /** An ORDER BY term: `expr` in ICU's `en` collation, as `Intl.Collator('en')` (the users list's `user` sort), NULLs last. */
  orderCollatedEn(expr: string, dir: 'ASC' | 'DESC'): string;
}

/** How a table is laid out on disk. */
export interface TableLayout {
  /** Sort order: the key every per-user read narrows on comes first. */
  orderBy: readonly string[];
  /** ClickHouse partition expression (by month of `start_ms` for retention), when any. */
  partitionBy?: string;
  /** ClickHouse projections: name → ORDER BY columns (a second, time-first copy for range-wide ranking). */
  projections?: Readonly<Record<string, readonly string[]>>;
  /** Columns that identify a row for de-duplication. */
  key: readonly string[];
}

/** An open database: queries, bulk inserts, DDL. */
export interface Database {
  /** The engine's dialect. */
  readonly dialect: Dialect;
  /** Where it lives (`duckdb:…`, `chdb:…`, `clickhouse://…`, password left out). */
  readonly location: string;
  /** Runs a SELECT and returns its rows. Rejects with an `Error` (mapped to `ProviderError` by the provider). */
  query(query: SqlQuery, options?: QueryOptions): Promise<Row[]>;
  /** Runs statements without results (DDL, DELETE, INSERT … SELECT), one after the other. */
  exec(sql: string | SqlQuery): Promise<void>;
  /** Appends rows (values in `columns` order) to `table`. */
  insert(table: string, columns: readonly ColumnDef[], rows: readonly (readonly SqlValue[])[]): Promise<void>;
  /** Releases the engine. */
  close(): Promise<void>;
}
