/** binomial_test: one two-level column, the share of successes against `--p` (default 0.5). */
import { InferraError } from '../../errors.js';
import type { AnalysisOptions, AnalysisRequest, Table } from '../../types.js';
import { formatBounded, formatCi, formatP } from '../common/format.js';
import { completeRows, droppedForMissing, findColumn, labelsOf } from '../common/select.js';
import type { Summary, Validated } from '../types.js';
import { chooseSuccess, requireBinary } from './binary.js';
import { computeBinomial, type BinomialNumbers } from './binomial.js';

/** The typed input: successes out of n. */
export interface BinomialInput {
  column: string;
  successLevel: string;
  otherLevel: string | null;
  successes: number;
  n: number;
  p: number;
}

/** binomial_test's result (CONTRACT.md). */
export interface BinomialResult extends BinomialNumbers {
  successLevel: string;
  nullProportion: number;
  /** Cohen's h of the observed proportion against the null one. */
  cohensH: number;
}

/** Counts the success level of `column` (or `outcome`). */
export function validateBinomial(request: AnalysisRequest, table: Table): Validated<BinomialInput> {
  const analysis = request.analysis;
  const name = request.roles.column ?? request.roles.outcome;
  if (!name) throw new InferraError('missing-role', { analysis, role: 'column' });
  const column = findColumn(table, name);
  const { rows, dropped } = completeRows([column], table.rowCount);
  if (rows.length === 0) throw new InferraError('too-few-observations', { analysis, needed: 1, actual: 0, where: `column '${name}'` });
  const levels = requireBinary(column, rows, analysis);
  const successLevel = chooseSuccess(levels, request.options.success, name, analysis);
  const labels = labelsOf(column);
  const successes = rows.filter((i) => labels[i] === successLevel).length;
  // --p, else a test value between 0 and 1 (what the rule engine reads from "different from 0.3"), else 0.5.
  const mu = request.options.mu;
  const p = request.options.p ?? (mu > 0 && mu < 1 ? mu : 0.5);
  return {
    input: { column: name, successLevel, otherLevel: levels.find((l) => l !== successLevel) ?? null, successes, n: rows.length, p },
    n: rows.length,
    nMissing: dropped,
    dropped: droppedForMissing([name], dropped),
  };
}

/** Cohen's h between two proportions. */
export function cohensH(p1: number, p2: number): number {
  return 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
}

/** The exact test and Clopper-Pearson interval. */
export function computeBinomialTest(input: BinomialInput, options: AnalysisOptions): BinomialResult {
  const r = computeBinomial(input.successes, input.n, input.p, options.alternative, options.confLevel);
  return Object.freeze({ ...r, successLevel: input.successLevel, nullProportion: input.p, cohensH: cohensH(r.estimate, input.p) });
}

/** "42 of 100 (.42, 95% CI [.32, .52]), exact binomial p = .133 against .50". */
export function summarizeBinomial(result: BinomialResult, input: BinomialInput, options: AnalysisOptions): Summary {
  const share = `${result.successes} of ${result.n} ${input.column} = ${input.successLevel}`;
  return {
    summary:
      `An exact binomial test compared the proportion of ${input.column} = ${input.successLevel} with ${formatBounded(input.p, 2)}: ${share} (proportion ${formatBounded(result.estimate, 3)}, ` +
      `${formatCi(options.confLevel, result.ciLow, result.ciHigh, 3).replace(/(-?)0\./g, '$1.')}), ${formatP(result.pValue)}; Cohen's h = ${formatBounded(result.cohensH, 2)}.`,
    tables: [
      {
        title: `Exact binomial test of ${input.column} = ${input.successLevel}`,
        columns: [
          { key: 'successes', label: 'Successes' },
          { key: 'n', label: 'n' },
          { key: 'estimate', label: 'Proportion' },
          { key: 'ci_low', label: 'CI low' },
          { key: 'ci_high', label: 'CI high' },
          { key: 'null_proportion', label: 'Null p' },
          { key: 'p_value', label: 'p' },
          { key: 'cohens_h', label: "Cohen's h" },
        ],
        rows: [{ successes: result.successes, n: result.n, estimate: result.estimate, ci_low: result.ciLow, ci_high: result.ciHigh, null_proportion: input.p, p_value: result.pValue, cohens_h: result.cohensH }],
        note: `Success: ${input.column} = ${input.successLevel}${input.otherLevel ? ` (the other level: ${input.otherLevel})` : ''}. Clopper-Pearson (exact) interval and exact p-value, as R binom.test.`,
      },
    ],
  };
}
