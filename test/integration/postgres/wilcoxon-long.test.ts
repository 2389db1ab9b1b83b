/**
 * Wilcoxon signed-rank on paired data in long format (outcome, condition, pair id) where the data
 * live (#17): the pairing checked in the engine, differences per pair in SQL, signed ranks by window
 * functions. Against R (test/reference/r/generate_wilcoxon_long.R: wilcox.test(paired = TRUE) on the
 * pairs matched by id; shuffled rows, text and numeric ids, a numeric condition, a third condition left
 * out by --levels, missing values, ties and zeros, more pairs than the check sample), on the file path,
 * the plan on DuckDB and the plan on PostgreSQL (127.0.0.1:5432, skipped with the reason when it cannot
 * be reached); the plan also equals the file path to 1e-12. Pairings that break are refused with the
 * file path's error.
 */
import assert from 'node:assert/strict';
import { POSTGRES_BASE, useScratch, writeFixtureCsv, type Scratch } from './scratch.js';
import { runPlannedAnalysis } from '../../../kernel/analyses/planned/index.js';
import { columnsForAnalysis, runAnalysis, type ComputedOutcome } from '../../../kernel/analyses/run.js';
import { duckdbEngine, fileRelation } from '../../../kernel/data/plan/duckdb-engine.js';
import { loadTable } from '../../../kernel/data/load.js';
import { withDatabaseTable } from '../../../kernel/data/postgres/index.js';
import type { AnalysisId, AnalysisRequest } from '../../../kernel/types.js';
import { loadFileIntoPostgres } from '../../../scripts/load-sample-postgres.js';
import { buildRequest, readReference } from '../../support/fixtures.js';
import { expectClose, type FixtureCase } from '../../unit/analyses/comparison-helpers.js';

const fixture = readReference<{ rVersion: string; cases: FixtureCase[] }>('wilcoxon_long.json');
const FIELDS = ['statistic', 'pValue', 'rankBiserial', 'estimate', 'ciLow', 'ciHigh', 'confLevel', 'n', 'nZero'];

type Request = AnalysisRequest & { analysis: AnalysisId };
type Planned = (csv: string, request: Request, name: string) => Promise<ComputedOutcome>;

let scratch: Scratch;

async function fromFile(csv: string, request: Request): Promise<ComputedOutcome> {
  const { table } = await loadTable(csv, { columns: columnsForAnalysis(request), where: request.options.where });
  return runAnalysis(request, table);
}

/** R's numbers (1e-9 relative, as CONTRACT.md promises), n (pairs) and the missing rows. */
function assertAsR(out: ComputedOutcome, c: FixtureCase, label: string): void {
  const expected = c.expected as Record<string, unknown>;
  assert.equal(out.result.method, expected.method, `${label}: method`);
  for (const field of FIELDS) if (field in expected) expectClose(out.result[field], expected[field], { rel: 1e-9 }, `${label}.${field}`, 'wilcoxon long');
  assert.equal(out.n, expected.pairs, `${label}: pairs`);
  assert.equal(out.nMissing, expected.nMissing, `${label}: missing rows`);
}

/** The plan against the file path: numbers to 1e-12, everything else equal. */
function assertAsFile(planned: ComputedOutcome, file: ComputedOutcome, label: string): void {
  for (const field of FIELDS) {
    const a = planned.result[field] as number | null;
    const b = file.result[field] as number | null;
    if (a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)))) continue;
    assert.fail(`${label}.${field}: ${a} vs ${b}`);
  }
  assert.equal(planned.summary, file.summary, `${label}: the APA sentence`);
  assert.deepEqual(planned.dropped, file.dropped, `${label}: dropped rows`);
  assert.deepEqual(planned.warnings, file.warnings, `${label}: warnings`);
  assert.deepEqual(
    planned.assumptions.map((a) => [a.check, a.target, a.ok]),
    file.assumptions.map((a) => [a.check, a.target, a.ok]),
    `${label}: checks`,
  );
}

/** Error cases: a pairing that breaks, and a condition with three levels and no --levels. */
const BROKEN: { id: string; rows: [number | null, string, string][]; code: string }[] = [
  { id: 'duplicate', rows: [[1, 'a', 's1'], [2, 'b', 's1'], [3, 'a', 's2'], [4, 'b', 's2'], [5, 'a', 's2'], [6, 'a', 's3'], [7, 'b', 's3']], code: 'not-paired' },
  { id: 'unmatched', rows: [[1, 'a', 's1'], [2, 'b', 's1'], [3, 'a', 's2'], [4, 'b', 's3'], [5, 'a', 's4'], [6, 'b', 's4']], code: 'not-paired' },
  { id: 'three-levels', rows: [[1, 'a', 's1'], [2, 'b', 's1'], [3, 'c', 's1'], [4, 'a', 's2'], [5, 'b', 's2'], [6, 'c', 's2']], code: 'wrong-level-count' },
];

describe(`Wilcoxon signed-rank in long format where the data live, against ${fixture.rVersion}`, function () {
  this.timeout(600_000);
  const loaded = new Map<string, string>();
  scratch = useScratch('srlong');

  const onDuck: Planned = async (csv, request) => {
    const file = await fileRelation(csv, columnsForAnalysis(request), request.options.where);
    return (await runPlannedAnalysis(request, { engine: duckdbEngine(), relation: file.relation, kinds: file.kinds })).computed;
  };
  const onPostgres: Planned = async (csv, request, name) => {
    if (!loaded.has(csv)) {
      const locator = `${POSTGRES_BASE}?table=${scratch.schema}.${name.replace(/[^a-z0-9]/g, '_')}`;
      await loadFileIntoPostgres(csv, locator, { shuffle: 7 });
      loaded.set(csv, locator);
    }
    return withDatabaseTable(loaded.get(csv)!, columnsForAnalysis(request), request.options.where, async (db) => (await runPlannedAnalysis(request, db)).computed);
  };

  for (const c of fixture.cases) {
    it(`${c.id}: the file path, the plan on DuckDB and on PostgreSQL give R's numbers`, async function () {
      const csv = await writeFixtureCsv(scratch.folder, c.id, c.data);
      const request = buildRequest(c.analysis, c.roles, c.options);
      const file = await fromFile(csv, request);
      assertAsR(file, c, `${c.id} (file)`);
      const duck = await onDuck(csv, request, c.id);
      assertAsR(duck, c, `${c.id} (DuckDB)`);
      assertAsFile(duck, file, `${c.id} (DuckDB)`);
      if (!scratch.admin) {
        console.log(`      (PostgreSQL skipped: ${scratch.reason})`);
        return;
      }
      const postgres = await onPostgres(csv, request, c.id);
      assertAsR(postgres, c, `${c.id} (PostgreSQL)`);
      assertAsFile(postgres, file, `${c.id} (PostgreSQL)`);
      assert.deepEqual(postgres.result, duck.result, `${c.id}: PostgreSQL and DuckDB give the same result`);
    });
  }

  for (const b of BROKEN) {
    it(`a broken design (${b.id}) is refused as the file path refuses it: ${b.code}`, async () => {
      const csv = await writeFixtureCsv(scratch.folder, `broken-${b.id}`, [
        // Scores with decimals: a column of a few consecutive integers would be read as codes, not a measurement.
        { name: 'score', kind: 'numeric', values: b.rows.map((r) => (r[0] === null ? null : r[0] * 1.37)) },
        { name: 'cond', kind: 'categorical', values: b.rows.map((r) => r[1]) },
        { name: 'subject', kind: 'categorical', values: b.rows.map((r) => r[2]) },
      ]);
      const request = buildRequest('wilcoxon_signed_rank', { outcome: 'score', group: 'cond', pairId: 'subject' });
      const expected = await fromFile(csv, request).then(
        () => assert.fail('the file path accepted it'),
        (error: { code: string; message: string }) => error,
      );
      assert.equal(expected.code, b.code);
      const engines: [string, Planned][] = [['DuckDB', onDuck], ...(scratch.admin ? [['PostgreSQL', onPostgres] as [string, Planned]] : [])];
      for (const [name, run] of engines) {
        await run(csv, request, `broken_${b.id}`).then(
          () => assert.fail(`${name} accepted it`),
          (error: { code: string; message: string }) => {
            assert.equal(error.code, b.code, `${name}: ${error.message}`);
            assert.equal(error.message, expected.message, name);
          },
        );
      }
    });
  }
});
