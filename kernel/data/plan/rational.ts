/**
 * Exact rational arithmetic for the small linear systems of a model fitted from exact cross-products
 * (ols.ts): the engine's sums are exact integers times powers of two, so the normal equations can be
 * solved without rounding and each reported number rounded once. A p x p system with p up to a few
 * dozen is a few thousand operations on integers of a few hundred bits.
 */
import { ratioToDouble } from './exact.js';
import type { ExactSum } from './state.js';

/** A rational number n / d with d > 0, in lowest terms. */
export interface Rational {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new Error('rational: division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);

/** An exact sum as a rational. */
export function fromExactSum(s: ExactSum): Rational {
  return s.exponent >= 0 ? rational(s.value << BigInt(s.exponent)) : rational(s.value, 1n << BigInt(-s.exponent));
}

/** The nearest double. */
export function toDouble(x: Rational): number {
  return ratioToDouble(x.n, x.d);
}

/** The exact solution of a symmetric system for a subset of its columns. */
export interface ExactSolution {
  /** Positions (in `columns`) of the columns dependent on the earlier ones. */
  dependent: number[];
  /** Coefficients, parallel to `columns`. */
  b: Rational[];
  /** (X'X)^-1 of the columns. */
  inverse: Rational[][];
  /** b'X'y, the sum of squares the columns explain. */
  explained: Rational;
}

/**
 * Solves C[columns][columns] b = C[columns][rhs] exactly by Gauss-Jordan elimination in the given
 * order. A column is dependent when the part of it the earlier columns leave (its pivot) is below
 * `tolerance`^2 of its own sum of squares: the criterion of a QR's R_jj < tolerance x ||x_j||.
 */
export function solveExact(C: readonly (readonly Rational[])[], columns: readonly number[], rhs: number, tolerance: number): ExactSolution {
  const k = columns.length;
  const width = 2 * k + 1;
  const rows: Rational[][] = columns.map((cj, j) => [...columns.map((ck) => C[cj][ck]), ...columns.map((_, i) => (i === j ? ONE : ZERO)), C[cj][rhs]]);
  const squaredTolerance = rational(BigInt(Math.round(tolerance * tolerance * 2 ** 100)), 1n << 100n);
  const dependent: number[] = [];
  for (let j = 0; j < k; j++) {
    const pivot = rows[j][j];
    const diagonal = C[columns[j]][columns[j]];
    if (pivot.n <= 0n || sub(pivot, mul(squaredTolerance, diagonal)).n <= 0n) {
      dependent.push(j);
      continue;
    }
    rows[j] = rows[j].map((v) => div(v, pivot));
    for (let i = 0; i < k; i++) {
      if (i === j || rows[i][j].n === 0n) continue;
      const factor = rows[i][j];
      const target = rows[i];
      const source = rows[j];
      for (let c = 0; c < width; c++) if (source[c].n !== 0n) target[c] = sub(target[c], mul(factor, source[c]));
    }
  }
  if (dependent.length) return { dependent, b: [], inverse: [], explained: ZERO };
  const inverse = rows.map((row) => row.slice(k, 2 * k));
  const b = rows.map((row) => row[2 * k]);
  const explained = b.reduce((s, v, j) => add(s, mul(v, C[columns[j]][rhs])), ZERO);
  return { dependent, b, inverse, explained };
}
