/**
 * Dot products accurate to about twice the working precision (Ogita, Rump and Oishi 2005, "Dot2"):
 * error-free TwoSum and TwoProduct (Dekker's split, since JavaScript has no fused multiply-add).
 * Used for residuals in iterative refinement, where cancellation would otherwise eat the digits.
 */

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for doubles

/**
 * `y - X b` for the rows of a column-major matrix, each residual computed as if in twice the working
 * precision and then rounded once. TwoSum and TwoProduct are inlined (no tuples) because this runs
 * over every row several times.
 */
export function computeResidualsCompensated(
  y: ArrayLike<number>,
  columns: readonly ArrayLike<number>[],
  b: ArrayLike<number>,
): Float64Array {
  const n = y.length;
  const k = columns.length;
  const out = new Float64Array(n);
  // Split each coefficient once (Dekker): b = bHi + bLo with 26-bit halves.
  const bHi = new Float64Array(k);
  const bLo = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const t = SPLITTER * b[j];
    bHi[j] = t - (t - b[j]);
    bLo[j] = b[j] - bHi[j];
  }
  for (let i = 0; i < n; i++) {
    let s = y[i];
    let c = 0;
    for (let j = 0; j < k; j++) {
      const a = columns[j][i];
      const bj = b[j];
      // TwoProduct: a * bj = prod + prodErr exactly.
      const prod = a * bj;
      const t = SPLITTER * a;
      const aHi = t - (t - a);
      const aLo = a - aHi;
      const prodErr = aLo * bLo[j] - (prod - aHi * bHi[j] - aLo * bHi[j] - aHi * bLo[j]);
      // TwoSum of s and -prod: s - prod = d + dErr exactly.
      const d = s - prod;
      const bb = d - s;
      const dErr = s - (d - bb) - (prod + bb);
      s = d;
      c += dErr - prodErr;
    }
    out[i] = s + c;
  }
  return out;
}
