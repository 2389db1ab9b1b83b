/**
 * The reference distributions of the one-sample Kolmogorov-Smirnov test: their CDFs, the names and
 * order of their parameters (`--params`), and the estimates used when no parameters are given.
 */
import digamma from '@stdlib/math/base/special/digamma';
import gammainc from '@stdlib/math/base/special/gammainc';
import trigamma from '@stdlib/math/base/special/trigamma';
import { InferraError } from '../../errors.js';
import { lowerNormal } from '../common/distributions.js';
import { mean, sd } from '../common/moments.js';

/** The distributions `--distribution` accepts. */
export const DISTRIBUTIONS = ['normal', 'uniform', 'exponential', 'gamma'] as const;

/** One of them. */
export type DistributionName = (typeof DISTRIBUTIONS)[number];

/** Parameter names of each distribution, in `--params` order (as R's p-functions take them). */
export const PARAMETER_NAMES: Record<DistributionName, readonly string[]> = {
  normal: ['mean', 'sd'],
  uniform: ['min', 'max'],
  exponential: ['rate'],
  gamma: ['shape', 'rate'],
};

/** How the parameters are estimated when not given, for the table note. */
export const ESTIMATION: Record<DistributionName, string> = {
  normal: 'the sample mean and standard deviation',
  uniform: 'the sample minimum and maximum',
  exponential: 'the rate 1 / mean (maximum likelihood)',
  gamma: 'maximum likelihood',
};

/** The CDF of a distribution with its parameters. */
export function cdfOf(name: DistributionName, params: readonly number[]): (x: number) => number {
  switch (name) {
    case 'normal':
      return (x) => lowerNormal((x - params[0]) / params[1]);
    case 'uniform':
      return (x) => (x <= params[0] ? 0 : x >= params[1] ? 1 : (x - params[0]) / (params[1] - params[0]));
    case 'exponential':
      return (x) => (x <= 0 ? 0 : -Math.expm1(-params[0] * x));
    case 'gamma':
      return (x) => (x <= 0 ? 0 : gammainc(params[1] * x, params[0]));
  }
}

/** Checks that parameters fit the distribution; throws a researcher's error otherwise. */
export function checkParams(name: DistributionName, params: readonly number[]): void {
  const names = PARAMETER_NAMES[name];
  const fail = (detail: string) => new InferraError('invalid-option', { option: 'params', detail });
  if (params.length !== names.length) throw fail(`for the ${name} distribution takes ${names.length} number${names.length === 1 ? '' : 's'} (${names.join(', ')}), but ${params.length} were given.`);
  if (!params.every(Number.isFinite)) throw fail('must be numbers.');
  if (name === 'normal' && !(params[1] > 0)) throw fail('needs a positive sd (the second number).');
  if (name === 'uniform' && !(params[0] < params[1])) throw fail('needs min < max.');
  if (name === 'exponential' && !(params[0] > 0)) throw fail('needs a positive rate.');
  if (name === 'gamma' && !(params[0] > 0 && params[1] > 0)) throw fail('needs a positive shape and rate.');
}

/** The gamma shape and rate by maximum likelihood (Newton's method on log k - digamma(k) = log mean - mean log). */
function gammaMle(x: ArrayLike<number>): number[] {
  const m = mean(x);
  let meanLog = 0;
  for (let i = 0; i < x.length; i++) meanLog += Math.log(x[i]);
  meanLog /= x.length;
  const s = Math.log(m) - meanLog;
  // Minka's starting value, then Newton steps until the change is at rounding level.
  let k = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  for (let iter = 0; iter < 100; iter++) {
    const step = (Math.log(k) - digamma(k) - s) / (1 / k - trigamma(k));
    let next = k - step;
    if (!(next > 0)) next = k / 2;
    const done = Math.abs(next - k) <= 1e-15 * k;
    k = next;
    if (done) break;
  }
  return [k, k / m];
}

/** Parameters estimated from the sample (see ESTIMATION); throws when the sample does not allow them. */
export function estimateParams(name: DistributionName, x: ArrayLike<number>, column: string): number[] {
  const values = Array.from(x);
  const positive = values.every((v) => v > 0);
  if ((name === 'exponential' || name === 'gamma') && !positive) {
    throw new InferraError('invalid-option', { option: 'distribution', detail: `${name} needs positive values, but '${column}' has values of 0 or below; choose another distribution or give --params.` });
  }
  if (values.every((v) => v === values[0])) throw new InferraError('zero-variance', { where: `Column '${column}'`, value: values[0], analysis: 'ks_test' });
  switch (name) {
    case 'normal':
      return [mean(x), sd(x)];
    case 'uniform':
      return [Math.min(...values), Math.max(...values)];
    case 'exponential':
      return [1 / mean(x)];
    case 'gamma':
      return gammaMle(x);
  }
}

/**
 * Lilliefors' p-value for the KS statistic of a normal sample with estimated mean and sd:
 * Dallal & Wilkinson's (1986) approximation, with Stephens' (1974) modified statistic above p = 0.1.
 */
export function lillieforsP(d: number, n: number): number {
  const kd = n <= 100 ? d : d * Math.pow(n / 100, 0.49);
  const nd = n <= 100 ? n : 100;
  let p = Math.exp(-7.01256 * kd * kd * (nd + 2.78019) + 2.99587 * kd * Math.sqrt(nd + 2.78019) - 0.122119 + 0.974598 / Math.sqrt(nd) + 1.67997 / nd);
  if (p > 0.1) {
    const kk = (Math.sqrt(n) - 0.01 + 0.85 / Math.sqrt(n)) * d;
    if (kk <= 0.302) p = 1;
    else if (kk <= 0.5) p = 2.76773 - 19.828315 * kk + 80.709644 * kk ** 2 - 138.55152 * kk ** 3 + 81.218052 * kk ** 4;
    else if (kk <= 0.9) p = -4.901232 + 40.662806 * kk - 97.490286 * kk ** 2 + 94.029866 * kk ** 3 - 32.355711 * kk ** 4;
    else if (kk <= 1.31) p = 6.198765 - 19.558097 * kk + 23.186922 * kk ** 2 - 12.024584 * kk ** 3 + 2.355471 * kk ** 4;
    else p = 0;
  }
  return p;
}
