/**
 * Validation of the factorial designs: a numeric outcome, between-subject factors (categorical,
 * boolean, or numeric codes read as levels, as R's `factor(dose)`), numeric covariates (ANCOVA),
 * listwise deletion, and the cells of the factors' crossing, every one of which must hold data.
 */
import { InferraError } from '../../errors.js';
import type { AnalysisRequest, Column, Roles, Table } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import { suggestName } from '../../util/suggest.js';
import { completeRows, droppedForMissing, findColumn, findNumericColumn, labelsOf, pick, requireRole } from '../common/select.js';
import { checkDesignSize } from '../regression/validate.js';
import type { Validated } from '../types.js';

/** A factor read as levels: the level of every used row as an index into `levels`. */
export interface Factor {
  name: string;
  /** In natural order (numbers as numbers), as R orders a factor read from a file. */
  levels: string[];
  codes: Int32Array;
}

/** One combination of the factors' levels and the outcome values in it. */
export interface Cell {
  /** One level per factor, in the factors' order. */
  levels: string[];
  values: Float64Array;
}

/** The typed input of `anova_factorial`. */
export interface FactorialInput {
  outcome: string;
  factors: Factor[];
  y: Float64Array;
  /** Table rows used. */
  rows: number[];
  /** Every combination of levels, the first factor varying slowest. */
  cells: Cell[];
}

/** The typed input of `ancova`. */
export interface AncovaInput {
  outcome: string;
  group: Factor;
  covariates: string[];
  /** Covariate values at the used rows, parallel to `covariates`. */
  zs: Float64Array[];
  y: Float64Array;
  rows: number[];
}

/** A numeric column with more distinct values than this is not read as a factor. */
export const MAX_NUMERIC_FACTOR_LEVELS = 20;

/** At most this many factors (the crossing of more is rarely what is meant). */
export const MAX_FACTORS = 3;

/** The columns of a factorial request: outcome, factors, group, covariates. */
export function columnsForFactorial(roles: Roles): string[] {
  const names = [roles.outcome, ...(roles.factors ?? []), roles.group, ...(roles.covariates ?? [])];
  return [...new Set(names.filter((c): c is string => Boolean(c)))];
}

/** A column as a factor over the given rows (levels in natural order, at least two). */
function readFactor(column: Column, rows: readonly number[], analysis: string, role: string, order?: readonly string[]): Factor {
  const labels = labelsOf(column);
  const seen = new Set<string>();
  for (const i of rows) seen.add(labels[i] as string);
  const grouping = column.kind === 'categorical' || column.kind === 'boolean';
  if (!grouping && (column.kind !== 'numeric' || seen.size > MAX_NUMERIC_FACTOR_LEVELS)) {
    throw new InferraError('column-not-categorical', { column: column.name, distinct: seen.size, role, analysis });
  }
  const levels = order && order.length > 0 ? [...order] : [...seen].sort(compareNatural);
  if (levels.length < 2) {
    throw new InferraError('wrong-level-count', { analysis, expected: 'at least 2', column: column.name, actual: levels.length, levels: levels.join(', ') });
  }
  const index = new Map(levels.map((l, k) => [l, k]));
  const codes = Int32Array.from(rows, (i) => index.get(labels[i] as string) as number);
  return { name: column.name, levels, codes };
}

/** Every combination of the factors' levels (first factor slowest) with the outcome values in it. */
export function crossCells(factors: readonly Factor[], y: Float64Array): Cell[] {
  const sizes = factors.map((f) => f.levels.length);
  const count = sizes.reduce((a, b) => a * b, 1);
  const buckets: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < y.length; i++) {
    let cell = 0;
    for (let f = 0; f < factors.length; f++) cell = cell * sizes[f] + factors[f].codes[i];
    buckets[cell].push(y[i]);
  }
  return buckets.map((values, cell) => {
    const levels: string[] = new Array(factors.length);
    let rest = cell;
    for (let f = factors.length - 1; f >= 0; f--) {
      levels[f] = factors[f].levels[rest % sizes[f]];
      rest = Math.floor(rest / sizes[f]);
    }
    return { levels, values: Float64Array.from(values) };
  });
}

/** "wool = A, tension = H" for a cell. */
export function describeCell(factors: readonly { name: string }[], levels: readonly string[]): string {
  return factors.map((f, k) => `${f.name} = ${levels[k]}`).join(', ');
}

/**
 * Before the cells are built: more combinations than rows leave some empty (`empty-design-cells`, naming
 * the first few), without allocating one bucket per combination.
 */
function checkCrossing(factors: readonly Factor[], n: number, names: readonly string[], analysis: string): void {
  const sizes = factors.map((f) => f.levels.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  if (total <= n) return;
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    let cell = 0;
    for (let f = 0; f < factors.length; f++) cell = cell * sizes[f] + factors[f].codes[i];
    seen.add(cell);
  }
  const examples: string[] = [];
  for (let cell = 0; cell < total && examples.length < 6; cell++) {
    if (seen.has(cell)) continue;
    const levels: string[] = new Array(factors.length);
    let rest = cell;
    for (let f = factors.length - 1; f >= 0; f--) {
      levels[f] = factors[f].levels[rest % sizes[f]];
      rest = Math.floor(rest / sizes[f]);
    }
    examples.push(describeCell(factors, levels));
  }
  throw new InferraError('empty-design-cells', { analysis, factors: names.join(' × '), count: total - seen.size, total, cells: `${examples.join('; ')}; ...` });
}

/** `anova_factorial`: a numeric outcome and 2 or 3 factors whose every combination holds data. */
export function validateFactorial(request: AnalysisRequest, table: Table): Validated<FactorialInput> {
  const analysis = 'anova_factorial';
  const outcomeName = requireRole(request.roles.outcome, { analysis, role: 'outcome' });
  const names = [...new Set(request.roles.factors ?? [])];
  if (names.length === 0) throw new InferraError('missing-role', { analysis, role: 'factors' });
  if (names.length < 2 || names.length > MAX_FACTORS) {
    throw new InferraError('factor-count', { analysis, count: names.length, factors: names.join(', '), min: 2, max: MAX_FACTORS });
  }
  if (request.options.levels && request.options.levels.length > 0) {
    throw new InferraError('invalid-option', { option: 'levels', detail: `keeps levels of one grouping column, but ${analysis} crosses ${names.length} factors; leave out a level with --where "COLUMN != LEVEL".` });
  }
  if (names.includes(outcomeName)) {
    throw new InferraError('invalid-option', { option: 'factors', detail: `names the outcome '${outcomeName}'; a factor groups the rows, the outcome is measured.` });
  }
  const outcome = findNumericColumn(table, outcomeName, { analysis, role: 'outcome' });
  const columns = names.map((name) => findColumn(table, name));
  const { rows, dropped } = completeRows([outcome, ...columns], table.rowCount);
  const factors = columns.map((c) => readFactor(c, rows, analysis, 'factors'));
  const y = pick(outcome.values, rows);
  checkCrossing(factors, rows.length, names, analysis);
  // The full model has one coefficient per cell.
  checkDesignSize(rows.length, factors.reduce((p, f) => p * f.levels.length, 1), analysis);
  const cells = crossCells(factors, y);
  const empty = cells.filter((c) => c.values.length === 0);
  if (empty.length > 0) {
    throw new InferraError('empty-design-cells', {
      analysis,
      factors: names.join(' × '),
      count: empty.length,
      total: cells.length,
      cells: empty.slice(0, 6).map((c) => describeCell(factors, c.levels)).join('; ') + (empty.length > 6 ? '; ...' : ''),
    });
  }
  if (rows.length <= cells.length) {
    throw new InferraError('too-few-observations', { analysis, needed: cells.length + 1, actual: rows.length, where: `the ${cells.length} cells of ${names.join(' × ')} (each cell's mean is estimated; the error needs at least one more)` });
  }
  return {
    input: { outcome: outcomeName, factors, y, rows, cells },
    n: rows.length,
    nMissing: dropped,
    dropped: droppedForMissing([outcomeName, ...names], dropped),
  };
}

/** `ancova`: a numeric outcome, one grouping factor and at least one numeric covariate. */
export function validateAncova(request: AnalysisRequest, table: Table): Validated<AncovaInput> {
  const analysis = 'ancova';
  const outcomeName = requireRole(request.roles.outcome, { analysis, role: 'outcome' });
  const groupName = requireRole(request.roles.group, { analysis, role: 'group' });
  const covariates = [...new Set(request.roles.covariates ?? [])];
  if (covariates.length === 0) throw new InferraError('missing-role', { analysis, role: 'covariates' });
  for (const name of [groupName, ...covariates]) {
    if (name === outcomeName) {
      throw new InferraError('invalid-option', { option: name === groupName ? 'group' : 'covariates', detail: `names the outcome '${outcomeName}'.` });
    }
  }
  if (covariates.includes(groupName)) {
    throw new InferraError('invalid-option', { option: 'covariates', detail: `names the group '${groupName}'; a covariate is a numeric column held constant.` });
  }
  const outcome = findNumericColumn(table, outcomeName, { analysis, role: 'outcome' });
  const groupColumn = findColumn(table, groupName);
  const covColumns = covariates.map((name) => findNumericColumn(table, name, { analysis, role: 'covariates' }));
  const complete = completeRows([outcome, groupColumn, ...covColumns], table.rowCount);
  const { dropped } = complete;
  const { rows, droppedByLevels } = keepLevels(groupColumn, complete.rows, request.options.levels);
  const group = readFactor(groupColumn, rows, analysis, 'group', request.options.levels);
  // The largest model fitted is the test of parallel slopes: a mean and a slope per covariate in every group.
  checkDesignSize(rows.length, group.levels.length * (1 + covariates.length), analysis);
  const p = group.levels.length + covariates.length;
  if (rows.length <= p) {
    throw new InferraError('too-few-observations', { analysis, needed: p + 1, actual: rows.length, where: `complete rows of ${[outcomeName, groupName, ...covariates].join(', ')}` });
  }
  return {
    input: { outcome: outcomeName, group, covariates, zs: covColumns.map((c) => pick(c.values, rows)), y: pick(outcome.values, rows), rows },
    n: rows.length,
    nMissing: dropped,
    dropped: [
      ...droppedForMissing([outcomeName, groupName, ...covariates], dropped),
      ...(droppedByLevels > 0 ? [{ reason: `levels of ${groupName} not in --levels`, count: droppedByLevels }] : []),
    ],
  };
}

/** The rows whose group is one of `levels` (all rows without `levels`); `level-not-found` for a level the column lacks. */
function keepLevels(column: Column, rows: number[], levels: readonly string[] | undefined): { rows: number[]; droppedByLevels: number } {
  if (!levels || levels.length === 0) return { rows, droppedByLevels: 0 };
  const labels = labelsOf(column);
  const present = [...new Set(rows.map((i) => labels[i] as string))].sort(compareNatural);
  for (const level of levels) {
    if (!present.includes(level)) {
      throw new InferraError('level-not-found', { column: column.name, level, suggestion: suggestName(level, present), levels: present.join(', ') });
    }
  }
  const keep = new Set(levels);
  const kept = rows.filter((i) => keep.has(labels[i] as string));
  return { rows: kept, droppedByLevels: rows.length - kept.length };
}
