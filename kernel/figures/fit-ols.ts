/**
 * Fitted values and residuals of an `ols` request, for its diagnostic figures: the regression
 * engine's own validation (design matrix, listwise deletion) and least-squares fit, so the plots
 * show exactly the model whose coefficients the researcher reads.
 */
import { parseTermSpecs, type TermSpec } from '../analyses/regression/design.js';
import { fitLeastSquares } from '../analyses/regression/fit.js';
import { validateOls } from '../analyses/regression/validate.js';
import type { AnalysisRequest, Table } from '../types.js';
import type { OlsFit } from './model-values.js';

export type { OlsFit } from './model-values.js';

/** The predictor terms of an `ols` request (`x^2` as a power of x, `degree` expanded), as the regression engine parses them. */
export function parseTerms(request: AnalysisRequest, table: Table): TermSpec[] {
  return parseTermSpecs(
    request.roles.predictors ?? [],
    request.options.degree,
    table.columns.map((c) => c.name),
  );
}

/** Least-squares fitted values and residuals of an `ols` request on a table. */
export function computeOlsFit(request: AnalysisRequest, table: Table): OlsFit {
  const validated = validateOls(request, table);
  const fit = fitLeastSquares(validated.input.design, validated.input.y);
  return {
    outcome: validated.input.outcome,
    observed: validated.input.y,
    fitted: fit.fitted,
    residuals: fit.residuals,
    n: validated.n,
    nMissing: validated.nMissing,
    dropped: validated.dropped,
  };
}
