/** Contingency numerics on a validated table: frozen flat results (pure, no I/O). */
import type { AnalysisOptions } from '../../types.js';
import { computeChiSquare, type ChiSquareResult } from './chi2.js';
import { computeFisher, type FisherResult } from './fisher.js';
import type { ContingencyTable } from './table.js';
import { computeTwoByTwoEffects, type TwoByTwoEffects } from './two-by-two.js';

/** The chi-square test with, for a 2 x 2 table, the sample odds ratio and the risk difference. */
export type ChiSquareIndependenceResult = ChiSquareResult & Partial<TwoByTwoEffects>;

/** Fisher's test with, for a 2 x 2 table, the risk difference (its odds ratio stays R's conditional MLE). */
export type FisherExactResult = FisherResult & Partial<Omit<TwoByTwoEffects, 'oddsRatio' | 'oddsRatioCiLow' | 'oddsRatioCiHigh'>>;

/** Chi-square test of independence of a validated table. */
export function computeChiSquareIndependence(input: ContingencyTable, options: AnalysisOptions): ChiSquareIndependenceResult {
  const result = computeChiSquare(input.counts, options.correct, { row: input.row, col: input.col });
  const effects = computeTwoByTwoEffects(input.counts, options.confLevel);
  return effects ? Object.freeze({ ...result, ...effects }) : result;
}

/** Fisher's exact test of a validated table. */
export function computeFisherExact(input: ContingencyTable, options: AnalysisOptions): FisherExactResult {
  const result = computeFisher(input.counts, options.alternative, options.confLevel, { row: input.row, col: input.col });
  const effects = computeTwoByTwoEffects(input.counts, options.confLevel);
  if (!effects) return result;
  const { riskDifference, riskDifferenceCiLow, riskDifferenceCiHigh } = effects;
  return Object.freeze({ ...result, riskDifference, riskDifferenceCiLow, riskDifferenceCiHigh });
}
