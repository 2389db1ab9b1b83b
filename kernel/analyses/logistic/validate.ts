/**
 * Validation of a `logistic` request: a two-level outcome (its success level as `--success` or the
 * contract's default), predictor terms as `ols` builds them (treatment dummies against the first
 * level), listwise deletion.
 */
import { InferraError } from '../../errors.js';
import type { AnalysisRequest, Roles, Table } from '../../types.js';
import { completeRows, droppedForMissing, findColumn, labelsOf, requireRole } from '../common/select.js';
import { chooseSuccess, levelsOver } from '../proportions/binary.js';
import { buildDesignColumns, columnsOfTerms, countDesignColumns, parseTermSpecs } from '../regression/design.js';
import { MAX_DESIGN_VALUES } from '../regression/validate.js';
import type { Validated } from '../types.js';

/** The typed input of `logistic`. */
export interface LogisticInput {
  outcome: string;
  /** The level modelled as 1, and the other one. */
  successLevel: string;
  otherLevel: string;
  /** The requested terms as written (a factor is one term). */
  predictors: string[];
  /** 1 for the success level, else 0. */
  y: Float64Array;
  /** Design columns without the intercept, their names (as R prints them) and the term each came from. */
  terms: string[];
  columns: Float64Array[];
  sources: string[];
  intercept: boolean;
  /** Each treatment-coded factor's reference level. */
  references: { column: string; level: string }[];
  /** Table rows used. */
  rows: number[];
}

/** The columns `logistic` reads: the outcome, then each predictor's column once. */
export function columnsForLogistic(roles: Roles): string[] {
  const specs = parseTermSpecs(roles.predictors ?? [], undefined);
  return [...new Set([...(roles.outcome ? [roles.outcome] : []), ...columnsOfTerms(specs)])];
}

/** Request + table -> the input, or `missing-role`, `column-not-found`, `outcome-not-binary`, `level-not-found`, `too-few-observations`. */
export function validateLogistic(request: AnalysisRequest, table: Table): Validated<LogisticInput> {
  const analysis = 'logistic';
  const outcomeName = requireRole(request.roles.outcome, { analysis, role: 'outcome' });
  const predictors = request.roles.predictors ?? [];
  if (predictors.length === 0) throw new InferraError('missing-role', { analysis, role: 'predictors' });
  const specs = parseTermSpecs(predictors, undefined, table.columns.map((c) => c.name));
  const outcome = findColumn(table, outcomeName);
  const names = columnsOfTerms(specs);
  if (names.includes(outcomeName)) {
    throw new InferraError('invalid-option', { option: 'predictors', detail: `includes the outcome '${outcomeName}' itself; leave it out of the predictors.` });
  }
  const { rows, dropped } = completeRows([outcome, ...names.map((name) => findColumn(table, name))], table.rowCount);
  const levels = levelsOver(outcome, rows);
  if (levels.length !== 2) {
    throw new InferraError('outcome-not-binary', { analysis, column: outcomeName, actual: levels.length, levels: levels.slice(0, 8).join(', ') + (levels.length > 8 ? ', ...' : '') });
  }
  const successLevel = chooseSuccess(levels, request.options.success, outcomeName, analysis);
  const labels = labelsOf(outcome);
  const y = Float64Array.from(rows, (i) => (labels[i] === successLevel ? 1 : 0));
  const intercept = request.options.intercept;
  // The fit holds about as many copies of the design as ols does (columns, weighted columns, QR): the same limit.
  const coefficients = countDesignColumns(table, specs, rows, intercept) + (intercept ? 1 : 0);
  if (rows.length * coefficients > MAX_DESIGN_VALUES) {
    const values = rows.length * coefficients;
    throw new InferraError('design-too-large', { analysis, rows: rows.length, coefficients, values, max: MAX_DESIGN_VALUES, gigabytes: (values * 32) / 1e9 });
  }
  const built = buildDesignColumns(table, specs, rows, intercept, analysis);
  const p = built.columns.length + (intercept ? 1 : 0);
  if (rows.length <= p) throw new InferraError('too-few-observations', { analysis, needed: p + 1, actual: rows.length });
  return {
    input: {
      outcome: outcomeName,
      successLevel,
      otherLevel: levels.find((l) => l !== successLevel) ?? '',
      predictors: [...new Set(specs.map((s) => s.label))],
      y,
      terms: built.terms,
      columns: built.columns,
      sources: built.sources,
      intercept,
      references: built.references,
      rows,
    },
    n: rows.length,
    nMissing: dropped,
    dropped: droppedForMissing([outcomeName, ...names], dropped),
  };
}

/** The factor terms of the input: those whose design columns are named other than the term (treatment dummies). */
export function factorSources(input: LogisticInput): Set<string> {
  const out = new Set<string>();
  input.sources.forEach((s, j) => {
    if (input.terms[j] !== s) out.add(s);
  });
  return out;
}
