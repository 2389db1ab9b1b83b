/**
 * Separation in a logistic model: when a predictor (or a combination of them) splits successes from
 * failures perfectly or almost perfectly, the maximum-likelihood estimates do not exist and the
 * iteration only makes them larger. Three signs are read here: fitted probabilities numerically 0
 * or 1 (R's own test in `glm.fit`), a single design column that separates the outcome by itself
 * (complete, or quasi-complete when the groups touch), and, when no single column does, estimates
 * still moving in the last step (the separating combination).
 */
import type { LogisticFit } from './irls.js';

/** What the separation check found. */
export interface SeparationFinding {
  /** Whether separation (complete or quasi-complete) is likely. */
  detected: boolean;
  /** Observations whose fitted probability is within 10 eps of 0 or 1. */
  extremeFits: number;
  /** Design columns (as R names them) that separate the outcome or whose estimates diverge. */
  terms: string[];
  /** Complete separation: a single column splits the outcome with no overlap, or every fitted probability is 0 or 1. */
  complete: boolean;
}

/** R's threshold for "fitted probabilities numerically 0 or 1". */
const EXTREME = 10 * Number.EPSILON;

/** How a single column splits y: 'complete' (no overlap), 'quasi' (touching at one value), or null. */
function splitByColumn(x: Float64Array, y: Float64Array): 'complete' | 'quasi' | null {
  let min0 = Infinity;
  let max0 = -Infinity;
  let min1 = Infinity;
  let max1 = -Infinity;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) {
      min1 = Math.min(min1, x[i]);
      max1 = Math.max(max1, x[i]);
    } else {
      min0 = Math.min(min0, x[i]);
      max0 = Math.max(max0, x[i]);
    }
  }
  if (max0 < min1 || max1 < min0) return 'complete';
  if (max0 === min1 || max1 === min0) return 'quasi';
  return null;
}

/** Looks for separation in a fitted model (`terms` parallel to `columns`, intercept excluded). */
export function findSeparation(columns: readonly Float64Array[], terms: readonly string[], y: Float64Array, fit: LogisticFit, offset: number): SeparationFinding {
  let extremeFits = 0;
  for (const m of fit.fitted) if (m < EXTREME || m > 1 - EXTREME) extremeFits++;
  const found = new Set<string>();
  let complete = false;
  columns.forEach((x, j) => {
    const split = splitByColumn(x, y);
    if (!split) return;
    found.add(terms[j]);
    if (split === 'complete') complete = true;
  });
  // A column that separates by itself is the one to name (the others' estimates drift along with it);
  // without one, the separation lies in a combination: name the estimates that diverge.
  if (found.size === 0 && (extremeFits > 0 || !fit.converged)) {
    // Estimates still moving by a noticeable share of their size diverge; converged ones move by ~1e-8 or less.
    terms.forEach((term, j) => {
      const b = fit.estimates[offset + j];
      if (Math.abs(fit.lastStep[offset + j]) > 1e-3 * Math.max(1, Math.abs(b))) found.add(term);
    });
  }
  const ordered = terms.filter((t) => found.has(t));
  return { detected: extremeFits > 0 || ordered.length > 0, extremeFits, terms: ordered, complete: complete || extremeFits === y.length };
}
