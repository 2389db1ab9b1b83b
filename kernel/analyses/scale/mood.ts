/**
 * Mood's two-sample test of scale, as R `mood.test`: the sum over the first sample of squared
 * centred ranks, standardised; with ties, each tied block gets the mean of its positions' scores and
 * the variance its tie correction (Mielke 1967).
 */
import type { Alternative } from '../../types.js';
import { lowerNormal, upperNormal } from '../common/distributions.js';

/** mood_test's result. */
export interface MoodResult {
  /** The standardised statistic Z. */
  statistic: number;
  pValue: number;
  /** The raw statistic T (sum of squared centred ranks of the first sample). */
  t: number;
  ties: boolean;
}

/** Mood's test of equal scale of `x` and `y` (R: `mood.test(x, y)`). */
export function computeMood(x: ArrayLike<number>, y: ArrayLike<number>, alternative: Alternative): MoodResult {
  const m = x.length;
  const n = y.length;
  const N = m + n;
  const all = [...Array.from(x, (v) => ({ v, first: true })), ...Array.from(y, (v) => ({ v, first: false }))].sort((a, b) => a.v - b.v);
  const centre = (N + 1) / 2;
  const expected = (m * (N * N - 1)) / 12;
  let variance = (m * n * (N + 1) * (N + 2) * (N - 2)) / 180;
  let t = 0;
  let ties = false;
  let tieSum = 0;
  // Walk the sorted values block by block (a block is one distinct value).
  for (let start = 0; start < N; ) {
    let end = start;
    while (end + 1 < N && all[end + 1].v === all[start].v) end++;
    const size = end - start + 1;
    let scores = 0;
    let fromFirst = 0;
    for (let i = start; i <= end; i++) {
      scores += (i + 1 - centre) ** 2;
      if (all[i].first) fromFirst++;
    }
    t += (fromFirst * scores) / size;
    if (size > 1) {
      ties = true;
      tieSum += size * (size * size - 1) * (size * size - 4 + 15 * (N - size) ** 2);
    }
    start = end + 1;
  }
  if (ties) variance -= ((m * n) / (180 * N * (N - 1))) * tieSum;
  const statistic = (t - expected) / Math.sqrt(variance);
  const lower = lowerNormal(statistic);
  const upper = upperNormal(statistic);
  const pValue = alternative === 'less' ? lower : alternative === 'greater' ? upper : Math.min(1, 2 * Math.min(lower, upper));
  return Object.freeze({ statistic, pValue, t, ties });
}
