/**
 * Exact numbers for the aggregate plan: sums come back from the engine as integer text (DuckDB
 * HUGEINT, PostgreSQL numeric), are combined as BigInt, and are turned into a double once, correctly
 * rounded. `scaledToDouble(n, e)` is n x 2^e to the nearest double; `ratioToDouble(a, b)` is a / b.
 */

/** An integer written by the engine ("-123", "123.000" from a numeric with a scale). */
export function parseInteger(text: string | null | undefined): bigint {
  if (text === null || text === undefined || text === '') return 0n;
  const trimmed = text.trim();
  const dot = trimmed.indexOf('.');
  if (dot < 0) return BigInt(trimmed);
  if (!/^0*$/.test(trimmed.slice(dot + 1))) throw new Error(`not an integer: ${text}`);
  return BigInt(trimmed.slice(0, dot));
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/** n x 2^e, correctly rounded to a double (round half to even). */
export function scaledToDouble(n: bigint, e: number): number {
  if (n === 0n) return 0;
  const negative = n < 0n;
  let m = negative ? -n : n;
  const bits = bitLength(m);
  let exponent = e;
  if (bits > 53) {
    // Keep 53 significant bits; round the rest half to even.
    const shift = BigInt(bits - 53);
    const kept = m >> shift;
    const rest = m - (kept << shift);
    const half = 1n << (shift - 1n);
    let rounded = kept;
    if (rest > half || (rest === half && (kept & 1n) === 1n)) rounded += 1n;
    m = rounded;
    exponent += bits - 53;
  }
  // m has at most 54 bits and is exactly representable; multiplying by a power of two is exact
  // unless the result leaves the normal range (not reached by the sums of finite data).
  const value = Number(m) * 2 ** exponent;
  return negative ? -value : value;
}

/** a / b for integers (b > 0), correctly rounded to a double. */
export function ratioToDouble(a: bigint, b: bigint): number {
  if (b <= 0n) throw new Error('ratioToDouble: the denominator must be positive');
  if (a === 0n) return 0;
  const negative = a < 0n;
  const n = negative ? -a : a;
  // Scale so that the quotient has at least 64 significant bits, then round once.
  const shift = Math.max(0, 64 - (bitLength(n) - bitLength(b)));
  const scaled = n << BigInt(shift);
  const q = scaled / b;
  const r = scaled - q * b;
  // A sticky bit keeps the rounding of the 64-bit quotient correct.
  const sticky = r === 0n ? q << 1n : (q << 1n) | 1n;
  const value = scaledToDouble(sticky, -shift - 1);
  return negative ? -value : value;
}
