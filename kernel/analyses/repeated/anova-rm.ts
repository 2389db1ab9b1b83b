/**
 * One-way repeated-measures ANOVA of a within-subject factor (long format, complete subjects), as R
 * `aov(y ~ w + Error(s / w))`, with the sphericity checks of `mauchly.test` and `anova.mlm(test =
 * "Spherical")` on the subjects-by-conditions matrix:
 *
 * - F = MS_effect / MS_error on (k - 1, (k - 1)(n - 1)) df, the subjects' own levels removed;
 * - the orthonormal (Helmert) contrasts of each subject's k values, z_i (k - 1 of them), and their
 *   sums of squares and products S around the contrast means. Mauchly's W = det(S) / (tr(S) / p)^p,
 *   p = k - 1, with Anderson's chi-square approximation of its p-value (second-order term included,
 *   written as R's mauchly.test writes it);
 *   Greenhouse-Geisser's epsilon tr(S)^2 / (p tr(S^2)); Huynh-Feldt's epsilon with Lecoutre's (1991)
 *   correction, ((n_r + 1) p e_GG - 2) / (p (n_r - p e_GG)), n_r = n - 1, not capped at 1 (as R);
 *   the corrected p-values use df x epsilon (Huynh-Feldt's epsilon capped at 1, as R does).
 * - generalised eta^2 (Olejnik & Algina 2003) = SS_effect / (SS_effect + SS_subjects + SS_error) and
 *   partial eta^2 = SS_effect / (SS_effect + SS_error) with its noncentral-F interval on (df1, df2).
 *
 * Which p the sentence reports is a stated rule, not a silent switch: when Mauchly's test rejects
 * sphericity (p < .05), the degrees of freedom are corrected, with Greenhouse-Geisser's epsilon when it
 * is at most .75 and Huynh-Feldt's (capped at 1) when it is above .75 (Girden 1992); otherwise the
 * uncorrected F test is reported. Every p is in the result and the table.
 */
import { InferraError } from '../../errors.js';
import { quantileT, upperChisq, upperF } from '../common/distributions.js';
import { mean, sd } from '../common/moments.js';
import { computeVarianceExplainedInterval } from '../common/noncentral-f.js';
import type { BlockInput } from './blocks.js';

/** Mauchly's test at this level decides whether the degrees of freedom are corrected. */
export const SPHERICITY_ALPHA = 0.05;
/** Greenhouse-Geisser's epsilon above this: the Huynh-Feldt correction instead (Girden 1992). */
export const GIRDEN_EPSILON = 0.75;

/** Which degrees of freedom the reported p-value uses. */
export type SphericityCorrection = 'none' | 'greenhouse_geisser' | 'huynh_feldt';

/** One condition's descriptives over the complete subjects. */
export interface ConditionSummary {
  level: string;
  n: number;
  mean: number;
  sd: number;
}

/** anova_rm's result. */
export interface AnovaRmResult {
  f: number;
  df1: number;
  df2: number;
  pValue: number;
  ssEffect: number;
  ssSubjects: number;
  ssError: number;
  msEffect: number;
  msError: number;
  /** Mauchly's W (1 with two conditions; NaN with fewer subjects than conditions). */
  mauchlyW: number;
  mauchlyPValue: number;
  ggEpsilon: number;
  hfEpsilon: number;
  pValueGg: number;
  pValueHf: number;
  etaSquaredGeneralized: number;
  etaSquaredPartial: number;
  etaSquaredPartialCiLow: number;
  etaSquaredPartialCiHigh: number;
  confLevel: number;
  /** The correction the sentence applies, by the stated rule. */
  correction: SphericityCorrection;
  df1Reported: number;
  df2Reported: number;
  pValueReported: number;
  nSubjects: number;
  k: number;
  conditions: ConditionSummary[];
}

/** The k - 1 orthonormal Helmert contrasts of one subject's values (each orthogonal to the constant). */
function helmert(row: Float64Array): Float64Array {
  const k = row.length;
  const z = new Float64Array(k - 1);
  let prefix = 0;
  for (let r = 1; r < k; r++) {
    prefix += row[r - 1];
    z[r - 1] = (prefix - r * row[r]) / Math.sqrt(r * (r + 1));
  }
  return z;
}

/** Determinant of a symmetric matrix by Gaussian elimination with partial pivoting. */
function determinant(matrix: Float64Array[]): number {
  const a = matrix.map((r) => Float64Array.from(r));
  const p = a.length;
  let det = 1;
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    if (a[pivot][c] === 0) return 0;
    if (pivot !== c) {
      [a[pivot], a[c]] = [a[c], a[pivot]];
      det = -det;
    }
    det *= a[c][c];
    for (let r = c + 1; r < p; r++) {
      const factor = a[r][c] / a[c][c];
      if (factor === 0) continue;
      for (let j = c; j < p; j++) a[r][j] -= factor * a[c][j];
    }
  }
  return det;
}

/** The sums of squares and products of the subjects' orthonormal contrasts around their means. */
function contrastSsp(values: readonly Float64Array[]): Float64Array[] {
  const z = values.map(helmert);
  const p = z[0].length;
  const centre = new Float64Array(p);
  for (const row of z) for (let j = 0; j < p; j++) centre[j] += row[j] / z.length;
  const s = Array.from({ length: p }, () => new Float64Array(p));
  for (const row of z) {
    for (let a = 0; a < p; a++) {
      const da = row[a] - centre[a];
      for (let b = 0; b <= a; b++) s[a][b] += da * (row[b] - centre[b]);
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) s[b][a] = s[a][b];
  return s;
}

/** Mauchly's W and its p-value (Anderson's chi-square expansion) on n_r residual df. */
function mauchly(s: Float64Array[], nr: number): { w: number; pValue: number } {
  const p = s.length;
  if (nr < p) return { w: NaN, pValue: NaN };
  let trace = 0;
  for (let j = 0; j < p; j++) trace += s[j][j];
  const det = determinant(s);
  if (!(det > 0) || !(trace > 0)) return { w: det === 0 && trace > 0 ? 0 : NaN, pValue: det === 0 && trace > 0 ? 0 : NaN };
  const logW = Math.log(det) - p * Math.log(trace / p);
  const rho = 1 - (2 * p * p + p + 2) / (6 * p * nr);
  // The second-order weight of Anderson's expansion. R's mauchly.test has 3k (k = p + 1, the number
  // of conditions) where the textbook term is 3p; it is followed here so that the p-values agree with
  // R (the difference is of the order of the expansion's own error: 1e-2 relative at p = 1e-20).
  const k = p + 1;
  const w2 = ((p + 2) * (p - 1) * (p - 2) * (2 * p ** 3 + 6 * p * p + 3 * k + 2)) / (288 * (nr * p * rho) ** 2);
  const z = -nr * rho * logW;
  const f = (p * (p + 1)) / 2 - 1;
  const pr1 = upperChisq(z, f);
  const pr2 = upperChisq(z, f + 4);
  return { w: Math.exp(logW), pValue: pr1 + w2 * (pr2 - pr1) };
}

/** Greenhouse-Geisser's epsilon tr(S)^2 / (p tr(S^2)) and Lecoutre's Huynh-Feldt epsilon. */
function epsilons(s: Float64Array[], nr: number): { gg: number; hf: number } {
  const p = s.length;
  let trace = 0;
  let traceSq = 0;
  for (let a = 0; a < p; a++) {
    trace += s[a][a];
    for (let b = 0; b < p; b++) traceSq += s[a][b] * s[b][a];
  }
  const gg = (trace * trace) / (p * traceSq);
  const denominator = p * (nr - p * gg);
  const hf = denominator > 0 ? ((nr + 1) * p * gg - 2) / denominator : NaN;
  return { gg, hf };
}

/** Which correction the stated rule applies (Mauchly's p < .05; then Girden's .75 on Greenhouse-Geisser's epsilon). */
export function chooseCorrection(k: number, mauchlyPValue: number, gg: number, hf: number): SphericityCorrection {
  if (k <= 2) return 'none';
  // Sphericity untestable (fewer subjects than conditions): corrected, conservatively.
  const violated = Number.isNaN(mauchlyPValue) || mauchlyPValue < SPHERICITY_ALPHA;
  if (!violated) return 'none';
  return gg > GIRDEN_EPSILON && Number.isFinite(hf) ? 'huynh_feldt' : 'greenhouse_geisser';
}

/** The one-way repeated-measures ANOVA of complete subjects. */
export function computeAnovaRm(input: BlockInput, confLevel: number): AnovaRmResult {
  const values = input.values;
  const n = values.length;
  const k = input.conditions.length;
  const grand = mean(values.map((r) => mean(r)));
  const subjectMeans = values.map((r) => mean(r));
  const conditionMeans = Array.from({ length: k }, (_, j) => mean(values.map((r) => r[j])));
  let ssEffect = 0;
  for (const m of conditionMeans) ssEffect += n * (m - grand) ** 2;
  let ssSubjects = 0;
  for (const m of subjectMeans) ssSubjects += k * (m - grand) ** 2;
  let ssError = 0;
  values.forEach((r, i) => {
    for (let j = 0; j < k; j++) ssError += (r[j] - subjectMeans[i] - conditionMeans[j] + grand) ** 2;
  });
  // Relative to the data's scale: an error sum of squares at rounding level is no error at all.
  if (!(ssError > 1e-24 * (ssEffect + ssSubjects + ssError))) {
    throw new InferraError('perfect-fit', { detail: `Every subject of ${input.subject} differs from the condition means of ${input.within} by the same amount in every condition, so there is no within-subject error for the F test.` });
  }
  const df1 = k - 1;
  const df2 = (k - 1) * (n - 1);
  const msEffect = ssEffect / df1;
  const msError = ssError / df2;
  const f = msEffect / msError;
  const pValue = upperF(f, df1, df2);
  const nr = n - 1;
  let mauchlyW = 1;
  let mauchlyPValue = 1;
  let gg = 1;
  let hf = 1;
  if (k > 2) {
    const s = contrastSsp(values);
    ({ w: mauchlyW, pValue: mauchlyPValue } = mauchly(s, nr));
    ({ gg, hf } = epsilons(s, nr));
  }
  const hfUsed = Math.min(1, hf);
  const pValueGg = k > 2 ? upperF(f, df1 * gg, df2 * gg) : pValue;
  const pValueHf = k > 2 ? (Number.isFinite(hf) ? upperF(f, df1 * hfUsed, df2 * hfUsed) : NaN) : pValue;
  const correction = chooseCorrection(k, mauchlyPValue, gg, hf);
  const epsilon = correction === 'greenhouse_geisser' ? gg : correction === 'huynh_feldt' ? hfUsed : 1;
  const etaSquaredPartial = ssEffect / (ssEffect + ssError);
  const ci = computeVarianceExplainedInterval(etaSquaredPartial, df1, df2, confLevel);
  return Object.freeze({
    f, df1, df2, pValue, ssEffect, ssSubjects, ssError, msEffect, msError,
    mauchlyW, mauchlyPValue, ggEpsilon: gg, hfEpsilon: hf, pValueGg, pValueHf,
    etaSquaredGeneralized: ssEffect / (ssEffect + ssSubjects + ssError),
    etaSquaredPartial, etaSquaredPartialCiLow: ci.low, etaSquaredPartialCiHigh: ci.high, confLevel,
    correction,
    df1Reported: df1 * epsilon,
    df2Reported: df2 * epsilon,
    pValueReported: correction === 'greenhouse_geisser' ? pValueGg : correction === 'huynh_feldt' ? pValueHf : pValue,
    nSubjects: n,
    k,
    conditions: input.conditions.map((level, j) => {
      const column = values.map((r) => r[j]);
      return { level, n, mean: conditionMeans[j], sd: sd(column) };
    }),
  });
}

/** The residuals y_ij - subject mean - condition mean + grand mean (what the F test assumes normal). */
export function computeRmResiduals(input: BlockInput): Float64Array {
  const values = input.values;
  const k = input.conditions.length;
  const subjectMeans = values.map((r) => mean(r));
  const conditionMeans = Array.from({ length: k }, (_, j) => mean(values.map((r) => r[j])));
  const grand = mean(subjectMeans);
  const out = new Float64Array(values.length * k);
  values.forEach((r, i) => {
    for (let j = 0; j < k; j++) out[i * k + j] = r[j] - subjectMeans[i] - conditionMeans[j] + grand;
  });
  return out;
}

/** One condition's mean with its within-subject interval. */
export interface WithinSubjectInterval {
  level: string;
  mean: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * Within-subject confidence intervals of the condition means (Cousineau 2005 with Morey's 2008
 * correction): each subject's values are centred on the grand mean (the subjects' own levels
 * removed), and the t interval of each condition's centred values is widened by sqrt(k / (k - 1)).
 */
export function computeWithinSubjectIntervals(input: BlockInput, confLevel: number): WithinSubjectInterval[] {
  const values = input.values;
  const n = values.length;
  const k = input.conditions.length;
  const subjectMeans = values.map((r) => mean(r));
  const grand = mean(subjectMeans);
  const t = quantileT(1 - (1 - confLevel) / 2, n - 1);
  const morey = Math.sqrt(k / (k - 1));
  return input.conditions.map((level, j) => {
    const centred = values.map((r, i) => r[j] - subjectMeans[i] + grand);
    const m = mean(centred);
    const half = (t * sd(centred) * morey) / Math.sqrt(n);
    return { level, mean: m, ciLow: m - half, ciHigh: m + half };
  });
}
