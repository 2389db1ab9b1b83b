/**
 * Power and sample size, as R's `power.t.test`, `power.prop.test` and `power.anova.test` (with
 * `strict = FALSE`: the two-sided power counts the far tail as R does by default, i.e. not at all).
 * R solves n with `uniroot` to about 1e-4; here n is solved to rounding level by bisection on the
 * same power function, and `n_required` is n rounded up.
 */
import { InferraError } from '../../errors.js';
import type { Alternative } from '../../types.js';
import { quantileF, quantileNormal, quantileT, upperNormal } from '../common/distributions.js';
import { computeNoncentralTCdf } from '../ttest/noncentral-t.js';
import { upperNoncentralF } from './noncentral-f.js';

/** The result of a power analysis: n (per group) solved for the target power, or power for a given n. */
export interface PowerResult {
  /** Per group (per pair for paired designs), unrounded. */
  n: number;
  /** n rounded up: the sample size to plan for. */
  nRequired: number;
  power: number;
  /** Whether n was solved (true) or given (false). */
  solvedForN: boolean;
  alpha: number;
  alternative: Alternative;
  /** The power curve: power at each n (for the figure). */
  curve: { n: number; power: number }[];
}

/** Solves power(n) = target for n in [lo, hi] by bisection to rounding level (power increases with n). */
function solveN(power: (n: number) => number, target: number, lo: number, what: string): number {
  let hi = lo * 2;
  while (power(hi) < target) {
    hi *= 2;
    if (hi > 1e9) throw new InferraError('invalid-option', { option: 'power', detail: `cannot be reached with fewer than a billion ${what}; the effect is too small.` });
  }
  if (power(lo) >= target) return lo;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (power(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Powers at n from the smallest to twice the required (or given) n, for the curve. */
function curveOf(power: (n: number) => number, nMin: number, n: number): { n: number; power: number }[] {
  const top = Math.max(nMin + 4, Math.ceil(2 * n));
  const step = Math.max(1, Math.ceil((top - nMin) / 60));
  const points: { n: number; power: number }[] = [];
  for (let k = Math.ceil(nMin); k <= top; k += step) points.push({ n: k, power: power(k) });
  return points;
}

/** Finishes a power result from the power function and either n or the target power. */
function finish(power: (n: number) => number, nMin: number, given: { n?: number; power?: number }, alpha: number, alternative: Alternative, what: string): PowerResult {
  if (given.n !== undefined) {
    if (given.n < nMin) throw new InferraError('invalid-option', { option: 'n', detail: `must be at least ${nMin} for this design (got ${given.n}).` });
    const p = power(given.n);
    return Object.freeze({ n: given.n, nRequired: Math.ceil(given.n), power: p, solvedForN: false, alpha, alternative, curve: curveOf(power, nMin, given.n) });
  }
  const target = given.power ?? 0.8;
  if (!(target > alpha && target < 1)) throw new InferraError('invalid-option', { option: 'power', detail: `must be between the significance level (${alpha}) and 1 (got ${target}).` });
  const n = solveN(power, target, nMin, what);
  return Object.freeze({ n, nRequired: Math.ceil(n - 1e-9 * n), power: target, solvedForN: true, alpha, alternative, curve: curveOf(power, nMin, n) });
}

/** power.t.test(delta = d, sd = 1, ...): d is Cohen's d (for paired designs, of the differences). */
export function computePowerT(d: number, type: 'two_sample' | 'one_sample' | 'paired', alternative: Alternative, alpha: number, given: { n?: number; power?: number }): PowerResult {
  const samples = type === 'two_sample' ? 2 : 1;
  const sides = alternative === 'two-sided' ? 2 : 1;
  // A one-sided "less" test of a negative effect is the mirror of "greater"; R takes |delta| for two-sided.
  const delta = alternative === 'two-sided' ? Math.abs(d) : alternative === 'less' ? -d : d;
  const power = (n: number) => {
    const df = (n - 1) * samples;
    const critical = quantileT(1 - alpha / sides, df);
    return 1 - computeNoncentralTCdf(critical, df, Math.sqrt(n / samples) * delta);
  };
  return finish(power, 2, given, alpha, alternative, 'observations per group');
}

/** power.prop.test(p1, p2, ...). */
export function computePowerProp(p1: number, p2: number, alternative: Alternative, alpha: number, given: { n?: number; power?: number }): PowerResult {
  const sides = alternative === 'two-sided' ? 2 : 1;
  // R's power.prop.test uses |p1 - p2| for one-sided tests too.
  const diff = Math.abs(p1 - p2);
  const z = quantileNormal(1 - alpha / sides);
  const pooled = Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2));
  const spread = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const power = (n: number) => upperNormal(-((Math.sqrt(n) * diff - z * pooled) / spread));
  return finish(power, 2, given, alpha, alternative, 'observations per group');
}

/** power.anova.test(groups = k, between.var = f^2 k / (k - 1), within.var = 1): lambda = f^2 k n. */
export function computePowerAnova(f: number, groups: number, alpha: number, given: { n?: number; power?: number }): PowerResult {
  const power = (n: number) => {
    const df1 = groups - 1;
    const df2 = (n - 1) * groups;
    const lambda = f * f * groups * n;
    return upperNoncentralF(quantileF(1 - alpha, df1, df2), df1, df2, lambda);
  };
  return finish(power, 2, given, alpha, 'two-sided', 'observations per group');
}
