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
  // Nested maps: no key string built per row.
  const nested = new Map<string, Map<string, number>>();
  for (const i of rows) {
    const r = rowLabels[i] as string;
    const c = colLabels[i] as string;
    let inner = nested.get(r);
    if (!inner) nested.set(r, (inner = new Map()));
    inner.set(c, (inner.get(c) ?? 0) + 1);
  }
  const pairs = new Map<string, number>();
  for (const [r, inner] of nested) for (const [c, count] of inner) pairs.set(`${r}\u0000${c}`, count);
  return contingencyFromCounts(pairs, row, col, analysis, dropped);
}

/**
 * The contingency table from the counts of each (row level, col level) pair, keyed "row\u0000col"
 * (counted in JavaScript above, or in the database by the aggregate plan); levels in natural order.
 */
export function contingencyFromCounts(pairs: ReadonlyMap<string, number>, row: string, col: string, analysis: AnalysisId, nMissing: number): ContingencyTable {
  const split = [...pairs.keys()].map((key) => key.split('\u0000') as [string, string]);
  const levelsOf = (labels: string[], name: string, role: string): string[] => {
    const levels = [...new Set(labels)].sort(compareNatural);
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
  const rowLevels = levelsOf(split.map(([r]) => r), row, 'row');
  const colLevels = levelsOf(split.map(([, c]) => c), col, 'col');
  const rowIndex = new Map(rowLevels.map((l, i) => [l, i]));
  const colIndex = new Map(colLevels.map((l, j) => [l, j]));
  const counts = rowLevels.map(() => colLevels.map(() => 0));
  let n = 0;
  for (const [key, count] of pairs) {
    const [r, c] = key.split('\u0000');
    counts[rowIndex.get(r) as number][colIndex.get(c) as number] += count;
    n += count;
  }
  return {
    row,
    col,
    rowLevels,
    colLevels,
    counts,
    n,
    nMissing,
    dropped: droppedForMissing([row, col], nMissing),
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
