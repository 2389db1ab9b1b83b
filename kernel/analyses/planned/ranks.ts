/**
 * The rank tests where the data lives: ranks, rank sums and tie sums by the engine's window functions
 * (kernel/data/plan/ranks.ts), then the analyses' own code from their rank parts, so the numbers are
 * those of the file path:
 *
 * - mann_whitney, kruskal_wallis: rank sums per group over the kept groups ranked together, the tie
 *   correction, exact medians by rank; the Hodges-Lehmann shift and interval read each group's sorted
 *   values (equal values as counts) from the engine, up to HODGES_LEHMANN_LIMIT values;
 * - wilcoxon_signed_rank (one sample, or paired in wide format): the signed ranks of |d| without zeros;
 *   the pseudo-median reads the sorted non-zero differences likewise;
 * - spearman: rho from the exact sums of the mid-ranks' products and the tie sums (Pearson on ranks);
 * - kendall: the engine sorts the distinct pairs by x then y (with their counts, in chunks) and
 *   Knight's O(n log n) merge sort counts them (correlation/kendall.ts, the file path's own function).
 *
 * Validation (levels, roles, refusals) runs on the bounded check sample, as for the other planned analyses.
 */
import { InferraError } from '../../errors.js';
import { countLongPairs, expandRuns, longPairs, readSortedRuns, readTieSizes, runGroupRankSums, runRankCoMoments, runSignedRankSums, streamRankedPairs, type SortedRuns } from '../../data/plan/ranks.js';
import { label, rangeRound, runGroupRows, runMedians, runSample, type RangeState } from '../../data/plan/run.js';
import type { PlanColumn } from '../../data/plan/types.js';
import type { AnalysisId, AnalysisOptions, AnalysisRequest, DroppedRows } from '../../types.js';
import { droppedForMissing } from '../common/select.js';
import { computeKendallCorrelationFromCounts, computeSpearmanCorrelationFromRho } from '../correlation/compute.js';
import { KendallPairCounter } from '../correlation/kendall.js';
import { computeSpearmanRho } from '../correlation/spearman.js';
import { computeKruskalWallisFromRanks, computeMannWhitneyFromRanks, computeSignedRankFromRanks, type KGroupInput, type Locate } from '../rank-tests/compute.js';
import { computeApproximatePseudoMedianSorted, computeApproximateShiftSorted, computeExactPseudoMedian, computeExactShift, type SortedSample } from '../rank-tests/hodges-lehmann.js';
import { runAnalysisWith, type ComputedOutcome } from '../run.js';
import { isPairedRoles, listSome, selectTwoLevels } from '../ttest/paired.js';
import type { TwoSampleInput } from '../ttest/compute.js';
import { droppedRows, planColumn, roleNames, sampleAndValidate, sampleTable, SAMPLE_LIMIT, withCounts, type PlanContext, type PlannedOutcome } from './index.js';
import { analyses } from '../registry.js';
import { compareNatural } from '../../util/natural-sort.js';

/** The rank analyses that run through the plan. */
export type RankAnalysisId = 'mann_whitney' | 'wilcoxon_signed_rank' | 'kruskal_wallis' | 'spearman' | 'kendall';

/**
 * Largest number of distinct values the Hodges-Lehmann estimates read into memory (16 bytes each: the
 * value and how often it occurs; the normal-approximation root search walks the distinct values, so
 * memory does not grow with the rows): above, the estimate and its interval are reported as not
 * available, with a warning, and the test itself still runs on every row.
 */
export const HODGES_LEHMANN_LIMIT = 2_000_000;

/**
 * Kendall's tau in the database: at most this many complete pairs (the pair counts, up to n^2 / 2,
 * stay exact integers in a double) and this many distinct y values (the Fenwick tree's 8 bytes each).
 */
export const KENDALL_LIMIT = 100_000_000;
export const KENDALL_DISTINCT_Y_LIMIT = 10_000_000;

/** A sorted sample as distinct values with counts, shifted by `add` (R adds mu back before the interval). */
function sortedSample(runs: SortedRuns, add = 0): SortedSample {
  return { values: add === 0 ? runs.values : runs.values.map((v) => v + add), counts: runs.counts };
}

/** Why a Hodges-Lehmann estimate is missing, for the researcher. */
function locationNotAvailable(n: number, what: string, limit: number): string {
  return `The ${what} and its confidence interval are not computed for a table this large (${n.toLocaleString('en')} distinct values; the database path reads at most ${limit.toLocaleString('en')} distinct values into memory for them). The test, its p-value and the rank-biserial correlation use every row.`;
}

/** A location estimate that could not be computed. */
function notAvailable(options: AnalysisOptions) {
  return { estimate: NaN, ciLow: NaN, ciHigh: NaN, ciConfLevel: options.confLevel };
}

/** The outcome with the summary's "all observations are tied" warning replaced by why the estimate is missing. */
function withLocationWarning(outcome: ComputedOutcome, note: string | undefined): ComputedOutcome {
  if (!note) return outcome;
  const warnings = outcome.warnings.filter((w) => !w.startsWith('No confidence interval can be computed for the location estimate'));
  return { ...outcome, warnings: [...warnings, note] };
}

/** The engine's key text of a level, from the groups' ranges. */
function keyOf(ranges: readonly RangeState[], group: PlanColumn, level: string): RangeState {
  const found = ranges.find((r) => label(group, r.raw) === level);
  if (!found) throw new InferraError('internal-error', { detail: `the database returned no rows for level '${level}'` });
  return found;
}

/** Runs one of the rank analyses in the engine (`limit`: HODGES_LEHMANN_LIMIT, lower in tests). */
export async function runRankAnalysis(
  request: AnalysisRequest & { analysis: AnalysisId },
  ctx: PlanContext,
  id: RankAnalysisId,
  limit = HODGES_LEHMANN_LIMIT,
): Promise<PlannedOutcome> {
  switch (id) {
    case 'mann_whitney':
    case 'kruskal_wallis':
      return runRankGroups(request, ctx, id, limit);
    case 'wilcoxon_signed_rank':
      return runSignedRank(request, ctx, limit);
    case 'spearman':
    case 'kendall':
      return runRankCorrelation(request, ctx, id);
  }
}

/** Mann-Whitney and Kruskal-Wallis: the kept groups ranked together in the engine. */
async function runRankGroups(request: AnalysisRequest & { analysis: AnalysisId }, ctx: PlanContext, id: 'mann_whitney' | 'kruskal_wallis', limit: number): Promise<PlannedOutcome> {
  const [outcomeColumn, groupColumn] = roleNames(request, [request.roles.outcome, request.roles.group]).map((n) => planColumn(n, ctx.kinds));
  const aggregate = { kind: 'moments' as const, value: outcomeColumn, group: groupColumn };
  const ranges = await rangeRound(ctx.engine, ctx.relation, aggregate);
  const { complete, validated, table } = await sampleAndValidate(request, ctx, [outcomeColumn], groupColumn, ranges);
  const levels = id === 'mann_whitney' ? [...(validated.input as TwoSampleInput).levels] : [...(validated.input as KGroupInput).levels];
  const kept = levels.map((l) => keyOf(ranges, groupColumn, l));
  const keys = kept.map((r) => r.raw);
  const mu = request.options.mu;
  const sums = await runGroupRankSums(ctx.engine, ctx.relation, outcomeColumn, groupColumn, keys, id === 'mann_whitney' ? { key: keys[0], mu } : undefined);
  const medians = await runMedians(ctx.engine, ctx.relation, aggregate);
  const used = kept.reduce((s, r) => s + r.n, 0);
  const tieSum = Number(sums.tieSum);
  let note: string | undefined;
  let compute: (options: AnalysisOptions) => object;
  if (id === 'kruskal_wallis') {
    const groups = levels.map((level, k) => {
      const g = sums.groups.get(keys[k])!;
      return { level, n: g.n, rankSum: Number(g.rankSum2) / 2, median: medians.get(keys[k])! };
    });
    compute = () => computeKruskalWallisFromRanks(groups, tieSum);
  } else {
    const [a, b] = keys.map((k) => sums.groups.get(k)!);
    // W = R_1 - n_1 (n_1 + 1) / 2, exactly (R_1 is a sum of half-integers).
    const statistic = Number(a.rankSum2 - BigInt(a.n) * BigInt(a.n + 1)) / 2;
    // One group after the other: a connection streams one sorted result at a time.
    const distinct = sums.groups.get(keys[0])!.distinct + sums.groups.get(keys[1])!.distinct;
    let samples: SortedRuns[] | undefined;
    if (distinct <= limit) {
      samples = [];
      for (const key of keys) samples.push(await readSortedRuns(ctx.engine, ctx.relation, { value: outcomeColumn, group: groupColumn, key }));
    }
    if (!samples) note = locationNotAvailable(distinct, 'Hodges-Lehmann shift', limit);
    compute = (options) => {
      const locate: Locate = (exact) => {
        if (!samples) return notAvailable(options);
        const [x, y] = samples;
        // The exact interval (small samples) reads every pairwise difference; the approximation walks the distinct values.
        return exact
          ? computeExactShift(expandRuns(x), expandRuns(y), options.confLevel, options.alternative)
          : computeApproximateShiftSorted(sortedSample(x), sortedSample(y), options.confLevel, options.alternative, options.correct);
      };
      return computeMannWhitneyFromRanks({ statistic, nx: a.n, ny: b.n, tieSum }, locate, [medians.get(keys[0])!, medians.get(keys[1])!], options);
    };
  }
  const outcome = runAnalysisWith(request, { validate: () => validated, compute: (_input, options) => compute(options) });
  const missing = complete.rows - complete.complete;
  return {
    computed: withLocationWarning(withCounts(outcome, used, missing, droppedRows([outcomeColumn.name, groupColumn.name], missing, groupColumn.name, complete.complete, used)), note),
    figureTable: table,
    sampled: kept.some((r) => r.n > SAMPLE_LIMIT),
    rows: complete.rows,
  };
}

/** Wilcoxon signed-rank, one sample or paired in wide format: signed ranks of |d| in the engine. */
async function runSignedRank(request: AnalysisRequest & { analysis: AnalysisId }, ctx: PlanContext, limit: number): Promise<PlannedOutcome> {
  const { roles } = request;
  const long = roles.pairId || (roles.group && !roles.before) ? await longFormat(request, ctx) : undefined;
  const names = long ? [] : isPairedRoles(roles) ? roleNames(request, [roles.before, roles.after]) : roleNames(request, [roles.column ?? roles.outcome]);
  const columns = long ? long.columns : names.map((n) => planColumn(n, ctx.kinds));
  const relation = long ? long.relation : ctx.relation;
  const { complete, validated, table } = long ?? (await sampleAndValidate(request, ctx, columns));
  const mu = request.options.mu;
  const sums = await runSignedRankSums(ctx.engine, relation, columns, mu);
  const statistic = Number(sums.positiveRankSum2) / 2;
  const runs = sums.distinct <= limit ? await readSortedRuns(ctx.engine, relation, { difference: columns, mu, nonZero: true }) : undefined;
  // R adds mu back before the interval: (d - mu) + mu, zeros already removed.
  const restored = runs ? sortedSample(runs, mu) : undefined;
  const note = restored ? undefined : locationNotAvailable(sums.distinct, 'pseudo-median (Hodges-Lehmann)', limit);
  const parts = { statistic, n: sums.n, nZero: sums.nZero, tieSum: Number(sums.tieSum) };
  const outcome = runAnalysisWith(request, {
    validate: () => validated,
    compute: (_input, options) => {
      const locate: Locate = (exact) => {
        if (!restored) return notAvailable(options);
        return exact
          ? computeExactPseudoMedian(expandRuns(runs!).map((v) => v + mu), options.confLevel, options.alternative)
          : computeApproximatePseudoMedianSorted(restored, options.confLevel, options.alternative, options.correct);
      };
      return computeSignedRankFromRanks(parts, locate, options);
    },
  });
  const missing = long ? long.missing : complete.rows - complete.complete;
  const dropped = long ? long.dropped : droppedForMissing(names, missing);
  return {
    computed: withLocationWarning(withCounts(outcome, complete.complete, missing, dropped), note),
    figureTable: table,
    sampled: long ? long.sampled : table.rowCount < complete.complete,
    rows: complete.rows,
  };
}

/**
 * Wilcoxon signed-rank in long format (outcome, group with two levels, pair id), as the file path's
 * selectLong: the two levels from every row's group (natural order, or --levels); the pairing checked in
 * the engine (an id more than once in a level, or in one level only, is refused with the ids); then
 * one row per complete pair (first level's outcome, second level's) that the signed-rank plan reads as
 * wide columns. The analysis' own validation reads the check sample of pairs written back in long format.
 */
async function longFormat(request: AnalysisRequest & { analysis: AnalysisId }, ctx: PlanContext) {
  const { roles } = request;
  const [outcome, group, pairId] = roleNames(request, [roles.outcome, roles.group, roles.pairId]).map((n) => planColumn(n, ctx.kinds));
  const present = await runGroupRows(ctx.engine, ctx.relation, group);
  const keyOfLabel = new Map([...present.keys()].map((raw) => [label(group, raw), raw]));
  const levels = selectTwoLevels([...keyOfLabel.keys()], group.name, request.options.levels, request.analysis);
  const keys = levels.map((l) => keyOfLabel.get(l)!) as [string, string];
  const counts = await countLongPairs(ctx.engine, ctx.relation, outcome, group, pairId, keys);
  const { duplicated, onlyFirst, onlySecond } = counts;
  if (duplicated.count > 0) {
    throw new InferraError('not-paired', {
      pairId: pairId.name,
      detail: `${listSome(duplicated.examples, 5, duplicated.count)} ${duplicated.count === 1 ? 'appears' : 'appear'} more than once in a level of '${group.name}'`,
    });
  }
  if (onlyFirst.count > 0 || onlySecond.count > 0) {
    const parts: string[] = [];
    if (onlyFirst.count > 0) parts.push(`${listSome(onlyFirst.examples, 5, onlyFirst.count)} only in '${levels[0]}'`);
    if (onlySecond.count > 0) parts.push(`${listSome(onlySecond.examples, 5, onlySecond.count)} only in '${levels[1]}'`);
    throw new InferraError('not-paired', { pairId: pairId.name, detail: `found ${parts.join('; ')}` });
  }
  const pairs = longPairs(ctx.engine, ctx.relation, outcome, group, pairId, keys);
  const columns = [pairs.first, pairs.second];
  const sampled = await runSample(ctx.engine, pairs.relation, { kind: 'sample', columns: [...columns, pairs.pair], limit: SAMPLE_LIMIT }, new Map([['', counts.complete]]));
  // Each sampled pair as its two rows, in the natural order of the pair ids (as the file path reads them).
  const byId = sampled.map((row) => ({ row, id: label(pairs.pair, row[2]) })).sort((x, y) => compareNatural(x.id, y.id));
  const rows = byId.flatMap(({ row: [a, b, id] }) => [
    [a, keys[0], id],
    [b, keys[1], id],
  ]);
  const table = sampleTable(rows, [outcome, group, pairId], ctx.kinds);
  const validated = analyses[request.analysis].validate(request, table);
  const dropped: DroppedRows[] = [];
  if (counts.unlabelled > 0) dropped.push(...droppedForMissing([group.name, pairId.name], counts.unlabelled));
  if (counts.incomplete > 0) dropped.push({ reason: `${counts.incomplete} pairs with a missing ${outcome.name} (both rows of each)`, count: 2 * counts.incomplete });
  if (counts.otherLevels > 0) dropped.push({ reason: `levels of ${group.name} not in --levels`, count: counts.otherLevels });
  const rowCount = counts.unlabelled + counts.otherLevels + 2 * (counts.incomplete + counts.complete);
  return {
    columns,
    relation: pairs.relation,
    // n is the complete pairs; `rows` the relation's rows (after --where).
    complete: { rows: rowCount, complete: counts.complete },
    validated,
    table,
    missing: counts.unlabelled + 2 * counts.incomplete,
    dropped,
    sampled: sampled.length < counts.complete,
  };
}

/** Spearman (exact rank co-moments) and Kendall (sorted pairs, Knight's count). */
async function runRankCorrelation(request: AnalysisRequest & { analysis: AnalysisId }, ctx: PlanContext, id: 'spearman' | 'kendall'): Promise<PlannedOutcome> {
  const [x, y] = roleNames(request, [request.roles.x, request.roles.y]).map((n) => planColumn(n, ctx.kinds));
  const { complete, validated, table } = await sampleAndValidate(request, ctx, [x, y]);
  const n = complete.complete;
  let compute: (options: AnalysisOptions) => object;
  if (id === 'spearman') {
    const co = await runRankCoMoments(ctx.engine, ctx.relation, x, y);
    const rho = computeSpearmanRho(co.n, co.productSum4, co.tieSumX, co.tieSumY);
    const ties = co.tieSumX > 0n || co.tieSumY > 0n;
    compute = (options) => computeSpearmanCorrelationFromRho(rho, co.n, ties, options);
  } else {
    if (n > KENDALL_LIMIT) throw new InferraError('sample-too-large', { analysis: 'kendall in the database', max: KENDALL_LIMIT.toLocaleString('en'), actual: n });
    // The pairs stream through a Fenwick tree over y's ranks: memory for the distinct y values only.
    const tiesY = await readTieSizes(ctx.engine, ctx.relation, y, [x, y]);
    if (tiesY.distinct > KENDALL_DISTINCT_Y_LIMIT) {
      throw new InferraError('sample-too-large', { analysis: `kendall in the database (distinct values of ${y.name})`, max: KENDALL_DISTINCT_Y_LIMIT.toLocaleString('en'), actual: tiesY.distinct });
    }
    const counter = new KendallPairCounter(tiesY.distinct);
    await streamRankedPairs(ctx.engine, ctx.relation, x, y, (px, rank, count) => counter.add(px, rank, count));
    const counts = counter.finish(tiesY.ties);
    compute = (options) => computeKendallCorrelationFromCounts(counts, options);
  }
  const outcome = runAnalysisWith(request, { validate: () => validated, compute: (_input, options) => compute(options) });
  const missing = complete.rows - complete.complete;
  return { computed: withCounts(outcome, n, missing, droppedForMissing([x.name, y.name], missing)), figureTable: table, sampled: table.rowCount < n, rows: complete.rows };
}
