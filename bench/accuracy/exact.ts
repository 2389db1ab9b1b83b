/**
 * Exact rational arithmetic on doubles (BigInt numerators over powers of two), to score cases whose
 * decimal data cannot be held exactly in binary: the exact answer for the binary data actually
 * analysed separates algorithmic error from the rounding of the inputs.
 */

/** A non-negative or negative rational number num / den with den > 0. */
export interface Rational {
  num: bigint;
  den: bigint;
}

/** A finite double as an exact rational. */
export function rationalFromDouble(x: number): Rational {
  if (!Number.isFinite(x)) throw new Error(`not finite: ${x}`);
  if (x === 0) return { num: 0n, den: 1n };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const exponentBits = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exponent: number;
  if (exponentBits === 0) exponent = -1074;
  else {
    mantissa |= 1n << 52n;
    exponent = exponentBits - 1075;
  }
  return exponent >= 0 ? { num: sign * (mantissa << BigInt(exponent)), den: 1n } : { num: sign * mantissa, den: 1n << BigInt(-exponent) };
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

function reduce(r: Rational): Rational {
  const g = gcd(r.num, r.den) || 1n;
  return { num: r.num / g, den: r.den / g };
}

/** a + b. */
export function add(a: Rational, b: Rational): Rational {
  return reduce({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
}

/** a - b. */
export function subtract(a: Rational, b: Rational): Rational {
  return add(a, { num: -b.num, den: b.den });
}

/** a * b. */
export function multiply(a: Rational, b: Rational): Rational {
  return reduce({ num: a.num * b.num, den: a.den * b.den });
}

/** a / b. */
export function divide(a: Rational, b: Rational): Rational {
  const sign = b.num < 0n ? -1n : 1n;
  return reduce({ num: a.num * b.den * sign, den: b.num * a.den * sign });
}

/** An integer as a rational. */
export function integer(n: number | bigint): Rational {
  return { num: BigInt(n), den: 1n };
}

/** The double nearest a rational (to within an ulp or so). */
export function toNumber(r: Rational): number {
  if (r.num === 0n) return 0;
  const negative = r.num < 0n;
  const num = negative ? -r.num : r.num;
  // Scale so that the integer quotient carries about 80 significant bits.
  const shift = BigInt(Math.max(0, 80 - (num.toString(2).length - r.den.toString(2).length)));
  const q = (num << shift) / r.den;
  let value = Number(q);
  let rest = Number(shift);
  // Divide in steps: 2 ** rest alone overflows for tiny numbers.
  while (rest > 0) {
    const step = Math.min(rest, 1000);
    value /= 2 ** step;
    rest -= step;
  }
  return negative ? -value : value;
}

/** Exact Σx and Σx² of doubles. */
export function sums(values: ArrayLike<number>): { n: number; sum: Rational; sumSquares: Rational } {
  let sum = integer(0);
  let sumSquares = integer(0);
  for (let i = 0; i < values.length; i++) {
    const r = rationalFromDouble(values[i]);
    sum = add(sum, r);
    sumSquares = add(sumSquares, multiply(r, r));
  }
  return { n: values.length, sum, sumSquares };
}

/** Exact centred sum of squares Σ(x - x̄)² = Σx² - (Σx)²/n. */
export function exactSumOfSquares(values: ArrayLike<number>): Rational {
  const s = sums(values);
  return subtract(s.sumSquares, divide(multiply(s.sum, s.sum), integer(s.n)));
}

/** Exact one-way ANOVA sums of squares of double data. */
export function exactAnova(groups: readonly ArrayLike<number>[]): { ssBetween: Rational; ssWithin: Rational } {
  let ssWithin = integer(0);
  let between = integer(0);
  let total = integer(0);
  let n = 0;
  for (const g of groups) {
    const s = sums(g);
    ssWithin = add(ssWithin, subtract(s.sumSquares, divide(multiply(s.sum, s.sum), integer(s.n))));
    between = add(between, divide(multiply(s.sum, s.sum), integer(s.n)));
    total = add(total, s.sum);
    n += s.n;
  }
  return { ssWithin, ssBetween: subtract(between, divide(multiply(total, total), integer(n))) };
}
