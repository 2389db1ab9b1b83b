/** Contingency numerics on a validated table: frozen flat results (pure, no I/O). */
import type { AnalysisOptions } from '../../types.js';
import { computeChiSquare, type ChiSquareResult } from './chi2.js';
import { computeFisher, type FisherResult } from './fisher.js';
import type { ContingencyTable } from './table.js';

/** Chi-square test of independence of a validated table. */
export function computeChiSquareIndependence(input: ContingencyTable, options: AnalysisOptions): ChiSquareResult {
  return computeChiSquare(input.counts, options.correct, { row: input.row, col: input.col });
}

/** Fisher's exact test of a validated table. */
export function computeFisherExact(input: ContingencyTable, options: AnalysisOptions): FisherResult {
  return computeFisher(input.counts, options.alternative, options.confLevel, { row: input.row, col: input.col });
}
