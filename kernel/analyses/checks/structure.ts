/**
 * Structure the analysis ignores (Simpson's paradox). When a categorical column plausibly groups the
 * data (2 to 8 levels, enough rows in each) and the analysis leaves it out, the estimate is
 * recomputed within each of its levels; when the within-group estimates disagree with the pooled
 * one in sign or clearly in size, the result warns, shows them, and offers the model with the
 * grouping term (`y ~ x + g`: the slope within groups and the partial correlation; for a two-group
 * comparison, the difference adjusted for g). The figure is then coloured by that column.
 *
 * Pure: the worker picks the candidate columns from the dataset's schema (`findGroupingCandidates`)
 * and loads them; `seeGroupingStructure` does the rest on the loaded table.
 */
import type { AnalysisId, AnalysisRequest, ColumnSchema, ResultTable, Table } from '../../types.js';
import { formatBounded, formatNumber } from '../common/format.js';
import { mean } from '../common/moments.js';
import { rankAverage } from '../common/ranks.js';
import { findColumn, labelsOf } from '../common/select.js';
import { computeKendallTau } from '../correlation/kendall.js';
import { computePearsonR } from '../correlation/pearson.js';
import { fitLeastSquares } from '../regression/fit.js';
import { upperT } from '../common/distributions.js';
import { formatP } from '../common/format.js';
import { compareNatural } from '../../util/natural-sort.js';

/** Levels a grouping column may have. */
export const MIN_LEVELS = 2;
export const MAX_LEVELS = 8;
/** Rows a level needs for its own estimate. */
export const MIN_PER_LEVEL = 10;
/** Candidate columns looked at, at most. */
const MAX_CANDIDATES = 4;

/** The analyses whose estimate can be hidden by a grouping column. */
const CORRELATIONS = new Set<AnalysisId>(['pearson', 'spearman', 'kendall']);
const DIFFERENCES = new Set<AnalysisId>(['ttest_welch', 'ttest_ind']);

/** Whether this analysis gets the structure check. */
export function wantsStructureCheck(analysis: AnalysisId): boolean {
  return CORRELATIONS.has(analysis) || DIFFERENCES.has(analysis);
}

/** The columns a request already uses. */
function usedColumns(request: AnalysisRequest): Set<string> {
  const r = request.roles;
  return new Set([r.x, r.y, r.outcome, r.group, r.column, r.pairId, r.before, r.after, r.color, ...(r.predictors ?? [])].filter((c): c is string => Boolean(c)));
}

/**
 * Categorical (or boolean) columns of the schema that plausibly group the data: not a role already,
 * 2 to 8 levels, at least `MIN_PER_LEVEL` rows in each of two or more levels.
 */
export function findGroupingCandidates(request: AnalysisRequest & { analysis: AnalysisId }, columns: readonly ColumnSchema[]): string[] {
  if (!wantsStructureCheck(request.analysis)) return [];
  const used = usedColumns(request);
  return columns
    .filter((c) => (c.kind === 'categorical' || c.kind === 'boolean') && !used.has(c.name))
    .filter((c) => c.levels && c.levels.length >= MIN_LEVELS && c.levels.length <= MAX_LEVELS)
    .filter((c) => (c.levels ?? []).filter((l) => l.count >= MIN_PER_LEVEL).length >= MIN_LEVELS)
    .slice(0, MAX_CANDIDATES)
    .map((c) => c.name);
}

/** One level's estimate. */
export interface WithinEstimate {
  level: string;
  n: number;
  estimate: number;
}

/** What the check found for one grouping column. */
export interface StructureFinding {
  column: string;
  kind: 'correlation' | 'difference';
  /** The pooled estimate on the rows where the grouping column is known. */
  pooled: number;
  n: number;
  within: WithinEstimate[];
  /** n-weighted mean of the within-group estimates. */
  withinAverage: number;
  /** The model with the grouping term: slope of x (correlation) or the adjusted difference, with SE, t, df, p. */
  adjusted: { estimate: number; se: number; statistic: number; df: number; pValue: number };
  /** Partial correlation of x and y given the grouping (correlations only; Pearson's, from the model's t). */
  partialR?: number;
  /** R² of the model with the grouping term, to choose between candidates. */
  rSquared: number;
  /** Why it fires: the sign flips, or the size changes clearly. */
  reason: 'sign' | 'size' | null;
}

/** The estimate of a correlation analysis on one set of pairs. */
function correlate(analysis: AnalysisId, x: Float64Array, y: Float64Array): number {
  if (analysis === 'spearman') return computePearsonR(rankAverage(x).ranks, rankAverage(y).ranks);
  if (analysis === 'kendall') return computeKendallTau(x, y);
  return computePearsonR(x, y);
}

/** Dummy columns of `labels` against the first of `levels`. */
function dummies(labels: readonly string[], levels: readonly string[]): Float64Array[] {
  return levels.slice(1).map((l) => Float64Array.from(labels, (v) => (v === l ? 1 : 0)));
}

/** The coefficient `index` (after the intercept) of y ~ columns, with SE, t, df and two-sided p. */
function coefficient(y: Float64Array, columns: Float64Array[], names: string[], index: number) {
  const fit = fitLeastSquares({ terms: names, columns, intercept: true }, y);
  const estimate = fit.estimates[index + 1];
  const se = fit.stdErrors[index + 1];
  const statistic = estimate / se;
  const df = fit.dfResid;
  return { estimate, se, statistic, df, pValue: 2 * upperT(Math.abs(statistic), df), rSquared: fit.mss / (fit.mss + fit.rss) };
}

/** Rows complete in every named column, with the grouping labels. */
function completeRows(table: Table, numeric: string[], categorical: string[]): { rows: number[] } {
  const cols = [...numeric, ...categorical].map((n) => findColumn(table, n));
  const rows: number[] = [];
  for (let i = 0; i < table.rowCount; i++) {
    if (cols.every((c) => (c.kind === 'numeric' ? !Number.isNaN(c.values[i]) : c.values[i] !== null))) rows.push(i);
  }
  return { rows };
}

/** Natural order of levels (numbers as numbers, else text), as the analyses sort them. */
function sortLevels(levels: Iterable<string>): string[] {
  return [...levels].sort(compareNatural);
}

/** The two levels a two-group analysis compares: `--levels`, else the two levels present, in natural order. */
function twoLevels(request: AnalysisRequest, table: Table): [string, string] | undefined {
  const given = request.options.levels;
  if (given) return given.length === 2 ? [given[0], given[1]] : undefined;
  const outcome = request.roles.outcome;
  const group = request.roles.group;
  if (!outcome || !group) return undefined;
  const ys = findColumn(table, outcome);
  const labels = labelsOf(findColumn(table, group));
  const seen = new Set<string>();
  for (let i = 0; i < table.rowCount; i++) if (labels[i] !== null && !(ys.kind === 'numeric' && Number.isNaN(ys.values[i]))) seen.add(labels[i] as string);
  const levels = sortLevels(seen);
  return levels.length === 2 ? [levels[0], levels[1]] : undefined;
}

/** Within-group correlations and the model y ~ x + g. */
export function examineCorrelation(analysis: AnalysisId, table: Table, xName: string, yName: string, column: string): StructureFinding | undefined {
  const { rows } = completeRows(table, [xName, yName], [column]);
  const xs = findColumn(table, xName).values as Float64Array;
  const ys = findColumn(table, yName).values as Float64Array;
  const labels = labelsOf(findColumn(table, column));
  const x = Float64Array.from(rows, (i) => xs[i]);
  const y = Float64Array.from(rows, (i) => ys[i]);
  const g = rows.map((i) => labels[i] as string);
  const levels = sortLevels(new Set(g));
  const within: WithinEstimate[] = [];
  for (const level of levels) {
    const idx = g.flatMap((v, k) => (v === level ? [k] : []));
    if (idx.length < MIN_PER_LEVEL) continue;
    const estimate = correlate(analysis, Float64Array.from(idx, (k) => x[k]), Float64Array.from(idx, (k) => y[k]));
    if (Number.isFinite(estimate)) within.push({ level, n: idx.length, estimate });
  }
  if (within.length < MIN_LEVELS) return undefined;
  const pooled = correlate(analysis, x, y);
  const model = coefficient(y, [x, ...dummies(g, levels)], [xName, ...levels.slice(1).map((l) => `${column}${l}`)], 0);
  const partialR = model.statistic / Math.sqrt(model.statistic ** 2 + model.df);
  const withinAverage = within.reduce((s, w) => s + w.n * w.estimate, 0) / within.reduce((s, w) => s + w.n, 0);
  const reason = judge(pooled, withinAverage, within, 0.1, 0.2);
  return { column, kind: 'correlation', pooled, n: rows.length, within, withinAverage, adjusted: model, partialR, rSquared: model.rSquared, reason };
}

/** Within-stratum differences (first level minus second) and the model y ~ group + g. */
export function examineDifference(table: Table, outcome: string, group: string, levelsOfGroup: readonly [string, string], column: string): StructureFinding | undefined {
  const { rows: all } = completeRows(table, [outcome], [group, column]);
  const ys = findColumn(table, outcome).values as Float64Array;
  const groupLabels = labelsOf(findColumn(table, group));
  const labels = labelsOf(findColumn(table, column));
  const rows = all.filter((i) => groupLabels[i] === levelsOfGroup[0] || groupLabels[i] === levelsOfGroup[1]);
  const y = Float64Array.from(rows, (i) => ys[i]);
  const first = rows.map((i) => (groupLabels[i] === levelsOfGroup[0] ? 1 : 0));
  const g = rows.map((i) => labels[i] as string);
  const levels = sortLevels(new Set(g));
  const diffOf = (idx: number[]): number => {
    const a = idx.filter((k) => first[k] === 1).map((k) => y[k]);
    const b = idx.filter((k) => first[k] === 0).map((k) => y[k]);
    return a.length >= 2 && b.length >= 2 ? mean(a) - mean(b) : NaN;
  };
  const within: WithinEstimate[] = [];
  for (const level of levels) {
    const idx = g.flatMap((v, k) => (v === level ? [k] : []));
    if (idx.length < MIN_PER_LEVEL) continue;
    const estimate = diffOf(idx);
    if (Number.isFinite(estimate)) within.push({ level, n: idx.length, estimate });
  }
  if (within.length < MIN_LEVELS) return undefined;
  const pooled = diffOf(rows.map((_, k) => k));
  const groupDummy = Float64Array.from(first);
  const model = coefficient(y, [groupDummy, ...dummies(g, levels)], [`${group}${levelsOfGroup[0]}`, ...levels.slice(1).map((l) => `${column}${l}`)], 0);
  const withinAverage = within.reduce((s, w) => s + w.n * w.estimate, 0) / within.reduce((s, w) => s + w.n, 0);
  // Size on the scale of the outcome: a change of at least half the pooled difference.
  const reason = judge(pooled, model.estimate, within, 0, Math.abs(pooled) / 2);
  return { column, kind: 'difference', pooled, n: rows.length, within, withinAverage, adjusted: model, rSquared: model.rSquared, reason };
}

/**
 * Sign: the pooled estimate and the within-group average (or the adjusted estimate) have opposite
 * signs, each clearly away from zero, and most groups agree with the within-group side. Size: they
 * differ by at least `sizeGap`.
 */
function judge(pooled: number, within: number, estimates: readonly WithinEstimate[], signFloor: number, sizeGap: number): 'sign' | 'size' | null {
  const agree = estimates.filter((w) => Math.sign(w.estimate) === Math.sign(within)).length;
  if (Math.sign(pooled) !== Math.sign(within) && Math.abs(within) > signFloor && Math.abs(pooled) > signFloor && agree > estimates.length / 2) return 'sign';
  if (sizeGap > 0 && Math.abs(pooled - within) >= sizeGap) return 'size';
  return null;
}

/** What the outcome gains from the check. */
export interface StructureOutcome {
  warnings: string[];
  recommendations: string[];
  tables: ResultTable[];
  /** The column to colour the scatter by (correlations, when the warning fires). */
  colorBy?: string;
  finding?: StructureFinding;
}

/** The statistic's symbol for sentences. */
const SYMBOL: Partial<Record<AnalysisId, string>> = { pearson: 'r', spearman: 'r_s', kendall: 'tau' };

/** "from .39 to .65" */
function range(within: readonly WithinEstimate[], fmt: (x: number) => string): string {
  const values = within.map((w) => w.estimate);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? fmt(lo) : `${fmt(lo)} to ${fmt(hi)}`;
}

/** The warning, the table and the recommendation for a finding that fires. */
function describeFinding(request: AnalysisRequest & { analysis: AnalysisId }, f: StructureFinding, levels?: readonly [string, string]): StructureOutcome {
  const r = request.roles;
  const isCorr = f.kind === 'correlation';
  const symbol = SYMBOL[request.analysis] ?? 'r';
  const fmt = isCorr ? (x: number) => formatBounded(x) : (x: number) => formatNumber(x);
  const what = isCorr ? `the correlation of ${r.y} with ${r.x}` : `the difference in mean ${r.outcome} between ${levels ? `${levels[0]} and ${levels[1]}` : 'the two groups'}`;
  const pooledText = isCorr ? `${symbol} = ${fmt(f.pooled)}` : `${fmt(f.pooled)}`;
  const withinText = `${isCorr ? `${symbol} = ` : ''}${range(f.within, fmt)}`;
  const paradox = f.reason === 'sign' ? " (Simpson's paradox)" : '';
  const direction = f.reason === 'sign' ? 'reverses' : 'changes clearly';
  const a = f.adjusted;
  const model = isCorr
    ? `${r.y} ~ ${r.x} + ${f.column} gives a slope within ${f.column} of ${formatNumber(a.estimate)} (SE ${formatNumber(a.se)}, t(${a.df}) = ${formatNumber(a.statistic)}, ${formatP(a.pValue)}) and a partial r = ${formatBounded(f.partialR ?? NaN)}`
    : `${r.outcome} ~ ${r.group} + ${f.column} gives a difference adjusted for ${f.column} of ${formatNumber(a.estimate)} (SE ${formatNumber(a.se)}, t(${a.df}) = ${formatNumber(a.statistic)}, ${formatP(a.pValue)})`;
  const warning = `Grouping by ${f.column} ${direction} ${what}${paradox}: pooled it is ${pooledText} (n = ${f.n}), within each level of ${f.column} it is ${withinText}. The pooled estimate mixes the differences between ${f.column} groups with the relation within them; ${model}.`;
  const predictors = isCorr ? `${r.x},${f.column}` : `${r.group},${f.column}`;
  const outcome = isCorr ? r.y : r.outcome;
  const recommendation = `Consider the model with ${f.column}: ols with --outcome ${outcome} --predictors ${predictors}${isCorr ? ` (the slope within ${f.column}; the partial correlation above is its standardised form)` : ` (the ${r.group} difference within ${f.column})`}, or the analysis within each level (--where "${f.column} = ...").`;
  const table: ResultTable = {
    title: `Within each level of ${f.column}`,
    columns: [
      { key: 'level', label: f.column },
      { key: 'n', label: 'n' },
      { key: 'estimate', label: isCorr ? (request.analysis === 'pearson' ? 'r' : request.analysis === 'spearman' ? 'rho' : 'tau') : 'Difference in means' },
    ],
    rows: [
      ...f.within.map((w) => ({ level: w.level, n: w.n, estimate: w.estimate })),
      { level: 'pooled (all levels)', n: f.n, estimate: f.pooled },
      ...(isCorr && f.partialR !== undefined ? [{ level: `partial, given ${f.column} (Pearson)`, n: f.n, estimate: f.partialR }] : []),
      ...(!isCorr ? [{ level: `adjusted for ${f.column} (linear model)`, n: f.n, estimate: a.estimate }] : []),
    ],
    note: isCorr
      ? `Estimates on the ${f.n} rows where ${f.column} is known; levels with fewer than ${MIN_PER_LEVEL} rows are left out. Partial r from the model ${r.y} ~ ${r.x} + ${f.column}: t / sqrt(t^2 + df).`
      : `Difference = mean of the first-named group minus the second, within each level of ${f.column}, on the ${f.n} rows where it is known; levels with fewer than ${MIN_PER_LEVEL} rows are left out.`,
  };
  return { warnings: [warning], recommendations: [recommendation], tables: [table], colorBy: isCorr ? f.column : undefined, finding: f };
}

/**
 * Looks at each candidate grouping column on `table` (which holds the analysis' columns and the
 * candidates). Returns the finding of the candidate that explains most (largest R² with the
 * grouping term) among those that fire, or nothing.
 */
export function seeGroupingStructure(
  request: AnalysisRequest & { analysis: AnalysisId },
  table: Table,
  candidates: readonly string[],
): StructureOutcome {
  const r = request.roles;
  const twoGroupLevels = DIFFERENCES.has(request.analysis) ? twoLevels(request, table) : undefined;
  const findings: StructureFinding[] = [];
  for (const column of candidates) {
    let finding: StructureFinding | undefined;
    try {
      if (CORRELATIONS.has(request.analysis) && r.x && r.y) finding = examineCorrelation(request.analysis, table, r.x, r.y, column);
      else if (DIFFERENCES.has(request.analysis) && r.outcome && r.group && twoGroupLevels) finding = examineDifference(table, r.outcome, r.group, twoGroupLevels, column);
    } catch {
      finding = undefined; // a candidate that cannot be examined (rank-deficient model, ...) is skipped
    }
    if (finding?.reason) findings.push(finding);
  }
  if (findings.length === 0) return { warnings: [], recommendations: [], tables: [] };
  findings.sort((a, b) => b.rSquared - a.rSquared);
  return describeFinding(request, findings[0], twoGroupLevels);
}
