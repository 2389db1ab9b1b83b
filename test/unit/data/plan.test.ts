/**
 * The aggregate plan's exact numbers and mergeable states: correctly rounded conversions, and a table
 * split into shards giving bit-for-bit the whole table's moments when the shards' states are merged
 * (state.ts); Chan's one-round merge agrees to a stated tolerance.
 */
import assert from 'node:assert/strict';
import { getConnection } from '../../../kernel/data/duckdb.js';
import { duckdbEngine } from '../../../kernel/data/plan/duckdb-engine.js';
import { ratioToDouble, scaledToDouble } from '../../../kernel/data/plan/exact.js';
import type { Relation } from '../../../kernel/data/plan/engine.js';
import {
  centredRound,
  deviationExponent,
  finishMoments,
  rangeExponent,
  rangeRound,
  runCoMoments,
  runMoments,
  sumRound,
  type RangeState,
} from '../../../kernel/data/plan/run.js';
import {
  exactMean,
  mergeCentred,
  mergeCentredStates,
  mergeExactSums,
  type CentredState,
  type ExactSum,
} from '../../../kernel/data/plan/state.js';
import type { CrossProductsAggregate, MomentsAggregate } from '../../../kernel/data/plan/types.js';
import { runCrossProducts } from '../../../kernel/data/plan/crossproducts.js';
import { add, mul, rational, solveExact, sub, type Rational } from '../../../kernel/data/plan/rational.js';

const TABLE = 'plan_test_values';
const aggregate: MomentsAggregate = { kind: 'moments', value: { name: 'x', numeric: true }, group: { name: 'g', numeric: false } };

/** Rows with a large offset (as NIST's SmLs sets), three groups, in a scrambled order. */
async function createValues(): Promise<void> {
  const connection = await getConnection();
  await connection.run(
    `CREATE OR REPLACE TABLE ${TABLE} AS SELECT i, CAST(i % 3 AS VARCHAR) AS g, 1000000000000.0 + ((i * 7919) % 1000) / 10.0 + (i % 3) AS x FROM range(30000) AS r(i)`,
  );
}

function shard(k: number | undefined): Relation {
  return { sql: `SELECT x, g FROM ${TABLE}${k === undefined ? '' : ` WHERE i % 4 = ${k}`}`, params: [] };
}

describe('data: aggregate plan', () => {
  before(createValues);

  it('converts exact integers and ratios to the nearest double', () => {
    assert.equal(ratioToDouble(1n, 3n), 1 / 3);
    assert.equal(ratioToDouble(-2n, 3n), -2 / 3);
    assert.equal(ratioToDouble(10n ** 30n + 1n, 10n ** 15n), 1e15);
    assert.equal(scaledToDouble(3n, -1), 1.5);
    // 2^53 + 1 rounds half to even, down to 2^53; 2^53 + 3 rounds up to 2^53 + 4.
    assert.equal(scaledToDouble(2n ** 53n + 1n, 0), 2 ** 53);
    assert.equal(scaledToDouble(2n ** 53n + 3n, 0), 2 ** 53 + 4);
    for (const [a, b] of [[7n, 10n], [123456789n, 1000n], [-1n, 7n]] as const) assert.equal(ratioToDouble(a, b), Number(a) / Number(b));
  });

  it('keeps every bit of the spread of data far from zero: m2 of 1e12 + small values to 1e-14 of the exact sum', async () => {
    const engine = duckdbEngine();
    const whole = await runMoments(engine, shard(undefined), aggregate);
    const connection = await getConnection();
    for (const group of whole) {
      // The exact centred sum of squares of the stored doubles, in integers: near 1e12 every double is a
      // multiple of 2^-13, so x * 2^13 is an integer.
      const reader = await connection.runAndReadAll(`SELECT x FROM ${TABLE} WHERE g = '${group.raw}'`);
      const xs = reader.getRows().map((row) => BigInt(Number(row[0]) * 2 ** 13));
      const n = BigInt(xs.length);
      const sum = xs.reduce((a, b) => a + b, 0n);
      const sumSq = xs.reduce((a, b) => a + b * b, 0n);
      // m2 = (n sum x^2 - (sum x)^2) / n, in units of 2^-26.
      const exact = ratioToDouble(n * sumSq - sum * sum, n * 2n ** 26n);
      assert.ok(Math.abs(group.m2 - exact) <= 1e-14 * exact, `group ${group.level}: m2 ${group.m2} vs exact ${exact}`);
    }
  });

  it('merges shards into exactly the whole table (two rounds of exact states)', async () => {
    const engine = duckdbEngine();
    const whole = await runMoments(engine, shard(undefined), aggregate);
    const shards = [0, 1, 2, 3];
    // Round 0: n and range, merged by +, min, max.
    const ranges = new Map<string, RangeState>();
    for (const k of shards) {
      for (const r of await rangeRound(engine, shard(k), aggregate)) {
        const had = ranges.get(r.raw);
        ranges.set(r.raw, had ? { raw: r.raw, n: had.n + r.n, min: Math.min(had.min, r.min), max: Math.max(had.max, r.max) } : r);
      }
    }
    const e = rangeExponent([...ranges.values()]);
    // Round 1: exact sums, merged by mergeExactSums.
    const sums = new Map<string, ExactSum>();
    for (const k of shards) for (const [key, sum] of await sumRound(engine, shard(k), aggregate, e)) sums.set(key, mergeExactSums(sums.get(key) ?? { value: 0n, exponent: 0 }, sum));
    const means = new Map([...ranges.values()].map((r) => [r.raw, exactMean(sums.get(r.raw)!, r.n)]));
    // Round 2: centred sums about the merged means, merged by mergeCentredStates.
    const centred = new Map<string, CentredState>();
    for (const k of shards) {
      for (const [key, state] of await centredRound(engine, shard(k), aggregate, means, deviationExponent([...ranges.values()], means))) {
        const had = centred.get(key);
        centred.set(key, had ? mergeCentredStates(had, state) : state);
      }
    }
    const merged = finishMoments(aggregate, [...ranges.values()], sums, centred);
    assert.deepEqual(
      merged.map((g) => [g.level, g.n, g.mean, g.m2]),
      whole.map((g) => [g.level, g.n, g.mean, g.m2]),
    );
    assert.equal(whole.length, 3);
    assert.equal(whole.reduce((s, g) => s + g.n, 0), 30000);
  });

  it("agrees with Chan's one-round merge of the shards' finished moments to 1e-12 relative (data without a large offset)", async () => {
    // With the offset of 1e12, each shard's rounded mean carries an error of ~1e-4 that the one-round
    // update turns into a relative error of ~1e-7 in M2: the reason the plan merges in two exact rounds.
    const engine = duckdbEngine();
    const centredShard = (k: number | undefined): Relation => ({ sql: `SELECT x - 1000000000000.0 AS x FROM (${shard(k).sql})`, params: [] });
    const [whole] = await runMoments(engine, centredShard(undefined), { kind: 'moments', value: aggregate.value });
    let merged = { n: 0, mean: 0, m2: 0 };
    for (const k of [0, 1, 2, 3]) {
      const [part] = await runMoments(engine, centredShard(k), { kind: 'moments', value: aggregate.value });
      merged = mergeCentred(merged, { n: part.n, mean: part.mean, m2: part.m2 });
    }
    assert.equal(merged.n, whole.n);
    assert.ok(Math.abs(merged.mean - whole.mean) / Math.abs(whole.mean) < 1e-15);
    assert.ok(Math.abs(merged.m2 - whole.m2) / whole.m2 < 1e-12, `${merged.m2} vs ${whole.m2}`);
  });

  it('gives the same moments whatever the row order', async () => {
    const engine = duckdbEngine();
    const ordered = await runMoments(engine, { sql: `SELECT x, g FROM ${TABLE} ORDER BY i`, params: [] }, aggregate);
    const reversed = await runMoments(engine, { sql: `SELECT x, g FROM ${TABLE} ORDER BY i DESC`, params: [] }, aggregate);
    assert.deepEqual(reversed, ordered);
    const co1 = await runCoMoments(engine, { sql: `SELECT x, CAST(i AS DOUBLE) AS y FROM ${TABLE} ORDER BY i`, params: [] }, { kind: 'comoments', x: aggregate.value, y: { name: 'y', numeric: true } });
    const co2 = await runCoMoments(engine, { sql: `SELECT x, CAST(i AS DOUBLE) AS y FROM ${TABLE} ORDER BY x DESC, i`, params: [] }, { kind: 'comoments', x: aggregate.value, y: { name: 'y', numeric: true } });
    assert.deepEqual(co2, co1);
  });

  it('solves the normal equations of cross-products exactly, and finds a dependent column', () => {
    // A symmetric positive definite 3 x 3 system with the outcome at index 0, in rationals.
    const r = (n: number, d = 1) => rational(BigInt(n), BigInt(d));
    const C: Rational[][] = [
      [r(50), r(7), r(3, 2), r(-4)],
      [r(7), r(10), r(2), r(1, 3)],
      [r(3, 2), r(2), r(8), r(1)],
      [r(-4), r(1, 3), r(1), r(6)],
    ];
    const solution = solveExact(C, [1, 2, 3], 0, 1e-7);
    assert.deepEqual(solution.dependent, []);
    // C_XX b = C_Xy exactly, and the inverse times C_XX is the identity exactly.
    for (const [i, row] of [1, 2, 3].entries()) {
      const lhs = [1, 2, 3].reduce((acc, col, j) => add(acc, mul(C[row][col], solution.b[j])), rational(0n));
      assert.deepEqual(sub(lhs, C[row][0]), rational(0n));
      for (const [j] of [1, 2, 3].entries()) {
        const entry = [1, 2, 3].reduce((acc, col, q) => add(acc, mul(solution.inverse[i][q], C[col][[1, 2, 3][j]])), rational(0n));
        assert.deepEqual(entry, rational(i === j ? 1n : 0n));
      }
    }
    // A column that is twice another (C of [y, a, 2a]) is dependent on it.
    const dependent: Rational[][] = [
      [r(9), r(2), r(4)],
      [r(2), r(3), r(6)],
      [r(4), r(6), r(12)],
    ];
    assert.deepEqual(solveExact(dependent, [1, 2], 0, 1e-7).dependent, [1]);
  });

  it('gives the same exact cross-products of a design (with a factor) whatever the row order, and the moments for a column', async () => {
    const engine = duckdbEngine();
    const x = { name: 'x', numeric: true };
    const y = { name: 'y', numeric: true };
    const g = { name: 'g', numeric: false };
    const design: CrossProductsAggregate = {
      kind: 'crossproducts',
      columns: [y, x, g],
      terms: [{ factors: [{ column: y, power: 1 }] }, { factors: [{ column: x, power: 1 }] }, { factors: [{ column: g, level: '1' }] }, { factors: [{ column: x, power: 1 }, { column: g, level: '2' }] }],
      centred: true,
    };
    const rows = (order: string) => ({ sql: `SELECT x, CAST(i % 17 AS DOUBLE) AS y, g FROM ${TABLE} ORDER BY ${order}`, params: [] });
    const ordered = await runCrossProducts(engine, rows('i'), design);
    const reversed = await runCrossProducts(engine, rows('x DESC, i DESC'), design);
    assert.deepEqual(reversed, ordered);
    assert.equal(ordered.n, 30000);
    const [moments] = await runMoments(engine, shard(undefined), { kind: 'moments', value: x });
    assert.equal(ordered.centres[1], moments.mean);
    // Σ(x - x̄)^2 about the same centre with each (x - c)^2 rounded as in the engine, summed with
    // Neumaier's compensation here: the engine's exact sum agrees to the last digits.
    const values = (await (await getConnection()).runAndReadAll(`SELECT CAST(x AS DOUBLE) FROM ${TABLE}`)).getRowsJS().map((row) => Number(row[0]));
    const c = ordered.centres[1];
    let sum = 0;
    let compensation = 0;
    let sumD = 0;
    for (const v of values) {
      const term = (v - c) * (v - c);
      const t = sum + term;
      compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
      sumD += v - c;
    }
    const expected = sum + compensation - (sumD * sumD) / values.length;
    assert.ok(Math.abs(ordered.cross[1][1] - expected) <= 1e-14 * expected, `${ordered.cross[1][1]} vs ${expected}`);
  });
});
