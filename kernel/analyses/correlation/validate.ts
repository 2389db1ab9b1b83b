/** Request + table -> two complete numeric samples for a correlation (listwise deletion). */
import { InferraError } from '../../errors.js';
import type { AnalysisOptions, AnalysisRequest, Table } from '../../types.js';
import { requireRole, selectNumeric } from '../common/select.js';
import type { Validated } from '../types.js';

/** The typed input of a correlation: paired complete observations. */
export interface CorrelationInput {
  xName: string;
  yName: string;
  x: Float64Array;
  y: Float64Array;
}

/** `invalid-option` unless the confidence level lies strictly between 0 and 1. */
export function validateConfLevel(options: AnalysisOptions): void {
  const c = options.confLevel;
  if (!(c > 0 && c < 1)) {
    throw new InferraError('invalid-option', { option: 'conf-level', detail: `must be between 0 and 1 (exclusive), not ${c}.` });
  }
}

/** Takes the `x` and `y` roles as numeric columns, drops incomplete pairs, and checks n and variation. */
export function validateCorrelation(request: AnalysisRequest, table: Table): Validated<CorrelationInput> {
  const analysis = request.analysis;
  const xName = requireRole(request.roles.x, { analysis, role: 'x' });
  const yName = requireRole(request.roles.y, { analysis, role: 'y' });
  validateConfLevel(request.options);
  const selected = selectNumeric(
    table,
    [
      { name: xName, role: 'x' },
      { name: yName, role: 'y' },
    ],
    analysis,
  );
  const [x, y] = selected.values;
  if (selected.n < 3) {
    throw new InferraError('too-few-observations', { analysis, needed: 3, actual: selected.n, where: `complete pairs of ${xName} and ${yName}` });
  }
  for (const [name, values] of [
    [xName, x],
    [yName, y],
  ] as const) {
    if (values.every((v) => v === values[0])) {
      throw new InferraError('zero-variance', { where: `Column '${name}'`, value: values[0], analysis });
    }
  }
  return { input: { xName, yName, x, y }, n: selected.n, nMissing: selected.nMissing, dropped: selected.dropped };
}
