/** chi2_gof: the counts of one categorical column against expected proportions, as R `chisq.test(table(x), p = ...)`. */
import { InferraError } from '../../errors.js';
import type { AnalysisOptions, AnalysisRequest, AssumptionCheck, Table } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import { upperChisq } from '../common/distributions.js';
import { formatNumber, formatP } from '../common/format.js';
import { completeRows, droppedForMissing, findColumn, labelsOf } from '../common/select.js';
import type { Summary, Validated } from '../types.js';

/** Observed counts per level and the expected proportions. */
export interface GofInput {
  column: string;
  levels: string[];
  observed: number[];
  /** Expected proportions, summing to 1. */
  proportions: number[];
  /** Whether --expected was given (else equal proportions), and whether it had to be rescaled. */
  given: boolean;
  rescaled: boolean;
}

/** chi2_gof's result. */
export interface GofResult {
  statistic: number;
  df: number;
  pValue: number;
  /** Expected counts, in the levels' order. */
  expected: number[];
  observed: number[];
  levels: string[];
  /** Cohen's w = sqrt(chi2 / N). */
  cohensW: number;
}

/** The level counts of `column` (natural order) and the proportions to test against. */
export function validateGof(request: AnalysisRequest, table: Table): Validated<GofInput> {
  const analysis = request.analysis;
  const name = request.roles.column ?? request.roles.outcome;
  if (!name) throw new InferraError('missing-role', { analysis, role: 'column' });
  const column = findColumn(table, name);
  const { rows, dropped } = completeRows([column], table.rowCount);
  const labels = labelsOf(column);
  const levels = [...new Set(rows.map((i) => labels[i] as string))].sort(compareNatural);
  if (levels.length < 2) throw new InferraError('wrong-level-count', { analysis, expected: 'at least 2', column: name, actual: levels.length, levels: levels.join(', ') });
  if (levels.length > 100) throw new InferraError('column-not-categorical', { column: name, distinct: levels.length, role: 'column', analysis });
  const index = new Map(levels.map((l, k) => [l, k]));
  const observed = levels.map(() => 0);
  for (const i of rows) observed[index.get(labels[i] as string) as number]++;
  const given = request.options.expected !== undefined;
  let proportions = given ? [...(request.options.expected as number[])] : levels.map(() => 1 / levels.length);
  if (proportions.length !== levels.length) {
    throw new InferraError('invalid-option', { option: 'expected', detail: `needs one proportion per level of '${name}' (${levels.length}: ${levels.join(', ')}, in this order), but ${proportions.length} were given.` });
  }
  if (proportions.some((p) => !(p >= 0)) || !proportions.some((p) => p > 0)) {
    throw new InferraError('invalid-option', { option: 'expected', detail: 'must be non-negative proportions, not all 0.' });
  }
  const total = proportions.reduce((s, p) => s + p, 0);
  const rescaled = Math.abs(total - 1) > Math.sqrt(Number.EPSILON);
  if (rescaled) proportions = proportions.map((p) => p / total);
  return { input: { column: name, levels, observed, proportions, given, rescaled }, n: rows.length, nMissing: dropped, dropped: droppedForMissing([name], dropped) };
}

/** Pearson's chi-square of observed against expected counts, on k - 1 df. */
export function computeGof(input: GofInput): GofResult {
  const n = input.observed.reduce((s, v) => s + v, 0);
  const expected = input.proportions.map((p) => n * p);
  let statistic = 0;
  input.observed.forEach((o, k) => (statistic += (o - expected[k]) ** 2 / expected[k]));
  const df = input.levels.length - 1;
  return Object.freeze({ statistic, df, pValue: upperChisq(statistic, df), expected, observed: [...input.observed], levels: [...input.levels], cohensW: Math.sqrt(statistic / n) });
}

/** Expected counts below 5 (R warns: "Chi-squared approximation may be incorrect"). */
export function checkGofExpected(input: GofInput, result: GofResult): AssumptionCheck[] {
  const small = result.expected.filter((e) => e < 5).length;
  const min = Math.min(...result.expected);
  return [
    {
      check: 'expected_counts',
      target: input.column,
      statistic: min,
      pValue: null,
      ok: small === 0,
      ...(small > 0 ? { note: `${small} of ${result.expected.length} expected counts are below 5 (smallest ${formatNumber(min)}); the chi-square approximation may be poor. Merge rare levels.` } : {}),
    },
  ];
}

/** "χ²(2) = 4.81, p = .090" with the observed and expected counts. */
export function summarizeGof(result: GofResult, input: GofInput, checks: AssumptionCheck[], _options: AnalysisOptions): Summary {
  const against = input.given ? `the proportions ${input.proportions.map((p) => formatNumber(p, 3)).join(', ')}` : 'equal proportions';
  const failed = checks.filter((c) => !c.ok);
  return {
    summary: `A chi-square goodness-of-fit test compared the counts of ${input.column} (N = ${result.observed.reduce((s, v) => s + v, 0)}, ${input.levels.length} levels) with ${against}: χ²(${result.df}) = ${formatNumber(result.statistic)}, ${formatP(result.pValue)}, Cohen's w = ${formatNumber(result.cohensW)}.`,
    tables: [
      {
        title: `Observed and expected counts of ${input.column}`,
        columns: [
          { key: 'level', label: input.column },
          { key: 'observed', label: 'Observed' },
          { key: 'proportion', label: 'Expected proportion' },
          { key: 'expected', label: 'Expected' },
          { key: 'residual', label: 'Pearson residual' },
        ],
        rows: input.levels.map((l, k) => ({ level: l, observed: result.observed[k], proportion: input.proportions[k], expected: result.expected[k], residual: (result.observed[k] - result.expected[k]) / Math.sqrt(result.expected[k]) })),
      },
      {
        title: 'Chi-square goodness-of-fit test',
        columns: [
          { key: 'statistic', label: 'χ²' },
          { key: 'df', label: 'df' },
          { key: 'p_value', label: 'p' },
          { key: 'cohens_w', label: "Cohen's w" },
        ],
        rows: [{ statistic: result.statistic, df: result.df, p_value: result.pValue, cohens_w: result.cohensW }],
        note: `Levels in natural order; ${input.given ? `proportions from --expected${input.rescaled ? ' (rescaled to sum to 1)' : ''}` : 'equal proportions'}, as R chisq.test(table(x), p = ...).`,
      },
    ],
    warnings: failed.map((c) => c.note as string),
  };
}
