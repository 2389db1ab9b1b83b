/**
 * Number formatting for reading in the notebook: one formatter for the renderer, the text fallbacks
 * and the HTML report (kernel/contract/format.ts); the renderer keeps the exact value in each
 * cell's title.
 */
export {
  formatBounded,
  formatCell,
  formatDecisionOptions,
  formatDf,
  formatNumber,
  formatP,
  formatDirectionAsked,
  formatPinOrigin,
  formatPValue,
  formatRoles,
  formatTableNumber,
  isNumericColumn,
} from '../../kernel/contract/format.js';

/** An analysis id as words: "ttest_welch" -> "ttest welch" (used when no variant name is known). */
export function formatAnalysisId(id: string | undefined): string {
  return (id ?? '').replace(/_/g, ' ');
}
