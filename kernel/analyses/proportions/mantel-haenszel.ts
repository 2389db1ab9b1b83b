/**
 * The Cochran-Mantel-Haenszel test of a 2 x 2 x K table and the Mantel-Haenszel common odds ratio
 * with the Robins-Breslow-Greenland variance, as R `mantelhaen.test` (2 x 2 x K, not exact).
 */
import { InferraError } from '../../errors.js';
import type { AnalysisOptions, AnalysisRequest, DroppedRows, Table } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import { lowerNormal, quantileNormal, upperChisq, upperNormal } from '../common/distributions.js';
import { completeRows, droppedForMissing, findColumn, labelsOf, requireRole } from '../common/select.js';
import type { Validated } from '../types.js';

/** A 2 x 2 table per stratum: cells[k] = [[a, b], [c, d]] (row level 1/2 by col level 1/2). */
export interface StratifiedTable {
  row: string;
  col: string;
  strata: string;
  rowLevels: [string, string];
  colLevels: [string, string];
  strataLevels: string[];
  cells: [[number, number], [number, number]][];
}

/** mantel_haenszel's result. */
export interface MantelHaenszelResult {
  statistic: number;
  df: number;
  pValue: number;
  commonOddsRatio: number;
  ciLow: number;
  ciHigh: number;
  /** Whether the continuity correction was applied (|sum(a - E[a])| >= 0.5 and --correct true). */
  correction: boolean;
  /** Each stratum's own odds ratio (ad / bc; Infinity or NaN when a cell is zero). */
  strataOddsRatios: number[];
}

/** The 2 x 2 x K table of `row` by `col` within each level of `strata`. */
export function validateStratified(request: AnalysisRequest, table: Table): Validated<StratifiedTable> {
  const analysis = request.analysis;
  const row = requireRole(request.roles.row, { analysis, role: 'row' });
  const col = requireRole(request.roles.col, { analysis, role: 'col' });
  const strata = requireRole(request.roles.strata, { analysis, role: 'strata' });
  const columns = [findColumn(table, row), findColumn(table, col), findColumn(table, strata)];
  const labels = columns.map(labelsOf);
  const { rows, dropped } = completeRows(columns, table.rowCount);
  const levels = labels.map((l) => [...new Set(rows.map((i) => l[i] as string))].sort(compareNatural));
  [row, col].forEach((name, j) => {
    if (levels[j].length !== 2) {
      throw new InferraError('wrong-level-count', { analysis, expected: 'exactly 2', column: name, actual: levels[j].length, levels: levels[j].slice(0, 8).join(', ') });
    }
  });
  if (levels[2].length > 200) throw new InferraError('column-not-categorical', { column: strata, distinct: levels[2].length, role: 'strata', analysis });
  const index = levels.map((ls) => new Map(ls.map((l, k) => [l, k])));
  const cells = levels[2].map((): [[number, number], [number, number]] => [[0, 0], [0, 0]]);
  for (const i of rows) {
    const [r, c, s] = labels.map((l, j) => index[j].get(l[i] as string) as number);
    cells[s][r][c]++;
  }
  cells.forEach((t, k) => {
    const n = t[0][0] + t[0][1] + t[1][0] + t[1][1];
    if (n < 2) throw new InferraError('too-few-observations', { analysis, needed: 2, actual: n, where: `stratum ${strata} = ${levels[2][k]}` });
  });
  const droppedRows: DroppedRows[] = droppedForMissing([row, col, strata], dropped);
  return {
    input: { row, col, strata, rowLevels: [levels[0][0], levels[0][1]], colLevels: [levels[1][0], levels[1][1]], strataLevels: levels[2], cells },
    n: rows.length,
    nMissing: dropped,
    dropped: droppedRows,
  };
}

/** The CMH statistic, p-value and common odds ratio with its confidence interval. */
export function computeMantelHaenszel(input: StratifiedTable, options: AnalysisOptions): MantelHaenszelResult {
  let delta = 0;
  let varianceSum = 0;
  let sDiag = 0;
  let sOff = 0;
  const parts = input.cells.map(([[a, b], [c, d]]) => {
    const n = a + b + c + d;
    const r1 = a + b;
    const r2 = c + d;
    const c1 = a + c;
    const c2 = b + d;
    delta += a - (r1 * c1) / n;
    varianceSum += (r1 * r2 * c1 * c2) / (n * n * (n - 1));
    sDiag += (a * d) / n;
    sOff += (b * c) / n;
    return { a, b, c, d, n };
  });
  const yates = options.correct && Math.abs(delta) >= 0.5 ? 0.5 : 0;
  const statistic = (Math.abs(delta) - yates) ** 2 / varianceSum;
  let pValue: number;
  if (options.alternative === 'two-sided') pValue = upperChisq(statistic, 1);
  else {
    const z = Math.sign(delta) * Math.sqrt(statistic);
    pValue = options.alternative === 'less' ? lowerNormal(z) : upperNormal(z);
  }
  const estimate = sDiag / sOff;
  // Robins, Breslow & Greenland (1986) variance of log(OR_MH).
  let t1 = 0;
  let t2 = 0;
  let t3 = 0;
  for (const { a, b, c, d, n } of parts) {
    const n2 = n * n;
    t1 += ((a + d) * a * d) / n2;
    t2 += ((a + d) * b * c + (b + c) * a * d) / n2;
    t3 += ((b + c) * b * c) / n2;
  }
  const sdLog = Math.sqrt(t1 / (2 * sDiag * sDiag) + t2 / (2 * sDiag * sOff) + t3 / (2 * sOff * sOff));
  let ciLow: number;
  let ciHigh: number;
  if (options.alternative === 'less') {
    ciLow = 0;
    ciHigh = estimate * Math.exp(quantileNormal(options.confLevel) * sdLog);
  } else if (options.alternative === 'greater') {
    ciLow = estimate * Math.exp(quantileNormal(1 - options.confLevel) * sdLog);
    ciHigh = Infinity;
  } else {
    const q = quantileNormal((1 - options.confLevel) / 2);
    ciLow = estimate * Math.exp(q * sdLog);
    ciHigh = estimate * Math.exp(-q * sdLog);
  }
  const strataOddsRatios = parts.map(({ a, b, c, d }) => (a * d) / (b * c));
  return Object.freeze({ statistic, df: 1, pValue, commonOddsRatio: estimate, ciLow, ciHigh, correction: yates > 0, strataOddsRatios });
}
