/**
 * Analyses computed where the data lives, through the aggregate plan (kernel/data/plan): the engine
 * returns exact aggregates (group moments, co-moments, contingency counts, medians for Levene) and
 * the analysis' own code does the small math, checks and summary. One run:
 *
 * 1. the plan's aggregates, for every group;
 * 2. a bounded, deterministic sample of complete rows (at most SAMPLE_LIMIT per group), on which the
 *    analysis' own `validate` fixes the levels and their order and refuses what it refuses;
 * 3. the numbers from the aggregates (runAnalysisWith's `compute`);
 * 4. the analysis' own checks on the sample: a group of at most SAMPLE_LIMIT rows is taken whole, so
 *    Shapiro-Wilk runs on exactly the rows a file would give; above, Shapiro-Wilk says it was not run
 *    (as for a file), and Levene's test is computed in the database;
 * 5. n, missing and dropped rows from the database's counts.
 *
 * Contingency tables need no sample: the counts are the whole input.
 */
import { InferraError } from '../../errors.js';
import type { Engine, Relation } from '../../data/plan/engine.js';
import { deviationRelation, rangeRound, runBoxStats, runCoMoments, type CoMoments, runComplete, runCounts, runMedians, runMoments, runSample, type GroupMoments, type RangeState } from '../../data/plan/run.js';
import { meanDifference, mergeExactSums, type ExactSum } from '../../data/plan/state.js';
import type { MomentsAggregate, PlanColumn } from '../../data/plan/types.js';
import type { AnalysisId, AnalysisOptions, AnalysisRequest, AssumptionCheck, Column, ColumnKind, DroppedRows, FittedLine, GroupBoxSummary, Table, WholeDataSummary } from '../../types.js';
import { computeOneWayAnovaFromSums, computeWelchAnovaFromMoments, type GroupSummary } from '../anova/compute.js';
import { leveneCheck, reasonNotRunFor } from '../checks/assumptions.js';
import { upperF } from '../common/distributions.js';
import { droppedForMissing } from '../common/select.js';
import { contingencyFromCounts } from '../contingency/table.js';
import { validateContingencyTable } from '../contingency/validate.js';
import { computePearsonFromR } from '../correlation/pearson.js';
import type { CorrelationInput } from '../correlation/validate.js';
import type { KGroupInput } from '../rank-tests/compute.js';
import { analyses } from '../registry.js';
import { runDescribeInDatabase } from './describe.js';
import { runRankAnalysis } from './ranks.js';
import { fitOlsInDatabase, olsColumnNames } from './ols.js';
import { runAnalysisWith, type ComputedOutcome } from '../run.js';
import { computeOneSampleFromMoments, computeStudentFromMoments, computeWelchFromMoments, type OneSampleInput, type SampleMoments, type TwoSampleInput } from '../ttest/compute.js';

/** Rows per group the checks see (Shapiro-Wilk's own limit): smaller groups are taken whole. */
export const SAMPLE_LIMIT = 5000;

/** The analyses that run inside a database. */
export const PLANNED_ANALYSES = ['ttest_welch', 'ttest_ind', 'ttest_one_sample', 'anova_oneway', 'welch_anova', 'pearson', 'chi2_independence', 'describe', 'ols', 'mann_whitney', 'wilcoxon_signed_rank', 'kruskal_wallis', 'spearman', 'kendall'] as const;

export type PlannedAnalysisId = (typeof PLANNED_ANALYSES)[number];

/** Whether an analysis runs through the plan. */
export function isPlannedAnalysis(id: string): id is PlannedAnalysisId {
  return (PLANNED_ANALYSES as readonly string[]).includes(id);
}

/** Where the plan runs, and what it reads. */
export interface PlanContext {
  engine: Engine;
  /** Every column of the table, in order (describe without a column describes them all). */
  tableColumns?: readonly string[];
  /** The analysis' columns (normalized, by name) with the `--where` conditions. */
  relation: Relation;
  kinds: ReadonlyMap<string, ColumnKind>;
  /** `kinds` are the dataset schema's classification (a file's), which describe reports as they are. */
  classified?: boolean;
}

export function planColumn(name: string, kinds: ReadonlyMap<string, ColumnKind>): PlanColumn {
  return { name, numeric: kinds.get(name) === 'numeric' };
}

/** The sample's rows as a Table the analysis' own `validate` reads. */
export function sampleTable(rows: readonly (string | null)[][], columns: readonly PlanColumn[], kinds: ReadonlyMap<string, ColumnKind>): Table {
  const out: Column[] = columns.map((c, j) => {
    const kind = kinds.get(c.name) ?? 'text';
    if (kind === 'numeric') return { name: c.name, kind, values: Float64Array.from(rows, (row) => (row[j] === null ? NaN : Number(row[j]))) };
    return { name: c.name, kind, values: rows.map((row) => row[j]) } as Column;
  });
  return { rowCount: rows.length, columns: out };
}

/** The moments of one group as the t-tests read them. */
function sampleMoments(g: GroupMoments): SampleMoments {
  return { n: g.n, mean: g.mean, variance: g.m2 / (g.n - 1) };
}

function byLevel(groups: readonly GroupMoments[], level: string): GroupMoments {
  const found = groups.find((g) => g.level === level);
  if (!found) throw new InferraError('internal-error', { detail: `the database returned no rows for level '${level}'` });
  return found;
}

/** Shapiro-Wilk checks of targets larger than the sample say, as for a file, that they were not run. */
function notRunAboveLimit(checks: AssumptionCheck[], sizes: ReadonlyMap<string, { n: number; min: number; max: number }>): AssumptionCheck[] {
  return checks.map((check) => {
    const size = sizes.get(check.target);
    if (check.check !== 'shapiro_wilk' || !size || size.n <= SAMPLE_LIMIT) return check;
    const note = reasonNotRunFor(size.n, size.min, size.max) ?? '';
    return { check: 'shapiro_wilk', target: check.target, statistic: null, pValue: null, ok: true, note, verdict: 'not-checked' } as AssumptionCheck;
  });
}

/**
 * Levene's test (median- or mean-centred) in the database: the group centres (exact medians by rank,
 * or the exact means), then the one-way ANOVA of |x - centre| from the plan's exact moments.
 */
async function leveneInDatabase(ctx: PlanContext, outcome: PlanColumn, group: PlanColumn, levels: readonly string[], groups: readonly GroupMoments[], center: 'median' | 'mean'): Promise<{ statistic: number; pValue: number }> {
  const aggregate = { kind: 'moments' as const, value: outcome, group };
  const kept = levels.map((l) => byLevel(groups, l));
  const centres = center === 'median' ? await runMedians(ctx.engine, ctx.relation, aggregate) : new Map(kept.map((g) => [g.raw, g.mean]));
  const keptCentres = new Map(kept.map((g) => [g.raw, centres.get(g.raw)!]));
  const deviations = await runMoments(ctx.engine, deviationRelation(ctx.engine, ctx.relation, aggregate, keptCentres), aggregate);
  const z = levels.map((l) => byLevel(deviations, l));
  const { ssBetween, ssWithin, n } = sumsOfSquares(z);
  const k = z.length;
  if (!(ssWithin > 0)) throw new InferraError('zero-variance', { where: 'The absolute deviations from the group centres', value: 0, analysis: 'levene' });
  const statistic = ssBetween / (k - 1) / (ssWithin / (n - k));
  return { statistic, pValue: upperF(statistic, k - 1, n - k) };
}

/** Between- and within-group sums of squares from exact group sums (group mean minus grand mean without cancellation). */
function sumsOfSquares(groups: readonly GroupMoments[]): { ssBetween: number; ssWithin: number; n: number } {
  let total: ExactSum = { value: 0n, exponent: 0 };
  let n = 0;
  for (const g of groups) {
    total = mergeExactSums(total, g.sum);
    n += g.n;
  }
  let ssBetween = 0;
  let ssWithin = 0;
  for (const g of groups) {
    const d = meanDifference(g.sum, g.n, total, n);
    ssBetween += g.n * d * d;
    ssWithin += g.m2;
  }
  return { ssBetween, ssWithin, n };
}

/** Rows dropped for missing values and for levels not kept, from the database's counts. */
export function droppedRows(names: readonly string[], missing: number, group: string | undefined, complete: number, used: number): DroppedRows[] {
  const dropped = droppedForMissing(names, missing);
  if (group && used < complete) dropped.push({ reason: `levels of ${group} not in --levels`, count: complete - used });
  return dropped;
}

/** What a planned run gives the worker: the outcome, the rows its figures may draw, and the relation's rows. */
export interface PlannedOutcome {
  computed: ComputedOutcome;
  /** The check sample (complete rows, at most SAMPLE_LIMIT per group), or the rows the counts stand for. */
  figureTable?: Table;
  /** Whether `figureTable` holds fewer rows than the analysis used. */
  sampled: boolean;
  /** What the figure takes from every row: the groups' boxes and means when sampled, contingency counts. */
  figureSummary?: WholeDataSummary;
  /** Rows of the relation (after `--where`). */
  rows: number;
}

/** Runs a planned analysis in the engine: the outcome before figures and dataset provenance. */
export async function runPlannedAnalysis(request: AnalysisRequest & { analysis: AnalysisId }, ctx: PlanContext): Promise<PlannedOutcome> {
  const id = request.analysis;
  if (!isPlannedAnalysis(id)) {
    throw new InferraError('analysis-not-in-database', { analysis: id, supported: PLANNED_ANALYSES.join(', ') });
  }
  switch (id) {
    case 'describe':
      return { ...(await runDescribeInDatabase(request, ctx, ctx.tableColumns ?? [])), sampled: false };
    case 'chi2_independence':
      return runContingency(request, ctx);
    case 'pearson':
      return runCorrelation(request, ctx);
    case 'ttest_one_sample':
      return runOneSample(request, ctx);
    case 'ols':
      return runOls(request, ctx);
    case 'mann_whitney':
    case 'wilcoxon_signed_rank':
    case 'kruskal_wallis':
    case 'spearman':
    case 'kendall':
      return runRankAnalysis(request, ctx, id);
    default:
      return runGrouped(request, ctx, id);
  }
}

/** The role columns when all are given; otherwise the analysis' own validate says which is missing. */
export function roleNames(request: AnalysisRequest & { analysis: AnalysisId }, names: (string | undefined)[]): string[] {
  if (names.every((n): n is string => Boolean(n))) return names as string[];
  analyses[request.analysis].validate(request, { rowCount: 0, columns: [] });
  throw new InferraError('internal-error', { detail: `${request.analysis}: a role is missing` });
}

/** Rows and complete rows of some columns, the check sample, and the analysis' own validation of it. */
export async function sampleAndValidate(request: AnalysisRequest & { analysis: AnalysisId }, ctx: PlanContext, columns: PlanColumn[], group?: PlanColumn, ranges?: readonly RangeState[]) {
  const all = group ? [...columns, group] : columns;
  const complete = await runComplete(ctx.engine, ctx.relation, { kind: 'complete', columns: all });
  const sizes = new Map(ranges ? ranges.map((r) => [r.raw, r.n]) : [['', complete.complete]]);
  const rows = await runSample(ctx.engine, ctx.relation, { kind: 'sample', columns, group, limit: SAMPLE_LIMIT }, sizes);
  // The checks read the rows in one canonical order (their sums do not then depend on the table's
  // row order or the engine); the figure draws them as they came (a file's whole groups: its order).
  const validated = analyses[request.analysis].validate(request, sampleTable(sortRows(rows, all), all, ctx.kinds));
  return { complete, validated, table: sampleTable(rows, all, ctx.kinds) };
}

/** Rows sorted by their values, column by column: numbers as numbers, texts by code units, missing last. */
function sortRows(rows: readonly (string | null)[][], columns: readonly PlanColumn[]): (string | null)[][] {
  const compare = (a: readonly (string | null)[], b: readonly (string | null)[]): number => {
    for (const [j, column] of columns.entries()) {
      const x = a[j];
      const y = b[j];
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const order = column.numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
      if (order !== 0) return order;
    }
    return 0;
  };
  return [...rows].sort(compare);
}

/** The outcome with n, missing and dropped rows as the database counted them. */
export function withCounts(outcome: ComputedOutcome, n: number, missing: number, dropped: DroppedRows[]): ComputedOutcome {
  return { ...outcome, n, nMissing: missing, dropped };
}

async function runContingency(request: AnalysisRequest & { analysis: AnalysisId }, ctx: PlanContext): Promise<PlannedOutcome> {
  const [row, col] = roleNames(request, [request.roles.row, request.roles.col]).map((n) => planColumn(n, ctx.kinds));
  const complete = await runComplete(ctx.engine, ctx.relation, { kind: 'complete', columns: [row, col] });
  const counts = await runCounts(ctx.engine, ctx.relation, { kind: 'counts', row, col });
  const nMissing = complete.rows - complete.complete;
  const computed = runAnalysisWith(request, {
    validate: () => validateContingencyTable(request, () => contingencyFromCounts(counts, row.name, col.name, request.analysis, nMissing)),
  });
  // The bars are drawn from the counts (the figure's table has no rows).
  return { computed, figureTable: sampleTable([], [row, col], ctx.kinds), figureSummary: { counts }, sampled: false, rows: complete.rows };
}

async function runCorrelation(request: AnalysisRequest & { analysis: AnalysisId }, ctx: PlanContext): Promise<PlannedOutcome> {
  const [x, y] = roleNames(request, [request.roles.x, request.roles.y]).map((n) => planColumn(n, ctx.kinds));
  const { complete, validated, table } = await sampleAndValidate(request, ctx, [x, y]);
  const co = await runCoMoments(ctx.engine, ctx.relation, { kind: 'comoments', x, y });
  const input = validated.input as CorrelationInput;
  const r = co.sxx === 0 || co.syy === 0 ? NaN : Math.max(-1, Math.min(1, co.sxy / (Math.sqrt(co.sxx) * Math.sqrt(co.syy))));
  const sizes = new Map([
    [input.xName, { n: co.n, min: -Infinity, max: Infinity }],
    [input.yName, { n: co.n, min: -Infinity, max: Infinity }],
  ]);
  const outcome = runAnalysisWith(request, {
    validate: () => validated,
    compute: (_input, options) => computePearsonFromR(r, co.n, options.alternative, options.confLevel),
    adjustChecks: (checks) => notRunAboveLimit(checks, sizes),
  });
  const missing = complete.rows - complete.complete;
  const figureSummary = { line: leastSquaresLine(co) };
  return { computed: withCounts(outcome, co.n, missing, droppedForMissing([x.name, y.name], missing)), figureTable: table, sampled: table.rowCount < co.n, figureSummary, rows: complete.rows };
}

/** The least-squares line of y on x from the plan's co-moments (every complete pair), for the figure. */
function leastSquaresLine(co: CoMoments): FittedLine | undefined {
  if (co.n < 3 || !(co.sxx > 0)) return undefined;
  const slope = co.sxy / co.sxx;
  const rss = Math.max(0, co.syy - slope * co.sxy);
  return { intercept: co.meanY - slope * co.meanX, slope, centre: co.meanX, atCentre: co.meanY, sxx: co.sxx, n: co.n, sigma: Math.sqrt(rss / (co.n - 2)), df: co.n - 2, withIntercept: true };
}

async function runOneSample(request: AnalysisRequest & { analysis: AnalysisId }, ctx: PlanContext): Promise<PlannedOutcome> {
  const [column] = roleNames(request, [request.roles.column ?? request.roles.outcome]).map((n) => planColumn(n, ctx.kinds));
  const { complete, validated, table } = await sampleAndValidate(request, ctx, [column]);
  const [moments] = await runMoments(ctx.engine, ctx.relation, { kind: 'moments', value: column });
  const input = validated.input as OneSampleInput;
  const sizes = new Map([[input.column, moments]]);
  const outcome = runAnalysisWith(request, {
    validate: () => validated,
    compute: (_input, options) => computeOneSampleFromMoments(sampleMoments(moments), options),
    adjustChecks: (checks) => notRunAboveLimit(checks, sizes),
  });
  const missing = complete.rows - complete.complete;
  const sampled = table.rowCount < moments.n;
  const figureSummary = sampled ? { boxes: await boxSummaries(ctx, { kind: 'moments', value: column }, [moments]) } : undefined;
  return { computed: withCounts(outcome, moments.n, missing, droppedForMissing([column.name], missing)), figureTable: table, sampled, figureSummary, rows: complete.rows };
}

type GroupedId = 'ttest_welch' | 'ttest_ind' | 'anova_oneway' | 'welch_anova';

async function runGrouped(request: AnalysisRequest & { analysis: AnalysisId }, ctx: PlanContext, id: GroupedId): Promise<PlannedOutcome> {
  const [outcomeColumn, groupColumn] = roleNames(request, [request.roles.outcome, request.roles.group]).map((n) => planColumn(n, ctx.kinds));
  const aggregate = { kind: 'moments' as const, value: outcomeColumn, group: groupColumn };
  // Group sizes and ranges first (valid for any column): they size the sample and bound the sums' chunks.
  const ranges = await rangeRound(ctx.engine, ctx.relation, aggregate);
  const { complete, validated, table } = await sampleAndValidate(request, ctx, [outcomeColumn], groupColumn, ranges);
  const all = await runMoments(ctx.engine, ctx.relation, aggregate, ranges);
  const levels = id === 'ttest_welch' || id === 'ttest_ind' ? [...(validated.input as TwoSampleInput).levels] : [...(validated.input as KGroupInput).levels];
  const groups = levels.map((l) => byLevel(all, l));
  const used = groups.reduce((sum, g) => sum + g.n, 0);
  const outcome = outcomeColumn.name;
  const group = groupColumn.name;
  // Shapiro-Wilk targets as the analyses name them, with their sizes in the database.
  const sizes = new Map<string, { n: number; min: number; max: number }>();
  for (const g of groups) sizes.set(`${outcome} | ${group}=${g.level}`, g);
  const range = { n: used, min: Math.min(...groups.map((g) => g.min)), max: Math.max(...groups.map((g) => g.max)) };
  sizes.set('residuals', range);
  sizes.set('standardised residuals (within groups)', range);
  // Levene (reported for the pooled models): in the database when a group is larger than the sample.
  const pooled = id === 'ttest_ind' || id === 'anova_oneway';
  const truncated = groups.some((g) => g.n > SAMPLE_LIMIT);
  const levene = pooled && truncated ? await leveneInDatabase(ctx, outcomeColumn, groupColumn, levels, all, request.options.center).then((v) => ({ ok: true as const, v }), (error: unknown) => ({ ok: false as const, error })) : undefined;
  const compute = (options: AnalysisOptions): object => {
    switch (id) {
      case 'ttest_welch':
        return computeWelchFromMoments(sampleMoments(groups[0]), sampleMoments(groups[1]), options);
      case 'ttest_ind':
        return computeStudentFromMoments(sampleMoments(groups[0]), sampleMoments(groups[1]), options);
      case 'anova_oneway': {
        const { ssBetween, ssWithin, n } = sumsOfSquares(groups);
        return computeOneWayAnovaFromSums(ssBetween, ssWithin, groups.length, n, options.confLevel, groupSummaries(groups));
      }
      case 'welch_anova':
        return computeWelchAnovaFromMoments(groups.map(sampleMoments), options.confLevel, groupSummaries(groups));
    }
  };
  const result = runAnalysisWith(request, {
    validate: () => validated,
    compute: (_input, options) => compute(options),
    adjustChecks: (checks) =>
      notRunAboveLimit(checks, sizes).map((check) => {
        if (check.check !== 'levene' || !levene) return check;
        return leveneCheck(check.target, () => {
          if (!levene.ok) throw levene.error;
          return levene.v;
        });
      }),
  });
  const missing = complete.rows - complete.complete;
  const sampled = groups.some((g) => g.n > SAMPLE_LIMIT);
  return {
    computed: withCounts(result, used, missing, droppedRows([outcome, group], missing, group, complete.complete, used)),
    figureTable: table,
    sampled,
    figureSummary: sampled ? { boxes: await boxSummaries(ctx, aggregate, groups) } : undefined,
    rows: complete.rows,
  };
}

/** Each kept group's box (quartiles, whiskers) and mean and SD on every row, for a figure drawn from the sample. */
async function boxSummaries(ctx: PlanContext, aggregate: MomentsAggregate, groups: readonly GroupMoments[]): Promise<GroupBoxSummary[]> {
  const boxes = await runBoxStats(ctx.engine, ctx.relation, aggregate);
  return groups.map((g) => {
    const box = boxes.get(g.raw);
    if (!box) throw new InferraError('internal-error', { detail: `no box statistics for level '${g.level}'` });
    return { level: g.level, ...box, mean: g.mean, sd: g.n > 1 ? Math.sqrt(g.m2 / (g.n - 1)) : NaN };
  });
}

/** n, mean and SD of each group, as the ANOVA tables show them. */
function groupSummaries(groups: readonly GroupMoments[]): GroupSummary[] {
  return groups.map((g) => ({ level: g.level, n: g.n, mean: g.mean, sd: g.n > 1 ? Math.sqrt(g.m2 / (g.n - 1)) : NaN }));
}

/**
 * `ols` from the engine's cross-products (ols.ts); the analysis' own validation and checks (normality
 * of the residuals, Breusch-Pagan) run on the check sample, the whole table up to SAMPLE_LIMIT rows.
 */
async function runOls(request: AnalysisRequest & { analysis: AnalysisId }, ctx: PlanContext): Promise<PlannedOutcome> {
  const columns = olsColumnNames(request, ctx.kinds).map((n) => planColumn(n, ctx.kinds));
  const { complete, validated, table } = await sampleAndValidate(request, ctx, columns);
  const missing = complete.rows - complete.complete;
  const planned = await fitOlsInDatabase(request, ctx, columns, missing);
  const sizes = new Map([['residuals', { n: planned.n, min: -Infinity, max: Infinity }]]);
  const outcome = runAnalysisWith(request, {
    validate: () => validated,
    compute: (_input, options) => planned.compute(options),
    adjustChecks: (checks) => notRunAboveLimit(checks, sizes),
  });
  const figureSummary = { model: planned.model, line: planned.line };
  return { computed: withCounts(outcome, planned.n, missing, planned.dropped), figureTable: table, sampled: table.rowCount < planned.n, figureSummary, rows: complete.rows };
}
