/** The chi-square test's assumption check: expected counts of at least 5 (R warns otherwise). */
import type { AssumptionCheck } from '../../types.js';
import type { ChiSquareResult } from './chi2.js';
import type { ContingencyTable } from './table.js';

/** Expected counts below 5 make the chi-square approximation doubtful; the statistic is the smallest expected count. */
export function checkExpectedCounts(input: ContingencyTable, result: ChiSquareResult): AssumptionCheck {
  const cells = result.expected.flat();
  const small = cells.filter((e) => e < 5).length;
  const smallest = Math.min(...cells);
  return {
    check: 'expected_counts',
    target: `${input.row} x ${input.col}`,
    statistic: smallest,
    pValue: null,
    ok: small === 0,
    ...(small === 0
      ? {}
      : {
          note: `${small} of ${cells.length} cells have expected counts below 5 (smallest ${smallest.toFixed(2)}).`,
        }),
  };
}
