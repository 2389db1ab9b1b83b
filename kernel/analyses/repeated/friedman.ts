/**
 * Friedman's rank test of a within-subject factor (unreplicated complete blocks), as R
 * `friedman.test(y ~ w | s)`, with Kendall's W = chi2 / (n (k - 1)) as its effect size.
 */
import { InferraError } from '../../errors.js';
import type { AnalysisRequest, Table } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import { upperChisq } from '../common/distributions.js';
import { formatBounded, formatNumber, formatP } from '../common/format.js';
import { rankAverage } from '../common/ranks.js';
import { completeRows, droppedForMissing, findColumn, findNumericColumn, labelsOf, requireRole } from '../common/select.js';
import type { Summary, Validated } from '../types.js';

/** The subject-by-condition table: values[i][j] = subject i under condition j. */
export interface BlockInput {
  outcome: string;
  within: string;
  subject: string;
  conditions: string[];
  subjects: string[];
  values: Float64Array[];
}

/** friedman's result. */
export interface FriedmanResult {
  statistic: number;
  df: number;
  pValue: number;
  kendallsW: number;
  /** Mean rank of each condition, in the conditions' order. */
  meanRanks: number[];
  ties: boolean;
}

/** One value per subject and condition; subjects missing a condition are dropped, duplicates refused. */
export function validateBlocks(request: AnalysisRequest, table: Table): Validated<BlockInput> {
  const analysis = request.analysis;
  const outcome = requireRole(request.roles.outcome, { analysis, role: 'outcome' });
  const within = requireRole(request.roles.within ?? request.roles.group, { analysis, role: 'within' });
  const subject = requireRole(request.roles.subject ?? request.roles.pairId, { analysis, role: 'subject' });
  const y = findNumericColumn(table, outcome, { analysis, role: 'outcome' });
  const w = findColumn(table, within);
  const s = findColumn(table, subject);
  const { rows, dropped } = completeRows([y, w, s], table.rowCount);
  const wl = labelsOf(w);
  const sl = labelsOf(s);
  let conditions = [...new Set(rows.map((i) => wl[i] as string))].sort(compareNatural);
  const wanted = request.options.levels;
  let kept = rows;
  const droppedRows = droppedForMissing([outcome, within, subject], dropped);
  if (wanted && wanted.length > 0) {
    for (const level of wanted) if (!conditions.includes(level)) throw new InferraError('level-not-found', { column: within, level, levels: conditions.join(', ') });
    conditions = [...wanted];
    kept = rows.filter((i) => wanted.includes(wl[i] as string));
    if (kept.length < rows.length) droppedRows.push({ reason: `levels of ${within} not in --levels`, count: rows.length - kept.length });
  }
  if (conditions.length < 2) throw new InferraError('wrong-level-count', { analysis, expected: 'at least 2', column: within, actual: conditions.length, levels: conditions.join(', ') });
  const cIndex = new Map(conditions.map((c, j) => [c, j]));
  const bySubject = new Map<string, Float64Array>();
  for (const i of kept) {
    const id = sl[i] as string;
    let row = bySubject.get(id);
    if (!row) {
      row = new Float64Array(conditions.length).fill(NaN);
      bySubject.set(id, row);
    }
    const j = cIndex.get(wl[i] as string) as number;
    if (!Number.isNaN(row[j])) {
      throw new InferraError('not-paired', { pairId: subject, detail: `subject ${id} has more than one row for ${within} = ${conditions[j]}; Friedman's test needs exactly one value per subject and condition (average the repeats first)` });
    }
    row[j] = y.values[i];
  }
  const subjects: string[] = [];
  const values: Float64Array[] = [];
  let incomplete = 0;
  let incompleteRows = 0;
  for (const id of [...bySubject.keys()].sort(compareNatural)) {
    const row = bySubject.get(id) as Float64Array;
    if (row.some(Number.isNaN)) {
      incomplete++;
      incompleteRows += row.filter((v) => !Number.isNaN(v)).length;
      continue;
    }
    subjects.push(id);
    values.push(row);
  }
  if (incomplete > 0) droppedRows.push({ reason: `${incomplete} subject${incomplete === 1 ? '' : 's'} of ${subject} without a value in every condition of ${within}`, count: incompleteRows });
  if (subjects.length < 2) throw new InferraError('too-few-observations', { analysis, needed: 2, actual: subjects.length, where: `subjects of ${subject} with a value in every condition` });
  return {
    input: { outcome, within, subject, conditions, subjects, values },
    n: subjects.length * conditions.length,
    nMissing: dropped,
    dropped: droppedRows,
  };
}

/** Friedman's chi-square with R's tie correction. */
export function computeFriedman(input: BlockInput): FriedmanResult {
  const n = input.values.length;
  const k = input.conditions.length;
  const sums = new Float64Array(k);
  let tieTerm = 0;
  for (const row of input.values) {
    const { ranks, tieSizes } = rankAverage(row);
    for (let j = 0; j < k; j++) sums[j] += ranks[j];
    for (const t of tieSizes) tieTerm += t * t * t - t;
  }
  let ss = 0;
  for (let j = 0; j < k; j++) ss += (sums[j] - (n * (k + 1)) / 2) ** 2;
  const statistic = (12 * ss) / (n * k * (k + 1) - tieTerm / (k - 1));
  const df = k - 1;
  return Object.freeze({
    statistic, df, pValue: upperChisq(statistic, df), kendallsW: statistic / (n * (k - 1)),
    meanRanks: Array.from(sums, (s) => s / n), ties: tieTerm > 0,
  });
}

/** "χ²(2) = 11.14, p = .004, Kendall's W = .25". */
export function summarizeFriedman(result: FriedmanResult, input: BlockInput): Summary {
  const n = input.values.length;
  return {
    summary: `A Friedman test compared ${input.outcome} across the ${input.conditions.length} conditions of ${input.within} within ${n} subjects (${input.subject}): χ²(${result.df}) = ${formatNumber(result.statistic)}, ${formatP(result.pValue)}, Kendall's W = ${formatBounded(result.kendallsW)}.`,
    tables: [
      {
        title: `Mean ranks of ${input.outcome} by ${input.within}`,
        columns: [
          { key: 'condition', label: input.within },
          { key: 'mean_rank', label: 'Mean rank' },
          { key: 'median', label: 'Median' },
        ],
        rows: input.conditions.map((c, j) => {
          const column = input.values.map((r) => r[j]).sort((a, b) => a - b);
          const m = column.length;
          return { condition: c, mean_rank: result.meanRanks[j], median: m % 2 ? column[(m - 1) / 2] : (column[m / 2 - 1] + column[m / 2]) / 2 };
        }),
      },
      {
        title: "Friedman rank sum test",
        columns: [
          { key: 'statistic', label: 'χ²' },
          { key: 'df', label: 'df' },
          { key: 'p_value', label: 'p' },
          { key: 'kendalls_w', label: "Kendall's W" },
          { key: 'n', label: 'Subjects' },
        ],
        rows: [{ statistic: result.statistic, df: result.df, p_value: result.pValue, kendalls_w: result.kendallsW, n }],
        note: `Ranks within each subject${result.ties ? ', ties given average ranks with the tie correction' : ''}, as R friedman.test. Kendall's W = χ² / (n (k - 1)): 0 no agreement, 1 the same order in every subject.`,
      },
    ],
  };
}
