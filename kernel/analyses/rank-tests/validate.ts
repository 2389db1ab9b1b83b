/** Validation of rank-test requests: roles -> typed samples, or an InferraError naming what to fix. */
import { InferraError } from '../../errors.js';
import type { AnalysisId, AnalysisRequest, Table } from '../../types.js';
import type { Validated } from '../types.js';
import type { TwoSampleInput } from '../ttest/compute.js';
import { validateConfLevel, validateMu } from '../ttest/options.js';
import { isPairedRoles, selectPairs } from '../ttest/paired.js';
import { buildTwoSampleInput, requireVariation, selectGroupSamples, selectOneSample, selectTwoGroups } from '../ttest/validate.js';
import type { KGroupInput, SignedRankInput } from './compute.js';

/** Largest m * n for which the exact rank-sum distribution is computed when `--exact true` forces it. */
const EXACT_RANK_SUM_LIMIT = 10000;
/** Largest n for which the exact signed-rank distribution is computed when forced. */
const EXACT_SIGNED_RANK_LIMIT = 1000;

/** `zero-variance` when every value of all samples together is the same. */
function requireSomeVariation(samples: readonly Float64Array[], analysis: AnalysisId, where: string): void {
  requireVariation(samples.flatMap((s) => Array.from(s)), analysis, where);
}

/** Mann-Whitney: two groups with at least one value each, not all values equal. */
export function validateMannWhitney(request: AnalysisRequest, table: Table): Validated<TwoSampleInput> {
  const analysis = 'mann_whitney';
  validateConfLevel(request.options);
  validateMu(request.options);
  const g = selectTwoGroups(request, table, analysis, 1);
  requireSomeVariation(g.samples, analysis, `'${g.outcome}' across both groups`);
  const [x, y] = g.samples;
  if (request.options.exact === true && x.length * y.length > EXACT_RANK_SUM_LIMIT) {
    throw new InferraError('sample-too-large', {
      analysis: `${analysis} with an exact p-value`,
      max: `${EXACT_RANK_SUM_LIMIT} pairs (n1 x n2)`,
      actual: x.length * y.length,
    });
  }
  return buildTwoSampleInput(g);
}

/** Wilcoxon signed-rank: one sample (`column`/`outcome` against mu) or paired (wide or long). */
export function validateSignedRank(request: AnalysisRequest, table: Table): Validated<SignedRankInput> {
  const analysis = 'wilcoxon_signed_rank';
  validateConfLevel(request.options);
  validateMu(request.options);
  const { roles } = request;
  let validated: Validated<SignedRankInput>;
  if (isPairedRoles(roles) || roles.group) {
    const s = selectPairs(request, table, analysis);
    const [a, b] = s.input.labels;
    validated = {
      input: { design: 'paired', label: `${a} - ${b}`, labels: [a, b], format: s.input.format, values: s.input.differences },
      n: s.n,
      nMissing: s.nMissing,
      dropped: s.dropped,
    };
  } else {
    const s = selectOneSample(request, table, analysis);
    validated = {
      input: { design: 'one-sample', label: s.column, values: s.x },
      n: s.n,
      nMissing: s.nMissing,
      dropped: s.dropped,
    };
  }
  const values = validated.input.values;
  if (values.length === 0) throw new InferraError('too-few-observations', { analysis, needed: 1, actual: 0 });
  const mu = request.options.mu;
  if (values.every((v) => v - mu === 0)) {
    throw new InferraError('zero-variance', {
      analysis,
      where: validated.input.design === 'paired' ? `The difference ${validated.input.label}` : `'${validated.input.label}'`,
      value: values[0],
    });
  }
  if (request.options.exact === true && values.length > EXACT_SIGNED_RANK_LIMIT) {
    throw new InferraError('sample-too-large', {
      analysis: `${analysis} with an exact p-value`,
      max: EXACT_SIGNED_RANK_LIMIT,
      actual: values.length,
    });
  }
  return validated;
}

/** Groups of the outcome for k-group analyses: at least 2 levels, `minPerGroup` values in each. */
export function selectKGroups(
  request: AnalysisRequest,
  table: Table,
  analysis: AnalysisId,
  minPerGroup: number,
): Validated<KGroupInput> {
  validateConfLevel(request.options);
  const g = selectGroupSamples(request, table, analysis, minPerGroup, { minLevels: 2, expected: 'at least 2' });
  return {
    input: { outcome: g.outcome, group: g.group, levels: g.levels, samples: g.samples },
    n: g.n,
    nMissing: g.nMissing,
    dropped: g.dropped,
  };
}

/** Kruskal-Wallis: at least 2 groups with a value each, not all values equal. */
export function validateKruskalWallis(request: AnalysisRequest, table: Table): Validated<KGroupInput> {
  const v = selectKGroups(request, table, 'kruskal_wallis', 1);
  requireSomeVariation(v.input.samples, 'kruskal_wallis', `'${v.input.outcome}' across all groups`);
  return v;
}

/** Dunn's test: at least 2 groups (3 for it to be useful) with a value each, not all values equal. */
export function validateDunn(request: AnalysisRequest, table: Table): Validated<KGroupInput> {
  const v = selectKGroups(request, table, 'dunn', 1);
  requireSomeVariation(v.input.samples, 'dunn', `'${v.input.outcome}' across all groups`);
  return v;
}
