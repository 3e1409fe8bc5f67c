/**
 * The two dialects: DuckDB and ClickHouse. Everything else in the server's SQL is shared.
 * @module
 */
import type { ColumnDef, ColumnType, Dialect, TableLayout } from './types';

const DUCK_TYPES: Readonly<Record<ColumnType, string>> = {
  string: 'VARCHAR NOT NULL',
  'string?': 'VARCHAR',
  int64: 'BIGINT NOT NULL',
  'int64?': 'BIGINT',
  float64: 'DOUBLE NOT NULL',
  'float64?': 'DOUBLE',
  uint8: 'UTINYINT NOT NULL',
};

const CLICKHOUSE_TYPES: Readonly<Record<ColumnType, string>> = {
  string: 'String',
  'string?': 'Nullable(String)',
  int64: 'Int64',
  'int64?': 'Nullable(Int64)',
  float64: 'Float64',
  'float64?': 'Nullable(Float64)',
  uint8: 'UInt8',
};

const columnList = (columns: readonly ColumnDef[], types: Readonly<Record<ColumnType, string>>): string =>
  columns.map((c) => `${c.name} ${types[c.type]}`).join(', ');

/** DuckDB: `$name` parameters, `quantile_cont`, tables rewritten in key order by `compact`. */
export const duckdbDialect: Dialect = {
  name: 'duckdb',
  placeholder: (name) => `$${name}`,
  bindValue: (param) => (param.type === 'Int64' ? BigInt(param.value) : param.value),
  quantile: (expr, p) => `quantile_cont(${expr}, ${p})`,
  sortedArray: (expr) => `list_sort(list(${expr}))`,
  arrayAt: (array, index) => `list_extract(${array}, ${index})`,
  orderedSum: (expr, orderBy) =>
    `list_sum(list(${expr} ORDER BY ${orderBy.join(', ')}) FILTER (WHERE ${expr} IS NOT NULL))`,
  countDistinct: (expr) => `count(DISTINCT ${expr})`,
  contains: (haystack, needle) => `(strpos(${haystack}, ${needle}) > 0)`,
  divide: (a, b) => `(CAST(${a} AS DOUBLE) / ${b})`,
  floorToInt: (expr) => `CAST(floor(${expr}) AS BIGINT)`,
  createTable: (name, columns) => `CREATE TABLE IF NOT EXISTS ${name} (${columnList(columns, DUCK_TYPES)})`,
  afterCreate: () => [],
  deleteWhere: (table, where) => `DELETE FROM ${table} WHERE ${where}`,
  compact: (table, _columns, layout) => [
    `CREATE OR REPLACE TABLE ${table}__compact AS SELECT * FROM ${table} ORDER BY ${layout.orderBy.join(', ')}`,
    `DROP TABLE ${table}`,
    `ALTER TABLE ${table}__compact RENAME TO ${table}`,
  ],
  selectSettings: '',
  orderCollatedEn: (expr, dir) => `${expr} COLLATE en ${dir} NULLS LAST`,
};

/** ClickHouse (chdb or a server): `{name:Type}` parameters, `quantileExactInclusive`, MergeTree ordered by key. */
export const clickhouseDialect: Dialect = {
  name: 'clickhouse',
  placeholder: (name, type) => `{${name}:${type}}`,
  bindValue: (param) => param.value,
  quantile: (expr, p) => `quantileExactInclusive(${p})(${expr})`,
  sortedArray: (expr) => `arraySort(groupArray(${expr}))`,
  arrayAt: (array, index) => `arrayElement(${array}, ${index})`,
  orderedSum: (expr, orderBy) =>
    `if(count(${expr}) = 0, NULL, arrayFold((acc, row) -> acc + row.${orderBy.length + 1}, ` +
    `arraySort(groupArrayIf((${orderBy.join(', ')}, assumeNotNull(${expr})), ${expr} IS NOT NULL)), toFloat64(0)))`,
  countDistinct: (expr) => `uniqExact(${expr})`,
  contains: (haystack, needle) => `(position(${haystack}, ${needle}) > 0)`,
  divide: (a, b) => `(toFloat64(${a}) / ${b})`,
  floorToInt: (expr) => `toInt64(floor(${expr}))`,
  createTable: (name, columns, layout: TableLayout) =>
    `CREATE TABLE IF NOT EXISTS ${name} (${columnList(columns, CLICKHOUSE_TYPES)}) ENGINE = MergeTree` +
    (layout.partitionBy ? ` PARTITION BY ${layout.partitionBy}` : '') +
    ` ORDER BY (${layout.orderBy.join(', ')})`,
  afterCreate: (name, layout) =>
    Object.entries(layout.projections ?? {}).flatMap(([projection, order]) => [
      `ALTER TABLE ${name} ADD PROJECTION IF NOT EXISTS ${projection} (SELECT * ORDER BY ${order.join(', ')})`,
    ]),
  deleteWhere: (table, where) => `DELETE FROM ${table} WHERE ${where}`,
  compact: () => [],
  selectSettings: ' SETTINGS join_use_nulls = 1',
  orderCollatedEn: (expr, dir) => `${expr} ${dir} NULLS LAST COLLATE 'en'`,
};
