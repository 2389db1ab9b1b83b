/**
 * Shared by the comparison tests (t-tests, rank tests, ANOVA, post-hoc): the R fixture, tables built
 * from its columns, and the fixture's tolerance assertions with worst-error bookkeeping.
 */
import assert from 'node:assert/strict';
import type { AnalysisId, AnalysisOptions, Roles, Table } from '../../../kernel/types.js';
import { assertClose, type Tolerance, WorstErrors } from '../../support/close.js';
import { readReference } from '../../support/fixtures.js';

/** One fixture case written by test/reference/r/generate_comparisons.R. */
export interface FixtureCase {
  id: string;
  analysis: AnalysisId;
  dataset: string;
  data: { name: string; kind: 'numeric' | 'categorical'; values: (number | string | null)[] }[];
  roles: Roles;
  options: Partial<AnalysisOptions>;
  expected: Record<string, unknown>;
}

/** The whole fixture. */
export interface ComparisonFixture {
  rVersion: string;
  cases: FixtureCase[];
  ptukey: { q: number; nmeans: number; df: number; p: number; upper: number }[];
  qtukey: { p: number; nmeans: number; df: number; q: number }[];
  pnt: { t: number; df: number; ncp: number; p: number }[];
  pwilcox: { q: number; m: number; n: number; lower: number; upper: number; quantile025: number; quantile95: number }[];
  psignrank: { x: number; n: number; lower: number; upper: number; quantile025: number; quantile95: number }[];
}

/** The R fixture, parsed once. */
export const fixture = readReference<ComparisonFixture>('comparisons.json');

/** A Table from arrays: numbers (null = missing) become Float64Array with NaN, others text columns. */
export function buildTable(columns: FixtureCase['data']): Table {
  const rowCount = columns[0]?.values.length ?? 0;
  return {
    rowCount,
    columns: columns.map((c) =>
      c.kind === 'numeric'
        ? { name: c.name, kind: 'numeric' as const, values: Float64Array.from(c.values, (v) => (v === null ? NaN : Number(v))) }
        : { name: c.name, kind: 'categorical' as const, values: c.values.map((v) => (v === null ? null : String(v))) },
    ),
  };
}

/** Worst relative error seen per analysis, printed by each test file's `after` hook. */
export const worst = new WorstErrors();

/**
 * Asserts `actual` within `rel` relative error of `expected` (or `abs` absolute, whichever is looser);
 * a null expected value means R gave an infinite bound, matched by an infinite actual.
 */
export function expectClose(actual: unknown, expected: unknown, tolerance: Tolerance, label: string, key?: string): void {
  if (expected === null) {
    assert.ok(typeof actual === 'number' && !Number.isFinite(actual), `${label}: expected an infinite bound, got ${actual}`);
    return;
  }
  assert.equal(typeof actual, 'number', `${label}: not a number (${String(actual)})`);
  const error = assertClose(actual as number, expected as number, tolerance, label);
  if (key) worst.record(key, error, label);
}

/** Prints the worst relative error per key (the test report reads these lines). */
export function printWorst(prefix: string): void {
  for (const [key, { error, where }] of [...worst.entries()].filter(([k]) => k.startsWith(prefix)).sort()) {
    console.log(`    worst relative error ${key}: ${error.toExponential(2)} (${where})`);
  }
}

/** Fails when any table cell is NaN (degenerate values must be text such as "not available"). */
export function assertNoNaNInTables(tables: { title: string; rows: Record<string, unknown>[] }[]): void {
  for (const table of tables) {
    for (const row of table.rows) {
      for (const [key, value] of Object.entries(row)) {
        assert.ok(!(typeof value === 'number' && Number.isNaN(value)), `NaN in table '${table.title}', column ${key}`);
      }
    }
  }
}
