/**
 * The partial correlation of x and y given covariates z: the Pearson correlation of the residuals
 * of x and of y after least-squares regression on (1, z), tested with t on n - 2 - k df; its
 * interval from Fisher's z with n - 3 - k (Fisher 1924).
 */
import { InferraError } from '../../errors.js';
import type { AnalysisOptions, AnalysisRequest, Table } from '../../types.js';
import { pValueT, quantileNormal } from '../common/distributions.js';
import { formatBounded, formatCi, formatNumber, formatP } from '../common/format.js';
import { requireRole, selectNumeric } from '../common/select.js';
import type { Summary, Validated } from '../types.js';

/** The typed input: complete rows of x, y and the covariates. */
export interface PartialInput {
  x: string;
  y: string;
  covariates: string[];
  xs: Float64Array;
  ys: Float64Array;
  zs: Float64Array[];
}

/** partial_correlation's result. */
export interface PartialResult {
  estimate: number;
  statistic: number;
  df: number;
  pValue: number;
  n: number;
  ciLow: number;
  ciHigh: number;
}

/** x, y and the covariates (numeric), listwise complete. */
export function validatePartial(request: AnalysisRequest, table: Table): Validated<PartialInput> {
  const analysis = request.analysis;
  const x = requireRole(request.roles.x, { analysis, role: 'x' });
  const y = requireRole(request.roles.y, { analysis, role: 'y' });
  const covariates = request.roles.covariates ?? [];
  if (covariates.length === 0) throw new InferraError('missing-role', { analysis, role: 'covariates (the columns to hold constant)' });
  const s = selectNumeric(table, [{ name: x, role: 'x' }, { name: y, role: 'y' }, ...covariates.map((name) => ({ name, role: 'covariates' }))], analysis);
  const k = covariates.length;
  if (s.n < k + 4) throw new InferraError('too-few-observations', { analysis, needed: k + 4, actual: s.n, where: `complete rows of ${[x, y, ...covariates].join(', ')}` });
  return { input: { x, y, covariates, xs: s.values[0], ys: s.values[1], zs: s.values.slice(2) }, n: s.n, nMissing: s.nMissing, dropped: s.dropped };
}

/** Residuals of each vector after projection on the span of the basis (modified Gram-Schmidt, applied twice). */
function residualize(v: Float64Array, basis: Float64Array[]): Float64Array {
  const r = Float64Array.from(v);
  for (let pass = 0; pass < 2; pass++) {
    for (const q of basis) {
      let dot = 0;
      for (let i = 0; i < r.length; i++) dot += q[i] * r[i];
      for (let i = 0; i < r.length; i++) r[i] -= dot * q[i];
    }
  }
  return r;
}

/** An orthonormal basis of (1, z1, ..., zk); throws when a covariate is constant or collinear. */
function orthonormalBasis(n: number, zs: Float64Array[], names: string[]): Float64Array[] {
  const basis: Float64Array[] = [new Float64Array(n).fill(1 / Math.sqrt(n))];
  zs.forEach((z, j) => {
    const r = residualize(z, basis);
    let norm = 0;
    for (let i = 0; i < n; i++) norm += r[i] * r[i];
    norm = Math.sqrt(norm);
    let scale = 0;
    for (let i = 0; i < n; i++) scale += z[i] * z[i];
    if (!(norm > 1e-10 * Math.sqrt(scale))) throw new InferraError('collinear-predictors', { terms: names[j], count: 1 });
    basis.push(r.map((v) => v / norm));
  });
  return basis;
}

/** The residuals of x and of y after least-squares regression on (1, covariates). */
export function computePartialResiduals(input: PartialInput): { rx: Float64Array; ry: Float64Array } {
  const basis = orthonormalBasis(input.xs.length, input.zs, input.covariates);
  return { rx: residualize(input.xs, basis), ry: residualize(input.ys, basis) };
}

/** The partial correlation, its t test and Fisher-z interval. */
export function computePartial(input: PartialInput, options: AnalysisOptions): PartialResult {
  const n = input.xs.length;
  const k = input.zs.length;
  const { rx, ry } = computePartialResiduals(input);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += rx[i] * ry[i];
    sxx += rx[i] * rx[i];
    syy += ry[i] * ry[i];
  }
  if (!(sxx > 0) || !(syy > 0)) throw new InferraError('zero-variance', { where: `The residuals of ${sxx > 0 ? input.y : input.x} given ${input.covariates.join(', ')}`, value: 0, analysis: 'partial_correlation' });
  const estimate = sxy / Math.sqrt(sxx * syy);
  const df = n - 2 - k;
  const statistic = estimate * Math.sqrt(df / (1 - estimate * estimate));
  const zr = Math.atanh(estimate);
  const se = 1 / Math.sqrt(n - 3 - k);
  let ciLow = -1;
  let ciHigh = 1;
  if (options.alternative === 'two-sided') {
    const q = quantileNormal(1 - (1 - options.confLevel) / 2);
    ciLow = Math.tanh(zr - q * se);
    ciHigh = Math.tanh(zr + q * se);
  } else if (options.alternative === 'greater') ciLow = Math.tanh(zr - quantileNormal(options.confLevel) * se);
  else ciHigh = Math.tanh(zr + quantileNormal(options.confLevel) * se);
  return Object.freeze({ estimate, statistic, df, pValue: pValueT(statistic, df, options.alternative), n, ciLow, ciHigh });
}

/** "r(27) = .41, p = .025, controlling for z". */
export function summarizePartial(result: PartialResult, input: PartialInput, options: AnalysisOptions): Summary {
  const held = input.covariates.join(', ');
  return {
    summary: `The partial correlation of ${input.x} and ${input.y}, controlling for ${held}, was r(${result.df}) = ${formatBounded(result.estimate)}, ${formatCi(options.confLevel, result.ciLow, result.ciHigh).replace(/(-?)0\./g, '$1.')}, ${formatP(result.pValue)} (n = ${result.n}).`,
    tables: [
      {
        title: `Partial correlation of ${input.x} and ${input.y} given ${held}`,
        columns: [
          { key: 'estimate', label: 'Partial r' },
          { key: 'ci_low', label: 'CI low' },
          { key: 'ci_high', label: 'CI high' },
          { key: 'statistic', label: 't' },
          { key: 'df', label: 'df' },
          { key: 'p_value', label: 'p' },
          { key: 'n', label: 'n' },
        ],
        rows: [{ estimate: result.estimate, ci_low: result.ciLow, ci_high: result.ciHigh, statistic: result.statistic, df: result.df, p_value: result.pValue, n: result.n }],
        note: `Correlation of the residuals of ${input.x} and ${input.y} after regression on ${held}; t on n - 2 - ${input.covariates.length} df; ${formatNumber(options.confLevel * 100, 0)}% interval from Fisher's z with n - 3 - ${input.covariates.length}.`,
      },
    ],
  };
}
