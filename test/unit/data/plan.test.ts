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
import type { MomentsAggregate } from '../../../kernel/data/plan/types.js';

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
      for (const [key, state] of await centredRound(engine, shard(k), aggregate, means, e)) {
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
});
