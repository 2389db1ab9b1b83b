/** Correlation numerics by id: each returns a frozen flat result (pure, no I/O). */
import type { AnalysisOptions } from '../../types.js';
import { computeFisherZInterval, computeKendallSe, computeSpearmanSe } from '../common/fisher-z.js';
import { computeKendall, computeKendallFromCounts, type KendallResult, type PairCounts } from './kendall.js';
import { computePearson, type PearsonResult } from './pearson.js';
import { computeSpearman, computeSpearmanFromRho, type SpearmanResult } from './spearman.js';
import type { CorrelationInput } from './validate.js';

/** Any correlation result. */
export type CorrelationResult = PearsonResult | SpearmanResult | KendallResult;

/** Pearson on a validated input. */
export function computePearsonCorrelation(input: CorrelationInput, options: AnalysisOptions): PearsonResult {
  return computePearson(input.x, input.y, options.alternative, options.confLevel);
}

/** Spearman on a validated input. */
export function computeSpearmanCorrelation(input: CorrelationInput, options: AnalysisOptions): SpearmanResult {
  const r = computeSpearman(input.x, input.y, options.alternative, options.exact);
  return withInterval(r, computeSpearmanSe(r.estimate, r.n), options);
}

/** Kendall on a validated input. */
export function computeKendallCorrelation(input: CorrelationInput, options: AnalysisOptions): KendallResult {
  const r = computeKendall(input.x, input.y, options.alternative, options.exact);
  return withInterval(r, computeKendallSe(r.n), options);
}

/** Spearman from rho, n and ties (the database path: rho from the engine's exact rank sums). */
export function computeSpearmanCorrelationFromRho(rho: number, n: number, ties: boolean, options: AnalysisOptions): SpearmanResult {
  const r = computeSpearmanFromRho(rho, n, ties, options.alternative, options.exact);
  return withInterval(r, computeSpearmanSe(r.estimate, r.n), options);
}

/** Kendall from the counts of pairs sorted by x then y (the database path: the engine sorts them). */
export function computeKendallCorrelationFromCounts(counts: PairCounts, options: AnalysisOptions): KendallResult {
  const r = computeKendallFromCounts(counts, options.alternative, options.exact);
  return withInterval(r, computeKendallSe(r.n), options);
}

/** A rank correlation with its Fisher-z interval (null bounds when |estimate| = 1 or n is too small). */
function withInterval<R extends SpearmanResult | KendallResult>(r: R, se: number, options: AnalysisOptions): R {
  const { ciLow, ciHigh } = computeFisherZInterval(r.estimate, se, options.confLevel, r.alternative);
  const ok = Number.isFinite(ciLow) && Number.isFinite(ciHigh);
  const withCi: R = { ...r, ciLow: ok ? ciLow : null, ciHigh: ok ? ciHigh : null, confLevel: options.confLevel };
  return Object.freeze(withCi);
}
