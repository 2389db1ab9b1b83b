/** Sample quantiles as R's default `quantile(type = 7)`. */

/** A sorted copy (ascending). */
export function sortedCopy(x: ArrayLike<number>): Float64Array {
  return Float64Array.from(x).sort();
}

/** Quantile of already sorted data, R's type 7: linear interpolation between order statistics. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  return quantileAt(sorted.length, p, (i) => sorted[i]);
}

/** The 0-based order statistics R's type-7 quantile p of n values reads (the aggregate plan fetches only these). */
export function quantileRanks(n: number, p: number): [number, number] {
  const lo = Math.floor((n - 1) * p);
  return [lo, Math.min(lo + 1, n - 1)];
}

/** R's type-7 quantile p of n sorted values, reading the order statistics through `at` (0-based). */
export function quantileAt(n: number, p: number, at: (i: number) => number): number {
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const [lo, hi] = quantileRanks(n, p);
  return at(lo) + (h - lo) * (at(hi) - at(lo));
}

/** Quantile of unsorted data, R's type 7. */
export function quantile(x: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedCopy(x), p);
}

/** Median. */
export function median(x: ArrayLike<number>): number {
  return quantile(x, 0.5);
}
