/**
 * Taking a figure's columns out of a table with the analyses' own rules (listwise deletion, natural
 * level order, `--levels`), so that a figure always shows the rows its analysis used.
 */
import {
  completeRows,
  droppedForMissing,
  findColumn,
  findNumericColumn,
  labelsOf,
  selectGroups,
  selectNumeric,
} from '../analyses/common/select.js';
import { InferraError } from '../errors.js';
import type { AnalysisOptions, DroppedRows, Table, TaskId } from '../types.js';
import { compareNatural } from '../util/natural-sort.js';

/** A numeric variable, whole or split by the levels of a group. */
export interface GroupedValues {
  outcome: string;
  /** Absent when the values are not grouped (then `levels` is `['']`). */
  group?: string;
  levels: string[];
  samples: Float64Array[];
  n: number;
  nMissing: number;
  dropped: DroppedRows[];
}

/** `too-few-observations` when nothing is left to draw after listwise deletion. */
function requireRows(n: number, analysis: TaskId, where: string): void {
  if (n < 1) throw new InferraError('too-few-observations', { analysis, needed: 1, actual: n, where });
}

/** A numeric column, split by `group` when one is given (at least one level); at least one row. */
export function selectGroupedValues(
  table: Table,
  outcome: string,
  group: string | undefined,
  options: AnalysisOptions,
  analysis: TaskId,
  role = 'outcome',
): GroupedValues {
  if (group) {
    const numeric = findNumericColumn(table, outcome, { analysis, role });
    const present = completeRows([numeric, findColumn(table, group)], table.rowCount).rows.length;
    requireRows(present, analysis, `${outcome} and ${group}`);
    const grouped = selectGroups(table, {
      analysis,
      role,
      outcome,
      group,
      levels: options.levels,
      minLevels: 1,
      expected: 'at least 1',
    });
    return { ...grouped, group };
  }
  const single = selectNumeric(table, [{ name: outcome, role }], analysis);
  requireRows(single.n, analysis, outcome);
  return {
    outcome,
    levels: [''],
    samples: [single.values[0]],
    n: single.n,
    nMissing: single.nMissing,
    dropped: single.dropped,
  };
}

/** Two numeric columns (pairs complete in both and in the colour column, when given). */
export interface PairedValues {
  xName: string;
  yName: string;
  x: Float64Array;
  y: Float64Array;
  /** Colour levels per point, and the levels in natural order. */
  color?: { name: string; labels: string[]; levels: string[] };
  n: number;
  nMissing: number;
  dropped: DroppedRows[];
}

/** The x and y columns of a scatter, with an optional colour column, after listwise deletion. */
export function selectPairedValues(
  table: Table,
  xName: string,
  yName: string,
  colorName: string | undefined,
  analysis: TaskId,
): PairedValues {
  if (!colorName) {
    const both = selectNumeric(
      table,
      [
        { name: xName, role: 'x' },
        { name: yName, role: 'y' },
      ],
      analysis,
    );
    requireRows(both.n, analysis, `${xName} and ${yName}`);
    return { xName, yName, x: both.values[0], y: both.values[1], n: both.n, nMissing: both.nMissing, dropped: both.dropped };
  }
  const colorColumn = findColumn(table, colorName);
  const numeric = selectNumeric(
    table,
    [
      { name: xName, role: 'x' },
      { name: yName, role: 'y' },
    ],
    analysis,
  );
  // Listwise deletion over the three columns: keep the numeric-complete rows whose colour is present.
  const labels = labelsOf(colorColumn);
  const keep: number[] = [];
  for (let k = 0; k < numeric.rows.length; k++) if (labels[numeric.rows[k]] !== null) keep.push(k);
  requireRows(keep.length, analysis, `${xName}, ${yName} and ${colorName}`);
  const x = Float64Array.from(keep, (k) => numeric.values[0][k]);
  const y = Float64Array.from(keep, (k) => numeric.values[1][k]);
  const pointLabels = keep.map((k) => labels[numeric.rows[k]] as string);
  const levels = [...new Set(pointLabels)].sort(compareNatural);
  const nMissing = table.rowCount - keep.length;
  return {
    xName,
    yName,
    x,
    y,
    color: { name: colorName, labels: pointLabels, levels },
    n: keep.length,
    nMissing,
    dropped: droppedForMissing([xName, yName, colorName], nMissing),
  };
}

/** The non-missing labels of a categorical column (optionally split by a second one), listwise. */
export interface LevelValues {
  column: string;
  group?: string;
  labels: string[];
  groupLabels?: string[];
  /** How many rows each label stands for (one each when absent): counts drawn as they came from the plan. */
  weights?: number[];
  n: number;
  nMissing: number;
  dropped: DroppedRows[];
}

/** Labels of a column (and of a second, grouping column) on the rows where both are present. */
export function selectLevelValues(table: Table, column: string, group: string | undefined, analysis: TaskId = 'bar'): LevelValues {
  const first = findColumn(table, column);
  const second = group ? findColumn(table, group) : undefined;
  const { rows, dropped } = completeRows(second ? [first, second] : [first], table.rowCount);
  requireRows(rows.length, analysis, group ? `${column} and ${group}` : column);
  const labels = labelsOf(first);
  const groupLabels = second ? labelsOf(second) : undefined;
  return {
    column,
    group,
    labels: rows.map((i) => labels[i] as string),
    groupLabels: groupLabels ? rows.map((i) => groupLabels[i] as string) : undefined,
    n: rows.length,
    nMissing: dropped,
    dropped: droppedForMissing(group ? [column, group] : [column], dropped),
  };
}
