/** Result tables and APA sentences of the contingency analyses. */
import type { AssumptionCheck, ResultTable } from '../../types.js';
import { formatBounded, formatCi, formatNumber, formatP, SYMBOL } from '../common/format.js';
import { P_COLUMN, singleRowTable } from '../common/table.js';
import type { Summary } from '../types.js';
import type { ChiSquareIndependenceResult, FisherExactResult } from './compute.js';
import type { ContingencyTable } from './table.js';

/** "odds of vs = 0 for am = 0 vs am = 1": which odds a 2 x 2 odds ratio compares. */
function describeOdds(input: ContingencyTable): string {
  return `odds of ${input.col} = ${input.colLevels[0]} for ${input.row} = ${input.rowLevels[0]} vs ${input.row} = ${input.rowLevels[1]}`;
}

/** The risk difference in words: "the proportion with vs = 0 was .67 for am = 0 and .50 for am = 1 (difference = 0.17, 95% CI [...])". */
function describeRiskDifference(input: ContingencyTable, r: { riskDifference?: number; riskDifferenceCiLow?: number; riskDifferenceCiHigh?: number }, confLevel: number): string {
  if (r.riskDifference === undefined || r.riskDifferenceCiLow === undefined || r.riskDifferenceCiHigh === undefined) return '';
  const [[n11, n12], [n21, n22]] = input.counts;
  const p1 = n11 / (n11 + n12);
  const p2 = n21 / (n21 + n22);
  return `the proportion with ${input.col} = ${input.colLevels[0]} was ${formatBounded(p1)} for ${input.row} = ${input.rowLevels[0]} and ${formatBounded(p2)} for ${input.row} = ${input.rowLevels[1]} (risk difference = ${formatNumber(r.riskDifference)}, ${formatCi(confLevel, r.riskDifferenceCiLow, r.riskDifferenceCiHigh)})`;
}

/** An odds ratio and its interval for the 2 x 2 effects table (null parts are not available). */
interface OddsRatio {
  estimate: number | null;
  low: number | null;
  high: number | null;
  note: string;
}

/** The 2 x 2 effects table (odds ratio and risk difference with intervals), for the chi-square and Fisher results. */
function buildEffectsTable(
  input: ContingencyTable,
  or: OddsRatio,
  r: { riskDifference?: number; riskDifferenceCiLow?: number; riskDifferenceCiHigh?: number },
  confLevel: number,
): ResultTable | undefined {
  if (r.riskDifference === undefined) return undefined;
  const pct = `${formatNumber(confLevel * 100, 0)}%`;
  const notAvailable = 'not available (a zero cell)';
  const [[n11, n12], [n21, n22]] = input.counts;
  return {
    title: 'Effect sizes (2 x 2)',
    columns: [
      { key: 'measure', label: 'Measure' },
      { key: 'estimate', label: 'Estimate' },
      { key: 'ciLow', label: `${pct} CI lower` },
      { key: 'ciHigh', label: `${pct} CI upper` },
    ],
    rows: [
      { measure: `Odds ratio (${describeOdds(input)})`, estimate: or.estimate ?? notAvailable, ciLow: or.low ?? notAvailable, ciHigh: or.high ?? notAvailable },
      {
        measure: `Risk difference (proportion with ${input.col} = ${input.colLevels[0]}: ${n11}/${n11 + n12} for ${input.row} = ${input.rowLevels[0]} minus ${n21}/${n21 + n22} for ${input.row} = ${input.rowLevels[1]})`,
        estimate: r.riskDifference,
        ciLow: r.riskDifferenceCiLow ?? notAvailable,
        ciHigh: r.riskDifferenceCiHigh ?? notAvailable,
      },
    ],
    note: `${or.note} Risk difference with Newcombe's hybrid score interval (method 10, from the Wilson interval of each proportion). Intervals two-sided at ${pct}.`,
  };
}

/** A crosstab of numbers (observed or expected) with row and column labels. */
function buildCrosstab(title: string, input: ContingencyTable, values: number[][]): ResultTable {
  const colKeys = input.colLevels.map((_, j) => `c${j}`);
  return {
    title,
    columns: [{ key: 'level', label: `${input.row} \\ ${input.col}` }, ...input.colLevels.map((l, j) => ({ key: colKeys[j], label: l }))],
    rows: input.rowLevels.map((level, i) => ({ level, ...Object.fromEntries(colKeys.map((k, j) => [k, values[i][j]])) })),
  };
}

/** Chi-square: tables and "χ²(2, N = 344) = 299.55, p < .001, Cramér's V = .66" (with the odds ratio and risk difference for 2 x 2). */
export function summarizeChiSquare(result: ChiSquareIndependenceResult, input: ContingencyTable, checks: AssumptionCheck[], confLevel = 0.95): Summary {
  const yates = result.correction ? " (Yates' correction)" : '';
  const or =
    result.oddsRatio !== undefined && result.oddsRatio !== null && result.oddsRatioCiLow != null && result.oddsRatioCiHigh != null
      ? `; OR = ${formatNumber(result.oddsRatio)}, ${formatCi(confLevel, result.oddsRatioCiLow, result.oddsRatioCiHigh)} (${describeOdds(input)})`
      : '';
  const rd = describeRiskDifference(input, result, confLevel);
  const summary = `${SYMBOL.chiSquared}(${result.df}, N = ${result.n}) = ${formatNumber(result.statistic)}${yates}, ${formatP(result.pValue)}, ${SYMBOL.cramersV} = ${formatBounded(result.cramersV)}${or}${rd ? `; ${rd}` : ''}.`;
  const test: ResultTable = {
    title: "Pearson's chi-square test of independence",
    columns: [
      { key: 'statistic', label: SYMBOL.chiSquared },
      { key: 'df', label: 'df' },
      { key: 'pValue', label: 'p' },
      { key: 'cramersV', label: SYMBOL.cramersV },
      { key: 'n', label: 'N' },
      { key: 'correction', label: "Yates' correction" },
    ],
    rows: [{ statistic: result.statistic, df: result.df, pValue: result.pValue, cramersV: result.cramersV, n: result.n, correction: result.correction }],
    note: result.correction
      ? `Yates' continuity correction applied (2 x 2 table). ${SYMBOL.cramersV} uses the uncorrected statistic.`
      : `${SYMBOL.cramersV} = sqrt(${SYMBOL.chiSquared} / (N (min(r, c) − 1))).`,
  };
  const failed = checks.filter((c) => c.check === 'expected_counts' && !c.ok);
  const effects = buildEffectsTable(
    input,
    { estimate: result.oddsRatio ?? null, low: result.oddsRatioCiLow ?? null, high: result.oddsRatioCiHigh ?? null, note: "Sample odds ratio n11 n22 / (n12 n21) with Woolf's log-odds-ratio interval." },
    result,
    confLevel,
  );
  return {
    summary,
    tables: [test, ...(effects ? [effects] : []), buildCrosstab('Observed counts', input, result.observed), buildCrosstab('Expected counts', input, result.expected)],
    warnings: failed.map((c) => `The chi-square approximation may be inaccurate: ${c.note}`),
    recommendations: failed.length > 0 ? ['Consider fisher_exact because some expected counts are below 5: it does not rely on the chi-square approximation.'] : [],
  };
}

/** Fisher: tables and "Fisher's exact test, p = .486, OR = 6.41, 95% CI [0.21, 621.93]". */
export function summarizeFisher(result: FisherExactResult, input: ContingencyTable): Summary {
  const hasOr = result.oddsRatio !== null && result.ciLow !== null && result.ciHigh !== null;
  const or = hasOr
    ? `, OR = ${formatNumber(result.oddsRatio as number)}, ${formatCi(result.confLevel, result.ciLow as number, result.ciHigh as number)} (${describeOdds(input)})`
    : '';
  const rd = describeRiskDifference(input, result, result.confLevel);
  const summary = `Fisher's exact test (N = ${result.n}): ${formatP(result.pValue)}${or}${rd ? `; ${rd}` : ''}.`;
  const notAvailable = 'not available (2 x 2 only)';
  const test: ResultTable = {
    title: "Fisher's exact test",
    columns: [
      { key: 'pValue', label: 'p' },
      { key: 'oddsRatio', label: 'Odds ratio' },
      { key: 'ciLow', label: 'CI lower' },
      { key: 'ciHigh', label: 'CI upper' },
      { key: 'n', label: 'N' },
      { key: 'alternative', label: 'Alternative' },
    ],
    rows: [
      {
        pValue: result.pValue,
        oddsRatio: result.oddsRatio ?? notAvailable,
        ciLow: result.ciLow ?? notAvailable,
        ciHigh: result.ciHigh ?? notAvailable,
        n: result.n,
        alternative: result.alternative,
      },
    ],
    note: hasOr
      ? `Conditional maximum-likelihood odds ratio (${describeOdds(input)}) with its exact ${formatNumber(result.confLevel * 100, 0)}% interval, as R's fisher.test.`
      : 'Exact p-value by enumerating every table with the observed margins.',
  };
  const effects = buildEffectsTable(
    input,
    { estimate: result.oddsRatio, low: result.ciLow, high: result.ciHigh, note: "Conditional maximum-likelihood odds ratio with its exact interval, as R's fisher.test (the sample odds ratio n11 n22 / (n12 n21) differs slightly)." },
    result,
    result.confLevel,
  );
  return { summary, tables: [test, ...(effects ? [effects] : []), buildCrosstab('Observed counts', input, result.observed)] };
}
