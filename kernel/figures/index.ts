/**
 * Figures: Vega-Lite v6 specs built from pre-aggregated data (bins, quartiles, densities, samples),
 * so that one figure's JSON stays small whatever the rows. The worker calls these three.
 */
import type { ComputedOutcome } from '../analyses/run.js';
import type { AnalysisOutcome, AnalysisRequest, Figure, FigureId, WholeDataSummary, Table } from '../types.js';
import { isFigureId } from '../types.js';
import { buildFiguresForAnalysis as buildAnalysisFigures } from './for-analysis.js';
import { columnsForFigureRoles } from './roles.js';
import { buildFigureTask as buildTask } from './tasks.js';

/** A figure whose spec also records its kind and caption (`usermeta`), so a stored spec is self-describing. */
function withUsermeta(figure: Figure): Figure {
  const usermeta = { kind: figure.kind, ...(figure.caption ? { caption: figure.caption } : {}) };
  return { ...figure, vegaLite: { ...figure.vegaLite, usermeta } };
}

/** Runs a plot-only request (`request.analysis` is a figure id): figure, a few numbers, a small table, one sentence. */
export function buildFigureTask(request: AnalysisRequest, table: Table): Omit<AnalysisOutcome, 'dataset'> {
  const outcome = buildTask(request, table);
  return { ...outcome, figures: outcome.figures.map(withUsermeta) };
}

/**
 * The paper figure(s) of a computed analysis (box plots, scatter with band, residual plots, QQ, bars).
 * `whole`: what the plan computed on every row when `table` is a sample of the rows (or empty).
 */
export function buildFiguresForAnalysis(request: AnalysisRequest, table: Table, outcome: ComputedOutcome, whole?: WholeDataSummary): Figure[] {
  return buildAnalysisFigures(request, table, outcome, whole).map(withUsermeta);
}

/** The columns a plot-only request needs (its roles' columns, each once). */
export function columnsForFigure(request: AnalysisRequest): string[] {
  const figure: FigureId = isFigureId(request.analysis) ? request.analysis : 'histogram';
  return columnsForFigureRoles(figure, request);
}
