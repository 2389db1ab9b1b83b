/** Tolerance assertions of the tests against R, and the worst relative error each test file reports. */
import assert from 'node:assert/strict';

/** Compute |actual - expected| / |expected|: 0 when equal (infinities too), absolute when expected is 0. */
export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

/** A stated tolerance: `rel` relative error, or `abs` absolute error when given (whichever is looser). */
export interface Tolerance {
  rel: number;
  abs?: number;
}

/** Assert `actual` within the tolerance of `expected` and return the relative error. */
export function assertClose(actual: number, expected: number, tolerance: Tolerance, label: string): number {
  const error = relativeError(actual, expected);
  const ok = error <= tolerance.rel || (tolerance.abs !== undefined && Math.abs(actual - expected) <= tolerance.abs);
  assert.ok(ok, `${label}: got ${actual}, R ${expected}, relative error ${error.toExponential(2)} > ${tolerance.rel}`);
  return error;
}

/** The worst relative error seen per key, with where it was seen. */
export class WorstErrors extends Map<string, { error: number; where: string }> {
  /** Record an error under `key` when it is the worst so far. */
  record(key: string, error: number, where: string): void {
    const current = this.get(key);
    if (!current || error > current.error) this.set(key, { error, where });
  }
}
