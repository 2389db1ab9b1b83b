/** Fisher's exact test on any table: the 2 x 2 test with odds ratio, or the r x c enumeration. */
import { InferraError } from '../../errors.js';
import type { Alternative } from '../../types.js';
import { computeFisher2x2 } from './fisher-2x2.js';
import { computeFisherExactRxC } from './fisher-rxc.js';
import { validateMargins } from './table.js';

/** What Fisher's test returns; the odds ratio and its interval exist for 2 x 2 tables only. */
export interface FisherResult {
  pValue: number;
  oddsRatio: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  confLevel: number;
  /** Always two-sided for tables larger than 2 x 2 (as R). */
  alternative: Alternative;
  observed: number[][];
  n: number;
  method: 'exact-2x2' | 'exact-enumeration';
}

/** Fisher's exact test; agrees with R `fisher.test(x, alternative, conf.level)`. */
export function computeFisher(
  observed: readonly (readonly number[])[],
  alternative: Alternative,
  confLevel: number,
  names?: { row: string; col: string },
): FisherResult {
  const nr = observed.length;
  const nc = observed[0]?.length ?? 0;
  if (nr < 2 || nc < 2) {
    throw new InferraError('wrong-level-count', { analysis: 'fisher_exact', expected: 'at least 2', column: nr < 2 ? names?.row ?? 'row' : names?.col ?? 'col', actual: Math.min(nr, nc), levels: '' });
  }
  validateMargins(observed, names?.row, names?.col);
  const n = observed.reduce((s, r) => s + r.reduce((t, v) => t + v, 0), 0);
  const copy = observed.map((r) => [...r]);
  if (nr === 2 && nc === 2) {
    const r = computeFisher2x2(observed, alternative, confLevel);
    return Object.freeze({ ...r, confLevel, alternative, observed: copy, n, method: 'exact-2x2' as const });
  }
  return Object.freeze({
    pValue: computeFisherExactRxC(observed),
    oddsRatio: null,
    ciLow: null,
    ciHigh: null,
    confLevel,
    alternative: 'two-sided' as const,
    observed: copy,
    n,
    method: 'exact-enumeration' as const,
  });
}
