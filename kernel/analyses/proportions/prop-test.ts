/** prop_test: the share of a success level of `outcome` compared between the two groups of `group`, as R `prop.test`. */
import { InferraError } from '../../errors.js';
import type { AnalysisOptions, AnalysisRequest, Table } from '../../types.js';
import { lowerNormal, quantileNormal, upperChisq, upperNormal } from '../common/distributions.js';
import { formatBounded, formatCi, formatNumber, formatP } from '../common/format.js';
import { completeRows, droppedForMissing, findColumn, labelsOf, requireRole } from '../common/select.js';
import type { Summary, Validated } from '../types.js';
import { chooseSuccess, levelsOver, requireBinary } from './binary.js';
import { cohensH } from './binomial-test.js';

/** The typed input: successes and totals of the two groups. */
export interface PropInput {
  outcome: string;
  group: string;
  groupLevels: [string, string];
  successLevel: string;
  successes: [number, number];
  totals: [number, number];
}

/** prop_test's result (CONTRACT.md; the CI is of estimate_1 - estimate_2). */
export interface PropResult {
  statistic: number;
  df: number;
  pValue: number;
  estimate1: number;
  estimate2: number;
  /** The risk difference estimate_1 - estimate_2 and its interval. */
  riskDifference: number;
  ciLow: number;
  ciHigh: number;
  cohensH: number;
  correction: boolean;
  successLevel: string;
  /** The smallest expected count under the null. */
  minExpected: number;
}

/** Successes of the outcome's success level in each of the group's two levels. */
export function validateProp(request: AnalysisRequest, table: Table): Validated<PropInput> {
  const analysis = request.analysis;
  const outcome = requireRole(request.roles.outcome, { analysis, role: 'outcome' });
  const group = requireRole(request.roles.group, { analysis, role: 'group' });
  const oc = findColumn(table, outcome);
  const gc = findColumn(table, group);
  const { rows: complete, dropped } = completeRows([oc, gc], table.rowCount);
  const glabels = labelsOf(gc);
  let rows = complete;
  let groupLevels = levelsOver(gc, rows);
  const wanted = request.options.levels;
  const droppedRows = droppedForMissing([outcome, group], dropped);
  if (wanted && wanted.length > 0) {
    for (const level of wanted) if (!groupLevels.includes(level)) throw new InferraError('level-not-found', { column: group, level, levels: groupLevels.join(', ') });
    groupLevels = [...wanted];
    rows = complete.filter((i) => wanted.includes(glabels[i] as string));
    if (rows.length < complete.length) droppedRows.push({ reason: `levels of ${group} not in --levels`, count: complete.length - rows.length });
  }
  if (groupLevels.length !== 2) {
    throw new InferraError('wrong-level-count', { analysis, expected: 'exactly 2', column: group, actual: groupLevels.length, levels: groupLevels.slice(0, 8).join(', ') });
  }
  const levels = requireBinary(oc, rows, analysis);
  const successLevel = chooseSuccess(levels, request.options.success, outcome, analysis);
  const olabels = labelsOf(oc);
  const successes: [number, number] = [0, 0];
  const totals: [number, number] = [0, 0];
  for (const i of rows) {
    const k = glabels[i] === groupLevels[0] ? 0 : 1;
    totals[k]++;
    if (olabels[i] === successLevel) successes[k]++;
  }
  return {
    input: { outcome, group, groupLevels: [groupLevels[0], groupLevels[1]], successLevel, successes, totals },
    n: rows.length,
    nMissing: dropped,
    dropped: droppedRows,
  };
}

/** R's `prop.test(successes, totals, correct)` for two groups. */
export function computeProp(input: PropInput, options: AnalysisOptions): PropResult {
  const [x1, x2] = input.successes;
  const [n1, n2] = input.totals;
  const estimate1 = x1 / n1;
  const estimate2 = x2 / n2;
  const delta = estimate1 - estimate2;
  const inverseSum = 1 / n1 + 1 / n2;
  const yates = Math.min(options.correct ? 0.5 : 0, Math.abs(delta) / inverseSum);
  const z = quantileNormal(options.alternative === 'two-sided' ? (1 + options.confLevel) / 2 : options.confLevel);
  const width = z * Math.sqrt((estimate1 * (1 - estimate1)) / n1 + (estimate2 * (1 - estimate2)) / n2) + yates * inverseSum;
  const ciLow = options.alternative === 'less' ? -1 : Math.max(delta - width, -1);
  const ciHigh = options.alternative === 'greater' ? 1 : Math.min(delta + width, 1);
  const pooled = (x1 + x2) / (n1 + n2);
  let statistic = 0;
  let minExpected = Infinity;
  for (const [x, n] of [
    [x1, n1],
    [x2, n2],
  ]) {
    for (const [observed, expected] of [
      [x, n * pooled],
      [n - x, n * (1 - pooled)],
    ]) {
      statistic += (Math.abs(observed - expected) - yates) ** 2 / expected;
      minExpected = Math.min(minExpected, expected);
    }
  }
  let pValue: number;
  if (options.alternative === 'two-sided') pValue = upperChisq(statistic, 1);
  else {
    const zs = Math.sign(delta) * Math.sqrt(statistic);
    pValue = options.alternative === 'less' ? lowerNormal(zs) : upperNormal(zs);
  }
  return Object.freeze({
    statistic, df: 1, pValue, estimate1, estimate2, riskDifference: delta, ciLow, ciHigh,
    cohensH: cohensH(estimate1, estimate2), correction: yates > 0, successLevel: input.successLevel, minExpected,
  });
}

/** "χ²(1) = 3.20, p = .074; 45% vs 30%, difference .15, 95% CI [...]". */
export function summarizeProp(result: PropResult, input: PropInput, options: AnalysisOptions): Summary {
  const [a, b] = input.groupLevels;
  const pct = (v: number) => `${formatNumber(100 * v, 1)}%`;
  const warnings = result.minExpected < 5 ? [`An expected count is below 5 (${formatNumber(result.minExpected)}); the chi-square approximation may be poor. Consider fisher_exact.`] : [];
  return {
    summary:
      `A two-sample test of proportions compared ${input.outcome} = ${input.successLevel} between ${input.group} = ${a} (${input.successes[0]} of ${input.totals[0]}, ${pct(result.estimate1)}) and ${b} (${input.successes[1]} of ${input.totals[1]}, ${pct(result.estimate2)}): ` +
      `χ²(1) = ${formatNumber(result.statistic)}, ${formatP(result.pValue)}; risk difference = ${formatBounded(result.riskDifference, 3)}, ${formatCi(options.confLevel, result.ciLow, result.ciHigh, 3)}, Cohen's h = ${formatBounded(result.cohensH)}.`,
    tables: [
      {
        title: `Proportion of ${input.outcome} = ${input.successLevel} by ${input.group}`,
        columns: [
          { key: 'group', label: input.group },
          { key: 'successes', label: 'Successes' },
          { key: 'n', label: 'n' },
          { key: 'proportion', label: 'Proportion' },
        ],
        rows: input.groupLevels.map((g, k) => ({ group: g, successes: input.successes[k], n: input.totals[k], proportion: k === 0 ? result.estimate1 : result.estimate2 })),
      },
      {
        title: `Test of equal proportions: ${a} vs ${b}`,
        columns: [
          { key: 'statistic', label: 'χ²' },
          { key: 'df', label: 'df' },
          { key: 'p_value', label: 'p' },
          { key: 'risk_difference', label: `Difference (${a} - ${b})` },
          { key: 'ci_low', label: 'CI low' },
          { key: 'ci_high', label: 'CI high' },
          { key: 'cohens_h', label: "Cohen's h" },
        ],
        rows: [{ statistic: result.statistic, df: result.df, p_value: result.pValue, risk_difference: result.riskDifference, ci_low: result.ciLow, ci_high: result.ciHigh, cohens_h: result.cohensH }],
        note: `${result.correction ? 'With' : 'Without'} continuity correction, as R prop.test; the interval is for the difference of proportions (Wald, with the same correction).`,
      },
    ],
    warnings,
    recommendations: result.minExpected < 5 ? ['Consider fisher_exact because an expected count is below 5.'] : [],
  };
}
