/**
 * Brent's root finder exactly as R's `uniroot` runs it (stats/src/zeroin.c, `R_zeroin2`, from
 * Forsythe, Malcolm & Moler 1977). Taking the very same steps gives the same root, which matters
 * where R stops early: on a step function (the Hodges-Lehmann estimates of `wilcox.test`,
 * `tol = 1e-4`) and at uniroot's default tolerance (the odds ratio and interval of `fisher.test`).
 */

const DBL_MAX = Number.MAX_VALUE;

/** R's default `tol` of uniroot, `.Machine$double.eps^0.25`. */
export const UNIROOT_TOL = Math.pow(Number.EPSILON, 0.25);

/** Where `uniroot` stopped: the root, iterations used (-1 when not converged) and the precision estimate. */
export interface RootResult {
  root: number;
  iterations: number;
  precision: number;
}

/**
 * Compute a root of `f` in [lower, upper] given f(lower) and f(upper) of opposite signs (R's C
 * routine `R_zeroin2`, as `uniroot(f, lower = , upper = , f.lower = , f.upper = , tol = , maxiter = 1000)`
 * calls it; `f` is used as is).
 */
export function computeUniroot(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tol: number,
  fLower: number = f(lower),
  fUpper: number = f(upper),
  maxIterations = 1000,
): RootResult {
  let a = lower;
  let b = upper;
  let fa = fLower;
  let fb = fUpper;
  let c = a;
  let fc = fa;
  if (fa === 0) return { root: a, iterations: 0, precision: 0 };
  if (fb === 0) return { root: b, iterations: 0, precision: 0 };
  let remaining = maxIterations + 1;
  while (remaining-- > 0) {
    const previousStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) {
      return { root: b, iterations: maxIterations - remaining, precision: Math.abs(c - b) };
    }
    if (Math.abs(previousStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        // Two distinct points: linear interpolation.
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        // Inverse quadratic interpolation.
        q = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1));
        q = (q - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((previousStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return { root: b, iterations: -1, precision: Math.abs(c - b) };
}

/** Infinite values become +-DBL_MAX as in R's `fcn2`; NaN stops the search. */
function clampValue(v: number): number {
  if (Number.isNaN(v)) throw new Error('uniroot: function value is NaN');
  if (v === Infinity) return DBL_MAX;
  if (v === -Infinity) return -DBL_MAX;
  return v;
}

/**
 * Find a root of f in [lower, upper] as R's `uniroot(f, c(lower, upper))$root`: both ends are checked
 * for NaN and a sign change, and infinite values of f are clamped to +-DBL_MAX throughout.
 */
export function findRoot(f: (x: number) => number, lower: number, upper: number, tol = UNIROOT_TOL, maxiter = 1000): number {
  const fa = f(lower);
  const fb = f(upper);
  if (Number.isNaN(fa) || Number.isNaN(fb)) throw new Error('uniroot: f is NA at an end point');
  if (!(Math.sign(fa) * Math.sign(fb) <= 0)) throw new Error('uniroot: f() values at end points not of opposite sign');
  return computeUniroot((x) => clampValue(f(x)), lower, upper, tol, clampValue(fa), clampValue(fb), maxiter).root;
}
