/**
 * Subjects coded by number in long data (issue #16): `tree` 1..79 beside `Time` with 5 values of 79
 * rows each is the tree measured at every time, not a measured quantity. A numeric column holding the
 * integers 1..k (k distinct values, mean (k+1)/2), crossed with another column of two or more values
 * that each hold exactly k rows, with k rows per value filling the table (k x values = rows), is a
 * column of subjects, when there are more subjects than conditions (a Latin square's row and column
 * positions 1..8 cross 8 treatments: positions) and the conditions are not numbered 1..m themselves
 * (morley's Run 1..20 within Expt 1..5: two codes, neither read as subjects). A numeric code that no
 * other column crosses this way stays numeric.
 */
import type { ColumnSchema } from '../types.js';

/** Whether `c` numbers the subjects of a long design crossed with another column of `columns`. */
export function isSubjectCode(c: ColumnSchema, columns: readonly ColumnSchema[]): boolean {
  const s = c.summary;
  const k = c.distinct;
  if (c.kind !== 'numeric' || !s || c.missing > 0 || k < 3 || k >= c.n || s.min !== 1 || s.max !== k) return false;
  if (Math.abs(s.mean - (k + 1) / 2) > 1e-9 * k) return false;
  return columns.some((o) => {
    const levels = o.levels ?? [];
    if (o === c || levels.length < 2 || levels.length >= k || levels.length * k !== c.n || !levels.every((l) => l.count === k)) return false;
    return !levels.every((l, i) => Number(l.value) === i + 1);
  });
}
