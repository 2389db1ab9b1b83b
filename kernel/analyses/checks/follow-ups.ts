/**
 * Advice that follows from a result rather than from a failed check, written once for every
 * comparison of groups: the post-hoc after a significant omnibus test, the variance policy (Welch
 * by default; Levene reported, never used to choose a test) and the note for count outcomes.
 */
import { formatNumber, formatP } from '../common/format.js';
import { mean, variance } from '../common/moments.js';

/** The omnibus tests that have a post-hoc follow-up. */
export type Omnibus = 'anova_oneway' | 'welch_anova' | 'kruskal_wallis';

/** Level names that read as a control group (Dunnett's comparisons then fit). */
const CONTROL = /^(ctrl|control|controls|placebo|baseline|reference|ref|untreated|sham|vehicle|none)$/i;

/** The level that reads as a control group, if any. */
export function findControlLevel(levels: readonly string[]): string | undefined {
  return levels.find((l) => CONTROL.test(l.trim()));
}

/**
 * After a significant omnibus test: which groups differ? Games-Howell after Welch's F, Tukey after
 * the classical F, Dunn with Holm after Kruskal-Wallis; Dunnett is mentioned when a level reads
 * as a control. Nothing when the test was not significant at alpha = 1 - confLevel.
 */
export function recommendPostHoc(test: Omnibus, pValue: number, confLevel: number, levels: readonly string[]): string[] {
  const alpha = 1 - confLevel;
  if (!(pValue < alpha) || levels.length < 3) return [];
  const at = `(${formatP(pValue)} at alpha = ${formatNumber(alpha, 2).replace(/^0/, '')})`;
  const control = findControlLevel(levels);
  const dunnett = control
    ? ` If only the comparisons with the control '${control}' matter, Dunnett's procedure (not yet in Inferra) compares each group with it and has more power.`
    : '';
  switch (test) {
    case 'welch_anova':
      return [`The omnibus test is significant ${at}; to see which groups differ, consider games_howell: pairwise differences with simultaneous CIs, without assuming equal variances (the natural follow-up of Welch's F).${dunnett}`];
    case 'anova_oneway':
      return [`The omnibus test is significant ${at}; to see which groups differ, consider tukey_hsd: pairwise differences with simultaneous CIs under the same equal-variance model (games_howell if the variances differ).${dunnett}`];
    case 'kruskal_wallis':
      return [`The omnibus test is significant ${at}; to see which groups differ, consider dunn: Dunn's pairwise z tests on the mean ranks (the same ranks as Kruskal-Wallis), with Holm's adjustment.${dunnett}`];
  }
}

/** "SDs 384 to 504 (ratio 1.31)" over groups with n >= 2. */
function describeSpread(samples: readonly ArrayLike<number>[]): { text: string; ratio: number } | undefined {
  const sds = samples.filter((s) => s.length >= 2).map((s) => Math.sqrt(variance(s)));
  if (sds.length < 2) return undefined;
  const lo = Math.min(...sds);
  const hi = Math.max(...sds);
  const ratio = lo > 0 ? hi / lo : Infinity;
  return { text: `group SDs ${formatNumber(lo)} to ${formatNumber(hi)}, largest/smallest = ${formatNumber(ratio)}`, ratio };
}

/**
 * The variance policy for a model that pools variances (Student's t, classical F, Tukey): the
 * unequal-variance version is the default and is offered whatever Levene's test says (reported,
 * not used to choose).
 */
export function recommendUnequalVariance(pooled: 'ttest_ind' | 'anova_oneway' | 'tukey_hsd', samples: readonly ArrayLike<number>[]): string[] {
  const spread = describeSpread(samples);
  const seen = spread ? ` (here ${spread.text})` : '';
  const levene = "Levene's test is reported as a description, not used to pick the test.";
  switch (pooled) {
    case 'ttest_ind':
      return [`This test pools the two variances${seen}. ttest_welch does not assume equal variances and is the default for two groups: it loses almost nothing when they are equal. ${levene}`];
    case 'anova_oneway':
      return [`The classical F pools the variances${seen}. welch_anova does not assume equal variances and is the default for three or more groups: it loses little when they are equal and stays accurate when they differ, above all with unequal n. ${levene}`];
    case 'tukey_hsd':
      return [`Tukey's HSD pools the variances${seen}. games_howell does not assume equal variances. ${levene}`];
  }
}

/** Whether every value is a non-negative whole number (a count). */
export function isCountOutcome(samples: readonly ArrayLike<number>[]): boolean {
  let seen = 0;
  for (const s of samples) {
    for (let i = 0; i < s.length; i++) {
      const v = s[i];
      if (Number.isNaN(v)) continue;
      if (v < 0 || !Number.isInteger(v)) return false;
      seen++;
    }
  }
  return seen > 0;
}

/**
 * For count outcomes whose variance grows with the mean (the group with the larger mean has the
 * larger variance, and the variances differ at least twofold): a note suggesting a Poisson or
 * negative-binomial model, or a square-root transform.
 */
export function recommendForCounts(outcome: string, samples: readonly ArrayLike<number>[]): string[] {
  if (samples.length < 2 || !isCountOutcome(samples)) return [];
  const stats = samples.filter((s) => s.length >= 2).map((s) => ({ m: mean(s), v: variance(s) }));
  if (stats.length < 2) return [];
  // Rank agreement between means and variances (Kendall-like): most pairs ordered the same way.
  let concordant = 0;
  let pairs = 0;
  for (let i = 0; i < stats.length; i++) {
    for (let j = i + 1; j < stats.length; j++) {
      const dm = stats[i].m - stats[j].m;
      const dv = stats[i].v - stats[j].v;
      if (dm === 0 || dv === 0) continue;
      pairs++;
      if (Math.sign(dm) === Math.sign(dv)) concordant++;
    }
  }
  const vs = stats.map((s) => s.v);
  const lo = Math.min(...vs);
  const hi = Math.max(...vs);
  const grows = pairs > 0 && concordant / pairs >= 0.7 && (lo === 0 || hi / lo >= 2);
  if (!grows) return [];
  const ms = stats.map((s) => s.m);
  return [
    `The outcome ${outcome} holds counts (non-negative whole numbers) whose variance grows with the mean (group means ${formatNumber(Math.min(...ms))} to ${formatNumber(Math.max(...ms))}, variances ${formatNumber(lo)} to ${formatNumber(hi)}): a Poisson or negative-binomial model (a GLM, not yet in Inferra) fits such data, or compare square roots of the counts, which roughly equalises the variances.`,
  ];
}
