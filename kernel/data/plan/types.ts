/**
 * The aggregate plan as data: what an analysis asks of the data, written without SQL, so the data
 * layer can run it where the data lives (DuckDB for files, PostgreSQL for database tables) and only
 * aggregates come back. Each aggregate has a mergeable partial state (state.ts).
 */

/** A column of the relation, with how its values are compared. */
export interface PlanColumn {
  name: string;
  /** Numbers are DOUBLE in the relation; labels of a numeric grouping column are printed in JavaScript. */
  numeric: boolean;
}

/** Per group (or overall): n, min, max, the exact sum, then exact centred sums of squares. */
export interface MomentsAggregate {
  kind: 'moments';
  value: PlanColumn;
  group?: PlanColumn;
  /** 4: also the exact sums of d^3 and d^4 (skewness and kurtosis); default 2. */
  order?: 2 | 4;
}

/** Means, centred sums of squares and the centred cross-product of two numeric columns (complete pairs). */
export interface CoMomentsAggregate {
  kind: 'comoments';
  x: PlanColumn;
  y: PlanColumn;
}

/** Counts of every combination of two columns' levels (complete pairs). */
export interface CountsAggregate {
  kind: 'counts';
  row: PlanColumn;
  col: PlanColumn;
}

/** Rows of the relation, and rows where every listed column has a value. */
export interface CompleteAggregate {
  kind: 'complete';
  columns: PlanColumn[];
}

/**
 * A bounded, deterministic sample of complete rows for the assumption checks (at most `limit` per
 * group): the rows whose values' MD5 is smallest. A group with at most `limit` rows is taken whole.
 */
export interface SampleAggregate {
  kind: 'sample';
  columns: PlanColumn[];
  group?: PlanColumn;
  limit: number;
}

export type Aggregate = MomentsAggregate | CoMomentsAggregate | CountsAggregate | CompleteAggregate | SampleAggregate;

/** A factor of a design column: a numeric column to a power, or the indicator (0/1) of one level of a column. */
export type DesignFactor = { column: PlanColumn; power: number } | { column: PlanColumn; level: string };

/** A design column of a linear model: the product of its factors. */
export interface DesignColumnSpec {
  factors: DesignFactor[];
}

/**
 * The cross-products of a linear model's columns (the outcome first) over the rows complete in
 * `columns`: exact sums, then exact sums of products of the columns centred about their means
 * (`centred`, a model with an intercept) or about zero.
 */
export interface CrossProductsAggregate {
  kind: 'crossproducts';
  columns: PlanColumn[];
  terms: DesignColumnSpec[];
  centred: boolean;
}
