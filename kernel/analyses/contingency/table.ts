/** Cross-tabulating two grouping columns into a contingency table (levels in natural order). */
import { InferraError } from '../../errors.js';
import type { AnalysisId, DroppedRows, Table } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import { completeRows, droppedForMissing, findColumn, labelsOf } from '../common/select.js';

/** Most levels a row or column factor may have. */
export const MAX_LEVELS = 50;

/** Observed counts of `row` by `col`. */
export interface ContingencyTable {
  row: string;
  col: string;
  rowLevels: string[];
  colLevels: string[];
  /** counts[i][j]: rows with level i of `row` and level j of `col`. */
  counts: number[][];
  n: number;
  nMissing: number;
  dropped: DroppedRows[];
}

/** Counts of every (row level, col level) pair over complete rows; refuses factors with 1 or too many levels. */
export function buildContingencyTable(table: Table, row: string, col: string, analysis: AnalysisId): ContingencyTable {
  const rowColumn = findColumn(table, row);
  const colColumn = findColumn(table, col);
  const rowLabels = labelsOf(rowColumn);
  const colLabels = labelsOf(colColumn);
  const { rows, dropped } = completeRows([rowColumn, colColumn], table.rowCount);
  const levelsOf = (labels: (string | null)[], name: string, role: string): string[] => {
    const levels = [...new Set(rows.map((i) => labels[i] as string))].sort(compareNatural);
    if (levels.length > MAX_LEVELS) {
      throw new InferraError('column-not-categorical', { column: name, distinct: levels.length, role, analysis });
    }
    if (levels.length < 2) {
      throw new InferraError('wrong-level-count', {
        analysis,
        expected: 'at least 2',
        column: name,
        actual: levels.length,
        levels: levels.join(', '),
      });
    }
    return levels;
  };
  const rowLevels = levelsOf(rowLabels, row, 'row');
  const colLevels = levelsOf(colLabels, col, 'col');
  const rowIndex = new Map(rowLevels.map((l, i) => [l, i]));
  const colIndex = new Map(colLevels.map((l, j) => [l, j]));
  const counts = rowLevels.map(() => colLevels.map(() => 0));
  for (const i of rows) counts[rowIndex.get(rowLabels[i] as string) as number][colIndex.get(colLabels[i] as string) as number]++;
  return {
    row,
    col,
    rowLevels,
    colLevels,
    counts,
    n: rows.length,
    nMissing: dropped,
    dropped: droppedForMissing([row, col], dropped),
  };
}

/** `empty-table-cell` when a row or column of the table sums to zero (its expected counts would be zero). */
export function validateMargins(counts: readonly (readonly number[])[], row = 'row', col = 'col'): void {
  counts.forEach((r, i) => {
    if (r.every((v) => v === 0)) throw new InferraError('empty-table-cell', { row, col, detail: `row ${i + 1} is all zeros` });
  });
  counts[0].forEach((_, j) => {
    if (counts.every((r) => r[j] === 0)) throw new InferraError('empty-table-cell', { row, col, detail: `column ${j + 1} is all zeros` });
  });
}
