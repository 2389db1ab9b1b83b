/** Validation of t-test requests: roles -> typed samples, or an InferraError naming what to fix. */
import { InferraError } from '../../errors.js';
import type { AnalysisId, AnalysisRequest, Table } from '../../types.js';
import { requireRole, selectGroups, selectNumeric, type GroupedSample, type SelectGroupsOptions } from '../common/select.js';
import type { Validated } from '../types.js';
import type { OneSampleInput, PairedInput, TwoSampleInput } from './compute.js';
import { validateConfLevel, validateMu } from './options.js';
import { selectPairs } from './paired.js';

/** `too-few-observations` unless a sample has at least `needed` values. */
export function requireObservations(
  values: ArrayLike<number>,
  needed: number,
  analysis: AnalysisId,
  where?: string,
): void {
  if (values.length < needed) {
    throw new InferraError('too-few-observations', { analysis, needed, actual: values.length, where });
  }
}

/** Whether every value of a sample is the same. */
export function isConstant(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

/** `zero-variance` when every value of a sample is the same. */
export function requireVariation(values: ArrayLike<number>, analysis: AnalysisId, where: string): void {
  if (values.length > 0 && isConstant(values)) {
    throw new InferraError('zero-variance', { analysis, where, value: values[0] });
  }
}

/** The single-sample column: `column`, or `outcome` when no column is given. */
export function selectOneSample(request: AnalysisRequest, table: Table, analysis: AnalysisId) {
  const column = requireRole(request.roles.column ?? request.roles.outcome, { analysis, role: 'column' });
  const s = selectNumeric(table, [{ name: column, role: 'column' }], analysis);
  return { column, x: s.values[0], n: s.n, nMissing: s.nMissing, dropped: s.dropped };
}

/** One-sample t-test: at least 2 values that are not all equal. */
export function validateOneSampleTTest(request: AnalysisRequest, table: Table): Validated<OneSampleInput> {
  const analysis = 'ttest_one_sample';
  validateConfLevel(request.options);
  validateMu(request.options);
  const s = selectOneSample(request, table, analysis);
  requireObservations(s.x, 2, analysis, `'${s.column}'`);
  requireVariation(s.x, analysis, `'${s.column}'`);
  return { input: { design: 'one-sample', column: s.column, x: s.x }, n: s.n, nMissing: s.nMissing, dropped: s.dropped };
}

/** Select the outcome split by the `group` role (and `--levels`), with at least `minPerGroup` values per group. */
export function selectGroupSamples(
  request: AnalysisRequest,
  table: Table,
  analysis: AnalysisId,
  minPerGroup: number,
  levelCount: Pick<SelectGroupsOptions, 'minLevels' | 'maxLevels' | 'expected'>,
): GroupedSample {
  const outcome = requireRole(request.roles.outcome, { analysis, role: 'outcome' });
  const group = requireRole(request.roles.group, { analysis, role: 'group' });
  const g = selectGroups(table, { analysis, role: 'group', outcome, group, levels: request.options.levels, ...levelCount });
  g.samples.forEach((sample, k) => requireObservations(sample, minPerGroup, analysis, `${group} = ${g.levels[k]}`));
  return g;
}

/** Two groups of the outcome (first level minus second), each with at least `minPerGroup` values. */
export function selectTwoGroups(request: AnalysisRequest, table: Table, analysis: AnalysisId, minPerGroup: number): GroupedSample {
  return selectGroupSamples(request, table, analysis, minPerGroup, { minLevels: 2, maxLevels: 2, expected: 'exactly 2' });
}

/** Build the validated two-sample input (first level minus second) from two selected groups. */
export function buildTwoSampleInput(g: GroupedSample): Validated<TwoSampleInput> {
  const [x, y] = g.samples;
  return {
    input: { design: 'two-sample', outcome: g.outcome, group: g.group, levels: [g.levels[0], g.levels[1]], x, y },
    n: g.n,
    nMissing: g.nMissing,
    dropped: g.dropped,
  };
}

/** Student or Welch: two groups of at least 2; variances not both zero. */
export function validateTwoSampleTTest(
  request: AnalysisRequest,
  table: Table,
  analysis: 'ttest_ind' | 'ttest_welch',
): Validated<TwoSampleInput> {
  validateConfLevel(request.options);
  validateMu(request.options);
  const g = selectTwoGroups(request, table, analysis, 2);
  const [x, y] = g.samples;
  if (isConstant(x) && isConstant(y)) {
    throw new InferraError('zero-variance', {
      analysis,
      where: `'${g.outcome}' within each group of '${g.group}'`,
      value: x[0] === y[0] ? x[0] : `${x[0]} in ${g.levels[0]} and ${y[0]} in ${g.levels[1]}`,
    });
  }
  return buildTwoSampleInput(g);
}

/** Paired t-test: at least 2 pairs whose differences are not all equal. */
export function validatePairedTTest(request: AnalysisRequest, table: Table): Validated<PairedInput> {
  const analysis = 'ttest_paired';
  validateConfLevel(request.options);
  validateMu(request.options);
  const s = selectPairs(request, table, analysis);
  requireObservations(s.input.differences, 2, analysis, 'complete pairs');
  requireVariation(s.input.differences, analysis, `The difference ${s.input.labels[0]} - ${s.input.labels[1]}`);
  return s;
}
