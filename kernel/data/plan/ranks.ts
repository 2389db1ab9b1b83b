/**
 * Ranks inside the engine, for the rank tests (Mann-Whitney, Wilcoxon signed-rank, Kruskal-Wallis,
 * Spearman) and the sorted pairs of Kendall's tau. Standard SQL window functions, through the dialect:
 *
 * - the mid-rank of a value (ties averaged, R's `rank()`) is rank() + (t - 1) / 2, with t the size of
 *   its tie group (count(*) OVER (PARTITION BY value)); twice it, 2 rank() + t - 1, is an integer, so
 *   every sum of ranks is an exact integer sum (DuckDB HUGEINT, PostgreSQL numeric), returned as text;
 * - the tie correction sum(t^3 - t) over tie groups is the sum over rows of t^2 - 1, exact as well;
 * - values that need the data themselves (the Hodges-Lehmann estimate's sorted samples, Kendall's
 *   sorted pairs) come back sorted, with equal values (pairs) collapsed into counts, in chunks.
 *
 * Ranks are a global order, not a mergeable partial state: a sharded engine computes them as its
 * window functions do (a distributed sort); the sums over the ranked rows then merge as exact sums.
 */
import { parseInteger } from './exact.js';
import type { Engine, Relation, TextRows } from './engine.js';
import { completeRows, label, Parameters } from './run.js';
import type { PlanColumn } from './types.js';

/** Rows per chunk of a streamed, sorted result. */
const CHUNK_ROWS = 10_000;

/** Twice the mid-rank of each row's value, and its tie group's size, over `from` (a derived table with `value`). */
function rankedRows(from: string, value: string, extra: readonly string[] = []): string {
  const carried = extra.length ? `${extra.join(', ')}, ` : '';
  return `(SELECT ${carried}${value} AS v, 2 * rank() OVER (ORDER BY ${value}) + count(*) OVER (PARTITION BY ${value}) - 1 AS r2, count(*) OVER (PARTITION BY ${value}) AS t FROM ${from}) AS ranked`;
}

/** Rank sums of the kept groups of a numeric column, ranked together. */
export interface GroupRankSums {
  /** Per group (the engine's key text): n, twice the sum of its mid-ranks (an integer), and its distinct values. */
  groups: Map<string, { n: number; rankSum2: bigint; distinct: number }>;
  /** sum(t^3 - t) over the tie groups of the combined values. */
  tieSum: bigint;
}

/**
 * Rank sums per group over the rows of the listed groups (by the engine's key text), ranked together;
 * `shift` subtracts mu from the values of one group first (Mann-Whitney's `mu`, as R: x - mu).
 */
export async function runGroupRankSums(
  engine: Engine,
  relation: Relation,
  value: PlanColumn,
  group: PlanColumn,
  keys: readonly string[],
  shift?: { key: string; mu: number },
): Promise<GroupRankSums> {
  const d = engine.dialect;
  const x = d.identifier(value.name);
  const g = d.identifier(group.name);
  const params = new Parameters(relation);
  const kept = keys.map((k) => params.key(d, group, k));
  const v = shift && shift.mu !== 0 ? `CASE WHEN ${g} = ${params.key(d, group, shift.key)} THEN ${x} - ${params.double(d, shift.mu)} ELSE ${x} END` : x;
  const from = `(SELECT ${g} AS g, ${v} AS v0 FROM ${completeRows(d, relation, [value, group])} WHERE ${g} IN (${kept.join(', ')})) AS kept`;
  const rows = await engine.query(
    `SELECT ${d.asText('g')}, count(*), ${d.exactSum('r2')}, ${d.exactSum('t * t - 1')}, count(DISTINCT v) FROM ${rankedRows(from, 'v0', ['g'])} GROUP BY g`,
    params.values,
  );
  const groups = new Map<string, { n: number; rankSum2: bigint; distinct: number }>();
  let tieSum = 0n;
  for (const row of rows) {
    groups.set(row[0] ?? '', { n: Number(row[1]), rankSum2: parseInteger(row[2]), distinct: Number(row[4]) });
    tieSum += parseInteger(row[3]);
  }
  return { groups, tieSum };
}

/** The signed-rank statistic's parts over the non-zero values of an expression. */
export interface SignedRankSums {
  /** Non-zero values. */
  n: number;
  /** Zero values (dropped, as R). */
  nZero: number;
  /** Twice the sum of the mid-ranks of |d| over the positive d (an integer). */
  positiveRankSum2: bigint;
  /** sum(t^3 - t) over the tie groups of |d|. */
  tieSum: bigint;
  /** Distinct non-zero values of d. */
  distinct: number;
}

/** The SQL of d = value - mu (one sample) or (before - after) - mu (paired, wide), each one IEEE operation as in JavaScript. */
export function differenceExpression(engine: Engine, params: Parameters, columns: readonly PlanColumn[], mu: number): string {
  const d = engine.dialect;
  const [a, b] = columns.map((c) => d.identifier(c.name));
  const base = b ? `(${a} - ${b})` : a;
  return `(${base} - ${params.double(d, mu)})`;
}

/** Wilcoxon's signed ranks of d (differenceExpression) over the rows complete in `columns`. */
export async function runSignedRankSums(engine: Engine, relation: Relation, columns: readonly PlanColumn[], mu: number): Promise<SignedRankSums> {
  const d = engine.dialect;
  const params = new Parameters(relation);
  const diff = differenceExpression(engine, params, columns, mu);
  const from = `(SELECT ${diff} AS dd FROM ${completeRows(d, relation, columns)}) AS diffs`;
  const [zeros] = await engine.query(`SELECT count(*) FILTER (WHERE dd = 0), count(*) FILTER (WHERE dd <> 0), count(DISTINCT dd) FILTER (WHERE dd <> 0) FROM ${from}`, params.values);
  const nonZero = `(SELECT dd, abs(dd) AS a FROM ${from} WHERE dd <> 0) AS nonzero`;
  const [row] = await engine.query(
    `SELECT ${d.exactSum('CASE WHEN dd > 0 THEN r2 ELSE 0 END')}, ${d.exactSum('t * t - 1')} FROM ${rankedRows(nonZero, 'a', ['dd'])}`,
    params.values,
  );
  return { n: Number(zeros[1]), nZero: Number(zeros[0]), positiveRankSum2: parseInteger(row[0]), tieSum: parseInteger(row[1]), distinct: Number(zeros[2]) };
}

/** Exact sums of the mid-ranks of two columns over their complete pairs (Spearman's rho is their correlation). */
export interface RankCoMoments {
  n: number;
  /** sum over rows of (2 rank_x)(2 rank_y). */
  productSum4: bigint;
  /** sum(t^3 - t) over the tie groups of x and of y. */
  tieSumX: bigint;
  tieSumY: bigint;
}

/** The rank co-moments of x and y (complete pairs), every sum exact. */
export async function runRankCoMoments(engine: Engine, relation: Relation, x: PlanColumn, y: PlanColumn): Promise<RankCoMoments> {
  const d = engine.dialect;
  const xi = d.identifier(x.name);
  const yi = d.identifier(y.name);
  const from = completeRows(d, relation, [x, y]);
  const ranks = `(SELECT 2 * rank() OVER (ORDER BY ${xi}) + count(*) OVER (PARTITION BY ${xi}) - 1 AS rx2, count(*) OVER (PARTITION BY ${xi}) AS tx,
    2 * rank() OVER (ORDER BY ${yi}) + count(*) OVER (PARTITION BY ${yi}) - 1 AS ry2, count(*) OVER (PARTITION BY ${yi}) AS ty FROM ${from}) AS ranked`;
  const [row] = await engine.query(`SELECT count(*), ${d.exactSum('rx2 * ry2')}, ${d.exactSum('tx * tx - 1')}, ${d.exactSum('ty * ty - 1')} FROM ${ranks}`, relation.params);
  return { n: Number(row[0]), productSum4: parseInteger(row[1]), tieSumX: parseInteger(row[2]), tieSumY: parseInteger(row[3]) };
}

/** Sorted distinct values with their counts. */
export interface SortedRuns {
  values: Float64Array;
  counts: Float64Array;
  /** The sum of the counts. */
  n: number;
}

/** A growable pair of columns of doubles, filled chunk by chunk. */
class Columns {
  data: Float64Array[];
  length = 0;
  /** `capacity`: the most rows expected (a known bound saves the copies of growing). */
  constructor(width: number, capacity = 1024) {
    this.data = Array.from({ length: width }, () => new Float64Array(Math.max(1, capacity)));
  }
  push(values: readonly number[]): void {
    if (this.length === this.data[0].length) {
      this.data = this.data.map((old) => {
        const grown = new Float64Array(old.length * 2);
        grown.set(old);
        return grown;
      });
    }
    for (let j = 0; j < values.length; j++) this.data[j][this.length] = values[j];
    this.length++;
  }
  /** The filled part of each column (views, not copies). */
  finish(): Float64Array[] {
    return this.data.map((c) => c.subarray(0, this.length));
  }
}

/** Runs a sorted query in chunks when the engine can, else at once. */
async function readChunks(engine: Engine, sql: string, params: Relation['params'], onRows: (rows: TextRows) => void): Promise<void> {
  if (engine.stream) return engine.stream(sql, params, CHUNK_ROWS, onRows);
  onRows(await engine.query(sql, params));
}

/**
 * The sorted values of one group (or of d = value - mu / (before - after) - mu with `difference`),
 * equal values collapsed into counts: the Hodges-Lehmann estimates read the samples themselves.
 */
export async function readSortedRuns(
  engine: Engine,
  relation: Relation,
  source: { value: PlanColumn; group?: PlanColumn; key?: string } | { difference: PlanColumn[]; mu: number; nonZero: boolean },
): Promise<SortedRuns> {
  const d = engine.dialect;
  const params = new Parameters(relation);
  let from: string;
  if ('difference' in source) {
    const diff = differenceExpression(engine, params, source.difference, source.mu);
    from = `(SELECT ${diff} AS v FROM ${completeRows(d, relation, source.difference)}) AS diffs${source.nonZero ? ' WHERE v <> 0' : ''}`;
  } else {
    const columns = source.group ? [source.value, source.group] : [source.value];
    const where = source.group && source.key !== undefined ? ` AND ${d.identifier(source.group.name)} = ${params.key(d, source.group, source.key)}` : '';
    from = `(SELECT ${d.identifier(source.value.name)} AS v FROM ${completeRows(d, relation, columns, where)}) AS picked`;
  }
  const out = new Columns(2);
  // Text outputs are named apart: PostgreSQL resolves ORDER BY v to an output column named v first (text order).
  await readChunks(engine, `SELECT ${d.asText('v')} AS v_text, count(*) AS c FROM ${from} GROUP BY v ORDER BY v`, params.values, (rows) => {
    for (const row of rows) out.push([Number(row[0]), Number(row[1])]);
  });
  const [values, counts] = out.finish();
  let n = 0;
  for (const c of counts) n += c;
  return { values, counts, n };
}

/** The runs expanded into the sorted sample. */
export function expandRuns(runs: SortedRuns): Float64Array {
  const out = new Float64Array(runs.n);
  let k = 0;
  for (let i = 0; i < runs.values.length; i++) out.fill(runs.values[i], k, (k += runs.counts[i]));
  return out;
}

/** How many distinct values a column has over the complete rows of `columns`, and the sizes of its runs of equal values (at least 2), in increasing order. */
export interface TieSizes {
  distinct: number;
  ties: number[];
}

/** The tie sizes of one column over the rows complete in `columns`, read sorted in chunks (one count per distinct value). */
export async function readTieSizes(engine: Engine, relation: Relation, value: PlanColumn, columns: readonly PlanColumn[]): Promise<TieSizes> {
  const v = engine.dialect.identifier(value.name);
  let distinct = 0;
  const ties: number[] = [];
  await readChunks(engine, `SELECT count(*) AS c FROM ${completeRows(engine.dialect, relation, columns)} GROUP BY ${v} ORDER BY ${v}`, relation.params, (rows) => {
    for (const row of rows) {
      const c = Number(row[0]);
      distinct++;
      if (c > 1) ties.push(c);
    }
  });
  return { distinct, ties };
}

/**
 * The distinct (x, y) pairs of the complete rows sorted by x then y, each with the 0-based rank of its
 * y among the distinct y values and its count, handed over in chunks: nothing but the chunk is held
 * (Kendall's tau counts them with a Fenwick tree over the y ranks).
 */
export async function streamRankedPairs(
  engine: Engine,
  relation: Relation,
  x: PlanColumn,
  y: PlanColumn,
  onPair: (x: number, yRank: number, count: number) => void,
): Promise<void> {
  const d = engine.dialect;
  const xi = d.identifier(x.name);
  const yi = d.identifier(y.name);
  // Text outputs are named apart from the columns, so ORDER BY sorts the numbers (see readSortedRuns).
  await readChunks(
    engine,
    `SELECT ${d.asText('px')} AS x_text, dense_rank() OVER (ORDER BY py) - 1 AS y_rank, c FROM (SELECT ${xi} AS px, ${yi} AS py, count(*) AS c FROM ${completeRows(d, relation, [x, y])} GROUP BY ${xi}, ${yi}) AS pairs ORDER BY px, py`,
    relation.params,
    (rows) => {
      for (const row of rows) onPair(Number(row[0]), Number(row[1]), Number(row[2]));
    },
  );
}

/** Long-format pairs (an outcome, a group with two kept levels, a pair id): the rows each id has in each level. */
export interface LongPairs {
  /** One row per pair id with one row in each level: `first`, `second` (the outcome, null when missing) and `pair`. */
  relation: Relation;
  first: PlanColumn;
  second: PlanColumn;
  pair: PlanColumn;
}

/** Names of the paired relation's columns (not the table's: they are only seen inside the plan). */
const PAIRED = { first: 'inferra_first', second: 'inferra_second', pair: 'inferra_pair' };

/** The SQL of one row per pair id over the kept levels: how many rows it has in each level and their outcomes. */
function perPairSql(engine: Engine, relation: Relation, outcome: PlanColumn, group: PlanColumn, pairId: PlanColumn, keys: readonly [string, string]) {
  const d = engine.dialect;
  const params = new Parameters(relation);
  const [k0, k1] = keys.map((k) => params.key(d, group, k));
  const v = d.identifier(outcome.name);
  const g = d.identifier(group.name);
  const p = d.identifier(pairId.name);
  const sql = `SELECT ${p} AS pair, count(*) FILTER (WHERE ${g} = ${k0}) AS c0, count(*) FILTER (WHERE ${g} = ${k1}) AS c1, max(${v}) FILTER (WHERE ${g} = ${k0}) AS a, max(${v}) FILTER (WHERE ${g} = ${k1}) AS b FROM (${relation.sql}) AS base WHERE ${p} IS NOT NULL AND ${g} IN (${k0}, ${k1}) GROUP BY ${p}`;
  return { sql, params, k0, k1 };
}

/** The pairs of a long-format design as a relation the signed-rank plan reads like wide columns. */
export function longPairs(engine: Engine, relation: Relation, outcome: PlanColumn, group: PlanColumn, pairId: PlanColumn, keys: readonly [string, string]): LongPairs {
  const d = engine.dialect;
  const { sql, params } = perPairSql(engine, relation, outcome, group, pairId, keys);
  const first = { name: PAIRED.first, numeric: true };
  const second = { name: PAIRED.second, numeric: true };
  const pair = { name: PAIRED.pair, numeric: pairId.numeric };
  return {
    relation: { sql: `SELECT a AS ${d.identifier(first.name)}, b AS ${d.identifier(second.name)}, pair AS ${d.identifier(pair.name)} FROM (${sql}) AS pairs WHERE c0 = 1 AND c1 = 1`, params: params.values },
    first,
    second,
    pair,
  };
}

/** Pair ids of one kind: how many, and the first few (in the engine's order) for a message. */
export interface PairIds {
  count: number;
  examples: string[];
}

/** What a long-format design holds: rows it cannot use, and the pair ids that break the pairing. */
export interface LongPairCounts {
  /** Rows without a group or a pair id. */
  unlabelled: number;
  /** Rows of other levels of the group. */
  otherLevels: number;
  /** Ids with more than one row in a level; ids only in the first, only in the second level. */
  duplicated: PairIds;
  onlyFirst: PairIds;
  onlySecond: PairIds;
  /** Matched pairs with a missing outcome in either row, and complete pairs. */
  incomplete: number;
  complete: number;
}

/** Counts a long-format design's rows and pairs in the engine (the few example ids only when the pairing breaks). */
export async function countLongPairs(engine: Engine, relation: Relation, outcome: PlanColumn, group: PlanColumn, pairId: PlanColumn, keys: readonly [string, string]): Promise<LongPairCounts> {
  const d = engine.dialect;
  const g = d.identifier(group.name);
  const p = d.identifier(pairId.name);
  const kept = new Parameters(relation);
  const [k0, k1] = keys.map((k) => kept.key(d, group, k));
  const [rows] = await engine.query(
    `SELECT count(*) FILTER (WHERE ${g} IS NULL OR ${p} IS NULL), count(*) FILTER (WHERE ${g} IS NOT NULL AND ${p} IS NOT NULL AND ${g} NOT IN (${k0}, ${k1})) FROM (${relation.sql}) AS base`,
    kept.values,
  );
  const perPair = perPairSql(engine, relation, outcome, group, pairId, keys);
  const kinds = {
    duplicated: 'c0 > 1 OR c1 > 1',
    onlyFirst: 'c0 > 0 AND c1 = 0',
    onlySecond: 'c1 > 0 AND c0 = 0',
    incomplete: 'c0 = 1 AND c1 = 1 AND (a IS NULL OR b IS NULL)',
    complete: 'c0 = 1 AND c1 = 1 AND a IS NOT NULL AND b IS NOT NULL',
  };
  const [counts] = await engine.query(`SELECT ${Object.values(kinds).map((w) => `count(*) FILTER (WHERE ${w})`).join(', ')} FROM (${perPair.sql}) AS pairs`, perPair.params.values);
  const [duplicated, onlyFirst, onlySecond, incomplete, complete] = counts.map(Number);
  const ids = async (where: string, count: number): Promise<PairIds> => {
    if (count === 0) return { count, examples: [] };
    const found = await engine.query(`SELECT ${d.asText('pair')} AS pair_text FROM (${perPair.sql}) AS pairs WHERE ${where} ORDER BY pair LIMIT 5`, perPair.params.values);
    return { count, examples: found.map((row) => label(pairId, row[0])) };
  };
  return {
    unlabelled: Number(rows[0]),
    otherLevels: Number(rows[1]),
    duplicated: await ids(kinds.duplicated, duplicated),
    onlyFirst: await ids(kinds.onlyFirst, onlyFirst),
    onlySecond: await ids(kinds.onlySecond, onlySecond),
    incomplete,
    complete,
  };
}
