/** Correlation numerics by id: each returns a frozen flat result (pure, no I/O). */
import type { AnalysisOptions } from '../../types.js';
import { computeKendall, type KendallResult } from './kendall.js';
import { computePearson, type PearsonResult } from './pearson.js';
import { computeSpearman, type SpearmanResult } from './spearman.js';
import type { CorrelationInput } from './validate.js';

/** Any correlation result. */
export type CorrelationResult = PearsonResult | SpearmanResult | KendallResult;

/** Pearson on a validated input. */
export function computePearsonCorrelation(input: CorrelationInput, options: AnalysisOptions): PearsonResult {
  return computePearson(input.x, input.y, options.alternative, options.confLevel);
}

/** Spearman on a validated input. */
export function computeSpearmanCorrelation(input: CorrelationInput, options: AnalysisOptions): SpearmanResult {
  return computeSpearman(input.x, input.y, options.alternative, options.exact);
}

/** Kendall on a validated input. */
export function computeKendallCorrelation(input: CorrelationInput, options: AnalysisOptions): KendallResult {
  return computeKendall(input.x, input.y, options.alternative, options.exact);
}
