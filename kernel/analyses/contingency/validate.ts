/** Request + table -> a contingency table of the `row` and `col` roles. */
import { InferraError } from '../../errors.js';
import type { AnalysisRequest, Table } from '../../types.js';
import { requireRole } from '../common/select.js';
import type { Validated } from '../types.js';
import { buildContingencyTable, validateMargins, type ContingencyTable } from './table.js';

/** Cross-tabulates the `row` and `col` roles; checks the confidence level, levels and margins. */
export function validateContingency(request: AnalysisRequest, table: Table): Validated<ContingencyTable> {
  const analysis = request.analysis;
  if (analysis !== 'chi2_independence' && analysis !== 'fisher_exact') {
    throw new InferraError('internal-error', { detail: `validateContingency called for ${analysis}` });
  }
  const row = requireRole(request.roles.row, { analysis, role: 'row' });
  const col = requireRole(request.roles.col, { analysis, role: 'col' });
  return validateContingencyTable(request, () => buildContingencyTable(table, row, col, analysis));
}

/** The checks of a contingency request on its table (built from rows, or from the aggregate plan's counts). */
export function validateContingencyTable(request: AnalysisRequest, build: () => ContingencyTable): Validated<ContingencyTable> {
  const analysis = request.analysis;
  const row = requireRole(request.roles.row, { analysis, role: 'row' });
  const col = requireRole(request.roles.col, { analysis, role: 'col' });
  const c = request.options.confLevel;
  if (!(c > 0 && c < 1)) {
    throw new InferraError('invalid-option', { option: 'conf-level', detail: `must be between 0 and 1 (exclusive), not ${c}.` });
  }
  const contingency = build();
  validateMargins(contingency.counts, row, col);
  const warnings =
    analysis === 'fisher_exact' && request.options.alternative !== 'two-sided' && (contingency.rowLevels.length > 2 || contingency.colLevels.length > 2)
      ? [`A one-sided alternative applies to 2 x 2 tables only; the ${contingency.rowLevels.length} x ${contingency.colLevels.length} table was tested two-sided (as R does).`]
      : [];
  return { input: contingency, n: contingency.n, nMissing: contingency.nMissing, dropped: contingency.dropped, warnings };
}
