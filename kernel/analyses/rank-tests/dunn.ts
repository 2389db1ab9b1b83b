/**
 * Dunn's (1964) pairwise comparisons after a Kruskal-Wallis test: the same joint ranks, each pair's
 * difference in mean ranks divided by its standard error under H0,
 *
 *   SE_ij = sqrt((N (N + 1) / 12 - sum(t^3 - t) / (12 (N - 1))) (1/n_i + 1/n_j)),
 *
 * with the tie correction sum over tied groups of size t; two-sided normal p-values, adjusted for
 * the family (Holm by default, as R's `p.adjust`). The difference is second-named minus first, as
 * in the other post-hoc comparisons.
 */
import type { AnalysisOptions } from '../../types.js';
import { upperNormal } from '../common/distributions.js';
import { rankAverage } from '../common/ranks.js';
import { adjustPValues, type PAdjustMethod } from '../common/p-adjust.js';
import { listPairs } from '../posthoc/compute.js';
import type { KGroupInput } from './compute.js';

/** 2 P(Z > |z|) with full tail accuracy (R: `2 * pnorm(-abs(z))`). */
function twoSidedNormal(z: number): number {
  return Number.isNaN(z) ? NaN : Math.min(1, 2 * upperNormal(Math.abs(z)));
}

/** One pair of groups. */
export interface DunnComparison {
  group1: string;
  group2: string;
  /** Mean rank of group2 minus mean rank of group1. */
  diff: number;
  se: number;
  /** z = diff / se. */
  statistic: number;
  /** Unadjusted two-sided p. */
  pValue: number;
  pAdj: number;
}

/** The result of `dunn`. */
export interface DunnResult {
  comparisons: DunnComparison[];
  groups: { level: string; n: number; meanRank: number }[];
  n: number;
  pAdjust: PAdjustMethod;
  /** sum(t^3 - t) over ties. */
  tieCorrection: number;
  confLevel: number;
}

/** Dunn's z tests for every pair of groups, adjusted by `method`. */
export function computeDunn(input: KGroupInput, options: Pick<AnalysisOptions, 'confLevel'> & { pAdjust?: PAdjustMethod }): DunnResult {
  const all: number[] = [];
  for (const s of input.samples) for (const v of s) all.push(v);
  const n = all.length;
  const { ranks, tieSizes } = rankAverage(all);
  let offset = 0;
  const groups = input.samples.map((s, k) => {
    let r = 0;
    for (let i = 0; i < s.length; i++) r += ranks[offset + i];
    offset += s.length;
    return { level: input.levels[k], n: s.length, meanRank: r / s.length };
  });
  let ties = 0;
  for (const t of tieSizes) ties += t * t * t - t;
  const base = (n * (n + 1)) / 12 - ties / (12 * (n - 1));
  const method = options.pAdjust ?? 'holm';
  const raw = listPairs(groups.length).map(([a, b]) => {
    const g1 = groups[a];
    const g2 = groups[b];
    const diff = g2.meanRank - g1.meanRank;
    const se = Math.sqrt(base * (1 / g1.n + 1 / g2.n));
    const statistic = diff / se;
    return { group1: g1.level, group2: g2.level, diff, se, statistic, pValue: twoSidedNormal(statistic) };
  });
  const adjusted = adjustPValues(raw.map((c) => c.pValue), method);
  return Object.freeze({
    comparisons: raw.map((c, i) => ({ ...c, pAdj: adjusted[i] })),
    groups,
    n,
    pAdjust: method,
    tieCorrection: ties,
    confLevel: options.confLevel,
  });
}
