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
  const rows: number[] = [];
  for (let i = 0; i < rowCount; i++) {
    if (columns.every((c) => !isMissing(c, i))) rows.push(i);
  }
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
  const present = [...new Set(rows.map((i) => labels[i] as string))].sort(compareNatural);
  let levels = present;
  const droppedRows = droppedForMissing([options.outcome, options.group], dropped);
  let kept = rows;
  if (options.levels && options.levels.length > 0) {
    for (const level of options.levels) {
      if (!present.includes(level)) {
        throw new InferraError('level-not-found', {
          column: options.group,
          level,
          suggestion: suggestName(level, present),
          levels: present.join(', '),
        });
      }
    }
    levels = [...options.levels];
    const keep = new Set(levels);
    kept = rows.filter((i) => keep.has(labels[i] as string));
    if (kept.length < rows.length) {
      droppedRows.push({ reason: `levels of ${options.group} not in --levels`, count: rows.length - kept.length });
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
  const index = new Map(levels.map((l, k) => [l, k]));
  const groupRows: number[][] = levels.map(() => []);
  for (const i of kept) groupRows[index.get(labels[i] as string) as number].push(i);
  return {
    outcome: options.outcome,
    group: options.group,
    levels,
    samples: groupRows.map((r) => pick(outcome.values, r)),
    rows: groupRows,
    n: kept.length,
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
