/**
 * Fisher's exact test on an r x c table by enumerating every table with the observed margins, in the
 * spirit of Mehta and Patel's network algorithm (R's FEXACT): columns are filled one at a time, nodes
 * are the sorted remaining row totals, paths with equal probability so far are merged, and a node is
 * settled at once when bounds on its completions show that all or none of them count. A table counts
 * when its probability is at most the observed one (with FEXACT's relative tolerance 3.45e-7).
 */
import { InferraError } from '../../errors.js';

/** FEXACT's tolerance on the log probability. */
const LOG_TOLERANCE = 3.45254e-7;

/** Work (path extensions) allowed before refusing the table as too large. */
export const DEFAULT_WORK_LIMIT = 2e7;

/** log(0!), log(1!), ..., log(n!) as cumulative sums of logs (as FEXACT). */
function buildLogFactorials(n: number): Float64Array {
  const f = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) f[i] = f[i - 1] + Math.log(i);
  return f;
}

/** All ways to split `total` into cells bounded by `caps` (in order). */
function enumerateSplits(total: number, caps: readonly number[], visit: (cells: Int32Array) => void): void {
  const k = caps.length;
  const cells = new Int32Array(k);
  const capAfter = new Array<number>(k + 1).fill(0);
  for (let i = k - 1; i >= 0; i--) capAfter[i] = capAfter[i + 1] + caps[i];
  const fill = (i: number, left: number): void => {
    if (i === k - 1) {
      if (left <= caps[i]) {
        cells[i] = left;
        visit(cells);
      }
      return;
    }
    const lowest = Math.max(0, left - capAfter[i + 1]);
    const highest = Math.min(caps[i], left);
    for (let v = lowest; v <= highest; v++) {
      cells[i] = v;
      fill(i + 1, left - v);
    }
  };
  if (total <= capAfter[0]) fill(0, total);
}

/** How many splits of `total` into cells bounded by `caps` exist (DP with prefix sums; may be inexact above 2^53). */
function countSplits(total: number, caps: readonly number[]): number {
  let ways = new Float64Array(total + 1);
  ways[0] = 1;
  for (const cap of caps) {
    const next = new Float64Array(total + 1);
    let window = 0;
    for (let s = 0; s <= total; s++) {
      window += ways[s];
      if (s - cap - 1 >= 0) window -= ways[s - cap - 1];
      next[s] = window;
    }
    ways = next;
  }
  return ways[total];
}

/** Sum of log(x!) split as evenly as possible: the least a total can cost over `parts` cells. */
function evenSplitCost(total: number, parts: number, lf: Float64Array): number {
  if (parts <= 0) return 0;
  const q = Math.floor(total / parts);
  const rest = total - q * parts;
  return rest * lf[q + 1] + (parts - rest) * lf[q];
}

/**
 * Future values -sum(log x_i! + log (r_i - x_i)!) of every split x of `total` over `rows` (the last two
 * columns of a table: the first column's split fixes the second).
 */
function enumerateTwoColumnFutures(total: number, rows: readonly number[], lf: Float64Array): Float64Array {
  const k = rows.length;
  // cost[i][x] = log x! + log (r_i - x)!
  const cost = rows.map((r) => {
    const c = new Float64Array(r + 1);
    for (let x = 0; x <= r; x++) c[x] = lf[x] + lf[r - x];
    return c;
  });
  const capAfter = new Array<number>(k + 1).fill(0);
  for (let i = k - 1; i >= 0; i--) capAfter[i] = capAfter[i + 1] + rows[i];
  let out = new Float64Array(1024);
  let size = 0;
  const fill = (i: number, left: number, acc: number): void => {
    if (i === k - 1) {
      if (size === out.length) {
        const grown = new Float64Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      out[size++] = -(acc + cost[i][left]);
      return;
    }
    const lowest = Math.max(0, left - capAfter[i + 1]);
    const highest = Math.min(rows[i], left);
    const ci = cost[i];
    for (let v = lowest; v <= highest; v++) fill(i + 1, left - v, acc + ci[v]);
  };
  if (total <= capAfter[0]) fill(0, total, 0);
  return out.subarray(0, size);
}

/** Most rows for which the least likely split is found by visiting every vertex (2^rows of them). */
const MAX_VERTEX_ROWS = 12;

/**
 * The largest (`best`) and a lower bound of the smallest (`worst`) future value -sum(log x! + log (r - x)!)
 * over splits x of `total` with 0 <= x <= rows. The terms are concave in x, so the largest comes from
 * greedy unit steps and the smallest lies at a vertex (all rows but one at a bound).
 */
function boundTwoColumnFutures(total: number, rows: readonly number[], lf: Float64Array): { best: number; worst: number } {
  const k = rows.length;
  const x = new Array<number>(k).fill(0);
  for (let step = 0; step < total; step++) {
    let pick = -1;
    let gain = -Infinity;
    for (let i = 0; i < k; i++) {
      if (x[i] >= rows[i]) continue;
      const g = Math.log((rows[i] - x[i]) / (x[i] + 1));
      if (g > gain) {
        gain = g;
        pick = i;
      }
    }
    x[pick]++;
  }
  let bestCost = 0;
  for (let i = 0; i < k; i++) bestCost += lf[x[i]] + lf[rows[i] - x[i]];
  let worstCost = -Infinity;
  if (k <= MAX_VERTEX_ROWS) {
    // Every vertex: a subset of rows at their cap, one row taking what is left, the rest empty.
    for (let mask = 0; mask < 1 << k; mask++) {
      let used = 0;
      let cost = 0;
      for (let i = 0; i < k; i++) {
        if (mask & (1 << i)) {
          used += rows[i];
          cost += lf[rows[i]];
        }
      }
      if (used > total) continue;
      const left = total - used;
      for (let free = 0; free < k; free++) {
        if (mask & (1 << free)) continue;
        if (left > rows[free]) continue;
        let c = cost + lf[left] + lf[rows[free] - left];
        for (let i = 0; i < k; i++) if (i !== free && !(mask & (1 << i))) c += lf[rows[i]];
        if (c > worstCost) worstCost = c;
      }
      if (left === 0) {
        let c = cost;
        for (let i = 0; i < k; i++) if (!(mask & (1 << i))) c += lf[rows[i]];
        if (c > worstCost) worstCost = c;
      }
    }
  } else {
    // a! b! <= (a + b)!: no split costs more than its row totals.
    worstCost = rows.reduce((s, v) => s + lf[v], 0);
  }
  return { best: -bestCost, worst: -worstCost };
}

interface Node {
  rows: number[];
  /** Past path values (-sum log x! so far) and how many paths share each; merged once per level. */
  values: number[];
  weights: number[];
}

/** Paths whose past values agree to this (absolute, on log values of order 1e3) share their completions. */
const MERGE_TOLERANCE = 1e-9;

/**
 * Merges a node's (near-)equal past values, adding their path counts: the values are sorted natively,
 * runs within the tolerance become one value (the run's first), and each path's count goes to its run
 * by binary search (much faster than sorting index pairs with a comparator).
 */
function mergePasts(node: Node): void {
  const sorted = Float64Array.from(node.values).sort();
  const runs: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (runs.length === 0 || sorted[i] - runs[runs.length - 1] > MERGE_TOLERANCE) runs.push(sorted[i]);
  }
  const starts = Float64Array.from(runs);
  const weights = new Array<number>(runs.length).fill(0);
  for (let i = 0; i < node.values.length; i++) weights[upperBound(starts, node.values[i]) - 1] += node.weights[i];
  node.values = runs;
  node.weights = weights;
}

/** Index of the first element of an ascending array greater than `limit` (binary search). */
function upperBound(sorted: Float64Array, limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The two-sided exact p-value of an r x c table (R `fisher.test(x)$p.value` for tables larger than 2 x 2).
 * Throws `table-too-large` with a clear message when the enumeration would exceed `workLimit` steps.
 */
export function computeFisherExactRxC(table: readonly (readonly number[])[], workLimit = DEFAULT_WORK_LIMIT): number {
  // Rows of the network: the shorter dimension (fewer state entries).
  let matrix = table.map((r) => [...r]);
  if (matrix.length > matrix[0].length) matrix = matrix[0].map((_, j) => matrix.map((r) => r[j]));
  const rowTotals = matrix.map((r) => r.reduce((s, v) => s + v, 0));
  const colTotals = matrix[0].map((_, j) => matrix.reduce((s, r) => s + r[j], 0));
  const n = rowTotals.reduce((s, v) => s + v, 0);
  const lf = buildLogFactorials(n);
  const nCols = colTotals.length;
  const logConstant = rowTotals.reduce((s, v) => s + lf[v], 0) + colTotals.reduce((s, v) => s + lf[v], 0) - lf[n];
  let observedPath = 0;
  for (const r of matrix) for (const v of r) observedPath -= lf[v];
  const threshold = observedPath + LOG_TOLERANCE;
  // Columns in increasing size: early levels stay small and the largest column is the forced last one.
  const cols = [...colTotals].sort((a, b) => a - b);

  let pValue = 0;
  let work = 0;
  const spend = (steps: number): void => {
    work += steps;
    if (work > workLimit) {
      throw new InferraError('table-too-large', {
        rows: table.length,
        cols: table[0].length,
        n,
        analysis: "Fisher's exact test",
        limit: workLimit.toExponential(0),
      });
    }
  };
  // Node keys: the sorted remaining row totals as one number in base N + 1 when that is exact, else text.
  const base = n + 1;
  const numericKeys = Math.pow(base, rowTotals.length) < Number.MAX_SAFE_INTEGER;
  const keyOf = (rows: readonly number[]): number | string => {
    if (!numericKeys) return rows.join(',');
    let key = 0;
    for (const v of rows) key = key * base + v;
    return key;
  };
  let level = new Map<number | string, Node>();
  const start = [...rowTotals].sort((a, b) => a - b);
  level.set(keyOf(start), { rows: start, values: [0], weights: [1] });

  // Levels with at least three columns left: settle pasts by bounds, expand the rest.
  for (let j = 0; j < nCols - 2; j++) {
    const next = new Map<number | string, Node>();
    const remainingCols = cols.slice(j);
    const colCost = remainingCols.reduce((s, v) => s + lf[v], 0);
    for (const node of level.values()) {
      const rows = node.rows;
      const rowCost = rows.reduce((s, v) => s + lf[v], 0);
      const nRemaining = rows.reduce((s, v) => s + v, 0);
      const activeRows = rows.filter((v) => v > 0).length;
      // Bounds on the future path value -sum log x! over all completions of this node.
      const leastCost = Math.max(
        rows.reduce((s, v) => s + evenSplitCost(v, remainingCols.length, lf), 0),
        remainingCols.reduce((s, v) => s + evenSplitCost(v, activeRows, lf), 0),
      );
      const mostCost = Math.min(rowCost, colCost);
      // log of the sum over completions of prod 1/x!: lf(N) - sum lf(rows) - sum lf(cols).
      const futureMass = lf[nRemaining] - rowCost - colCost;
      spend(1 + node.values.length);
      const best = -leastCost;
      const worst = -mostCost;
      const openValues: number[] = [];
      const openWeights: number[] = [];
      node.values.forEach((value, q) => {
        const weight = node.weights[q];
        if (value + best <= threshold) pValue += weight * Math.exp(logConstant + value + futureMass);
        else if (value + worst <= threshold) {
          openValues.push(value);
          openWeights.push(weight);
        }
      });
      if (openValues.length === 0) continue;
      // Charged before enumerating (a split's own bookkeeping weighs about four path steps), so a
      // hopeless table is refused at once.
      spend(countSplits(cols[j], rows) * (4 + openValues.length));
      enumerateSplits(cols[j], rows, (cells) => {
        let cost = 0;
        const child = new Array<number>(rows.length);
        for (let i = 0; i < rows.length; i++) {
          cost += lf[cells[i]];
          // Insertion into sorted position (rows are few).
          let p = i;
          const v = rows[i] - cells[i];
          while (p > 0 && child[p - 1] > v) {
            child[p] = child[p - 1];
            p--;
          }
          child[p] = v;
        }
        const key = keyOf(child);
        let target = next.get(key);
        if (!target) {
          target = { rows: child, values: [], weights: [] };
          next.set(key, target);
        }
        for (let q = 0; q < openValues.length; q++) {
          target.values.push(openValues[q] - cost);
          target.weights.push(openWeights[q]);
        }
      });
    }
    for (const node of next.values()) {
      spend(node.values.length);
      mergePasts(node);
    }
    level = next;
  }

  // Two columns left: the split of the first fixes the last. Exact bounds settle most pasts at once;
  // otherwise the node's future values are sorted once and every past is answered by a binary search
  // over prefix sums of their probabilities.
  const lastButOne = cols[nCols - 2];
  const lastCost = lf[lastButOne] + lf[cols[nCols - 1]];
  for (const node of level.values()) {
    const rows = node.rows;
    const rowCost = rows.reduce((s, v) => s + lf[v], 0);
    const nRemaining = rows.reduce((s, v) => s + v, 0);
    const futureMass = lf[nRemaining] - rowCost - lastCost;
    spend(1 + lastButOne * rows.length + node.values.length);
    const { best, worst } = boundTwoColumnFutures(lastButOne, rows, lf);
    const open: { value: number; weight: number }[] = [];
    node.values.forEach((value, q) => {
      const weight = node.weights[q];
      if (value + best <= threshold) pValue += weight * Math.exp(logConstant + value + futureMass);
      else if (value + worst <= threshold) open.push({ value, weight });
    });
    if (open.length === 0) continue;
    // Few open pasts: one pass over the splits sums each past's share (probabilities scaled by the
    // largest future, so nothing overflows). Many: sort the future values once and binary-search.
    spend(countSplits(lastButOne, rows));
    const futures = enumerateTwoColumnFutures(lastButOne, rows, lf);
    spend(futures.length * Math.min(open.length, 8) + open.length);
    if (open.length <= 8) {
      const limits = open.map((p) => threshold - p.value);
      const sums = new Float64Array(open.length);
      for (let k = 0; k < futures.length; k++) {
        const f = futures[k];
        let term = -1;
        for (let q = 0; q < limits.length; q++) {
          if (f <= limits[q]) {
            if (term < 0) term = Math.exp(f - best);
            sums[q] += term;
          }
        }
      }
      open.forEach((p, q) => {
        if (sums[q] > 0) pValue += p.weight * Math.exp(logConstant + p.value + best) * sums[q];
      });
      continue;
    }
    futures.sort();
    const prefix = new Float64Array(futures.length + 1);
    for (let k = 0; k < futures.length; k++) prefix[k + 1] = prefix[k] + Math.exp(futures[k] - best);
    for (const { value, weight } of open) {
      const count = upperBound(futures, threshold - value);
      if (count > 0) pValue += weight * Math.exp(logConstant + value + best) * prefix[count];
    }
  }
  return Math.max(0, Math.min(1, pValue));
}
