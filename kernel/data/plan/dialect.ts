/**
 * The SQL that differs between engines, and nothing else: the plan (plan.ts, sql.ts) writes standard
 * SQL through these few functions, so another engine (a warehouse) is one more `Dialect`.
 */
export interface Dialect {
  name: 'duckdb' | 'postgres';
  /** A quoted identifier ("my col"). */
  identifier(name: string): string;
  /** A typed query parameter ($1) of a double. */
  doubleParameter(index: number): string;
  /** A typed query parameter ($1) of a text. */
  textParameter(index: number): string;
  /** An exact double constant (a power of two written so that it parses back exactly). */
  doubleConstant(value: number): string;
  /** A double that is an integer (|x| < 2^53) as a 64-bit integer. */
  toBigint(expression: string): string;
  /** The exact sum of 64-bit integers, as text (no rounding, no overflow). */
  exactSum(expression: string): string;
  /** A value as text, for hashing a row. */
  asText(expression: string): string;
  /** The aggregate of a column's quantile at `p` interpolated between order statistics (R's type 7). */
  quantileCont(expression: string, p: string): string;
}

/** Identifiers in double quotes, inner quotes doubled (both engines). */
function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A double's shortest round-trip text, which parses back to the same double in both engines. */
function exactDouble(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite constant: ${value}`);
  return `CAST('${String(value)}' AS DOUBLE PRECISION)`;
}

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  identifier: quoteIdentifier,
  doubleParameter: (i) => `CAST($${i} AS DOUBLE)`,
  textParameter: (i) => `CAST($${i} AS VARCHAR)`,
  doubleConstant: exactDouble,
  toBigint: (e) => `CAST(${e} AS BIGINT)`,
  // sum(BIGINT) is an exact HUGEINT in DuckDB.
  exactSum: (e) => `CAST(sum(${e}) AS VARCHAR)`,
  asText: (e) => `CAST(${e} AS VARCHAR)`,
  quantileCont: (e, p) => `quantile_cont(${e}, ${p})`,
};

export const postgresDialect: Dialect = {
  name: 'postgres',
  identifier: quoteIdentifier,
  doubleParameter: (i) => `CAST($${i} AS DOUBLE PRECISION)`,
  textParameter: (i) => `CAST($${i} AS TEXT)`,
  doubleConstant: exactDouble,
  toBigint: (e) => `CAST(${e} AS BIGINT)`,
  // sum(bigint) is an exact numeric in PostgreSQL.
  exactSum: (e) => `CAST(sum(${e}) AS TEXT)`,
  asText: (e) => `CAST(${e} AS TEXT)`,
  quantileCont: (e, p) => `percentile_cont(${p}) WITHIN GROUP (ORDER BY ${e})`,
};
