/**
 * Analyses computed in PostgreSQL through the aggregate plan, against the real server at
 * 127.0.0.1:5432 (skipped, with the reason, when it cannot be reached). Each run creates its own
 * schema (a unique name) holding samples/penguins.csv, a shuffled copy of it, and drops it afterwards.
 *
 * - every routed analysis gives the CSV's numbers (today's in-memory path) to 1e-12 relative;
 * - the plan on DuckDB (the CSV) and on PostgreSQL gives bit-identical results;
 * - the same table in another row order gives bit-identical results;
 * - `verify` reports data-changed after an UPDATE;
 * - an analysis not on the plan, a bad locator and a wrong port are clear errors.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runPlannedAnalysis } from '../../../kernel/analyses/planned/index.js';
import { duckdbEngine, fileRelation } from '../../../kernel/data/plan/duckdb-engine.js';
import { buildRelation } from '../../../kernel/data/plan/relation.js';
import { postgresDialect } from '../../../kernel/data/plan/dialect.js';
import { withDatabaseTable } from '../../../kernel/data/postgres/index.js';
import { parsePostgresLocator } from '../../../kernel/data/postgres/locator.js';
import { describeTable, fromTable, postgresEngine } from '../../../kernel/data/postgres/source.js';
import { connect } from '../../../kernel/data/postgres/connect.js';
import { newNotebook } from '../../../kernel/notebook/index.js';
import { NotebookSession } from '../../../kernel/session/index.js';
import { DEFAULT_OPTIONS, type AnalysisId, type AnalysisOptions, type AnalysisRequest, type Roles } from '../../../kernel/types.js';
import { loadFileIntoPostgres } from '../../../scripts/load-sample-postgres.js';
import { rejectsWithCode } from '../../unit/data/helpers.js';

const csv = fileURLToPath(new URL('../../../samples/penguins.csv', import.meta.url));
const schema = `inferra_sql_${process.pid}_${randomBytes(3).toString('hex')}`;
const base = 'postgres://postgres@127.0.0.1:5432/test';
const locator = `${base}?table=${schema}.penguins`;
const shuffled = `${base}?table=${schema}.penguins_shuffled`;

/** Relative tolerance of CSV (in-memory, today's path) against PostgreSQL (the plan). */
const TOLERANCE = 1e-12;

const requests: [AnalysisId, Roles, Partial<AnalysisOptions>?][] = [
  ['ttest_welch', { outcome: 'flipper_length_mm', group: 'sex' }],
  ['ttest_welch', { outcome: 'bill_length_mm', group: 'species' }, { levels: ['Adelie', 'Gentoo'], where: [{ column: 'year', op: '!=', value: '2008' }] }],
  ['ttest_ind', { outcome: 'body_mass_g', group: 'sex' }],
  ['ttest_one_sample', { column: 'bill_length_mm' }, { mu: 44, alternative: 'greater' }],
  ['anova_oneway', { outcome: 'flipper_length_mm', group: 'species' }],
  ['welch_anova', { outcome: 'body_mass_g', group: 'island' }],
  ['pearson', { x: 'flipper_length_mm', y: 'body_mass_g' }],
  ['chi2_independence', { row: 'species', col: 'island' }],
  ['chi2_independence', { row: 'sex', col: 'year' }],
  ['describe', {}],
  ['describe', { group: 'species' }],
  ['describe', { column: 'body_mass_g', group: 'sex' }],
  ['ols', { outcome: 'body_mass_g', predictors: ['flipper_length_mm', 'species'] }],
  ['ols', { outcome: 'body_mass_g', predictors: ['flipper_length_mm', 'bill_length_mm', 'bill_depth_mm'] }],
  ['ols', { outcome: 'body_mass_g', predictors: ['flipper_length_mm'] }, { degree: 2 }],
  ['ols', { outcome: 'bill_depth_mm', predictors: ['bill_length_mm'] }, { degree: 3 }],
  ['ols', { outcome: 'bill_depth_mm', predictors: ['bill_length_mm', 'sex', 'island'] }, { where: [{ column: 'year', op: '!=', value: '2009' }] }],
  ['ols', { outcome: 'body_mass_g', predictors: ['flipper_length_mm', 'species'] }, { intercept: false }],
];

const ALL_COLUMNS = ['species', 'island', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex', 'year'];

/** The columns a request reads (describe without a column: all of them). */
function namesOf(analysis: AnalysisId, roles: Roles): string[] {
  const named = Object.values(roles).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v : []));
  return analysis === 'describe' && !roles.column ? ALL_COLUMNS : named;
}

function request(analysis: AnalysisId, roles: Roles, options: Partial<AnalysisOptions> = {}): AnalysisRequest & { analysis: AnalysisId } {
  return { analysis, roles, options: { ...DEFAULT_OPTIONS, ...options } };
}

/** The largest relative difference between the numbers of two JSON values (and the paths of other differences). */
function compare(a: unknown, b: unknown, path = '', scale = 0): { worst: number; other: string[] } {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return { worst: 0, other: [] };
    // Skewness and kurtosis are dimensionless and often near 0, where they are differences of nearly
    // equal sums (the in-memory sums carry ~1e-16 of the sum of |d|^3): relative to max(|a|, |b|, 1).
    // The residuals' excess kurtosis of ols (a check on the sample, fitted in the sample's row order) likewise.
    // A confidence bound near 0 is estimate ± t·SE, a difference: relative to |estimate| (`scale`).
    const floor = /\.(skewness|kurtosis|excessKurtosis)$/.test(path) ? 1 : scale;
    const rel = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
    return { worst: rel, other: [] };
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    let worst = 0;
    const other: string[] = [];
    const estimate = (a as Record<string, unknown>).estimate;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const bound = (key === 'ciLow' || key === 'ciHigh') && typeof estimate === 'number' ? Math.abs(estimate) : 0;
      const inner = compare((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`, bound);
      worst = Math.max(worst, inner.worst);
      other.push(...inner.other);
    }
    return { worst, other };
  }
  return { worst: 0, other: a === b ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`] };
}

/** The parts of an outcome the analysis computes (not figures, warnings on figures, or provenance). */
function numbersOf(outcome: { n: number; nMissing: number; dropped: unknown; result: unknown; tables: unknown; summary: string; assumptions: unknown }) {
  return { n: outcome.n, nMissing: outcome.nMissing, dropped: outcome.dropped, result: outcome.result, tables: outcome.tables, assumptions: outcome.assumptions };
}

describe('PostgreSQL datasets: analyses computed in the database', function () {
  this.timeout(300_000);
  let session: NotebookSession;
  let admin: pg.Client | undefined;

  before(async function () {
    try {
      admin = await connect(parsePostgresLocator(locator));
    } catch (error) {
      console.log(`      (skipped: PostgreSQL at 127.0.0.1:5432 is not reachable: ${(error as Error).message})`);
      this.skip();
    }
    await admin!.query(`CREATE SCHEMA ${schema}`);
    await loadFileIntoPostgres(csv, locator);
    await loadFileIntoPostgres(csv, shuffled, { shuffle: 7 });
    session = new NotebookSession({ author: null });
  });

  after(async () => {
    session?.dispose();
    if (admin) {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  });

  it(`gives the CSV's numbers to ${TOLERANCE} relative for every routed analysis`, async () => {
    let worstOverall = 0;
    for (const [analysis, roles, options] of requests) {
      const r = request(analysis, roles, options);
      const fromFile = await session.runRequest(csv, r);
      const fromDatabase = await session.runRequest(locator, r);
      // The grouping-structure check (checks/structure.ts) reads rows in memory and runs on files
      // only: its table, appended after the analysis' own, is left out of the comparison.
      const own = { ...fromFile, tables: fromFile.tables.slice(0, fromDatabase.tables.length) };
      const { worst, other } = compare(numbersOf(own), numbersOf(fromDatabase));
      assert.deepEqual(other, [], `${analysis}: differences other than rounding`);
      assert.ok(worst <= TOLERANCE, `${analysis}: worst relative difference ${worst}`);
      assert.equal(fromDatabase.summary, fromFile.summary, `${analysis}: the APA sentence`);
      worstOverall = Math.max(worstOverall, worst);
      console.log(`      ${analysis} ${JSON.stringify(roles)}: worst relative difference CSV vs PostgreSQL ${worst.toExponential(2)}`);
    }
    console.log(`      worst over all routed analyses: ${worstOverall.toExponential(2)}`);
  });

  it('gives bit-identical results from the plan on DuckDB (the CSV) and on PostgreSQL', async () => {
    const l = parsePostgresLocator(locator);
    const client = await connect(l);
    try {
      const columns = await describeTable(client, l);
      for (const [analysis, roles, options] of requests) {
        const r = request(analysis, roles, options);
        const names = namesOf(analysis, roles);
        const file = await fileRelation(csv, names, r.options.where);
        const kinds = new Map([...file.kinds].map(([k, v]) => [k, v === 'numeric' ? ('numeric' as const) : ('categorical' as const)]));
        const onDuck = await runPlannedAnalysis(r, { engine: duckdbEngine(), relation: file.relation, kinds, tableColumns: ALL_COLUMNS });
        const relation = buildRelation(postgresDialect, fromTable(l), columns, names, r.options.where, kinds);
        const onPostgres = await runPlannedAnalysis(r, { engine: postgresEngine(client), relation, kinds, tableColumns: ALL_COLUMNS });
        assert.deepEqual(numbersOf(onPostgres.computed), numbersOf(onDuck.computed), analysis);
      }
    } finally {
      await client.end();
    }
  });

  it('gives bit-identical results whatever the order of the rows in the table', async () => {
    for (const [analysis, roles, options] of requests) {
      const r = request(analysis, roles, options);
      const a = await session.runRequest(locator, r);
      const b = await session.runRequest(shuffled, r);
      assert.deepEqual(numbersOf(b), numbersOf(a), analysis);
      assert.equal(b.dataset.rows, a.dataset.rows);
    }
  });

  it("infers the table's schema with the file's classification (kinds, levels, counts)", async () => {
    const fromFile = await session.describeDataset(csv);
    const fromDatabase = await session.describeDataset(locator);
    assert.equal(fromDatabase.format, 'postgres');
    assert.equal(fromDatabase.rows, fromFile.rows);
    const shape = (s: typeof fromFile) => s.columns.map((c) => [c.name, c.kind, c.n, c.missing, c.distinct, c.usableAsGroup, JSON.stringify(c.levels ?? null)]);
    assert.deepEqual(shape(fromDatabase), shape(fromFile));
    for (const [i, c] of fromFile.columns.entries()) {
      if (!c.summary) continue;
      const d = fromDatabase.columns[i].summary!;
      assert.ok(Math.abs(d.mean - c.summary.mean) <= 1e-12 * Math.abs(c.summary.mean) && Math.abs(d.sd - c.summary.sd) <= 1e-12 * c.summary.sd, c.name);
    }
  });

  it('on groups larger than the check sample: plan on DuckDB and PostgreSQL, and both row orders, bit-identical (Levene in the database)', async () => {
    const big = `${schema}.big`;
    // 60,000 rows, two groups of ~30,000 (beyond 4 x 5,000: the sample's prefilter runs), some missing.
    await admin!.query(
      `CREATE TABLE ${big} AS SELECT i, CASE WHEN i % 97 = 0 THEN NULL WHEN i % 2 = 0 THEN 'a' ELSE 'b' END AS g,
         CASE WHEN i % 89 = 0 THEN NULL ELSE ((i::bigint * 7919) % 1000) / 10.0 + (i % 2) * 3 + (i % 7) * 0.01 END::float8 AS x,
         ((i::bigint * 104729) % 997)::float8 AS y FROM generate_series(1, 60000) AS s(i)`,
    );
    await admin!.query(`CREATE TABLE ${big}_shuffled AS SELECT * FROM ${big} ORDER BY md5(i::text)`);
    const folder = await mkdtemp(join(tmpdir(), 'inferra-pg-test-'));
    try {
      const rows = (await admin!.query({ text: `SELECT g, x, y FROM ${big} ORDER BY i`, rowMode: 'array' })).rows as (string | number | null)[][];
      const file = join(folder, 'big.csv');
      await writeFile(file, `g,x,y\n${rows.map((r) => r.map((v) => (v === null ? 'NA' : String(v))).join(',')).join('\n')}\n`);
      const l = parsePostgresLocator(`${base}?table=${big}`);
      const client = await connect(l);
      try {
        const columns = await describeTable(client, l);
        const cases: [AnalysisId, Roles][] = [
          ['ttest_welch', { outcome: 'x', group: 'g' }],
          ['ttest_ind', { outcome: 'x', group: 'g' }],
          ['anova_oneway', { outcome: 'x', group: 'g' }],
          ['welch_anova', { outcome: 'y', group: 'g' }],
          ['ttest_one_sample', { column: 'x' }],
          ['pearson', { x: 'x', y: 'y' }],
          ['ols', { outcome: 'y', predictors: ['x', 'g'] }],
        ];
        for (const [analysis, roles] of cases) {
          const r = request(analysis, roles);
          const names = namesOf(analysis, roles);
          const fromFile = await fileRelation(file, names, []);
          const kinds = new Map([...fromFile.kinds].map(([k, v]) => [k, v === 'numeric' ? ('numeric' as const) : ('categorical' as const)]));
          const onDuck = await runPlannedAnalysis(r, { engine: duckdbEngine(), relation: fromFile.relation, kinds });
          const onPostgres = await runPlannedAnalysis(r, { engine: postgresEngine(client), relation: buildRelation(postgresDialect, fromTable(l), columns, names, [], kinds), kinds });
          assert.deepEqual(numbersOf(onPostgres.computed), numbersOf(onDuck.computed), `${analysis}: DuckDB vs PostgreSQL`);
          assert.ok(onPostgres.sampled, `${analysis}: the checks used a sample`);
          const a = await session.runRequest(`${base}?table=${big}`, r);
          const b = await session.runRequest(`${base}?table=${big}_shuffled`, r);
          assert.deepEqual(numbersOf(b), numbersOf(a), `${analysis}: row order`);
          // Today's in-memory path on the CSV agrees to R's parity tolerance (its sums are not exact).
          const inMemory = await session.runRequest(file, r);
          const { worst } = compare(inMemory.result, a.result);
          if (analysis === 'ols') {
            // Here R² is ~1e-7: the in-memory path's model and term sums of squares are differences of
            // residual sums of squares of ~5e9 (it loses ~1e-6 relative), the plan's are exact. The
            // coefficients agree; each 1-df term's F is its coefficient's t squared in the database.
            type Ols = { coefficients: { term: string; statistic: number }[]; termTests: { term: string; f: number }[] };
            const db = a.result as unknown as Ols;
            const { worst: coefficients } = compare((inMemory.result as unknown as Ols).coefficients, db.coefficients);
            assert.ok(coefficients < 1e-9, `ols coefficients: in-memory vs database ${coefficients}`);
            const t = db.coefficients.find((c) => c.term === 'x')!.statistic;
            const f = db.termTests.find((c) => c.term === 'x')!.f;
            assert.ok(Math.abs(f - t * t) <= 1e-12 * f, `ols: F of x ${f} vs t² ${t * t}`);
          } else {
            assert.ok(worst < 1e-9, `${analysis}: in-memory vs database ${worst}`);
          }
          if (analysis === 'ttest_ind' || analysis === 'anova_oneway') {
            const levene = a.assumptions.find((c) => c.check === 'levene')!;
            const expected = inMemory.assumptions.find((c) => c.check === 'levene')!;
            assert.ok(Math.abs((levene.statistic as number) - (expected.statistic as number)) / (expected.statistic as number) < 1e-9, `${analysis}: Levene in the database`);
          }
        }
      } finally {
        await client.end();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('records the table content hash and the query; verify says data-changed after an UPDATE', async () => {
    const notebook = newNotebook({ title: 'Penguins in PostgreSQL', datasetPath: locator, firstRequest: 'compare flipper_length_mm between sex with a Welch t-test' });
    const cell = notebook.cells.find((c) => c.kind === 'ask')!;
    const run = await session.executeCell(notebook, cell.id);
    assert.equal(run.status, 'ok', run.error?.message);
    notebook.cells[notebook.cells.indexOf(cell)] = run.cell;
    notebook.datasets = run.datasets;
    assert.equal(run.outcome?.analysis, 'ttest_welch');
    const before = await session.verify(notebook);
    assert.deepEqual(before.map((row) => row.status), ['reproduced']);
    const outcome = await session.runRequest(locator, request('ttest_welch', { outcome: 'flipper_length_mm', group: 'sex' }));
    assert.match(outcome.dataset.query ?? '', /FROM "inferra_sql_[^"]+"\."penguins"/);
    await admin!.query(`UPDATE ${schema}.penguins SET flipper_length_mm = flipper_length_mm + 1 WHERE species = 'Gentoo'`);
    const after = await session.verify(notebook);
    assert.deepEqual(after.map((row) => row.status), ['data-changed']);
  });

  it('refuses a collinear ols design in the database as the file path does, naming the dependent term', async () => {
    await admin!.query(`CREATE TABLE ${schema}.collinear AS SELECT body_mass_g, flipper_length_mm, flipper_length_mm * 2 + 1 AS twice, species FROM ${schema}.penguins`);
    const error = await session.runRequest(`${base}?table=${schema}.collinear`, request('ols', { outcome: 'body_mass_g', predictors: ['flipper_length_mm', 'species', 'twice'] })).then(
      () => undefined,
      (e: unknown) => e as { code?: string; message?: string },
    );
    assert.equal(error?.code, 'collinear-predictors');
    assert.match(error?.message ?? '', /'twice'/);
  });

  it('refuses an analysis not on the plan, naming it and suggesting a CSV export', async () => {
    await rejectsWithCode(session.runRequest(locator, request('tukey_hsd', { outcome: 'body_mass_g', group: 'species' })), 'analysis-not-in-database');
  });

  it('refuses unsafe or malformed locators before connecting', async () => {
    for (const bad of [
      `${base}?table=public.penguins;drop table x`,
      `${base}?table=penguins`,
      'postgres://postgres:secret@127.0.0.1:5432/test?table=public.penguins',
      `${base}?table=public.penguins&options=-c`,
    ]) {
      await rejectsWithCode(session.runRequest(bad, request('ttest_welch', { outcome: 'flipper_length_mm', group: 'sex' })), 'database-locator-invalid');
    }
  });

  it('says which server could not be reached, and a missing table by name', async () => {
    await rejectsWithCode(withDatabaseTable('postgres://postgres@127.0.0.1:1/test?table=public.penguins', [], [], async () => undefined), 'database-unreachable');
    await rejectsWithCode(withDatabaseTable(`${base}?table=${schema}.no_such_table`, [], [], async () => undefined), 'table-not-found');
  });
});
