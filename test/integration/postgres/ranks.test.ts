/**
 * The rank tests computed where the data lives (kernel/analyses/planned/ranks.ts) against the file path
 * (rows in memory, tested against R in test/unit/analyses/rank-tests.test.ts and correlation.test.ts):
 * on the datasets of the R fixtures (ties, zeros, missing values, exact and approximate p-values), plus
 * penguins with `--where` and `--levels` (the long-format Wilcoxon case included), the plan on DuckDB (the CSV) and on PostgreSQL (127.0.0.1:5432,
 * skipped with the reason when it cannot be reached) gives the file path's numbers to 1e-12 relative.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { POSTGRES_BASE, useScratch, writeFixtureCsv, type Scratch } from './scratch.js';
import { runPlannedAnalysis } from '../../../kernel/analyses/planned/index.js';
import { runRankAnalysis } from '../../../kernel/analyses/planned/ranks.js';
import { runAnalysis, columnsForAnalysis, type ComputedOutcome } from '../../../kernel/analyses/run.js';
import { duckdbEngine, fileRelation } from '../../../kernel/data/plan/duckdb-engine.js';
import { loadTable } from '../../../kernel/data/load.js';
import { computeKendall, computeKendallTau } from '../../../kernel/analyses/correlation/kendall.js';
import { withDatabaseTable } from '../../../kernel/data/postgres/index.js';
import type { AnalysisId, AnalysisOptions, AnalysisRequest, Roles } from '../../../kernel/types.js';
import { loadFileIntoPostgres } from '../../../scripts/load-sample-postgres.js';
import { buildRequest } from '../../support/fixtures.js';
import { assertNoNaNInTables, fixture } from '../../unit/analyses/comparison-helpers.js';
import { casesOf, optionsOf } from '../../unit/analyses/associations-helpers.js';
import { createRandom } from '../../../kernel/figures/random.js';

/** Relative tolerance of the plan (DuckDB, PostgreSQL) against the file path. */
const TOLERANCE = 1e-12;

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const penguins = join(ROOT, 'samples/penguins.csv');

interface Case {
  id: string;
  csv: () => Promise<string>;
  request: AnalysisRequest & { analysis: AnalysisId };
}

let scratch: Scratch;

const RANK_TESTS = new Set(['mann_whitney', 'wilcoxon_signed_rank', 'kruskal_wallis']);

function allCases(): Case[] {
  const out: Case[] = [];
  for (const c of fixture.cases.filter((x) => RANK_TESTS.has(x.analysis))) {
    out.push({ id: c.id, csv: () => writeFixtureCsv(scratch.folder, c.id, c.data), request: buildRequest(c.analysis, c.roles, c.options) });
  }
  for (const c of casesOf(['spearman', 'kendall'])) {
    const csv = c.dataset
      ? async () => join(ROOT, c.dataset!)
      : () => writeFixtureCsv(scratch.folder, c.id, Object.entries(c.data!).map(([name, values]) => ({ name, values })));
    out.push({ id: c.id, csv, request: buildRequest(c.analysis, c.roles, optionsOf(c)) });
  }
  const p = async () => penguins;
  const extra: [AnalysisId, Roles, Partial<AnalysisOptions>][] = [
    ['mann_whitney', { outcome: 'bill_length_mm', group: 'species' }, { levels: ['Gentoo', 'Adelie'], mu: 8.5, where: [{ column: 'year', op: '!=', value: '2008' }] }],
    ['mann_whitney', { outcome: 'body_mass_g', group: 'sex' }, { exact: true, levels: ['female', 'male'], where: [{ column: 'island', op: '=', value: 'Torgersen' }] }],
    ['kruskal_wallis', { outcome: 'body_mass_g', group: 'island' }, {}],
    ['kruskal_wallis', { outcome: 'flipper_length_mm', group: 'year' }, { levels: ['2009', '2007'] }],
    ['wilcoxon_signed_rank', { before: 'bill_length_mm', after: 'bill_depth_mm' }, { mu: 25, alternative: 'less' }],
    ['spearman', { x: 'bill_length_mm', y: 'body_mass_g' }, { where: [{ column: 'sex', op: '=', value: 'male' }] }],
    ['kendall', { x: 'flipper_length_mm', y: 'body_mass_g' }, { alternative: 'greater' }],
  ];
  for (const [i, [analysis, roles, options]] of extra.entries()) out.push({ id: `penguins-${i}-${analysis}`, csv: p, request: buildRequest(analysis, roles, options) });
  return out;
}

/** The largest relative difference between the numbers of two JSON values, and the paths of other differences. */
function compare(a: unknown, b: unknown, path = ''): { worst: number; other: string[] } {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return { worst: 0, other: [] };
    return { worst: Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)), other: [] };
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    let worst = 0;
    const other: string[] = [];
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const inner = compare((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      worst = Math.max(worst, inner.worst);
      other.push(...inner.other);
    }
    return { worst, other };
  }
  return { worst: 0, other: a === b ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`] };
}

/** What the analysis computes (not figures or provenance). */
function numbersOf(o: ComputedOutcome) {
  return { n: o.n, nMissing: o.nMissing, dropped: o.dropped, result: o.result, tables: o.tables, assumptions: o.assumptions, warnings: o.warnings };
}

/** Asserts the plan's outcome equals the file path's to TOLERANCE (the sentence exactly). */
function assertSame(file: ComputedOutcome, planned: ComputedOutcome, label: string): number {
  const { worst, other } = compare(numbersOf(file), numbersOf(planned));
  assert.deepEqual(other, [], `${label}: differences other than rounding`);
  assert.ok(worst <= TOLERANCE, `${label}: worst relative difference ${worst}`);
  assert.equal(planned.summary, file.summary, `${label}: the APA sentence`);
  return worst;
}

/** The file path: the columns loaded into memory, then the analysis. */
async function runFromFile(csv: string, request: AnalysisRequest & { analysis: AnalysisId }): Promise<ComputedOutcome> {
  const { table } = await loadTable(csv, { columns: columnsForAnalysis(request), where: request.options.where });
  return runAnalysis(request, table);
}

describe('rank tests in the engine (DuckDB, PostgreSQL) give the file path numbers', function () {
  this.timeout(600_000);
  const cases = allCases();
  scratch = useScratch('ranks');

  it(`on DuckDB (a CSV through fileRelation): every case to ${TOLERANCE} relative`, async () => {
    let worstOverall = 0;
    for (const c of cases) {
      const csv = await c.csv();
      const file = await fileRelation(csv, columnsForAnalysis(c.request), c.request.options.where);
      const planned = () => runPlannedAnalysis(c.request, { engine: duckdbEngine(), relation: file.relation, kinds: file.kinds });
      const onDuck = await planned().catch((error: Error) => assert.fail(`${c.id}: ${error.message}`));
      const fromFile = await runFromFile(csv, c.request);
      worstOverall = Math.max(worstOverall, assertSame(fromFile, onDuck.computed, c.id));
    }
    console.log(`      ${cases.length} cases; worst relative difference file path vs plan on DuckDB: ${worstOverall.toExponential(2)}`);
  });

  it(`on PostgreSQL (a table of each CSV): every case to ${TOLERANCE} relative`, async function () {
    if (!scratch.admin) {
      console.log(`      (skipped: PostgreSQL at 127.0.0.1:5432 is not reachable: ${scratch.reason})`);
      this.skip();
    }
    let worstOverall = 0;
    const loaded = new Map<string, string>();
    for (const [i, c] of cases.entries()) {
      const csv = await c.csv();
      if (!loaded.has(csv)) {
        const locator = `${POSTGRES_BASE}?table=${scratch.schema}.t${i}`;
        await loadFileIntoPostgres(csv, locator);
        loaded.set(csv, locator);
      }
      const locator = loaded.get(csv)!;
      const planned = () => withDatabaseTable(locator, columnsForAnalysis(c.request), c.request.options.where, (db) => runPlannedAnalysis(c.request, db));
      const onPostgres = await planned().catch((error: Error) => assert.fail(`${c.id}: ${error.message}`));
      worstOverall = Math.max(worstOverall, assertSame(await runFromFile(csv, c.request), onPostgres.computed, c.id));
    }
    console.log(`      ${cases.length} cases; worst relative difference file path vs plan on PostgreSQL: ${worstOverall.toExponential(2)}`);
  });

  it('Kendall at 200,000 rows: the engine\'s sorted pairs give the in-memory result; Knight\'s count equals the O(n^2) count on 2,000 rows', async () => {
    // Deterministic data with ties in x, in y and in both (a seeded generator), and some missing values.
    const random = createRandom(2026);
    const rows = 200_000;
    const x: (number | null)[] = [];
    const y: (number | null)[] = [];
    for (let i = 0; i < rows; i++) {
      const u = random();
      x.push(random() < 0.01 ? null : Math.round(u * 3000) / 10);
      y.push(Math.round((u * 50 + random() * 40) * 100) / 100);
    }
    const csv = await writeFixtureCsv(scratch.folder, 'kendall-200k', [
      { name: 'x', values: x },
      { name: 'y', values: y },
    ]);
    const request = buildRequest('kendall', { x: 'x', y: 'y' }, {});
    const complete = x.flatMap((v, i) => (v === null ? [] : [i]));
    const inMemory = computeKendall(
      complete.map((i) => x[i]!),
      complete.map((i) => y[i]!),
      'two-sided',
      'auto',
    );
    const file = await fileRelation(csv, ['x', 'y'], []);
    const onDuck = await runPlannedAnalysis(request, { engine: duckdbEngine(), relation: file.relation, kinds: file.kinds });
    const result = onDuck.computed.result as unknown as { estimate: number; statistic: number; pValue: number; n: number };
    assert.equal(result.n, complete.length);
    assert.equal(result.estimate, inMemory.estimate);
    assert.equal(result.statistic, inMemory.statistic);
    assert.equal(result.pValue, inMemory.pValue);
    if (scratch.admin) {
      const locator = `${POSTGRES_BASE}?table=${scratch.schema}.kendall200k`;
      await loadFileIntoPostgres(csv, locator);
      const onPostgres = await withDatabaseTable(locator, ['x', 'y'], [], (db) => runPlannedAnalysis(request, db));
      assert.deepEqual(onPostgres.computed.result, onDuck.computed.result);
    }
    // The O(n^2) definition on a subset: S = sum of sign products, tau-b = S / sqrt(n0 - n1) sqrt(n0 - n2).
    const subset = complete.slice(0, 2000);
    const xs = subset.map((i) => x[i]!);
    const ys = subset.map((i) => y[i]!);
    let score = 0;
    let untiedX = 0;
    let untiedY = 0;
    for (let i = 0; i < xs.length; i++) {
      for (let j = i + 1; j < xs.length; j++) {
        const sx = Math.sign(xs[i] - xs[j]);
        const sy = Math.sign(ys[i] - ys[j]);
        score += sx * sy;
        if (sx !== 0) untiedX++;
        if (sy !== 0) untiedY++;
      }
    }
    assert.ok(untiedX < (2000 * 1999) / 2 && untiedY < (2000 * 1999) / 2, 'the subset has ties in x and in y');
    // Exact integers on both sides, so the same double.
    assert.equal(computeKendallTau(xs, ys), score / (Math.sqrt(untiedX) * Math.sqrt(untiedY)));
  });

  it('says so when the Hodges-Lehmann estimate is not computed (above its limit), never dropping it silently', async () => {
    for (const [analysis, roles] of [
      ['mann_whitney', { outcome: 'body_mass_g', group: 'sex' }],
      ['wilcoxon_signed_rank', { column: 'bill_length_mm' }],
    ] as [AnalysisId, Roles][]) {
      const request = buildRequest(analysis, roles, { mu: analysis === 'mann_whitney' ? 0 : 44 });
      const file = await fileRelation(penguins, columnsForAnalysis(request), []);
      const ctx = { engine: duckdbEngine(), relation: file.relation, kinds: file.kinds };
      const full = (await runRankAnalysis(request, ctx, analysis as 'mann_whitney')).computed;
      const limited = (await runRankAnalysis(request, ctx, analysis as 'mann_whitney', 100)).computed;
      const r = limited.result as unknown as { estimate: number; ciLow: number; ciHigh: number; statistic: number; pValue: number };
      assert.ok(Number.isNaN(r.estimate) && Number.isNaN(r.ciLow) && Number.isNaN(r.ciHigh), `${analysis}: no estimate`);
      assert.equal(r.statistic, (full.result as unknown as { statistic: number }).statistic, `${analysis}: the test runs on every row`);
      assert.equal(r.pValue, (full.result as unknown as { pValue: number }).pValue);
      assert.ok(limited.warnings.some((w) => /not computed for a table this large/.test(w)), `${analysis}: the warning says why`);
      assert.ok(!limited.warnings.some((w) => /all observations are tied/.test(w)), `${analysis}: no misleading warning`);
      assertNoNaNInTables(limited.tables);
      console.log(`      ${analysis}: ${limited.summary}`);
    }
  });
});
