/**
 * The rank statistics the database path computes from distinct values with counts (#17) equal those
 * of the expanded samples exactly: the shifted rank sums and signed ranks, the Hodges-Lehmann root
 * searches, and Kendall's pair counts streamed through a Fenwick tree over y's ranks (against Knight's
 * merge sort on the same pairs). Exact integers on both sides, so equality is asserted, not closeness.
 */
import assert from 'node:assert/strict';
import { countKendallPairs, KendallPairCounter, sortPairs } from '../../../kernel/analyses/correlation/kendall.js';
import {
  computeApproximatePseudoMedian,
  computeApproximatePseudoMedianSorted,
  computeApproximateShift,
  computeApproximateShiftSorted,
} from '../../../kernel/analyses/rank-tests/hodges-lehmann.js';
import { computeShiftedRankSum, computeShiftedSignedRank } from '../../../kernel/analyses/rank-tests/shifted-ranks.js';
import { createRandom } from '../../../kernel/figures/random.js';

/** Sorted distinct values with their counts. */
function runsOf(values: Float64Array): { values: Float64Array; counts: Float64Array } {
  const sorted = Float64Array.from(values).sort();
  const distinct: number[] = [];
  const counts: number[] = [];
  for (const v of sorted) {
    if (distinct.length && distinct[distinct.length - 1] === v) counts[counts.length - 1]++;
    else {
      distinct.push(v);
      counts.push(1);
    }
  }
  return { values: Float64Array.from(distinct), counts: Float64Array.from(counts) };
}

describe('rank statistics from distinct values with counts equal those of the expanded samples', () => {
  const random = createRandom(2026);
  const sample = (n: number, step: number, shift = 0) => Float64Array.from({ length: n }, () => Math.round((random() * 20 + shift) / step) * step);

  for (let trial = 0; trial < 8; trial++) {
    it(`trial ${trial}: shifted rank sums, signed ranks and the Hodges-Lehmann estimates`, () => {
      const x = sample(60 + trial * 37, trial % 2 ? 0.5 : 1, 1.5);
      const y = sample(45 + trial * 29, trial % 2 ? 0.5 : 1);
      const rx = runsOf(x);
      const ry = runsOf(y);
      const sx = Float64Array.from(x).sort();
      const sy = Float64Array.from(y).sort();
      for (const d of [0, 0.5, -1, 1.5, 2.25]) {
        assert.deepEqual(computeShiftedRankSum(rx.values, ry.values, d, rx.counts, ry.counts), computeShiftedRankSum(sx, sy, d));
        assert.deepEqual(computeShiftedSignedRank(rx.values, d, rx.counts), computeShiftedSignedRank(sx, d));
      }
      const alternative = (['two-sided', 'less', 'greater'] as const)[trial % 3];
      assert.deepEqual(computeApproximateShiftSorted(rx, ry, 0.95, alternative, trial % 2 === 0), computeApproximateShift(x, y, 0.95, alternative, trial % 2 === 0));
      const nonZero = x.filter((v) => v !== 10);
      assert.deepEqual(computeApproximatePseudoMedianSorted(runsOf(nonZero), 0.9, alternative, true), computeApproximatePseudoMedian(nonZero, 0.9, alternative, true));
    });
  }

  it("Kendall: the streamed Fenwick count (database chunks, and the file path's countKendallPairs) equals the O(n^2) count on 2,000 pairs with ties in x, y and both", () => {
    const n = 2_000;
    const x = Float64Array.from({ length: n }, () => Math.round(random() * 300) / 10);
    const y = Float64Array.from(x, (v) => Math.round((v * 2 + random() * 40) * 4) / 4);
    const pairs = sortPairs(x, y);
    const yValues = runsOf(y);
    const rank = new Map(Array.from(yValues.values, (v, i) => [v, i]));
    const counter = new KendallPairCounter(yValues.values.length);
    for (let i = 0; i < pairs.x.length; i++) counter.add(pairs.x[i], rank.get(pairs.y[i])!, pairs.weights[i]);
    const streamed = counter.finish(Array.from(yValues.counts).filter((c) => c > 1));
    // Every pair compared: the score (concordant minus discordant) and the pairs untied in x and in y.
    let score = 0;
    let untiedX = 0;
    let untiedY = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        score += Math.sign(x[i] - x[j]) * Math.sign(y[i] - y[j]);
        if (x[i] !== x[j]) untiedX++;
        if (y[i] !== y[j]) untiedY++;
      }
    }
    assert.ok(streamed.tiesX.length > 0 && streamed.tiesY.length > 0);
    assert.deepEqual([streamed.n, streamed.score, streamed.untiedX, streamed.untiedY], [n, score, untiedX, untiedY]);
    assert.deepEqual(countKendallPairs(sortPairs(x, y)), streamed);
  });
});
