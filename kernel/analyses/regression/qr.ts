/**
 * Householder QR with column scaling and R's limited pivoting (LINPACK `dqrdc2` as used by `lm`):
 * columns are scaled to unit length, factored left to right, and a column whose remaining length
 * falls below `tol` times its original length is moved to the end and counted as linearly dependent.
 * The normal equations are never formed, so accuracy degrades with cond(X), not cond(X)².
 */

/** R's default tolerance for linear dependence in `lm` (`qr(..., tol = 1e-07)`). */
export const RANK_TOLERANCE = 1e-7;

/** A QR factorisation of a column-scaled n x p matrix, in compact Householder form. */
export interface QrDecomposition {
  n: number;
  p: number;
  /**
   * Factored columns in pivoted order: rows 0..j-1 of column j hold R's column j above the diagonal,
   * row j holds R's diagonal, rows j+1.. hold the Householder vector's tail.
   */
  columns: Float64Array[];
  /** Head (first element) of each Householder vector. */
  heads: Float64Array;
  /** Scalar of each reflector: H = I - beta v v'. */
  betas: Float64Array;
  /** The original index of the column at each pivoted position. */
  pivot: number[];
  /** Number of linearly independent columns (the first `rank` pivoted positions). */
  rank: number;
  /** Factor each original column was multiplied by (1 / its Euclidean length; 1 for a zero column). */
  scale: Float64Array;
}

/** Euclidean length of `x[from..]`, scaled against overflow. */
function normFrom(x: Float64Array, from: number): number {
  let big = 0;
  for (let i = from; i < x.length; i++) big = Math.max(big, Math.abs(x[i]));
  if (big === 0) return 0;
  let s = 0;
  for (let i = from; i < x.length; i++) {
    const t = x[i] / big;
    s += t * t;
  }
  return big * Math.sqrt(s);
}

/** Factors the columns (each of length n; copied, not modified) as X D = Q R with limited pivoting. */
export function decomposeQr(input: readonly ArrayLike<number>[], tol = RANK_TOLERANCE): QrDecomposition {
  const p = input.length;
  const n = p > 0 ? input[0].length : 0;
  const scale = new Float64Array(p);
  const columns: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    const c = Float64Array.from(input[j]);
    const length = normFrom(c, 0);
    scale[j] = length > 0 ? 1 / length : 1;
    for (let i = 0; i < n; i++) c[i] *= scale[j];
    columns.push(c);
  }
  // After scaling every non-zero column has length 1; a zero column has 0 and is dependent at once.
  const original = columns.map((c) => normFrom(c, 0));
  const pivot = Array.from({ length: p }, (_, j) => j);
  const heads = new Float64Array(p);
  const betas = new Float64Array(p);
  let active = p;
  let l = 0;
  while (l < active) {
    const col = columns[l];
    const length = l < n ? normFrom(col, l) : 0;
    if (!(length > tol * original[l]) || length === 0) {
      // Move the dependent column to the end, as dqrdc2 does, and keep factoring the rest.
      columns.push(columns.splice(l, 1)[0]);
      pivot.push(pivot.splice(l, 1)[0]);
      original.push(original.splice(l, 1)[0]);
      active--;
      continue;
    }
    const alpha = col[l] >= 0 ? -length : length;
    const head = col[l] - alpha;
    // v = (head, col[l+1..]); v'v = 2 length (length + |col[l]|).
    const beta = 1 / (length * (length + Math.abs(col[l])));
    for (let j = l + 1; j < p; j++) {
      const other = columns[j];
      let s = head * other[l];
      for (let i = l + 1; i < n; i++) s += col[i] * other[i];
      s *= beta;
      other[l] -= s * head;
      for (let i = l + 1; i < n; i++) other[i] -= s * col[i];
    }
    col[l] = alpha;
    heads[l] = head;
    betas[l] = beta;
    l++;
  }
  return { n, p, columns, heads, betas, pivot, rank: active, scale };
}

/** Q'y for the first `rank` reflectors (y is copied). */
export function applyQt(qr: QrDecomposition, y: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(y);
  for (let l = 0; l < qr.rank; l++) {
    const col = qr.columns[l];
    const head = qr.heads[l];
    let s = head * out[l];
    for (let i = l + 1; i < qr.n; i++) s += col[i] * out[i];
    s *= qr.betas[l];
    out[l] -= s * head;
    for (let i = l + 1; i < qr.n; i++) out[i] -= s * col[i];
  }
  return out;
}

/**
 * Least-squares coefficients of the original (unscaled, unpivoted) columns from Q'y: solves
 * R b_scaled = (Q'y)[0..rank) and undoes scaling and pivoting. Dependent columns get 0.
 */
export function solveFromQty(qr: QrDecomposition, qty: ArrayLike<number>): Float64Array {
  const k = qr.rank;
  const z = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = qty[i];
    for (let j = i + 1; j < k; j++) s -= qr.columns[j][i] * z[j];
    z[i] = s / qr.columns[i][i];
  }
  const b = new Float64Array(qr.p);
  for (let i = 0; i < k; i++) b[qr.pivot[i]] = z[i] * qr.scale[qr.pivot[i]];
  return b;
}

/**
 * (X'X)^{-1} of the independent columns, in original column order (p x p, zeros for dependent
 * columns), from R^{-1}: (X'X)^{-1} = D R^{-1} R^{-T} D.
 */
export function computeUnscaledCovariance(qr: QrDecomposition): Float64Array[] {
  const k = qr.rank;
  // Columns of R^{-1} (upper triangular), by back substitution on unit vectors.
  const rInv: Float64Array[] = [];
  for (let c = 0; c < k; c++) {
    const z = new Float64Array(k);
    for (let i = c; i >= 0; i--) {
      let s = i === c ? 1 : 0;
      for (let j = i + 1; j <= c; j++) s -= qr.columns[j][i] * z[j];
      z[i] = s / qr.columns[i][i];
    }
    rInv.push(z);
  }
  const cov = Array.from({ length: qr.p }, () => new Float64Array(qr.p));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      // Row a of R^{-1} dotted with row b of R^{-1}: entries from column max(a, b) on.
      let s = 0;
      for (let c = b; c < k; c++) s += rInv[c][a] * rInv[c][b];
      const ia = qr.pivot[a];
      const ib = qr.pivot[b];
      const v = s * qr.scale[ia] * qr.scale[ib];
      cov[ia][ib] = v;
      cov[ib][ia] = v;
    }
  }
  return cov;
}
