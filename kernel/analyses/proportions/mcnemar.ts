/** mcnemar: a two-level variable measured twice on the same units (`before`, `after`), as R `mcnemar.test`. */
import { InferraError } from '../../errors.js';
import type { AnalysisOptions, AnalysisRequest, Table } from '../../types.js';
import { upperChisq } from '../common/distributions.js';
import { formatNumber, formatP } from '../common/format.js';
import { completeRows, droppedForMissing, findColumn, labelsOf, requireRole } from '../common/select.js';
import type { Summary, Validated } from '../types.js';
import { compareNatural } from '../../util/natural-sort.js';

/** The paired 2 x 2 table: counts[i][j] = units with level i before and level j after. */
export interface McNemarInput {
  before: string;
  after: string;
  levels: [string, string];
  counts: [[number, number], [number, number]];
}

/** mcnemar's result. */
export interface McNemarResult {
  statistic: number;
  df: number;
  pValue: number;
  /** Whether the continuity correction was applied (as R: --correct true and the discordant counts differ). */
  correction: boolean;
  /** Units that changed from the first level to the second, and back. */
  changedTo2: number;
  changedTo1: number;
  /** The odds ratio of change (changedTo2 / changedTo1), as the paired (conditional) odds ratio. */
  oddsRatio: number;
}

/** The before-by-after table over complete pairs; both columns share the same two levels. */
export function validateMcNemar(request: AnalysisRequest, table: Table): Validated<McNemarInput> {
  const analysis = request.analysis;
  const before = requireRole(request.roles.before, { analysis, role: 'before' });
  const after = requireRole(request.roles.after, { analysis, role: 'after' });
  const bc = findColumn(table, before);
  const ac = findColumn(table, after);
  const { rows, dropped } = completeRows([bc, ac], table.rowCount);
  const bl = labelsOf(bc);
  const al = labelsOf(ac);
  const levels = [...new Set(rows.flatMap((i) => [bl[i] as string, al[i] as string]))].sort(compareNatural);
  if (levels.length !== 2) {
    throw new InferraError('wrong-level-count', { analysis, expected: 'exactly 2', column: `${before} and ${after} together`, actual: levels.length, levels: levels.slice(0, 8).join(', ') });
  }
  const counts: [[number, number], [number, number]] = [[0, 0], [0, 0]];
  for (const i of rows) counts[levels.indexOf(bl[i] as string)][levels.indexOf(al[i] as string)]++;
  if (counts[0][1] + counts[1][0] === 0) {
    throw new InferraError('zero-variance', { where: `The pairs of ${before} and ${after}`, value: 'unchanged', analysis });
  }
  return { input: { before, after, levels: [levels[0], levels[1]], counts }, n: rows.length, nMissing: dropped, dropped: droppedForMissing([before, after], dropped) };
}

/** McNemar's chi-square with R's continuity-correction rule. */
export function computeMcNemar(input: McNemarInput, options: AnalysisOptions): McNemarResult {
  const b = input.counts[0][1];
  const c = input.counts[1][0];
  const correction = options.correct && b !== c;
  const diff = correction ? Math.abs(b - c) - 1 : b - c;
  const statistic = (diff * diff) / (b + c);
  return Object.freeze({ statistic, df: 1, pValue: upperChisq(statistic, 1), correction, changedTo2: b, changedTo1: c, oddsRatio: b / c });
}

/** "χ²(1) = 4.50, p = .034; 12 changed from no to yes, 3 from yes to no". */
export function summarizeMcNemar(result: McNemarResult, input: McNemarInput): Summary {
  const [l1, l2] = input.levels;
  const discordant = result.changedTo1 + result.changedTo2;
  const warnings = discordant < 25 ? [`Only ${discordant} pairs changed; with fewer than 25 discordant pairs the exact (binomial) version of McNemar's test is more accurate: run binomial_test on the ${discordant} changes with p = 0.5.`] : [];
  return {
    summary:
      `McNemar's test of a change in ${input.before} vs ${input.after} (${input.counts.flat().reduce((s, v) => s + v, 0)} pairs): ${result.changedTo2} changed from ${l1} to ${l2} and ${result.changedTo1} from ${l2} to ${l1}, ` +
      `χ²(1) = ${formatNumber(result.statistic)}, ${formatP(result.pValue)}.`,
    tables: [
      {
        title: `${input.before} by ${input.after}`,
        columns: [
          { key: 'level', label: `${input.before} \\ ${input.after}` },
          { key: 'first', label: l1 },
          { key: 'second', label: l2 },
        ],
        rows: input.levels.map((l, i) => ({ level: l, first: input.counts[i][0], second: input.counts[i][1] })),
      },
      {
        title: "McNemar's test",
        columns: [
          { key: 'statistic', label: 'χ²' },
          { key: 'df', label: 'df' },
          { key: 'p_value', label: 'p' },
          { key: 'odds_ratio', label: 'Odds ratio of change' },
        ],
        rows: [{ statistic: result.statistic, df: result.df, p_value: result.pValue, odds_ratio: Number.isFinite(result.oddsRatio) ? result.oddsRatio : '∞' }],
        note: `${result.correction ? 'With' : 'Without'} continuity correction, as R mcnemar.test. Odds ratio of change: ${l1} → ${l2} changes over ${l2} → ${l1} changes.`,
      },
    ],
    warnings,
  };
}
