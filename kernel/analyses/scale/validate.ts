/** Request + table -> the two samples of var_test and mood_test (and the two-sample ks_test). */
import { InferraError } from '../../errors.js';
import type { AnalysisRequest, Table } from '../../types.js';
import { requireRole, selectGroups } from '../common/select.js';
import type { Validated } from '../types.js';

/** Two numeric samples: the outcome in the first and second level of the group. */
export interface TwoSamples {
  outcome: string;
  group: string;
  /** The two levels, in natural order (or --levels); the first is `x`. */
  levels: [string, string];
  x: Float64Array;
  y: Float64Array;
}

/** The `outcome` split by a `group` with exactly two levels, each with at least `minimum` values. */
export function validateTwoSamples(request: AnalysisRequest, table: Table, minimum: number): Validated<TwoSamples> {
  const analysis = request.analysis;
  const outcome = requireRole(request.roles.outcome, { analysis, role: 'outcome' });
  const group = requireRole(request.roles.group, { analysis, role: 'group' });
  const g = selectGroups(table, { analysis, role: 'group', outcome, group, levels: request.options.levels, minLevels: 2, maxLevels: 2, expected: 'exactly 2' });
  g.samples.forEach((s, i) => {
    if (s.length < minimum) {
      throw new InferraError('too-few-observations', { analysis, needed: minimum, actual: s.length, where: `group ${g.levels[i]} of ${group}` });
    }
  });
  return {
    input: { outcome, group, levels: [g.levels[0], g.levels[1]], x: g.samples[0], y: g.samples[1] },
    n: g.n,
    nMissing: g.nMissing,
    dropped: g.dropped,
  };
}
