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

/**
 * One level of the grouping column in a correlation: its complete (x, y) pairs as centred moments
 * (mergeable: the pooled moments are the levels' merged), and the analysis' estimate within it.
 */
export interface PairLevel {
  level: string;
  n: number;
  meanX: number;
  meanY: number;
  sxx: number;
  syy: number;
  sxy: number;
  /** The correlation within the level (NaN when it has none, e.g. a constant column). */
  estimate: number;
}

/** Centred moments of one side of a two-group comparison within a level. */
export interface SideMoments {
  n: number;
  mean: number;
  /** Sum of squares about the mean. */
  ss: number;
}

/** One level of the grouping column in a two-group comparison: the first-named and the second group in it. */
export interface DifferenceLevel {
  level: string;
  first: SideMoments;
  second: SideMoments;
}

const EMPTY_SIDE: SideMoments = { n: 0, mean: 0, ss: 0 };

/** Merges centred moments of two disjoint parts (Chan, Golub and LeVeque's pairwise update). */
function mergeSides(a: SideMoments, b: SideMoments): SideMoments {
  const n = a.n + b.n;
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const delta = b.mean - a.mean;
  return { n, mean: a.mean + (delta * b.n) / n, ss: a.ss + b.ss + (delta * delta * a.n * b.n) / n };
}

/** Pooled centred moments of the pairs of all levels. */
function mergePairs(levels: readonly PairLevel[]): Omit<PairLevel, 'level' | 'estimate'> {
  let acc = { n: 0, meanX: 0, meanY: 0, sxx: 0, syy: 0, sxy: 0 };
  for (const l of levels) {
    if (l.n === 0) continue;
    if (acc.n === 0) {
      acc = { n: l.n, meanX: l.meanX, meanY: l.meanY, sxx: l.sxx, syy: l.syy, sxy: l.sxy };
      continue;
    }
    const n = acc.n + l.n;
    const dx = l.meanX - acc.meanX;
    const dy = l.meanY - acc.meanY;
    const w = (acc.n * l.n) / n;
    acc = {
      n,
      meanX: acc.meanX + (dx * l.n) / n,
      meanY: acc.meanY + (dy * l.n) / n,
      sxx: acc.sxx + l.sxx + dx * dx * w,
      syy: acc.syy + l.syy + dy * dy * w,
      sxy: acc.sxy + l.sxy + dx * dy * w,
    };
  }
  return acc;
}

/** Pearson's r from centred moments (NaN for a constant column), as computePearsonR. */
export function pearsonFromMoments(m: { sxx: number; syy: number; sxy: number }): number {
  if (m.sxx === 0 || m.syy === 0) return NaN;
  return Math.max(-1, Math.min(1, m.sxy / (Math.sqrt(m.sxx) * Math.sqrt(m.syy))));
}

/** Centred moments of the pairs at `idx`. */
function pairMoments(x: ArrayLike<number>, y: ArrayLike<number>, idx: readonly number[]): Omit<PairLevel, 'level' | 'estimate'> {
  const n = idx.length;
  const xs = Float64Array.from(idx, (i) => x[i]);
  const ys = Float64Array.from(idx, (i) => y[i]);
  const meanX = mean(xs);
  const meanY = mean(ys);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let k = 0; k < n; k++) {
    const dx = xs[k] - meanX;
    const dy = ys[k] - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { n, meanX, meanY, sxx, syy, sxy };
}

/** Centred moments of the values at `idx`. */
function sideMoments(y: ArrayLike<number>, idx: readonly number[]): SideMoments {
  if (idx.length === 0) return EMPTY_SIDE;
  const values = Float64Array.from(idx, (i) => y[i]);
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  return { n: values.length, mean: m, ss };
}

/** Row indices by grouping label, for the rows given. */
function byLevel(rows: readonly number[], labels: readonly (string | null)[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const i of rows) {
    const label = labels[i] as string;
    let list = groups.get(label);
    if (!list) groups.set(label, (list = []));
    list.push(i);
  }
  return groups;
}

/** Rows complete in every named column. */
function completeRows(table: Table, names: string[]): number[] {
  const cols = names.map((n) => findColumn(table, n));
  const rows: number[] = [];
  for (let i = 0; i < table.rowCount; i++) {
    if (cols.every((c) => (c.kind === 'numeric' ? !Number.isNaN(c.values[i]) : c.values[i] !== null))) rows.push(i);
  }
  return rows;
}

/** Natural order of levels (numbers as numbers, else text), as the analyses sort them. */
function sortLevels(levels: Iterable<string>): string[] {
  return [...levels].sort(compareNatural);
}

/** The two levels a two-group analysis compares: `--levels`, else the two levels present, in natural order. */
export function twoLevelsOf(request: AnalysisRequest, present: Iterable<string>): [string, string] | undefined {
  const given = request.options.levels;
  if (given) return given.length === 2 ? [given[0], given[1]] : undefined;
  const levels = sortLevels(new Set(present));
  return levels.length === 2 ? [levels[0], levels[1]] : undefined;
}

/** The levels of the group present where the outcome is known, on a loaded table. */
function twoLevels(request: AnalysisRequest, table: Table): [string, string] | undefined {
  const outcome = request.roles.outcome;
  const group = request.roles.group;
  if (!request.options.levels && (!outcome || !group)) return undefined;
  if (request.options.levels) return twoLevelsOf(request, []);
  const ys = findColumn(table, outcome!);
  const labels = labelsOf(findColumn(table, group!));
  const seen = new Set<string>();
  for (let i = 0; i < table.rowCount; i++) if (labels[i] !== null && !(ys.kind === 'numeric' && Number.isNaN(ys.values[i]))) seen.add(labels[i] as string);
  return twoLevelsOf(request, seen);
}

/** Within-group correlations and the model y ~ x + g, on a loaded table. */
export function examineCorrelation(analysis: AnalysisId, table: Table, xName: string, yName: string, column: string): StructureFinding | undefined {
  const rows = completeRows(table, [xName, yName, column]);
  const xs = findColumn(table, xName).values as Float64Array;
  const ys = findColumn(table, yName).values as Float64Array;
  const groups = byLevel(rows, labelsOf(findColumn(table, column)));
  const levels = [...groups].map(([level, idx]): PairLevel => ({
    level,
    ...pairMoments(xs, ys, idx),
    estimate: idx.length >= MIN_PER_LEVEL ? correlate(analysis, Float64Array.from(idx, (i) => xs[i]), Float64Array.from(idx, (i) => ys[i])) : NaN,
  }));
  const pooled = analysis === 'pearson' ? NaN : correlate(analysis, Float64Array.from(rows, (i) => xs[i]), Float64Array.from(rows, (i) => ys[i]));
  return correlationFinding(analysis, column, levels, pooled);
}

/**
 * The correlation finding from the levels' moments and estimates: the within-level estimates
 * (levels of at least `MIN_PER_LEVEL` rows), the pooled one (`pooledEstimate`, or Pearson's r of the
 * merged moments when NaN), and the model y ~ x + g in closed form: with the levels' intercepts
 * the slope of x is the pooled within-level one, sum(Sxy) / sum(Sxx) (Frisch-Waugh-Lovell).
 */
export function correlationFinding(analysis: AnalysisId, column: string, levels: readonly PairLevel[], pooledEstimate: number): StructureFinding | undefined {
  const sorted = [...levels].sort((a, b) => compareNatural(a.level, b.level));
  const within: WithinEstimate[] = sorted
    .filter((l) => l.n >= MIN_PER_LEVEL && Number.isFinite(l.estimate))
    .map((l) => ({ level: l.level, n: l.n, estimate: l.estimate }));
  if (within.length < MIN_LEVELS) return undefined;
  const all = mergePairs(sorted);
  const pooled = Number.isNaN(pooledEstimate) ? pearsonFromMoments(all) : pooledEstimate;
  const sxx = sorted.reduce((s, l) => s + l.sxx, 0);
  const sxy = sorted.reduce((s, l) => s + l.sxy, 0);
  const syy = sorted.reduce((s, l) => s + l.syy, 0);
  const df = all.n - sorted.length - 1;
  if (!(sxx > 0) || df <= 0) return undefined;
  const slope = sxy / sxx;
  const rss = Math.max(0, syy - slope * sxy);
  const model = modelTerm(slope, rss, sxx, df, all.syy);
  const partialR = model.statistic / Math.sqrt(model.statistic ** 2 + model.df);
  const withinAverage = within.reduce((s, w) => s + w.n * w.estimate, 0) / within.reduce((s, w) => s + w.n, 0);
  const reason = judge(pooled, withinAverage, within, 0.1, 0.2);
  const { rSquared, ...adjusted } = model;
  return { column, kind: 'correlation', pooled, n: all.n, within, withinAverage, adjusted, partialR, rSquared, reason };
}

/** A coefficient with its SE, t, df, two-sided p and the model's R², from its residual SS and the term's SS. */
function modelTerm(estimate: number, rss: number, termSs: number, df: number, tss: number) {
  const se = Math.sqrt(rss / df / termSs);
  const statistic = estimate / se;
  return { estimate, se, statistic, df, pValue: 2 * upperT(Math.abs(statistic), df), rSquared: 1 - rss / tss };
}

/** Within-stratum differences (first level minus second) and the model y ~ group + g, on a loaded table. */
export function examineDifference(table: Table, outcome: string, group: string, levelsOfGroup: readonly [string, string], column: string): StructureFinding | undefined {
  const ys = findColumn(table, outcome).values as Float64Array;
  const groupLabels = labelsOf(findColumn(table, group));
  const rows = completeRows(table, [outcome, group, column]).filter((i) => groupLabels[i] === levelsOfGroup[0] || groupLabels[i] === levelsOfGroup[1]);
  const groups = byLevel(rows, labelsOf(findColumn(table, column)));
  const levels = [...groups].map(([level, idx]): DifferenceLevel => ({
    level,
    first: sideMoments(ys, idx.filter((i) => groupLabels[i] === levelsOfGroup[0])),
    second: sideMoments(ys, idx.filter((i) => groupLabels[i] !== levelsOfGroup[0])),
  }));
  return differenceFinding(column, levels);
}

/**
 * The two-group finding from the cells' moments: the within-level differences (levels of at least
 * `MIN_PER_LEVEL` rows with two or more in each group), the pooled difference, and the model
 * y ~ group + g in closed form: the adjusted difference is the levels' differences weighted by
 * n1 n2 / n (Frisch-Waugh-Lovell), and its residual SS is the cells' SS plus sum(w (d - b)^2).
 */
export function differenceFinding(column: string, levels: readonly DifferenceLevel[]): StructureFinding | undefined {
  const sorted = [...levels].sort((a, b) => compareNatural(a.level, b.level));
  const diffOf = (a: SideMoments, b: SideMoments) => (a.n >= 2 && b.n >= 2 ? a.mean - b.mean : NaN);
  const within: WithinEstimate[] = [];
  for (const l of sorted) {
    const n = l.first.n + l.second.n;
    const estimate = diffOf(l.first, l.second);
    if (n >= MIN_PER_LEVEL && Number.isFinite(estimate)) within.push({ level: l.level, n, estimate });
  }
  if (within.length < MIN_LEVELS) return undefined;
  const first = sorted.reduce((acc, l) => mergeSides(acc, l.first), EMPTY_SIDE);
  const second = sorted.reduce((acc, l) => mergeSides(acc, l.second), EMPTY_SIDE);
  const pooled = diffOf(first, second);
  const n = first.n + second.n;
  const weighted = sorted
    .map((l) => ({ w: (l.first.n * l.second.n) / (l.first.n + l.second.n), d: l.first.mean - l.second.mean }))
    .filter((c) => c.w > 0);
  const sumW = weighted.reduce((s, c) => s + c.w, 0);
  const df = n - sorted.length - 1;
  if (!(sumW > 0) || df <= 0) return undefined;
  const adjustedDifference = weighted.reduce((s, c) => s + c.w * c.d, 0) / sumW;
  const cellsSs = sorted.reduce((s, l) => s + l.first.ss + l.second.ss, 0);
  const rss = cellsSs + weighted.reduce((s, c) => s + c.w * (c.d - adjustedDifference) ** 2, 0);
  const total = mergeSides(first, second);
  const { rSquared, ...adjusted } = modelTerm(adjustedDifference, rss, sumW, df, total.ss);
  const withinAverage = within.reduce((s, w) => s + w.n * w.estimate, 0) / within.reduce((s, w) => s + w.n, 0);
  // Size on the scale of the outcome: a change of at least half the pooled difference.
  const reason = judge(pooled, adjusted.estimate, within, 0, Math.abs(pooled) / 2);
  return { column, kind: 'difference', pooled, n, within, withinAverage, adjusted, rSquared, reason };
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
  const findings = candidates.map((column) => {
    try {
      if (CORRELATIONS.has(request.analysis) && r.x && r.y) return examineCorrelation(request.analysis, table, r.x, r.y, column);
      if (DIFFERENCES.has(request.analysis) && r.outcome && r.group && twoGroupLevels) return examineDifference(table, r.outcome, r.group, twoGroupLevels, column);
    } catch {
      // a candidate that cannot be examined is skipped
    }
    return undefined;
  });
  return describeFindings(request, findings, twoGroupLevels);
}

/** The outcome of the candidates' findings: the one that fires and explains most (largest R² with the grouping term), or nothing. */
export function describeFindings(
  request: AnalysisRequest & { analysis: AnalysisId },
  findings: readonly (StructureFinding | undefined)[],
  twoGroupLevels?: readonly [string, string],
): StructureOutcome {
  const firing = findings.filter((f): f is StructureFinding => Boolean(f?.reason) && Number.isFinite(f!.adjusted.se));
  if (firing.length === 0) return { warnings: [], recommendations: [], tables: [] };
  firing.sort((a, b) => b.rSquared - a.rSquared);
  return describeFinding(request, firing[0], twoGroupLevels);
}
