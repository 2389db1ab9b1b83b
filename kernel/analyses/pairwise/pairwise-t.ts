/**
 * Pairwise t-tests between every two groups with a p-value adjustment, as R
 * `pairwise.t.test(y, g, p.adjust.method, pool.sd)`: with the pooled sd, each t uses the sd and df
 * of all groups together; without it, each pair gets its own Welch test. Comparisons are ordered as
 * R's lower triangle (for each first level j, every later level i: "i vs j", difference mean_i - mean_j).
 */
import { InferraError } from '../../errors.js';
import type { AnalysisOptions, AnalysisRequest, Table } from '../../types.js';
import { pValueT } from '../common/distributions.js';
import { formatP } from '../common/format.js';
import { mean, variance } from '../common/moments.js';
import { requireRole, selectGroups } from '../common/select.js';
import type { Summary, Validated } from '../types.js';

/** The typed input: the outcome split by the group's levels. */
export interface PairwiseInput {
  outcome: string;
  group: string;
  levels: string[];
  samples: Float64Array[];
}

/** One comparison. */
export interface PairwiseComparison {
  group1: string;
  group2: string;
  difference: number;
  statistic: number;
  df: number;
  pValue: number;
  pAdj: number;
}

/** pairwise_ttest's result. */
export interface PairwiseResult {
  comparisons: PairwiseComparison[];
  pAdjust: 'holm' | 'bonferroni' | 'BH' | 'none';
  poolSd: boolean;
}

/** The outcome by a group of at least two levels (each with 2 or more values). */
export function validatePairwise(request: AnalysisRequest, table: Table): Validated<PairwiseInput> {
  const analysis = request.analysis;
  const outcome = requireRole(request.roles.outcome, { analysis, role: 'outcome' });
  const group = requireRole(request.roles.group, { analysis, role: 'group' });
  const g = selectGroups(table, { analysis, role: 'group', outcome, group, levels: request.options.levels, minLevels: 2, expected: 'at least 2' });
  g.samples.forEach((s, i) => {
    if (s.length < 2) throw new InferraError('too-few-observations', { analysis, needed: 2, actual: s.length, where: `group ${g.levels[i]} of ${group}` });
  });
  return { input: { outcome, group, levels: g.levels, samples: g.samples }, n: g.n, nMissing: g.nMissing, dropped: g.dropped };
}

/** R's `p.adjust` for holm, bonferroni, BH and none. */
export function adjustPValues(p: readonly number[], method: PairwiseResult['pAdjust']): number[] {
  const n = p.length;
  if (method === 'none' || n <= 1) return [...p];
  if (method === 'bonferroni') return p.map((v) => Math.min(1, n * v));
  const out = new Array<number>(n);
  if (method === 'holm') {
    const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b] || a - b);
    let running = 0;
    order.forEach((i, rank) => {
      running = Math.max(running, (n - rank) * p[i]);
      out[i] = Math.min(1, running);
    });
    return out;
  }
  // Benjamini-Hochberg: from the largest p down, the running minimum of n / rank * p.
  const order = p.map((_, i) => i).sort((a, b) => p[b] - p[a] || b - a);
  let running = Infinity;
  order.forEach((i, k) => {
    running = Math.min(running, (n / (n - k)) * p[i]);
    out[i] = Math.min(1, running);
  });
  return out;
}

/** Every pair's t-test and the adjusted p-values. */
export function computePairwise(input: PairwiseInput, options: AnalysisOptions): PairwiseResult {
  const pAdjust = options.pAdjust ?? 'holm';
  const poolSd = options.poolSd ?? true;
  const means = input.samples.map((s) => mean(s));
  const variances = input.samples.map((s) => variance(s));
  const sizes = input.samples.map((s) => s.length);
  const totalDf = sizes.reduce((s, n) => s + n - 1, 0);
  const pooledSd = Math.sqrt(variances.reduce((s, v, i) => s + v * (sizes[i] - 1), 0) / totalDf);
  const raw: Omit<PairwiseComparison, 'pAdj'>[] = [];
  const k = input.levels.length;
  for (let j = 0; j < k - 1; j++) {
    for (let i = j + 1; i < k; i++) {
      const difference = means[i] - means[j];
      let se: number;
      let df: number;
      if (poolSd) {
        se = pooledSd * Math.sqrt(1 / sizes[i] + 1 / sizes[j]);
        df = totalDf;
      } else {
        const a = variances[i] / sizes[i];
        const b = variances[j] / sizes[j];
        se = Math.sqrt(a + b);
        df = (a + b) ** 2 / (a * a / (sizes[i] - 1) + (b * b) / (sizes[j] - 1));
      }
      if (!(se > 0)) throw new InferraError('zero-variance', { where: `Groups ${input.levels[i]} and ${input.levels[j]}`, value: means[i], analysis: 'pairwise_ttest' });
      const statistic = difference / se;
      raw.push({ group1: input.levels[i], group2: input.levels[j], difference, statistic, df, pValue: pValueT(statistic, df, options.alternative) });
    }
  }
  const adjusted = adjustPValues(raw.map((c) => c.pValue), pAdjust);
  return Object.freeze({ comparisons: raw.map((c, m) => ({ ...c, pAdj: adjusted[m] })), pAdjust, poolSd });
}

/** A table of the pairs and a sentence naming the ones that differ. */
export function summarizePairwise(result: PairwiseResult, input: PairwiseInput): Summary {
  const adjustName = { holm: 'Holm', bonferroni: 'Bonferroni', BH: 'Benjamini-Hochberg', none: 'no' }[result.pAdjust];
  const significant = result.comparisons.filter((c) => c.pAdj < 0.05);
  const list = significant.map((c) => `${c.group1} vs ${c.group2} (${formatP(c.pAdj)})`).join(', ');
  return {
    summary:
      `Pairwise t-tests of ${input.outcome} between the ${input.levels.length} groups of ${input.group} (${result.poolSd ? 'pooled sd' : 'Welch, separate sds'}, ${adjustName} adjustment): ` +
      (significant.length === 0 ? `no pair differed at α = .05 (smallest adjusted ${formatP(Math.min(...result.comparisons.map((c) => c.pAdj)))}).` : `${significant.length} of ${result.comparisons.length} pairs differed: ${list}.`),
    tables: [
      {
        title: `Pairwise t-tests of ${input.outcome} by ${input.group}`,
        columns: [
          { key: 'group_1', label: 'Group 1' },
          { key: 'group_2', label: 'Group 2' },
          { key: 'difference', label: 'Difference (1 - 2)' },
          { key: 'statistic', label: 't' },
          { key: 'df', label: 'df' },
          { key: 'p_value', label: 'p (unadjusted)' },
          { key: 'p_adj', label: `p (${adjustName})` },
        ],
        rows: result.comparisons.map((c) => ({ group_1: c.group1, group_2: c.group2, difference: c.difference, statistic: c.statistic, df: c.df, p_value: c.pValue, p_adj: c.pAdj })),
        note: `${result.poolSd ? 'One sd pooled over all groups, with its degrees of freedom' : "Each pair's own Welch test"}; p-values adjusted over the ${result.comparisons.length} comparisons (${adjustName}), as R pairwise.t.test.`,
      },
    ],
  };
}
