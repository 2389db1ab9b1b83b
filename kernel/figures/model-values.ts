/**
 * Observed values, fitted values and residuals of a figure's rows from a fitted model given as data
 * (`FittedModel`: the analysis' own coefficients, computed where the data live): the residual figures
 * of a planned `ols` show the model whose coefficients the researcher reads, whatever rows they draw,
 * with no refit on them.
 */
import { droppedForMissing, findColumn, labelsOf } from '../analyses/common/select.js';
import type { DroppedRows, FittedModel, ModelTermFactor, Table } from '../types.js';

/** Observed values, fitted values and residuals of a model on the complete rows of a table. */
export interface OlsFit {
  outcome: string;
  observed: Float64Array;
  fitted: Float64Array;
  residuals: Float64Array;
  n: number;
  nMissing: number;
  dropped: DroppedRows[];
}

/** A factor's value on every row (NaN where its column is missing). */
function factorValues(table: Table, factor: ModelTermFactor): Float64Array {
  const column = findColumn(table, factor.column);
  if ('level' in factor) return Float64Array.from(labelsOf(column), (label) => (label === null ? NaN : label === factor.level ? 1 : 0));
  if (column.kind !== 'numeric') return new Float64Array(table.rowCount).fill(NaN);
  const p = factor.power;
  return Float64Array.from(column.values, (v) => (p === 1 ? v : p === 2 ? v * v : v ** p));
}

/** The model's fitted values and residuals on the rows of `table` complete in the model's columns. */
export function evaluateModel(model: FittedModel, table: Table): OlsFit {
  const y = findColumn(table, model.outcome);
  const observedAll = y.kind === 'numeric' ? y.values : new Float64Array(table.rowCount).fill(NaN);
  const complete = new Uint8Array(table.rowCount).fill(1);
  for (const name of model.columns) {
    labelsOf(findColumn(table, name)).forEach((label, i) => {
      if (label === null) complete[i] = 0;
    });
  }
  const terms = model.terms.map((t) => ({ coefficient: t.coefficient, values: t.factors.map((f) => factorValues(table, f)) }));
  const rows: number[] = [];
  for (let i = 0; i < table.rowCount; i++) if (complete[i]) rows.push(i);
  const observed = Float64Array.from(rows, (i) => observedAll[i]);
  const fitted = Float64Array.from(rows, (i) => {
    let f = model.intercept;
    for (const t of terms) {
      let v = t.coefficient;
      for (const factor of t.values) v *= factor[i];
      f += v;
    }
    return f;
  });
  const residuals = Float64Array.from(observed, (v, k) => v - fitted[k]);
  const nMissing = table.rowCount - rows.length;
  return { outcome: model.outcome, observed, fitted, residuals, n: rows.length, nMissing, dropped: droppedForMissing(model.columns, nMissing) };
}
