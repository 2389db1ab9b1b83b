/**
 * Rank statistics of shifted samples in linear time, for the root searches of the Hodges-Lehmann
 * intervals (each search evaluates them dozens of times). With the samples sorted once, x - d stays
 * sorted (IEEE subtraction is monotone), so ranking c(x - d, y) or |x - d| is a merge of sorted runs.
 * Ranks are half-integers and tie sizes integers, so the sums are exact and equal R's `rank()`-based
 * values whatever the order of summation.
 *
 * Each sample may come with `counts` (sorted distinct values, each standing for count(v) equal values,
 * as the database returns them): the merge then walks the distinct values, and the sums are the same
 * integers as on the expanded sample.
 */

/** How many values the i-th entry stands for. */
function weightOf(counts: Float64Array | undefined, i: number): number {
  return counts ? counts[i] : 1;
}

/** Sum of the ranks of x - d within c(x - d, y), and the tie term sum(t^3 - t). */
export function computeShiftedRankSum(
  sortedX: Float64Array,
  sortedY: Float64Array,
  d: number,
  countsX?: Float64Array,
  countsY?: Float64Array,
): { rankSumX: number; tieSum: number } {
  const nx = sortedX.length;
  const ny = sortedY.length;
  let i = 0;
  let j = 0;
  let position = 0;
  let rankSumX = 0;
  let tieSum = 0;
  while (i < nx || j < ny) {
    const a = i < nx ? sortedX[i] - d : Infinity;
    const b = j < ny ? sortedY[j] : Infinity;
    const v = a <= b ? a : b;
    let cx = 0;
    while (i < nx && sortedX[i] - d === v) cx += weightOf(countsX, i++);
    let cy = 0;
    while (j < ny && sortedY[j] === v) cy += weightOf(countsY, j++);
    const t = cx + cy;
    const averageRank = position + (t + 1) / 2;
    rankSumX += cx * averageRank;
    if (t > 1) tieSum += t * t * t - t;
    position += t;
  }
  return { rankSumX, tieSum };
}

/**
 * For x - d with zeros dropped: how many remain, the sum of the ranks of |x - d| over the positive
 * ones, and sum(t^3 - t) over ties of |x - d|.
 */
export function computeShiftedSignedRank(
  sortedX: Float64Array,
  d: number,
  counts?: Float64Array,
): { n: number; positiveRankSum: number; tieSum: number } {
  const total = sortedX.length;
  // First index with x - d >= 0 (binary search on the monotone shifted values).
  let lo = 0;
  let hi = total;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sortedX[mid] - d < 0) lo = mid + 1;
    else hi = mid;
  }
  let neg = lo - 1; // walks down: |x - d| increasing
  let pos = lo;
  while (pos < total && sortedX[pos] - d === 0) pos++; // zeros dropped
  let n = neg + 1 + (total - pos);
  if (counts) {
    n = 0;
    for (let i = 0; i < total; i++) if (i <= neg || i >= pos) n += counts[i];
  }
  let position = 0;
  let positiveRankSum = 0;
  let tieSum = 0;
  while (neg >= 0 || pos < total) {
    const a = neg >= 0 ? Math.abs(sortedX[neg] - d) : Infinity;
    const b = pos < total ? Math.abs(sortedX[pos] - d) : Infinity;
    const v = a <= b ? a : b;
    let cn = 0;
    while (neg >= 0 && Math.abs(sortedX[neg] - d) === v) cn += weightOf(counts, neg--);
    let cp = 0;
    while (pos < total && Math.abs(sortedX[pos] - d) === v) cp += weightOf(counts, pos++);
    const t = cn + cp;
    positiveRankSum += cp * (position + (t + 1) / 2);
    if (t > 1) tieSum += t * t * t - t;
    position += t;
  }
  return { n, positiveRankSum, tieSum };
}
