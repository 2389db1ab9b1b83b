/** Validation of ANOVA requests: groups of the outcome with enough data to estimate variances. */
import { InferraError } from '../../errors.js';
import type { AnalysisId, AnalysisRequest, Table } from '../../types.js';
import type { KGroupInput } from '../rank-tests/compute.js';
import { selectKGroups } from '../rank-tests/validate.js';
import { isConstant } from '../ttest/validate.js';
import type { Validated } from '../types.js';

/** At least 2 groups, more observations than groups, and some variation within groups. */
export function validatePooledGroups(
  request: AnalysisRequest,
  table: Table,
  analysis: AnalysisId,
  minResidualDf: number,
): Validated<KGroupInput> {
  const v = selectKGroups(request, table, analysis, 1);
  const { samples, outcome, group } = v.input;
  if (v.n - samples.length < minResidualDf) {
    throw new InferraError('too-few-observations', {
      analysis,
      needed: samples.length + minResidualDf,
      actual: v.n,
      where: `${samples.length} groups of '${group}'`,
    });
  }
  if (samples.every((s) => isConstant(s))) {
    throw new InferraError('zero-variance', {
      analysis,
      where: `'${outcome}' within each group of '${group}'`,
      value: samples.every((s) => s[0] === samples[0][0]) ? samples[0][0] : 'the same within each group',
    });
  }
  return v;
}

/** Every group with at least `minPerGroup` values and some variation (Welch ANOVA, Games-Howell). */
export function validateSeparateVariances(
  request: AnalysisRequest,
  table: Table,
  analysis: AnalysisId,
  minPerGroup: number,
): Validated<KGroupInput> {
  const v = selectKGroups(request, table, analysis, minPerGroup);
  const { samples, outcome, group, levels } = v.input;
  samples.forEach((s, k) => {
    if (isConstant(s)) {
      throw new InferraError('zero-variance', { analysis, where: `'${outcome}' in ${group} = ${levels[k]}`, value: s[0] });
    }
  });
  return v;
}

/** One-way ANOVA: N > k and not every group constant. */
export function validateOneWayAnova(request: AnalysisRequest, table: Table): Validated<KGroupInput> {
  return validatePooledGroups(request, table, 'anova_oneway', 1);
}

/** Welch ANOVA: at least 2 values per group, none constant. */
export function validateWelchAnova(request: AnalysisRequest, table: Table): Validated<KGroupInput> {
  return validateSeparateVariances(request, table, 'welch_anova', 2);
}
