/** Result tables and APA sentences of the contingency analyses. */
import type { AssumptionCheck, ResultTable } from '../../types.js';
import { formatBounded, formatCi, formatNumber, formatP } from '../common/format.js';
import { P_COLUMN, singleRowTable } from '../common/table.js';
import type { Summary } from '../types.js';
import type { ChiSquareResult } from './chi2.js';
import type { FisherResult } from './fisher.js';
import type { ContingencyTable } from './table.js';

/** A crosstab of numbers (observed or expected) with row and column labels. */
function buildCrosstab(title: string, input: ContingencyTable, values: number[][]): ResultTable {
  const colKeys = input.colLevels.map((_, j) => `c${j}`);
  return {
    title,
    columns: [{ key: 'level', label: `${input.row} \\ ${input.col}` }, ...input.colLevels.map((l, j) => ({ key: colKeys[j], label: l }))],
    rows: input.rowLevels.map((level, i) => ({ level, ...Object.fromEntries(colKeys.map((k, j) => [k, values[i][j]])) })),
  };
}

/** Chi-square: tables and "chi2(2, N = 344) = 299.55, p < .001, Cramer's V = .66". */
export function summarizeChiSquare(result: ChiSquareResult, input: ContingencyTable, checks: AssumptionCheck[]): Summary {
  const summary = `chi2(${result.df}, N = ${result.n}) = ${formatNumber(result.statistic)}, ${formatP(result.pValue)}, Cramer's V = ${formatBounded(result.cramersV)}.`;
  const test = singleRowTable(
    "Pearson's chi-square test of independence",
    [['statistic', 'chi2'], ['df', 'df'], P_COLUMN, ['cramersV', "Cramer's V"], ['n', 'N'], ['correction', "Yates' correction"]],
    result,
    {
      note: result.correction
        ? "Yates' continuity correction applied (2 x 2 table). Cramer's V uses the uncorrected statistic."
        : "Cramer's V = sqrt(chi2 / (N (min(r, c) - 1))).",
    },
  );
  const failed = checks.filter((c) => c.check === 'expected_counts' && !c.ok);
  return {
    summary,
    tables: [test, buildCrosstab('Observed counts', input, result.observed), buildCrosstab('Expected counts', input, result.expected)],
    warnings: failed.map((c) => `The chi-square approximation may be inaccurate: ${c.note}`),
    recommendations: failed.length > 0 ? ['Consider fisher_exact because some expected counts are below 5: it does not rely on the chi-square approximation.'] : [],
  };
}

/** Fisher: tables and "Fisher's exact test, p = .486, OR = 6.41, 95% CI [0.21, 621.93]". */
export function summarizeFisher(result: FisherResult, input: ContingencyTable): Summary {
  const hasOr = result.oddsRatio !== null && result.ciLow !== null && result.ciHigh !== null;
  const or = hasOr
    ? `, OR = ${formatNumber(result.oddsRatio as number)}, ${formatCi(result.confLevel, result.ciLow as number, result.ciHigh as number)}`
    : '';
  const summary = `Fisher's exact test (N = ${result.n}): ${formatP(result.pValue)}${or}.`;
  const notAvailable = 'not available (2 x 2 only)';
  const test = singleRowTable(
    "Fisher's exact test",
    [P_COLUMN, ['oddsRatio', 'Odds ratio'], ['ciLow', 'CI lower'], ['ciHigh', 'CI upper'], ['n', 'N'], ['alternative', 'Alternative']],
    result,
    {
      shown: { oddsRatio: result.oddsRatio ?? notAvailable, ciLow: result.ciLow ?? notAvailable, ciHigh: result.ciHigh ?? notAvailable },
      note: hasOr
      ? `Conditional maximum-likelihood odds ratio (${input.rowLevels[0]}/${input.rowLevels[1]} by ${input.colLevels[0]}/${input.colLevels[1]}) with its exact ${formatNumber(result.confLevel * 100, 0)}% interval, as R's fisher.test.`
      : 'Exact p-value by enumerating every table with the observed margins.',
    },
  );
  return { summary, tables: [test, buildCrosstab('Observed counts', input, result.observed)] };
}
