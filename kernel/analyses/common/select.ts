/**
 * Taking the columns of a request's roles out of a loaded table: lookup with "did you mean",
 * kind checks, listwise deletion of incomplete rows, and groups in their natural (or requested) order.
 */
import { InferraError } from '../../errors.js';
import type { AnalysisId, Column, DroppedRows, NumericColumn, Table } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import { suggestName } from '../../util/suggest.js';

/** Where a column is being used, for messages. */
export interface RoleContext {
  analysis: AnalysisId | string;
  role: string;
}

/** A column by name, or `column-not-found` with a suggestion. */
export function findColumn(table: Table, name: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (column) return column;
  throw new InferraError('column-not-found', {
    column: name,
    suggestion: suggestName(
      name,
      table.columns.map((c) => c.name),
    ),
  });
}

/** A column that must be numeric. */
export function findNumericColumn(table: Table, name: string, context: RoleContext): NumericColumn {
  const column = findColumn(table, name);
  if (column.kind !== 'numeric') {
    throw new InferraError('column-not-numeric', { column: name, kind: column.kind, ...context, note: column.note });
  }
  return column;
}

/** A role's column name, or `missing-role`. */
export function requireRole(name: string | undefined, context: RoleContext): string {
  if (name) return name;
  throw new InferraError('missing-role', { analysis: context.analysis, role: context.role });
}

/** The text label of each row of a column (numbers printed as R prints them), null when missing. */
export function labelsOf(column: Column): (string | null)[] {
  if (column.kind === 'numeric') {
    return Array.from(column.values, (v) => (Number.isNaN(v) ? null : String(v)));
  }
  return column.values;
}

/** Whether row `i` of a column is missing. */
export function isMissing(column: Column, i: number): boolean {
  return column.kind === 'numeric' ? Number.isNaN(column.values[i]) : column.values[i] === null;
}

/** Rows where every given column has a value, and how many were dropped. */
export function completeRows(columns: readonly Column[], rowCount: number): { rows: number[]; dropped: number } {
  // One pass per column over a mask, then one over the rows: no closure per row (1M rows in ~10 ms).
  const missing = new Uint8Array(rowCount);
  for (const column of columns) {
    if (column.kind === 'numeric') {
      const values = column.values;
      for (let i = 0; i < rowCount; i++) if (values[i] !== values[i]) missing[i] = 1;
    } else {
      const values = column.values;
      for (let i = 0; i < rowCount; i++) if (values[i] === null) missing[i] = 1;
    }
  }
  const rows: number[] = [];
  for (let i = 0; i < rowCount; i++) if (missing[i] === 0) rows.push(i);
  return { rows, dropped: rowCount - rows.length };
}

/** "Missing values in a, b" as a dropped-rows entry, or nothing when no row was dropped. */
export function droppedForMissing(names: readonly string[], count: number): DroppedRows[] {
  return count > 0 ? [{ reason: `missing values in ${names.join(', ')}`, count }] : [];
}

/** Values of a numeric column at the given rows. */
export function pick(values: Float64Array, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]];
  return out;
}

/** A numeric outcome split by the levels of a grouping column. */
export interface GroupedSample {
  outcome: string;
  group: string;
  levels: string[];
  samples: Float64Array[];
  /** Row indices (into the table) of each group, parallel to `samples`. */
  rows: number[][];
  n: number;
  nMissing: number;
  dropped: DroppedRows[];
}

/** Options for `selectGroups`. */
export interface SelectGroupsOptions extends RoleContext {
  outcome: string;
  group: string;
  /** `--levels`: keep only these, in this order. */
  levels?: readonly string[];
  minLevels: number;
  maxLevels?: number;
  /** Phrase for messages, e.g. "exactly 2", "at least 2". */
  expected: string;
}

/**
 * Splits a numeric outcome by a grouping column: rows with a missing outcome or group are dropped,
 * levels sort naturally unless `levels` says otherwise, and the level count is checked.
 */
export function selectGroups(table: Table, options: SelectGroupsOptions): GroupedSample {
  const outcome = findNumericColumn(table, options.outcome, { analysis: options.analysis, role: 'outcome' });
  const groupColumn = findColumn(table, options.group);
  const labels = labelsOf(groupColumn);
  const { rows, dropped } = completeRows([outcome, groupColumn], table.rowCount);
  // One pass: the rows of each level in table order, levels in order of first appearance.
  const byLevel = new Map<string, number[]>();
  for (const i of rows) {
    const label = labels[i] as string;
    const bucket = byLevel.get(label);
    if (bucket) bucket.push(i);
    else byLevel.set(label, [i]);
  }
  const present = [...byLevel.keys()].sort(compareNatural);
  let levels = present;
  const droppedRows = droppedForMissing([options.outcome, options.group], dropped);
  let n = rows.length;
  if (options.levels && options.levels.length > 0) {
    for (const level of options.levels) {
      if (!byLevel.has(level)) {
        throw new InferraError('level-not-found', {
          column: options.group,
          level,
          suggestion: suggestName(level, present),
          levels: present.join(', '),
        });
      }
    }
    levels = [...options.levels];
    n = levels.reduce((sum, level) => sum + (byLevel.get(level) as number[]).length, 0);
    if (n < rows.length) {
      droppedRows.push({ reason: `levels of ${options.group} not in --levels`, count: rows.length - n });
    }
  }
  if (levels.length < options.minLevels || (options.maxLevels !== undefined && levels.length > options.maxLevels)) {
    throw new InferraError('wrong-level-count', {
      analysis: options.analysis,
      expected: options.expected,
      column: options.group,
      actual: levels.length,
      levels: levels.slice(0, 8).join(', ') + (levels.length > 8 ? ', ...' : ''),
    });
  }
  const groupRows = levels.map((level) => byLevel.get(level) as number[]);
  return {
    outcome: options.outcome,
    group: options.group,
    levels,
    samples: groupRows.map((r) => pick(outcome.values, r)),
    rows: groupRows,
    n,
    nMissing: dropped,
    dropped: droppedRows,
  };
}

/** Several numeric columns with incomplete rows dropped together (listwise). */
export function selectNumeric(
  table: Table,
  names: readonly { name: string; role: string }[],
  analysis: AnalysisId | string,
): { values: Float64Array[]; rows: number[]; n: number; nMissing: number; dropped: DroppedRows[] } {
  const columns = names.map(({ name, role }) => findNumericColumn(table, name, { analysis, role }));
  const { rows, dropped } = completeRows(columns, table.rowCount);
  return {
    values: columns.map((c) => pick(c.values, rows)),
    rows,
    n: rows.length,
    nMissing: dropped,
    dropped: droppedForMissing(
      names.map((x) => x.name),
      dropped,
    ),
  };
}
