/**
 * How Inferra judges normality for the analyses that compare or relate means (t-tests, ANOVA,
 * post-hoc, Pearson, OLS), written once. A Shapiro-Wilk p-value alone is not a verdict: at large n
 * it rejects departures too small to matter, at small n it misses large ones. The judgement uses
 *
 * - the size of the departure: sample skewness g1 = m3 / m2^1.5 and excess kurtosis g2 = m4 / m2^2 - 3;
 * - the n that governs the test's robustness (per group for group comparisons): by the central limit
 *   theorem the t and F tests on means hold up at moderate n per group unless the skew is severe.
 *
 * Verdicts: `fine` (Shapiro-Wilk does not reject), `robust` (it rejects, but the departure is small
 * for this n, so the test on means stands; ok), `doubtful` (small n or a severe departure; not ok).
 * Remedies keep the question about means first (Yuen's trimmed means, a bootstrap CI, a log
 * transform for positive right-skewed data); a rank test is offered only as a change of question
 * that says what it tests.
 */
import type { AssumptionCheck } from '../../types.js';
import { formatNumber, formatP } from '../common/format.js';
import { centralMoments } from '../common/moments.js';
import { checkNormality } from './assumptions.js';

/** Per-group n from which the t and F tests on means are robust to a moderate departure. */
export const ROBUST_N = 30;
/** Per-group n from which even a marked skew (|g1| < 2) leaves the test on means usable. */
export const LARGE_N = 100;
/** A departure this small (|g1|, |g2|) is mild whatever Shapiro-Wilk says. */
const MILD = { skew: 0.5, kurtosis: 1 };
/** Excess kurtosis below this suggests a mixture of subgroups (a flat or bimodal sample). */
const MIXTURE_KURTOSIS = -1;
/** Up to here a departure is moderate. */
const MODERATE = { skew: 1, kurtosis: 3 };

/** Skewness g1 and excess kurtosis g2 (moment estimators, as e1071's type 1). */
export function computeShape(values: ArrayLike<number>): { n: number; skewness: number; excessKurtosis: number } {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) kept.push(values[i]);
  const { n, m2, m3, m4 } = centralMoments(kept);
  return { n, skewness: m2 > 0 ? m3 / m2 ** 1.5 : NaN, excessKurtosis: m2 > 0 ? m4 / (m2 * m2) - 3 : NaN };
}

/** How large a departure from normality is, from its shape. */
export type Departure = 'mild' | 'moderate' | 'severe';

/** Mild, moderate or severe, by the larger of |skewness| and |excess kurtosis| against their scales. */
export function classifyDeparture(skewness: number, excessKurtosis: number): Departure {
  const s = Math.abs(skewness);
  const k = Math.abs(excessKurtosis);
  if (s < MILD.skew && k < MILD.kurtosis) return 'mild';
  if (s < MODERATE.skew && k < MODERATE.kurtosis) return 'moderate';
  return 'severe';
}

/** The verdict on one sample. */
export type NormalityVerdict = 'fine' | 'robust' | 'doubtful' | 'not-checked';

/** Whether a rejected normality still leaves the test on means robust at this n. */
export function isRobust(departure: Departure, skewness: number, nForRobustness: number): boolean {
  if (nForRobustness >= LARGE_N) return Math.abs(skewness) < 2;
  if (nForRobustness >= ROBUST_N) return departure !== 'severe';
  return departure === 'mild' && nForRobustness >= 15;
}

/** What the judged test is, for the notes: "the t-test", "the F test", "Pearson's r". */
export type JudgedTest = 't' | 'F' | 'r' | 'ols';

const TEST_TEXT: Record<JudgedTest, string> = {
  t: 'the t-test on means',
  F: 'the tests on the group means',
  r: "the test and CI of Pearson's r",
  ols: 'the t tests of the coefficients',
};

/** One sample to judge. */
export interface NormalitySample {
  target: string;
  values: ArrayLike<number>;
  /** The n that governs robustness (the smallest group's n for a pooled residual check); default the sample's n. */
  nForRobustness?: number;
}

/** A judged Shapiro-Wilk check: the usual check, with the verdict and the shape behind it. */
export interface JudgedCheck extends AssumptionCheck {
  verdict: NormalityVerdict;
  n?: number;
  skewness?: number;
  excessKurtosis?: number;
}

/** "skewness 0.35, excess kurtosis -1.10". */
function formatShape(skewness: number, excessKurtosis: number): string {
  return `skewness ${formatNumber(skewness)}, excess kurtosis ${formatNumber(excessKurtosis)}`;
}

/**
 * Shapiro-Wilk on each sample, judged by n and by the size of the departure. `ok` is the verdict
 * (true for `fine`, `robust` and `not-checked`); the note says why, with the numbers.
 */
export function judgeNormality(samples: readonly NormalitySample[], test: JudgedTest): JudgedCheck[] {
  const raw = checkNormality(samples.map(({ target, values }) => ({ target, values })));
  return raw.map((check, i) => {
    if (check.statistic === null || check.pValue === null) return { ...check, verdict: 'not-checked' as const };
    const shape = computeShape(samples[i].values);
    const nRobust = samples[i].nForRobustness ?? shape.n;
    const common = { ...check, n: shape.n, skewness: shape.skewness, excessKurtosis: shape.excessKurtosis };
    if (check.ok) {
      const { note: _drop, ...rest } = common;
      return { ...rest, verdict: 'fine' as const };
    }
    const departure = classifyDeparture(shape.skewness, shape.excessKurtosis);
    // A flat or two-humped shape often means subgroups are mixed (species, sex): say so.
    const mixture =
      shape.excessKurtosis < MIXTURE_KURTOSIS
        ? ' A flat or two-humped shape (negative excess kurtosis) often means subgroups are mixed in this sample; a grouping column (such as species) may explain it better than a transformation.'
        : '';
    const sw = `Shapiro-Wilk rejects exact normality (W = ${formatNumber(check.statistic, 3)}, ${formatP(check.pValue)})`;
    const perGroup = samples[i].nForRobustness !== undefined && samples[i].nForRobustness !== shape.n ? ' per group' : '';
    if (isRobust(departure, shape.skewness, nRobust)) {
      return {
        ...common,
        ok: true,
        verdict: 'robust' as const,
        note: `${sw}, but the departure is ${departure === 'severe' ? 'marked yet not extreme' : departure} (${formatShape(shape.skewness, shape.excessKurtosis)}) and with n = ${nRobust}${perGroup} ${TEST_TEXT[test]} is robust to it (central limit theorem); the QQ plot shows its shape.${mixture}`,
      };
    }
    return {
      ...common,
      ok: false,
      verdict: 'doubtful' as const,
      note: `${sw}; the departure is ${departure} (${formatShape(shape.skewness, shape.excessKurtosis)}) for n = ${nRobust}${perGroup}, so ${TEST_TEXT[test]} may be inaccurate.${mixture}`,
    };
  });
}

/** Whether a check is a doubtful normality verdict of this policy. */
function isDoubtful(check: AssumptionCheck): check is JudgedCheck {
  return (check as JudgedCheck).verdict === 'doubtful';
}

/** The design the remedies are for. */
export type NormalityDesign = 'one-sample' | 'paired' | 'two-groups' | 'k-groups' | 'correlation' | 'regression';

/** Whether every value is positive (a log transform is possible). */
function allPositive(samples: readonly ArrayLike<number>[]): boolean {
  return samples.every((s) => Array.prototype.every.call(s, (v: number) => Number.isNaN(v) || v > 0));
}

/**
 * Recommendations for doubtful normality checks: a remedy that keeps the question about means
 * first, then the rank test as a change of question that says what it tests. Empty when no check
 * is doubtful. `raw` are the original (untransformed, unresidualised) samples, for the log advice.
 */
export function recommendForNormality(checks: readonly AssumptionCheck[], design: NormalityDesign, raw: readonly ArrayLike<number>[] = []): string[] {
  const doubtful = checks.filter(isDoubtful);
  if (doubtful.length === 0) return [];
  const where = doubtful.map((c) => c.target).join('; ');
  const rightSkewed = doubtful.some((c) => (c.skewness ?? 0) > 0.5);
  const log = rightSkewed && raw.length > 0 && allPositive(raw) ? ' or compare log values (the values are positive and right-skewed; the result is then a ratio of geometric means)' : '';
  const lead = `Normality is doubtful for ${where} at this sample size.`;
  switch (design) {
    case 'two-groups':
      return [
        `${lead} To keep the question about means: Yuen's test of 20% trimmed means (yuen) or a bootstrap CI of the mean difference${log}. mann_whitney answers a different question: whether a value from one group tends to exceed one from the other (P(X > Y)), not whether the means differ.`,
      ];
    case 'one-sample':
    case 'paired':
      return [
        `${lead} To keep the question about the mean${design === 'paired' ? ' difference' : ''}: a bootstrap CI${log}. wilcoxon_signed_rank answers a different question: whether the ${design === 'paired' ? 'differences are' : 'values are'} symmetric about the null value (its estimate is a pseudo-median, not a mean).`,
      ];
    case 'k-groups':
      return [
        `${lead} To keep the question about means: a bootstrap of the group means, or trimmed means (Yuen's test for a pair)${log}. kruskal_wallis answers a different question: whether some group tends to have larger values than another (stochastic dominance, not means), and it assumes the groups have the same spread.`,
      ];
    case 'correlation':
      return [
        `${lead} Pearson's r still describes the linear association, but its p-value and CI assume bivariate normality: a bootstrap CI of r keeps the question${log ? `; a log transform of the skewed variable is another option` : ''}. spearman answers a different question: whether the association is monotonic (a correlation of ranks), not how linear it is.`,
      ];
    case 'regression':
      return [
        `${lead} The coefficients stay unbiased; for their tests and CIs use heteroskedasticity-consistent (HC3) standard errors or a bootstrap${log ? ', or model log(outcome) (the values are positive and right-skewed)' : ''}.`,
      ];
  }
}
