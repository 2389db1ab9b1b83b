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
  /**
   * The exact sum of floor(y) over doubles |y| < 2^96 as three texts a, b, c with sum = a 2^64 +
   * b 2^32 + c, in fewer steps than three 32-bit chunks (run.ts), when the engine allows it.
   */
  floorSum?(y: string): [string, string, string];
  /** What ends a derived table the engine must not inline into the query around it (PostgreSQL: OFFSET 0). */
  fence: string;
  /** A value as text, for hashing a row. */
  asText(expression: string): string;
  /**
   * The aggregate of a column's quantiles at `probabilities`, interpolated between order statistics
   * (R's type 7), in one pass, as a text listing them ("[1.5, 2.0]" or "{1.5,2}").
   */
  quantilesCont(expression: string, probabilities: readonly number[]): string;
  /** The aggregate of a column's lower median: its value of rank ceil(n / 2) (a selection, not a sort). */
  lowerMedian(expression: string): string;
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
  // floor(y) = h 2^48 + floor(y - h 2^48) with h = floor(y 2^-48): both parts are exact doubles below
  // 2^48 in magnitude, so each is an exact BIGINT, and DuckDB sums BIGINTs exactly (as HUGEINT).
  floorSum: (y) => {
    const high = `floor(${y} * ${exactDouble(2 ** -48)})`;
    return [`'0'`, `CAST(sum(CAST(${high} AS BIGINT)) * 65536 AS VARCHAR)`, `CAST(sum(CAST(floor(${y} - ${high} * ${exactDouble(2 ** 48)}) AS BIGINT)) AS VARCHAR)`];
  },
  // DuckDB evaluates a derived table's projection once per row; OFFSET 0 would only stop it from running in parallel.
  fence: '',
  asText: (e) => `CAST(${e} AS VARCHAR)`,
  // quantile_disc at 0.5 is the value of 0-based rank floor((n - 1) / 2).
  lowerMedian: (e) => `quantile_disc(${e}, ${exactDouble(0.5)})`,
  quantilesCont: (e, ps) => `CAST(quantile_cont(${e}, [${ps.map(exactDouble).join(', ')}]) AS VARCHAR)`,
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
  // OFFSET 0 keeps PostgreSQL from inlining a derived table's expressions into every use of them.
  fence: ' OFFSET 0',
  asText: (e) => `CAST(${e} AS TEXT)`,
  // percentile_disc at 0.5 is the first value whose rank reaches n / 2.
  lowerMedian: (e) => `percentile_disc(${exactDouble(0.5)}) WITHIN GROUP (ORDER BY ${e})`,
  quantilesCont: (e, ps) => `CAST(percentile_cont(ARRAY[${ps.map(exactDouble).join(', ')}]) WITHIN GROUP (ORDER BY ${e}) AS TEXT)`,
};
