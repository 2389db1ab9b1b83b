/** Request + table -> the samples of the normality and variance checks. */
import { InferraError } from '../../errors.js';
import type { AnalysisRequest, DroppedRows, Table } from '../../types.js';
import { requireRole, selectGroups, selectNumeric } from '../common/select.js';
import type { Validated } from '../types.js';

/** One sample to test for normality. */
export interface NormalitySample {
  /** The group level, or null for the whole column. */
  group: string | null;
  values: Float64Array;
}

/** The typed input of shapiro_wilk: one sample, or one per group. */
export interface NormalityInput {
  column: string;
  group: string | null;
  samples: NormalitySample[];
}

/** The typed input of levene and bartlett. */
export interface VarianceInput {
  outcome: string;
  group: string;
  levels: string[];
  samples: Float64Array[];
}

/** The column to test (`column`, else `outcome`), split by `group` when given. */
export function validateNormality(request: AnalysisRequest, table: Table): Validated<NormalityInput> {
  const analysis = request.analysis;
  const column = request.roles.column ?? request.roles.outcome;
  requireRole(column, { analysis, role: 'column' });
  const name = column as string;
  const group = request.roles.group ?? null;
  let samples: NormalitySample[];
  let n: number;
  let nMissing: number;
  let dropped: DroppedRows[];
  if (group) {
    const g = selectGroups(table, { analysis, role: 'group', outcome: name, group, levels: request.options.levels, minLevels: 1, expected: 'at least 1' });
    samples = g.levels.map((level, i) => ({ group: level, values: g.samples[i] }));
    ({ n, nMissing, dropped } = g);
  } else {
    const s = selectNumeric(table, [{ name, role: 'column' }], analysis);
    samples = [{ group: null, values: s.values[0] }];
    ({ n, nMissing, dropped } = s);
  }
  const usable = samples.filter((s) => s.values.length >= 3);
  if (usable.length === 0) {
    throw new InferraError('too-few-observations', { analysis, needed: 3, actual: Math.max(...samples.map((s) => s.values.length)), where: group ? `any group of ${group}` : `column '${name}'` });
  }
  if (!group) {
    const values = samples[0].values;
    if (values.length > 5000) throw new InferraError('sample-too-large', { analysis, max: 5000, actual: values.length });
    if (values.every((v) => v === values[0])) throw new InferraError('zero-variance', { where: `Column '${name}'`, value: values[0], analysis });
  }
  return { input: { column: name, group, samples }, n, nMissing, dropped };
}

/** The `outcome` split by `group` (at least 2 levels, natural order or --levels). */
export function validateVariances(request: AnalysisRequest, table: Table): Validated<VarianceInput> {
  const analysis = request.analysis;
  const outcome = requireRole(request.roles.outcome, { analysis, role: 'outcome' });
  const group = requireRole(request.roles.group, { analysis, role: 'group' });
  const g = selectGroups(table, { analysis, role: 'group', outcome, group, levels: request.options.levels, minLevels: 2, expected: 'at least 2' });
  const minimum = analysis === 'bartlett' ? 2 : 1;
  g.samples.forEach((s, i) => {
    if (s.length < minimum) {
      throw new InferraError('too-few-observations', { analysis, needed: minimum, actual: s.length, where: `group ${g.levels[i]} of ${group}` });
    }
  });
  return { input: { outcome, group, levels: g.levels, samples: g.samples }, n: g.n, nMissing: g.nMissing, dropped: g.dropped };
}
