/** Robust comparisons that keep the question about the centre of each group: Yuen's trimmed-means test. */
import type { AnalysisRequest, Table } from '../../types.js';
import { InferraError } from '../../errors.js';
import type { TwoSampleInput } from '../ttest/compute.js';
import { twoGroupColumns } from '../ttest/index.js';
import { validateConfLevel, validateMu } from '../ttest/options.js';
import { buildTwoSampleInput, isConstant, selectTwoGroups } from '../ttest/validate.js';
import type { Analysis, Validated } from '../types.js';
import { summarizeYuen } from './summarize.js';
import { computeYuen, type YuenResult } from './yuen.js';

/** Two groups with at least 3 values each, not both constant. */
function validateYuen(request: AnalysisRequest, table: Table): Validated<TwoSampleInput> {
  validateConfLevel(request.options);
  validateMu(request.options);
  const g = selectTwoGroups(request, table, 'yuen', 3);
  const [x, y] = g.samples;
  if (isConstant(x) && isConstant(y)) {
    throw new InferraError('zero-variance', { analysis: 'yuen', where: `'${g.outcome}' within each group of '${g.group}'`, value: x[0] });
  }
  return buildTwoSampleInput(g);
}

const yuen: Analysis<TwoSampleInput, YuenResult> = {
  id: 'yuen',
  columnsFor: twoGroupColumns,
  validate: validateYuen,
  compute: (input, options) => computeYuen(input, options),
  // Trimmed means resist skew and outliers: no normality check.
  check: () => [],
  variant: (_input, result) => `Yuen's test of ${Math.round(result.trim * 100)}% trimmed means (unequal variances)`,
  summarize: (result, input) => summarizeYuen(result, input),
};

/** The robust analyses by id. */
export const robustAnalyses: Record<'yuen', Analysis> = { yuen };
