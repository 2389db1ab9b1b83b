/**
 * Analyses that need no dataset (the power analyses: `inferra analyze --analysis power_ttest ...`
 * without DATA): run in-process, with the figures, and an empty dataset record for provenance. The
 * CLI loads this module (and so the statistics) only for such a request: its other commands run
 * analyses in the worker.
 */
import { InferraError } from './errors.js';
import { runAnalysis } from './analyses/run.js';
import { buildFiguresForAnalysis } from './figures/index.js';
import { isDataFree } from './analyses/data-free.js';
import type { AnalysisId, AnalysisOutcome, AnalysisRequest } from './types.js';

export { DATA_FREE_ANALYSES, isDataFree } from './analyses/data-free.js';

/** Runs a data-free analysis on no rows; throws `usage` for any other analysis. */
export function runWithoutData(request: AnalysisRequest): AnalysisOutcome {
  if (!isDataFree(request.analysis)) throw new InferraError('usage', { detail: `${request.analysis} needs a dataset: inferra analyze DATA --analysis ${request.analysis} ...` });
  const table = { rowCount: 0, columns: [] };
  const computed = runAnalysis({ ...request, analysis: request.analysis as AnalysisId }, table);
  const figures = buildFiguresForAnalysis(request, table, computed);
  return { ...computed, figures, dataset: { sha256: '', tableHash: '', rows: 0, rowsUsed: 0, columns: [] } };
}
