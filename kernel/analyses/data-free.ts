/** The analyses that run without a dataset (the power analyses). A leaf: the CLI asks it before loading any statistics. */
import type { AnalysisId } from '../types.js';

export const DATA_FREE_ANALYSES: readonly AnalysisId[] = ['power_ttest', 'power_prop', 'power_anova'];

/** Whether an analysis id runs without a dataset. */
export function isDataFree(id: string): boolean {
  return (DATA_FREE_ANALYSES as readonly string[]).includes(id);
}
