/**
 * Runs the aggregates of a plan (types.ts) on an engine, as standard SQL written through the dialect
 * layer. Exactness and determinism (no dependence on thread count, row order or engine):
 *
 * - every double is split, by exact operations (a power-of-two scale and `floor`), into three 32-bit
 *   integer chunks; the engine sums the chunks as integers (exact: DuckDB HUGEINT, PostgreSQL
 *   numeric), so a sum is exact to 2^-96 of the column's largest magnitude, whatever the order;
 * - means are the exact sums divided once, correctly rounded (exact.ts);
 * - sums of squares are taken about that mean in a second pass (centre before squaring): each row's
 *   d = x - mean and d^2 is one IEEE operation, the same in every engine, and their sum is exact again.
 */
import type { BoxQuartiles } from '../../types.js';
import type { Dialect } from './dialect.js';
import type { Engine, PlanParameter, Relation } from './engine.js';
import { parseInteger } from './exact.js';
import {
  centredSumOfSquares,
  exactMean,
  exactToDouble,
  type CentredState,
  type CountsState,
  type CrossState,
  type ExactSum,
  type SumState,
} from './state.js';
import type { CoMomentsAggregate, CompleteAggregate, CountsAggregate, MomentsAggregate, PlanColumn, SampleAggregate } from './types.js';

const TWO_32 = 4294967296;


/** Parameters numbered after the relation's own. */
export class Parameters {
  readonly values: PlanParameter[];
  constructor(relation: Relation) {
    this.values = [...relation.params];
  }
  double(dialect: Dialect, value: number): string {
    this.values.push(value);
    return dialect.doubleParameter(this.values.length);
  }
  text(dialect: Dialect, value: string): string {
    this.values.push(value);
    return dialect.textParameter(this.values.length);
  }
  key(dialect: Dialect, column: PlanColumn, label: string): string {
    return column.numeric ? this.double(dialect, Number(label)) : this.text(dialect, label);
  }
}

/** The complete rows of some columns, as a derived table. */
export function completeRows(dialect: Dialect, relation: Relation, columns: readonly PlanColumn[], extra = ''): string {
  const condition = columns.map((c) => `${dialect.identifier(c.name)} IS NOT NULL`).join(' AND ') || 'TRUE';
  return `(SELECT * FROM (${relation.sql}) AS base WHERE ${condition}${extra}) AS complete`;
}

/** The exponent E with |v| < 2^E for every |v| <= bound. */
export function boundExponent(bound: number): number {
  if (!(bound > 0)) return 0;
  return Math.floor(Math.log2(bound)) + 2;
}

/** One expression to be summed exactly, with a bound on its magnitude. */
export interface ExactTerm {
  expression: string;
  exponent: number;
}

/**
 * SELECT keys..., then three exact integer sums per term, grouped by the keys: the chunks of
 * v x 2^(32 - E) are c0 = floor(y), c1 = floor(frac(y) 2^32), c2 = floor(frac(frac(y) 2^32) 2^32).
 */
export function exactSumsQuery(dialect: Dialect, from: string, keys: readonly string[], terms: readonly ExactTerm[]): string {
  const keyList = keys.map((k, i) => `${k} AS k${i}`);
  const carried = keys.map((_, i) => `k${i}`);
  const groupBy = carried.length ? ` GROUP BY ${carried.join(', ')}` : '';
  if (dialect.floorSum) {
    // The same integer in one sum: floor(v x 2^(96 - E)) = c0 2^64 + c1 2^32 + c2, every step exact.
    const scaled = [...keyList, ...terms.map((t, i) => `(${t.expression}) * ${dialect.doubleConstant(2 ** (96 - t.exponent))} AS y${i}`)].join(', ');
    const sums = terms.flatMap((_, i) => dialect.floorSum!(`y${i}`));
    return `SELECT ${[...carried.map((k) => dialect.asText(k)), ...sums].join(', ')} FROM (SELECT ${scaled} FROM ${from}) AS l1${groupBy}`;
  }
  const scale = (e: number) => dialect.doubleConstant(2 ** (32 - e));
  const two32 = dialect.doubleConstant(TWO_32);
  const level1 = [...keyList, ...terms.map((t, i) => `(${t.expression}) * ${scale(t.exponent)} AS y${i}`)].join(', ');
  const level2 = [...carried, ...terms.map((_, i) => `floor(y${i}) AS c0_${i}, (y${i} - floor(y${i})) * ${two32} AS r${i}`)].join(', ');
  const level3 = [...carried, ...terms.map((_, i) => `c0_${i}, floor(r${i}) AS c1_${i}, floor((r${i} - floor(r${i})) * ${two32}) AS c2_${i}`)].join(', ');
  const sums = terms.flatMap((_, i) => [0, 1, 2].map((c) => dialect.exactSum(dialect.toBigint(`c${c}_${i}`))));
  const select = [...carried.map((k) => dialect.asText(k)), ...sums].join(', ');
  return `SELECT ${select} FROM (SELECT ${level3} FROM (SELECT ${level2} FROM (SELECT ${level1} FROM ${from}) AS l1) AS l2) AS l3${groupBy}`;
}

/** The exact sum of one term from its three chunk sums. */
export function chunkSum(row: readonly (string | null)[], offset: number, exponent: number): ExactSum {
  const value = (parseInteger(row[offset]) << 64n) + (parseInteger(row[offset + 1]) << 32n) + parseInteger(row[offset + 2]);
  return { value, exponent: exponent - 96 };
}

/** Round one and two of one group: what `runMoments` returns. */
export interface GroupMoments extends SumState {
  /** The group's label ('' without a group). */
  level: string;
  /** The engine's text of the group's key (for parameters that name the group). */
  raw: string;
  mean: number;
  /** Centred sum of squares. */
  m2: number;
  centred: CentredState;
}

/** The columns and SQL pieces of a moments aggregate. */
function momentsParts(engine: Engine, relation: Relation, aggregate: MomentsAggregate) {
  const d = engine.dialect;
  const x = d.identifier(aggregate.value.name);
  const g = aggregate.group ? d.identifier(aggregate.group.name) : undefined;
  const from = completeRows(d, relation, aggregate.group ? [aggregate.value, aggregate.group] : [aggregate.value]);
  return { d, x, g, from };
}

/** Round 0 of a group: the engine's text of its key, n and range. */
export interface RangeState {
  raw: string;
  n: number;
  min: number;
  max: number;
}

/** Round 0: n and range per group (exact in any order; merged by +, min, max), which bound the chunks. */
export async function rangeRound(engine: Engine, relation: Relation, aggregate: MomentsAggregate): Promise<RangeState[]> {
  const { d, x, g, from } = momentsParts(engine, relation, aggregate);
  const rows = await engine.query(
    `SELECT ${g ? d.asText(g) : `''`}, count(*), ${d.asText(`min(${x})`)}, ${d.asText(`max(${x})`)} FROM ${from}${g ? ` GROUP BY ${g}` : ''}`,
    relation.params,
  );
  return rows.filter((row) => Number(row[1]) > 0).map((row) => ({ raw: row[0] ?? '', n: Number(row[1]), min: Number(row[2]), max: Number(row[3]) }));
}

/** The exponent of a column's chunks from its groups' ranges. */
export function rangeExponent(ranges: readonly RangeState[]): number {
  return boundExponent(Math.max(0, ...ranges.map((s) => Math.max(Math.abs(s.min), Math.abs(s.max)))));
}

/**
 * The exponent of the deviations from the groups' means, from their ranges: the centred round's chunks
 * are sized by the spread, not by the values, so data far from zero (1e12 + small noise) keep every bit
 * of d = x - mean and of its powers.
 */
export function deviationExponent(ranges: readonly RangeState[], means: ReadonlyMap<string, number>): number {
  const spread = (min: number, max: number, mean: number) => Math.max(Math.abs(max - mean), Math.abs(mean - min));
  return boundExponent(Math.max(0, ...ranges.map((r) => spread(r.min, r.max, means.get(r.raw) ?? 0))));
}

/** Round 1: the exact sum per group (by the engine's key text), chunked at exponent `e`; merged by `mergeExactSums`. */
export async function sumRound(engine: Engine, relation: Relation, aggregate: MomentsAggregate, e: number): Promise<Map<string, ExactSum>> {
  const { d, x, g, from } = momentsParts(engine, relation, aggregate);
  const rows = await engine.query(exactSumsQuery(d, from, g ? [g] : [], [{ expression: x, exponent: e }]), relation.params);
  return new Map(rows.map((row) => (g ? [row[0] ?? '', chunkSum(row, 1, e)] : ['', chunkSum(row, 0, e)])));
}

/**
 * Round 2: exact sums of d = x - mean and d^2 per group, about the given (merged) means, with `e` the
 * exponent bound of |d| (`deviationExponent`); merged by `mergeCentredStates`.
 */
export async function centredRound(
  engine: Engine,
  relation: Relation,
  aggregate: MomentsAggregate,
  means: ReadonlyMap<string, number>,
  e: number,
): Promise<Map<string, CentredState>> {
  const { d, x, g, from } = momentsParts(engine, relation, aggregate);
  const params = new Parameters(relation);
  const centre = centreExpression(d, params, aggregate, g, means);
  const dExpr = `(${x} - ${centre})`;
  const higher = aggregate.order === 4;
  const rows = await engine.query(
    exactSumsQuery(d, from, g ? [g] : [], [
      { expression: dExpr, exponent: e + 1 },
      { expression: `${dExpr} * ${dExpr}`, exponent: 2 * e + 2 },
      ...(higher
        ? [
            { expression: `${dExpr} * ${dExpr} * ${dExpr}`, exponent: 3 * e + 3 },
            { expression: `(${dExpr} * ${dExpr}) * (${dExpr} * ${dExpr})`, exponent: 4 * e + 4 },
          ]
        : []),
    ]),
    params.values,
  );
  const offset = g ? 1 : 0;
  return new Map(
    rows.map((row) => {
      const key = g ? row[0] ?? '' : '';
      const state: CentredState = { centre: means.get(key) ?? 0, sumD: chunkSum(row, offset, e + 1), sumD2: chunkSum(row, offset + 3, 2 * e + 2) };
      if (higher) {
        state.sumD3 = chunkSum(row, offset + 6, 3 * e + 3);
        state.sumD4 = chunkSum(row, offset + 9, 4 * e + 4);
      }
      return [key, state];
    }),
  );
}

/** Each row's group centre: a CASE over the groups' keys (parameters), cheaper than a join. */
function centreExpression(d: Dialect, params: Parameters, aggregate: MomentsAggregate, g: string | undefined, centres: ReadonlyMap<string, number>): string {
  if (!g || !aggregate.group) return params.double(d, centres.get('') ?? 0);
  const branches = [...centres].map(([raw, c]) => `WHEN ${params.key(d, aggregate.group!, raw)} THEN ${params.double(d, c)}`);
  return `(CASE ${g} ${branches.join(' ')} END)`;
}

/** Moments of a numeric column per group (or overall): exact sums, means, centred sums of squares; groups sorted by label. */
export async function runMoments(engine: Engine, relation: Relation, aggregate: MomentsAggregate, known?: RangeState[]): Promise<GroupMoments[]> {
  const ranges = known ?? (await rangeRound(engine, relation, aggregate));
  if (ranges.length === 0) return [];
  const e = rangeExponent(ranges);
  const sums = await sumRound(engine, relation, aggregate, e);
  const means = new Map(ranges.map((r) => [r.raw, exactMean(sums.get(r.raw) ?? { value: 0n, exponent: 0 }, r.n)]));
  const centred = await centredRound(engine, relation, aggregate, means, deviationExponent(ranges, means));
  return finishMoments(aggregate, ranges, sums, centred);
}

/** The groups' moments from the three rounds' (possibly merged) states. */
export function finishMoments(
  aggregate: MomentsAggregate,
  ranges: readonly RangeState[],
  sums: ReadonlyMap<string, ExactSum>,
  centred: ReadonlyMap<string, CentredState>,
): GroupMoments[] {
  return ranges
    .map((r) => {
      const sum = sums.get(r.raw) ?? { value: 0n, exponent: 0 };
      const state = centred.get(r.raw)!;
      return {
        level: aggregate.group ? label(aggregate.group, r.raw) : '',
        raw: r.raw,
        n: r.n,
        min: r.min,
        max: r.max,
        sum,
        mean: exactMean(sum, r.n),
        centred: state,
        m2: centredSumOfSquares(state, r.n),
      };
    })
    .sort((a, b) => (a.level < b.level ? -1 : a.level > b.level ? 1 : 0));
}

/** What `runCoMoments` returns: n, means, centred sums of squares and cross-product of complete pairs. */
export interface CoMoments {
  n: number;
  meanX: number;
  meanY: number;
  sxx: number;
  syy: number;
  sxy: number;
  cross: CrossState;
}

/** Means and centred second moments of two numeric columns over their complete pairs. */
export async function runCoMoments(engine: Engine, relation: Relation, aggregate: CoMomentsAggregate): Promise<CoMoments> {
  const d = engine.dialect;
  const x = d.identifier(aggregate.x.name);
  const y = d.identifier(aggregate.y.name);
  const from = completeRows(d, relation, [aggregate.x, aggregate.y]);
  const [r0] = await engine.query(
    `SELECT count(*), ${[`min(${x})`, `max(${x})`, `min(${y})`, `max(${y})`].map((e) => d.asText(e)).join(', ')} FROM ${from}`,
    relation.params,
  );
  const n = Number(r0[0]);
  if (n === 0) throw new Error('runCoMoments: no complete pairs');
  const ex = boundExponent(Math.max(Math.abs(Number(r0[1])), Math.abs(Number(r0[2]))));
  const ey = boundExponent(Math.max(Math.abs(Number(r0[3])), Math.abs(Number(r0[4]))));
  const [r1] = await engine.query(exactSumsQuery(d, from, [], [{ expression: x, exponent: ex }, { expression: y, exponent: ey }]), relation.params);
  const meanX = exactMean(chunkSum(r1, 0, ex), n);
  const meanY = exactMean(chunkSum(r1, 3, ey), n);
  // Round 2 is chunked by the spread about the means, not by the values (see deviationExponent).
  const dxE = deviationExponent([{ raw: '', n, min: Number(r0[1]), max: Number(r0[2]) }], new Map([['', meanX]]));
  const dyE = deviationExponent([{ raw: '', n, min: Number(r0[3]), max: Number(r0[4]) }], new Map([['', meanY]]));
  const params = new Parameters(relation);
  const dx = `(${x} - ${params.double(d, meanX)})`;
  const dy = `(${y} - ${params.double(d, meanY)})`;
  const [r2] = await engine.query(
    exactSumsQuery(d, from, [], [
      { expression: dx, exponent: dxE + 1 },
      { expression: dy, exponent: dyE + 1 },
      { expression: `${dx} * ${dx}`, exponent: 2 * dxE + 2 },
      { expression: `${dy} * ${dy}`, exponent: 2 * dyE + 2 },
      { expression: `${dx} * ${dy}`, exponent: dxE + dyE + 2 },
    ]),
    params.values,
  );
  const cross: CrossState = {
    sumDx: chunkSum(r2, 0, dxE + 1),
    sumDy: chunkSum(r2, 3, dyE + 1),
    sumDx2: chunkSum(r2, 6, 2 * dxE + 2),
    sumDy2: chunkSum(r2, 9, 2 * dyE + 2),
    sumDxDy: chunkSum(r2, 12, dxE + dyE + 2),
  };
  return { n, meanX, meanY, ...finishCross(cross, n), cross };
}

/** Centred sums from a round-two cross state: S = sum a b - sum a sum b / n. */
export function finishCross(cross: CrossState, n: number): { sxx: number; syy: number; sxy: number } {
  const sx = centredSumOfSquares({ centre: 0, sumD: cross.sumDx, sumD2: cross.sumDx2 }, n);
  const sy = centredSumOfSquares({ centre: 0, sumD: cross.sumDy, sumD2: cross.sumDy2 }, n);
  const sxy = exactToDouble(cross.sumDxDy) - (exactToDouble(cross.sumDx) * exactToDouble(cross.sumDy)) / n;
  return { sxx: sx, syy: sy, sxy };
}

/** Counts of each (row level, column level) among complete pairs, keyed "row\u0000col". */
export async function runCounts(engine: Engine, relation: Relation, aggregate: CountsAggregate): Promise<CountsState> {
  const d = engine.dialect;
  const r = d.identifier(aggregate.row.name);
  const c = d.identifier(aggregate.col.name);
  const rows = await engine.query(
    `SELECT ${d.asText(r)}, ${d.asText(c)}, count(*) FROM ${completeRows(d, relation, [aggregate.row, aggregate.col])} GROUP BY ${r}, ${c}`,
    relation.params,
  );
  const out: CountsState = new Map();
  for (const row of rows) out.set(`${label(aggregate.row, row[0])}\u0000${label(aggregate.col, row[1])}`, Number(row[2]));
  return out;
}

/** Rows of the relation and rows complete in the listed columns. */
export async function runComplete(engine: Engine, relation: Relation, aggregate: CompleteAggregate): Promise<{ rows: number; complete: number }> {
  const d = engine.dialect;
  const condition = aggregate.columns.map((c) => `${d.identifier(c.name)} IS NOT NULL`).join(' AND ') || 'TRUE';
  const [row] = await engine.query(`SELECT count(*), count(*) FILTER (WHERE ${condition}) FROM (${relation.sql}) AS base`, relation.params);
  return { rows: Number(row[0]), complete: Number(row[1]) };
}

/** Irrational multipliers of the sample's value hash (one per numeric column). */
const KEY_MULTIPLIERS = [0.6180339887498949, 0.41421356237309515, 0.7320508075688772, 0.2360679774997898];

/** A sampled group's expected share of its rows is this fraction of `limit` (so that it rarely needs trimming). */
const SAMPLE_SHARE = 0.95;

/**
 * A bounded deterministic sample of complete rows, the same in any engine and any row order:
 *
 * - a group of at most `limit` rows is taken whole, in the source's row order when the relation has
 *   one (a file), else sorted by its values;
 * - a larger group of n rows is sampled by its distinct values: each value (combination of the
 *   columns' values) seen c times gives floor(c f + u) copies, f = 0.95 limit / n, u in [0, 1) a hash
 *   of the value (IEEE operations, identical in every engine). Every value keeps its share of the rows
 *   (data rounded to a grid, such as measurements to 0.1, are not reduced to a few of their values),
 *   and only the distinct values are grouped, never the rows sorted. Past `limit`, the group's copies
 *   are trimmed in the order of their values.
 *
 * `sizes`: the complete rows of each group (the engine's key text; '' without a group).
 * Values come back as text in the listed column order, by group.
 */
export async function runSample(engine: Engine, relation: Relation, aggregate: SampleAggregate, sizes: ReadonlyMap<string, number>): Promise<(string | null)[][]> {
  const d = engine.dialect;
  const columns = aggregate.group ? [...aggregate.columns, aggregate.group] : aggregate.columns;
  const ids = columns.map((c) => d.identifier(c.name));
  // Aliased: in PostgreSQL a cast keeps its column's name, and ORDER BY would then sort the texts.
  const select = columns.map((c, i) => `${d.asText(d.identifier(c.name))} AS sampled${i}`);
  const g = aggregate.group ? d.identifier(aggregate.group.name) : undefined;
  const small = [...sizes].filter(([, n]) => n <= aggregate.limit).map(([key]) => key);
  const large = [...sizes].filter(([, n]) => n > aggregate.limit);
  const out: (string | null)[][] = [];
  const groupOf = (row: readonly (string | null)[]) => (g ? row[columns.length - 1] ?? '' : '');
  if (small.length > 0) {
    const params = new Parameters(relation);
    const only = g && large.length > 0 ? ` AND ${g} IN (${small.map((key) => params.key(d, aggregate.group!, key)).join(', ')})` : '';
    const order = relation.order ? d.identifier(relation.order) : ids.join(', ');
    out.push(...(await engine.query(`SELECT ${select.join(', ')} FROM ${completeRows(d, relation, columns, only)} ORDER BY ${g ? `${g}, ` : ''}${order}`, params.values)));
  }
  if (large.length > 0) {
    const params = new Parameters(relation);
    const only = g && small.length > 0 ? ` AND ${g} IN (${large.map(([key]) => params.key(d, aggregate.group!, key)).join(', ')})` : '';
    const shares = new Map(large.map(([key, n]) => [key, (SAMPLE_SHARE * aggregate.limit) / n]));
    const share = centreExpression(d, params, { kind: 'moments', value: columns[0], group: aggregate.group }, g, shares);
    const numeric = columns.filter((c) => c.numeric).map((c, i) => `${d.identifier(c.name)} * ${d.doubleConstant(KEY_MULTIPLIERS[i % KEY_MULTIPLIERS.length])}`);
    // a = frac(Σ x_i k_i) is linear in the values; u = frac(a^2 2^20) scatters neighbouring values.
    const linear = numeric.length ? `(${numeric.join(' + ')}) - floor(${numeric.join(' + ')})` : d.doubleConstant(0.5);
    const hash = `(a * a * ${d.doubleConstant(2 ** 20)} - floor(a * a * ${d.doubleConstant(2 ** 20)}))`;
    const rows = await engine.query(
      `SELECT ${select.join(', ')}, ${d.asText('copies')} AS sampled_copies FROM (SELECT ${ids.join(', ')}, floor(c * share + ${hash}) AS copies FROM (SELECT ${ids.join(', ')}, count(*) AS c, ${share} AS share, ${linear} AS a FROM ${completeRows(d, relation, columns, only)} GROUP BY ${ids.join(', ')}) AS distinct_values) AS counted WHERE copies > 0 ORDER BY ${[...(g ? [g] : []), ...ids].join(', ')}`,
      params.values,
    );
    const taken = new Map<string, number>();
    for (const row of rows) {
      const key = groupOf(row);
      for (let copy = 0; copy < Number(row[columns.length]) && (taken.get(key) ?? 0) < aggregate.limit; copy++) {
        out.push(row.slice(0, columns.length));
        taken.set(key, (taken.get(key) ?? 0) + 1);
      }
    }
  }
  if (!g) return out;
  // By group, in the order of the engine's key text.
  return out.sort((a, b) => (groupOf(a) < groupOf(b) ? -1 : groupOf(a) > groupOf(b) ? 1 : 0));
}

/** A group label as the analyses print it: numbers as JavaScript (R) prints them. */
export function label(column: PlanColumn, text: string | null): string {
  if (text === null) return '';
  return column.numeric ? String(Number(text)) : text;
}

/**
 * The median of each group (by the engine's key text): the mean of the two middle values, the lower
 * middle of the values and the lower middle of their negatives (negated: the upper middle), each
 * found by selection (exact, in any order); with an odd count both are the middle value.
 */
export async function runMedians(engine: Engine, relation: Relation, aggregate: MomentsAggregate): Promise<Map<string, number>> {
  const { d, x, g, from } = momentsParts(engine, relation, aggregate);
  const rows = await engine.query(
    `SELECT ${g ? d.asText(g) : `''`}, ${d.asText(d.lowerMedian(x))}, ${d.asText(d.lowerMedian(`-${x}`))} FROM ${from}${g ? ` GROUP BY ${g}` : ''}`,
    relation.params,
  );
  return new Map(rows.map(([key, lower, negatedUpper]) => [key ?? '', (Number(lower) - Number(negatedUpper)) / 2]));
}

/**
 * The relation of absolute deviations |x - centre of its group| (as `value`) with the group, for a
 * test on spreads (Levene): each deviation is one IEEE operation, the same in every engine.
 */
export function deviationRelation(engine: Engine, relation: Relation, aggregate: MomentsAggregate, centres: ReadonlyMap<string, number>): Relation {
  const { d, x, g, from } = momentsParts(engine, relation, aggregate);
  const params = new Parameters(relation);
  const centre = centreExpression(d, params, aggregate, g, centres);
  // Rows of groups without a centre (levels not kept) have a NULL deviation and are left out.
  return { sql: `SELECT abs(${x} - ${centre}) AS ${x}${g ? `, ${g}` : ''} FROM ${from}`, params: params.values };
}

/**
 * Order statistics of a numeric column per group: the values at the given 0-based ranks of each
 * group's sorted values (ties give equal values, so the order among them does not matter).
 */
export async function runOrderStatistics(
  engine: Engine,
  relation: Relation,
  aggregate: MomentsAggregate,
  ranks: ReadonlyMap<string, readonly number[]>,
): Promise<Map<string, Map<number, number>>> {
  const { d, x, g, from } = momentsParts(engine, relation, aggregate);
  const params = new Parameters(relation);
  const wanted = [...new Set([...ranks.values()].flat())].map((r) => params.double(d, r + 1));
  const partition = g ? `PARTITION BY ${g} ` : '';
  const rows = await engine.query(
    `SELECT ${g ? d.asText(g) : `''`}, rn, ${d.asText(x)} FROM (SELECT ${g ? `${g}, ` : ''}${x}, row_number() OVER (${partition}ORDER BY ${x}) AS rn FROM ${from}) AS ranked WHERE rn IN (${wanted.join(', ') || 'NULL'})`,
    params.values,
  );
  const out = new Map<string, Map<number, number>>();
  for (const [key, rn, value] of rows) {
    const k = key ?? '';
    if (!out.has(k)) out.set(k, new Map());
    out.get(k)!.set(Number(rn) - 1, Number(value));
  }
  return out;
}

/** Counts of each value of a column per group (the engine's key text, '' without a group), non-missing values only. */
export async function runValueCounts(engine: Engine, relation: Relation, value: PlanColumn, group?: PlanColumn): Promise<Map<string, Map<string, number>>> {
  const d = engine.dialect;
  const v = d.identifier(value.name);
  const g = group ? d.identifier(group.name) : undefined;
  const rows = await engine.query(
    `SELECT ${g ? d.asText(g) : `''`}, ${d.asText(v)}, count(*) FROM ${completeRows(d, relation, group ? [value, group] : [value])} GROUP BY ${g ? `${g}, ` : ''}${v}`,
    relation.params,
  );
  const out = new Map<string, Map<string, number>>();
  for (const [key, text, count] of rows) {
    const k = key ?? '';
    if (!out.has(k)) out.set(k, new Map());
    out.get(k)!.set(label(value, text), Number(count));
  }
  return out;
}

/** Rows per group (the engine's key text; '' without a group) with the group present. */
export async function runGroupRows(engine: Engine, relation: Relation, group?: PlanColumn): Promise<Map<string, number>> {
  const d = engine.dialect;
  const g = group ? d.identifier(group.name) : undefined;
  const rows = await engine.query(
    `SELECT ${g ? d.asText(g) : `''`}, count(*) FROM ${completeRows(d, relation, group ? [group] : [])}${g ? ` GROUP BY ${g}` : ''}`,
    relation.params,
  );
  return new Map(rows.map(([key, count]) => [key ?? '', Number(count)]));
}

/** Distinct non-missing values of a column per group. */
export async function runDistinct(engine: Engine, relation: Relation, value: PlanColumn, group?: PlanColumn): Promise<Map<string, number>> {
  const d = engine.dialect;
  const v = d.identifier(value.name);
  const g = group ? d.identifier(group.name) : undefined;
  const rows = await engine.query(
    `SELECT ${g ? d.asText(g) : `''`}, count(DISTINCT ${v}) FROM ${completeRows(d, relation, group ? [value, group] : [value])}${g ? ` GROUP BY ${g}` : ''}`,
    relation.params,
  );
  return new Map(rows.map(([key, count]) => [key ?? '', Number(count)]));
}

/** Non-missing values of a numeric column that are not integers. */
export async function runNonIntegers(engine: Engine, relation: Relation, value: PlanColumn): Promise<number> {
  const d = engine.dialect;
  const v = d.identifier(value.name);
  const [row] = await engine.query(`SELECT count(*) FILTER (WHERE ${v} <> floor(${v})) FROM ${completeRows(d, relation, [value])}`, relation.params);
  return Number(row[0]);
}

/** A group's quartiles (R's type 7), Tukey's whiskers, extremes and outlier count, by the engine's key text. */
export interface BoxState extends BoxQuartiles {
  outliers: number;
}

/**
 * Box-plot statistics of a numeric column per group on every row: the quartiles by linear
 * interpolation between order statistics (R's type 7), then Tukey's whiskers (the most extreme values
 * within 1.5 IQR of the quartiles) and the rows beyond them, in a second pass with each group's fences.
 */
export async function runBoxStats(engine: Engine, relation: Relation, aggregate: MomentsAggregate): Promise<Map<string, BoxState>> {
  const { d, x, g, from } = momentsParts(engine, relation, aggregate);
  const rows = await engine.query(
    `SELECT ${g ? d.asText(g) : `''`}, count(*), ${d.asText(`min(${x})`)}, ${d.asText(`max(${x})`)}, ${d.quantilesCont(x, [0.25, 0.5, 0.75])} FROM ${from}${g ? ` GROUP BY ${g}` : ''}`,
    relation.params,
  );
  const boxes = new Map<string, BoxState>();
  for (const row of rows) {
    const [n, min, max] = row.slice(1, 4).map(Number);
    const [q1, median, q3] = (row[4] ?? '').replace(/[[\]{}\s]/g, '').split(',').map(Number);
    boxes.set(row[0] ?? '', { n, min, max, q1, median, q3, whiskerLow: min, whiskerHigh: max, outliers: 0 });
  }
  if (boxes.size === 0) return boxes;
  const fences = new Parameters(relation);
  const low = centreExpression(d, fences, aggregate, g, new Map([...boxes].map(([key, b]) => [key, b.q1 - 1.5 * (b.q3 - b.q1)])));
  const high = centreExpression(d, fences, aggregate, g, new Map([...boxes].map(([key, b]) => [key, b.q3 + 1.5 * (b.q3 - b.q1)])));
  const whiskers = await engine.query(
    `SELECT ${g ? d.asText(g) : `''`}, ${d.asText(`min(${x}) FILTER (WHERE ${x} >= lo)`)}, ${d.asText(`max(${x}) FILTER (WHERE ${x} <= hi)`)}, count(*) FILTER (WHERE ${x} < lo OR ${x} > hi) FROM (SELECT ${x}${g ? `, ${g}` : ''}, ${low} AS lo, ${high} AS hi FROM ${from}) AS fenced${g ? ` GROUP BY ${g}` : ''}`,
    fences.values,
  );
  for (const [key, lo, hi, outliers] of whiskers) {
    const box = boxes.get(key ?? '');
    if (!box) continue;
    if (lo !== null) box.whiskerLow = Number(lo);
    if (hi !== null) box.whiskerHigh = Number(hi);
    box.outliers = Number(outliers);
  }
  return boxes;
}
