/** Validation of an `ols` request: outcome and predictor columns, listwise deletion, the design. */
import { InferraError } from '../../errors.js';
import type { AnalysisRequest, Roles, Table } from '../../types.js';
import { completeRows, droppedForMissing, findColumn, findNumericColumn, pick, requireRole } from '../common/select.js';
import type { Validated } from '../types.js';
import { buildDesignColumns, columnsOfTerms, countDesignColumns, parseTermSpecs } from './design.js';
import type { Design } from './fit.js';

/** The typed input of `ols`. */
export interface OlsInput {
  outcome: string;
  /** The requested terms as written, powers expanded (`height`, `height^2`); a factor is one term. */
  predictors: string[];
  y: Float64Array;
  design: Design;
  /** Table rows used (complete in the outcome and every predictor column). */
  rows: number[];
  /** The requested term each design column came from (parallel to `design.columns`). */
  sources?: string[];
  /** Each treatment-coded factor's reference level. */
  references?: { column: string; level: string }[];
}

/** The columns `ols` reads: the outcome, then each predictor's column once. */
export function columnsForOls(roles: Roles): string[] {
  const specs = parseTermSpecs(roles.predictors ?? [], undefined);
  return [...new Set([...(roles.outcome ? [roles.outcome] : []), ...columnsOfTerms(specs)])];
}

/** Request + table -> the `ols` input, or `missing-role`, `column-not-found`, `column-not-numeric`, `too-few-observations`. */
export function validateOls(request: AnalysisRequest, table: Table): Validated<OlsInput> {
  const context = { analysis: 'ols', role: 'outcome' };
  const outcomeName = requireRole(request.roles.outcome, context);
  const predictors = request.roles.predictors ?? [];
  if (predictors.length === 0) {
    throw new InferraError('missing-role', { analysis: 'ols', role: 'predictors' });
  }
  const specs = parseTermSpecs(
    predictors,
    request.options.degree,
    table.columns.map((c) => c.name),
  );
  const outcome = findNumericColumn(table, outcomeName, context);
  const names = columnsOfTerms(specs);
  const columns = names.map((name) => findColumn(table, name));
  const { rows, dropped } = completeRows([outcome, ...columns], table.rowCount);
  checkDesignSize(rows.length, countDesignColumns(table, specs, rows, request.options.intercept) + (request.options.intercept ? 1 : 0));
  const built = buildDesignColumns(table, specs, rows, request.options.intercept);
  const p = built.columns.length + (request.options.intercept ? 1 : 0);
  if (rows.length <= p) {
    throw new InferraError('too-few-observations', { analysis: 'ols', needed: p + 1, actual: rows.length });
  }
  return {
    input: {
      outcome: outcomeName,
      predictors: [...new Set(specs.map((s) => s.label))],
      y: pick(outcome.values, rows),
      design: { terms: built.terms, columns: built.columns, intercept: request.options.intercept },
      rows,
      sources: built.sources,
      references: built.references,
    },
    n: rows.length,
    nMissing: dropped,
    dropped: droppedForMissing([outcomeName, ...names.filter((n) => n !== outcomeName)], dropped),
  };
}

/**
 * The most values (rows x coefficients) an `ols` fit may hold. The fit keeps about four copies of
 * the design (the columns, their centred copy, the QR factors and the refinement's residuals), 8
 * bytes a value: 25 million values are about 0.8 GB.
 */
export const MAX_DESIGN_VALUES = 25_000_000;

/** Bytes the fit needs per design value (four copies of 8-byte doubles). */
const BYTES_PER_DESIGN_VALUE = 32;

/** `design-too-large` before anything of the design's size is allocated (`analysis` names the model in the message). */
export function checkDesignSize(rows: number, coefficients: number, analysis?: string): void {
  const values = rows * coefficients;
  if (values <= MAX_DESIGN_VALUES) return;
  throw new InferraError('design-too-large', {
    rows,
    coefficients,
    values,
    max: MAX_DESIGN_VALUES,
    gigabytes: (values * BYTES_PER_DESIGN_VALUE) / 1e9,
    ...(analysis ? { analysis } : {}),
  });
}
