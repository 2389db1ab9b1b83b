/**
 * Predicted probabilities of a fitted logistic model along one predictor, for the figure: the first
 * numeric predictor over its observed range, other numeric predictors at their means, factors at
 * their reference level except the first factor, which gets one curve per level. The pointwise band
 * is computed on the link scale, eta ± z se(eta) with se² = x0' (X'WX)^{-1} x0, and mapped through
 * the inverse logit (R: `predict(fit, newdata, type = "link", se.fit = TRUE)`), so it stays in [0, 1].
 */
import { quantileNormal } from '../common/distributions.js';
import { mean } from '../common/moments.js';
import { fitLogisticInput } from './compute.js';
import { logisticFunction } from './irls.js';
import { factorSources, type LogisticInput } from './validate.js';

/** One predicted curve (or, without a numeric predictor, one point per level). */
export interface ProbabilityCurve {
  /** The level of `byFactor` this curve is for, when there is one. */
  level?: string;
  x: number[];
  fit: number[];
  low: number[];
  high: number[];
}

/** The curves and the observed outcomes to draw beneath them. */
export interface ProbabilityProfile {
  /** The numeric predictor on the x axis, or undefined when every predictor is a factor. */
  xName?: string;
  /** The factor whose levels get one curve each (or the x axis without a numeric predictor). */
  byFactor?: string;
  curves: ProbabilityCurve[];
  /** Observed (x, 0/1, level) of each row used. */
  observed: { x: number; y: number; level?: string }[];
  /** What the other predictors were held at, e.g. "hp at its mean (146.69)". */
  heldAt: string[];
}

const GRID_POINTS = 80;
/** A factor with more levels than this is held at its reference level instead of getting a curve each. */
const MAX_CURVES = 6;

/** Predicted probability with its band at the design row x0 (intercept included when fitted). */
function predictAt(x0: Float64Array, estimates: Float64Array, covariance: Float64Array[], z: number): { fit: number; low: number; high: number } {
  let eta = 0;
  for (let j = 0; j < x0.length; j++) eta += x0[j] * estimates[j];
  let v = 0;
  for (let a = 0; a < x0.length; a++) for (let b = 0; b < x0.length; b++) v += x0[a] * covariance[a][b] * x0[b];
  const se = Math.sqrt(Math.max(v, 0));
  return { fit: logisticFunction(eta), low: logisticFunction(eta - z * se), high: logisticFunction(eta + z * se) };
}

/** The profile of the fitted model along its first numeric predictor (or across the first factor's levels). */
export function computeProbabilityProfile(input: LogisticInput, confLevel: number): ProbabilityProfile {
  const fit = fitLogisticInput(input);
  const z = quantileNormal((1 + confLevel) / 2);
  const factors = factorSources(input);
  const power = (source: string) => /^(.+)\^(\d+)$/.exec(source);
  const numericSources = input.sources.filter((s) => !factors.has(s));
  const xName = numericSources.map((s) => power(s)?.[1] ?? s)[0];
  const firstFactor = input.sources.find((s) => factors.has(s));
  const factorLevels = (column: string): string[] => {
    const reference = input.references.find((r) => r.column === column);
    const dummies = input.terms.filter((_, j) => input.sources[j] === column).map((t) => t.slice(column.length));
    return reference ? [reference.level, ...dummies] : dummies;
  };
  const byFactor = firstFactor && (xName === undefined || factorLevels(firstFactor).length <= MAX_CURVES) ? firstFactor : undefined;
  const levels: (string | undefined)[] = byFactor ? factorLevels(byFactor) : [undefined];
  const offset = input.intercept ? 1 : 0;
  // Each row's x and level, for the observed points.
  const xColumn = xName !== undefined ? input.columns[input.sources.indexOf(xName)] : undefined;
  const levelOfRow = (i: number): string | undefined => {
    if (!byFactor) return undefined;
    const j = input.sources.findIndex((s, k) => s === byFactor && input.columns[k][i] === 1);
    return j < 0 ? levels[0] : input.terms[j].slice(byFactor.length);
  };
  const means = input.columns.map((c) => mean(c));
  const heldAt: string[] = [];
  input.sources.forEach((s, j) => {
    const base = power(s)?.[1] ?? s;
    if (base === xName || s === byFactor || factors.has(s) || power(s)) return;
    heldAt.push(`${s} at its mean (${Number(means[j].toPrecision(5))})`);
  });
  for (const r of input.references) if (r.column !== byFactor) heldAt.push(`${r.column} at ${r.level}`);
  const rowAt = (x: number | undefined, level: string | undefined): Float64Array => {
    const row = new Float64Array(offset + input.columns.length);
    if (input.intercept) row[0] = 1;
    input.sources.forEach((s, j) => {
      const m = power(s);
      const base = m?.[1] ?? s;
      if (x !== undefined && base === xName) row[offset + j] = m ? x ** Number(m[2]) : x;
      else if (factors.has(s)) row[offset + j] = s === byFactor && input.terms[j] === `${s}${level}` ? 1 : 0;
      else row[offset + j] = means[j];
    });
    return row;
  };
  const curves: ProbabilityCurve[] = [];
  if (xColumn) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of xColumn) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const grid = Array.from({ length: GRID_POINTS }, (_, k) => lo + ((hi - lo) * k) / (GRID_POINTS - 1));
    for (const level of levels) {
      const curve: ProbabilityCurve = { ...(level !== undefined ? { level } : {}), x: grid, fit: [], low: [], high: [] };
      for (const g of grid) {
        const p = predictAt(rowAt(g, level), fit.estimates, fit.covariance, z);
        curve.fit.push(p.fit);
        curve.low.push(p.low);
        curve.high.push(p.high);
      }
      curves.push(curve);
    }
  } else {
    // Factors only: one point per level of the first factor, with its interval.
    levels.forEach((level, k) => {
      const p = predictAt(rowAt(undefined, level), fit.estimates, fit.covariance, z);
      curves.push({ ...(level !== undefined ? { level } : {}), x: [k], fit: [p.fit], low: [p.low], high: [p.high] });
    });
  }
  const observed = Array.from(input.y, (y, i) => {
    const level = levelOfRow(i);
    const x = xColumn ? xColumn[i] : Math.max(0, levels.indexOf(level));
    return { x, y, ...(level !== undefined ? { level } : {}) };
  });
  return { ...(xName !== undefined ? { xName } : {}), ...(byFactor ? { byFactor } : {}), curves, observed, heldAt };
}
