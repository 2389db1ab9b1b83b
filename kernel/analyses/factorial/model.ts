/**
 * Linear models of factors and covariates, and the F test of each term by comparing nested least-
 * squares fits (the fits are `ols`'s: kernel/analyses/regression/fit.ts, Householder QR with
 * refinement). A factor's columns are treatment contrasts (against its first level, as R's default)
 * or sum-to-zero contrasts (R's `contr.sum`: level j minus the last level); an interaction's columns
 * are the products of its factors' columns, as `model.matrix` builds them.
 *
 * Sums of squares:
 * - type II (`car::Anova(type = 2)`): each term after every other term that does not contain it
 *   (marginality: A after B, but not after A:B). Both models of each comparison are hierarchical, so
 *   the result does not depend on the coding.
 * - type III (`car::Anova(type = 3)` with `contr.sum`): each term after all the others, interactions
 *   included; meaningful only with sum-to-zero contrasts, which are used.
 */
import { InferraError } from '../../errors.js';
import { upperF } from '../common/distributions.js';
import { computeVarianceExplainedInterval } from '../common/noncentral-f.js';
import { fitLeastSquares, type LeastSquaresFit } from '../regression/fit.js';
import type { Factor } from './validate.js';

/** A factor's coding. */
export type Coding = 'treatment' | 'sum';

/** One term of a model: its design columns and the variables it is made of (for containment). */
export interface ModelTerm {
  /** As R names it: `wool`, `wool:tension`, `age`. */
  label: string;
  columns: Float64Array[];
  variables: string[];
}

/** The F test of one term, with partial eta squared and its interval. */
export interface TermRow {
  term: string;
  df: number;
  ss: number;
  ms: number;
  f: number;
  pValue: number;
  /** SS_term / (SS_term + SS_residual). */
  etaSquaredPartial: number;
  etaSquaredPartialCiLow: number;
  etaSquaredPartialCiHigh: number;
}

/** A factor's contrast columns: treatment (levels 2..k against the first) or sum (levels 1..k-1 minus the last). */
export function contrastColumns(factor: Factor, coding: Coding): Float64Array[] {
  const k = factor.levels.length;
  const n = factor.codes.length;
  const out: Float64Array[] = [];
  for (let j = 0; j < k - 1; j++) {
    const level = coding === 'treatment' ? j + 1 : j;
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const code = factor.codes[i];
      column[i] = code === level ? 1 : coding === 'sum' && code === k - 1 ? -1 : 0;
    }
    out.push(column);
  }
  return out;
}

/** Every non-empty subset of the factors, as R orders the terms of `A * B * C`: by order, then by position. */
export function factorialSubsets(count: number): number[][] {
  const subsets: number[][] = [];
  for (let mask = 1; mask < 1 << count; mask++) {
    subsets.push(Array.from({ length: count }, (_, f) => f).filter((f) => mask & (1 << f)));
  }
  return subsets.sort((a, b) => a.length - b.length || compareIndices(a, b));
}

function compareIndices(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** The terms of the full factorial model (`A * B [* C]`) in the given coding. */
export function buildFactorialTerms(factors: readonly Factor[], coding: Coding): ModelTerm[] {
  const contrasts = factors.map((f) => contrastColumns(f, coding));
  return factorialSubsets(factors.length).map((subset) => {
    // Products of one column per factor, the first factor's column varying fastest (as model.matrix).
    let columns: Float64Array[] = [];
    for (const f of subset) {
      if (columns.length === 0) {
        columns = contrasts[f].map((c) => Float64Array.from(c));
        continue;
      }
      const next: Float64Array[] = [];
      for (const c of contrasts[f]) for (const prior of columns) next.push(prior.map((v, i) => v * c[i]));
      columns = next;
    }
    const variables = subset.map((f) => factors[f].name);
    return { label: variables.join(':'), columns, variables };
  });
}

/** Whether term `outer` contains `inner` (a higher-order relative: every variable of inner, and more). */
function contains(outer: ModelTerm, inner: ModelTerm): boolean {
  return outer.variables.length > inner.variables.length && inner.variables.every((v) => outer.variables.includes(v));
}

/** A least-squares fit with an intercept of the given terms; `rank-deficient` when some column depends on others. */
export function fitTerms(terms: readonly ModelTerm[], y: Float64Array): LeastSquaresFit {
  const names: string[] = [];
  const columns: Float64Array[] = [];
  for (const t of terms) {
    t.columns.forEach((c, j) => {
      names.push(`${t.label}[${j}]`);
      columns.push(c);
    });
  }
  const fit = fitLeastSquares({ terms: names, columns, intercept: true }, y);
  if (fit.dependentTerms.length > 0) {
    const dependent = [...new Set(fit.dependentTerms.map((d) => d.replace(/\[\d+\]$/, '')))];
    throw new InferraError('collinear-predictors', { terms: dependent.map((t) => `'${t}'`).join(', '), count: dependent.length });
  }
  return fit;
}

/** The residual sum of squares of a model with an intercept and the given terms (the mean alone for none). */
function residualSs(terms: readonly ModelTerm[], y: Float64Array): number {
  return fitTerms(terms, y).rss;
}

/**
 * The F test of every term against the full model's residual mean square, type II or III (see the
 * module note). Partial eta² = SS / (SS + SS_residual), with its noncentral-F interval.
 */
export function computeTermRows(terms: readonly ModelTerm[], y: Float64Array, full: LeastSquaresFit, ssType: 2 | 3, confLevel: number): TermRow[] {
  const dfResid = full.dfResid;
  const mse = full.rss / dfResid;
  return terms.map((term) => {
    let ss: number;
    if (ssType === 3) {
      ss = residualSs(terms.filter((t) => t !== term), y) - full.rss;
    } else {
      const kept = terms.filter((t) => t !== term && !contains(t, term));
      const withTerm = kept.length === terms.length - 1 ? full.rss : residualSs([...kept, term], y);
      ss = residualSs(kept, y) - withTerm;
    }
    const df = term.columns.length;
    const f = ss / df / mse;
    const etaSquaredPartial = ss / (ss + full.rss);
    const ci = computeVarianceExplainedInterval(etaSquaredPartial, df, dfResid, confLevel);
    return {
      term: term.label,
      df,
      ss,
      ms: ss / df,
      f,
      pValue: upperF(f, df, dfResid),
      etaSquaredPartial,
      etaSquaredPartialCiLow: ci.low,
      etaSquaredPartialCiHigh: ci.high,
    };
  });
}
