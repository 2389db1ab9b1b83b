/**
 * Helpers of the correlation, contingency and check tests: the R fixtures of
 * test/reference/r/associations.json, Tables built from their CSV file, inline vectors or count
 * matrix, the cases run through `runAnalysis`, and the fixture's tolerance assertions that record the
 * worst error per analysis.
 */
import assert from 'node:assert/strict';
import { runAnalysis, type ComputedOutcome } from '../../../kernel/analyses/run.js';
import { snakeKeys } from '../../../kernel/contract/index.js';
import type { AnalysisId, AnalysisOptions, Column, Roles, Table } from '../../../kernel/types.js';
import { assertClose, WorstErrors } from '../../support/close.js';
import { buildRequest, readReference, readTable } from '../../support/fixtures.js';

/** One case of associations.json. */
export interface FixtureCase {
  id: string;
  analysis: AnalysisId;
  dataset: string | null;
  data?: Record<string, number[]> | null;
  counts?: { rows: string[]; cols: string[]; matrix: number[][] } | null;
  roles: Roles;
  options: Record<string, unknown>;
  expected: Record<string, unknown>;
}

/** The fixture file. */
export const fixtures = readReference<{ rVersion: string; cases: FixtureCase[] }>('associations.json');

/** Numeric columns from inline vectors of equal length. */
export function tableFromVectors(data: Record<string, readonly number[]>): Table {
  const columns: Column[] = Object.entries(data).map(([name, values]) => ({ name, kind: 'numeric', values: Float64Array.from(values) }));
  return { rowCount: columns[0].kind === 'numeric' ? columns[0].values.length : 0, columns };
}

/** A long table with one row per counted observation of a count matrix (columns `row` and `col`). */
export function tableFromCounts(counts: { rows: string[]; cols: string[]; matrix: number[][] }): Table {
  const row: string[] = [];
  const col: string[] = [];
  counts.matrix.forEach((r, i) =>
    r.forEach((count, j) => {
      for (let k = 0; k < count; k++) {
        row.push(counts.rows[i]);
        col.push(counts.cols[j]);
      }
    }),
  );
  return {
    rowCount: row.length,
    columns: [
      { name: 'row', kind: 'categorical', values: row },
      { name: 'col', kind: 'categorical', values: col },
    ],
  };
}

/** The table of a fixture case. */
export function tableOf(c: FixtureCase): Table {
  if (c.dataset) return readTable(c.dataset);
  if (c.counts) return tableFromCounts(c.counts);
  if (c.data) return tableFromVectors(c.data);
  throw new Error(`case ${c.id} has no data`);
}

/** The options of a fixture case in Inferra's terms. */
export function optionsOf(c: FixtureCase): Partial<AnalysisOptions> {
  const o = c.options;
  const out: Partial<AnalysisOptions> = {};
  if (typeof o.alternative === 'string') out.alternative = o.alternative as AnalysisOptions['alternative'];
  if (typeof o.conf_level === 'number') out.confLevel = o.conf_level;
  if (o.exact !== undefined) out.exact = o.exact as AnalysisOptions['exact'];
  if (typeof o.correct === 'boolean') out.correct = o.correct;
  if (o.center === 'median' || o.center === 'mean') out.center = o.center;
  return out;
}

/** The fixture cases of these analyses. */
export function casesOf(ids: readonly string[]): FixtureCase[] {
  return fixtures.cases.filter((c) => ids.includes(c.analysis));
}

/** Run a fixture case as the CLI would; `r` is its result with the contract's snake_case keys. */
export function runCase(c: FixtureCase): { outcome: ComputedOutcome; r: Record<string, unknown> } {
  const outcome = runAnalysis(buildRequest(c.analysis, c.roles, optionsOf(c)), tableOf(c));
  return { outcome, r: snakeKeys(outcome.result) as Record<string, unknown> };
}

/** A fixture number ("Inf"/"-Inf" stand for infinities). */
export function fixtureNumber(v: unknown): number {
  if (v === 'Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  assert.equal(typeof v, 'number', `expected a number in the fixture, got ${JSON.stringify(v)}`);
  return v as number;
}

/** Worst relative error seen per analysis (printed by the tests' `after` hooks). */
export const worstError = new WorstErrors();

/**
 * Asserts |actual - expected| <= rel * |expected| (equality for infinities; p-values below 1e-300 and
 * exact zeros compared absolutely with `abs`), and records the relative error under `analysis`.
 */
export function expectClose(actual: unknown, expected: unknown, where: string, analysis: string, rel = 1e-9, abs = 1e-14): void {
  const e = fixtureNumber(expected);
  assert.equal(typeof actual, 'number', `${where}: expected a number, got ${JSON.stringify(actual)}`);
  const a = actual as number;
  if (!Number.isFinite(e)) {
    assert.equal(a, e, where);
    return;
  }
  if (Math.abs(e) < 1e-300) {
    assert.ok(Math.abs(a - e) <= abs, `${where}: ${a} vs R ${e} (absolute tolerance ${abs})`);
    return;
  }
  worstError.record(analysis, assertClose(a, e, { rel }, where), where);
}

/** Prints the worst relative error per analysis of the given ids. */
export function reportWorstErrors(ids: readonly string[]): void {
  for (const id of ids) {
    const w = worstError.get(id);
    if (w) console.log(`      worst relative error vs R, ${id}: ${w.error.toExponential(2)} (${w.where})`);
  }
}
