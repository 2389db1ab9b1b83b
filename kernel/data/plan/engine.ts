/** Where a plan runs: an engine's dialect, a way to run a query, and the relation it reads. */
import type { Dialect } from './dialect.js';

/** A query parameter: a text or a double, never written into the SQL text. */
export type PlanParameter = string | number;

/** Rows as text (or null): every engine returns the same strings for the same values. */
export type TextRows = (string | null)[][];

export interface Engine {
  dialect: Dialect;
  /** Runs one SELECT with positional parameters ($1, $2, ...). */
  query(sql: string, params: readonly PlanParameter[]): Promise<TextRows>;
  /**
   * Runs one sorted SELECT (GROUP BY key ORDER BY key) and hands its rows over in chunks of about
   * `size` rows, so a long sorted result (the pairs of Kendall's tau) never sits in memory as text all
   * at once. Optional: without it, one query.
   */
  stream?(sql: string, params: readonly PlanParameter[], size: number, onRows: (rows: TextRows) => void): Promise<void>;
}

/**
 * The rows an analysis reads: a SELECT exposing each needed column's normalized value (DOUBLE for
 * numbers, text otherwise) under its own name, with the `--where` conditions applied; its parameters
 * come first ($1..$k), the plan's follow.
 */
export interface Relation {
  sql: string;
  params: PlanParameter[];
  /** A column of the relation giving the rows' order in the source (a file's row), when there is one. */
  order?: string;
}
