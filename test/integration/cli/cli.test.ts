/**
 * The CLI of CONTRACT.md as a program: exit codes, one JSON document on stdout, error objects,
 * and the headline numbers against R (values read from the R fixtures, never typed here).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import comparisons from '../../reference/r/comparisons.json' with { type: 'json' };
import models from '../../reference/r/models.json' with { type: 'json' };
import { runInferra, type CliRun } from '../../support/cli.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const penguins = join(root, 'samples', 'penguins.csv');


function inferra(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runInferra(args, { env });
}

function json(run: CliRun): any {
  return JSON.parse(run.stdout);
}

function close(actual: number, expected: number, rel: number, what: string) {
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what}: ${actual} vs R ${expected} (rel tol ${rel})`);
}

describe('inferra CLI (CONTRACT.md)', function () {
  this.timeout(60_000);

  it('analyze ttest_welch on penguins matches R to 1e-9 (rows with missing sex dropped)', async () => {
    const run = await inferra(['analyze', penguins, '--analysis', 'ttest_welch', '--outcome', 'flipper_length_mm', '--group', 'sex', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const out = json(run);
    const r = (comparisons.cases as any[]).find((c) => c.id === 'welch-penguins-flipper-sex').expected;
    assert.equal(out.status, 'ok');
    assert.equal(out.analysis, 'ttest_welch');
    assert.deepEqual(out.roles, { outcome: 'flipper_length_mm', group: 'sex' });
    close(out.result.statistic, r.statistic, 1e-9, 't');
    close(out.result.df, r.df, 1e-9, 'df');
    close(out.result.p_value, r.pValue, 1e-9, "p");
    assert.equal(out.n, 333);
    assert.equal(out.n_missing, 11);
    assert.match(out.summary, /^Welch's t\(325\.28\) = −4\.81, p < \.001/);
    assert.ok(out.figures.length >= 1 && out.figures[0].vega_lite.$schema.includes('vega-lite/v6'));
    assert.match(out.provenance.dataset.sha256, /^[0-9a-f]{64}$/);
    assert.match(out.provenance.result_digest, /^[0-9a-f]{64}$/);
  });

  it('analyze ols reproduces R coefficients and R-squared with dummy coding', async () => {
    const run = await inferra(['analyze', penguins, '--analysis', 'ols', '--outcome', 'body_mass_g', '--predictors', 'flipper_length_mm,species', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const out = json(run);
    const r = (models.ols as any[]).find((c) => c.id === 'penguins-mass-flipper-species').expected;
    assert.deepEqual(out.result.coefficients.map((c: any) => c.term), r.coefficients.map((c: any) => c.term));
    for (const [i, c] of r.coefficients.entries()) {
      close(out.result.coefficients[i].estimate, c.estimate, 1e-9, c.term);
      close(out.result.coefficients[i].std_error, c.std_error, 1e-9, `${c.term} se`);
    }
    close(out.result.r_squared, r.r_squared, 1e-9, 'R-squared');
  });

  it('prints exactly one JSON document on stdout and logs on stderr', async () => {
    const run = await inferra(['describe', penguins, '--json']);
    assert.equal(run.code, 0);
    const schema = json(run);
    assert.equal(schema.rows, 344);
    const sex = schema.columns.find((c: any) => c.name === 'sex');
    assert.equal(sex.kind, 'categorical');
    assert.equal(sex.missing, 11);
    assert.equal(schema.columns.find((c: any) => c.name === 'year').usable_as_group, true);
  });

  it('exit 1 with a JSON error object (upper-case code, suggestion) for a misspelt column', async () => {
    const run = await inferra(['analyze', penguins, '--analysis', 'ttest_welch', '--outcome', 'flipper_lenght_mm', '--group', 'sex', '--json']);
    assert.equal(run.code, 1);
    const out = json(run);
    assert.equal(out.status, 'error');
    assert.equal(out.code, 'COLUMN_NOT_FOUND');
    assert.match(out.message, /Did you mean 'flipper_length_mm'\?/);
    assert.doesNotMatch(run.stderr + run.stdout, /at .*\.ts:\d+/, 'no stack trace');
  });

  it('exit 2 for bad usage and unreadable files', async () => {
    assert.equal((await inferra(['analyze', penguins, '--analysis', 'ttest_welsh', '--json'])).code, 2);
    assert.equal((await inferra(['analyze', penguins, '--analysis', 'ttest_welch', '--conf-level', '95', '--json'])).code, 2);
    assert.equal((await inferra(['describe', join(root, 'no-such-file.csv')])).code, 2);
    assert.equal((await inferra(['frobnicate'])).code, 2);
    assert.equal((await inferra([])).code, 2);
    const missing = await inferra(['describe', join(root, 'no-such-file.csv'), '--json']);
    assert.equal(json(missing).code, 'FILE_NOT_FOUND');
  });

  it('decide: exit 0 when decided, 3 with choices when ambiguous', async () => {
    const decided = await inferra(['decide', penguins, '--prompt', 'is flipper length different between male and female penguins?', '--json']);
    assert.equal(decided.code, 0, decided.stderr);
    const d = json(decided);
    assert.equal(d.status, 'decided');
    assert.equal(d.analysis, 'ttest_welch');
    assert.equal(d.source, 'rules');
    assert.deepEqual(d.roles, { outcome: 'flipper_length_mm', group: 'sex' });
    const vague = await inferra(['decide', penguins, '--prompt', 'compare the groups', '--json']);
    assert.equal(vague.code, 3);
    const v = json(vague);
    assert.notEqual(v.status, 'decided');
    assert.ok(Array.isArray(v.alternatives));
  });

  it('ask: decides, runs and draws as a cell would', async () => {
    const run = await inferra(['ask', penguins, '--prompt', 'correlate bill length with bill depth', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const out = json(run);
    assert.equal(out.analysis, 'pearson');
    assert.equal(out.decision.status, 'decided');
    assert.ok(out.figures.length >= 1);
  });

  it('run writes outputs and provenance, verify reproduces, a changed CSV is data-changed, a broken notebook is left as is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inferra-cli-'));
    copyFileSync(join(root, 'samples', 'penguins.inferra'), join(dir, 'penguins.inferra'));
    copyFileSync(penguins, join(dir, 'penguins.csv'));
    const nb = join(dir, 'penguins.inferra');
    const first = await inferra(['run', nb, '--html', join(dir, 'report.html')]);
    assert.equal(first.code, 0, first.stderr);
    const written = JSON.parse(readFileSync(nb, 'utf8'));
    for (const cell of written.cells.filter((c: any) => c.kind === 'ask')) {
      assert.equal(cell.outputs[0].items[0].mime, 'application/vnd.inferra.result+json', cell.id);
      assert.equal(cell.inferra.provenance.length, 1, cell.id);
      assert.equal(cell.execution.success, true, cell.id);
    }
    // The bundle records the exact engine versions (not package.json ranges).
    const environment = written.cells.find((c: any) => c.kind === 'ask').inferra.provenance[0].environment;
    const versionOf = (manifest: string) => JSON.parse(readFileSync(join(root, manifest), 'utf8')).version;
    assert.equal(environment.inferra, versionOf('package.json'));
    assert.equal(environment.stdlib_stats, versionOf('node_modules/@stdlib/stats/package.json'));
    assert.equal(environment.duckdb, versionOf('node_modules/@duckdb/node-api/package.json'));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(html, /<svg/);
    assert.doesNotMatch(html, /<script/);

    // Running again changes nothing but times, the run's id (each run is a run of its own: Supabase keeps
    // one row per run id) and the hashes that cover them; the chain does not grow.
    const before = readFileSync(nb, 'utf8');
    assert.equal((await inferra(['run', nb])).code, 0);
    const after = readFileSync(nb, 'utf8');
    const strip = (t: string) => t.replace(/"(started_at|ended_at|start_time|end_time|duration_ms|hash|run_id)": [^,\n]+/g, '"$1": X');
    assert.equal(strip(after), strip(before));

    const verified = await inferra(['verify', nb]);
    assert.equal(verified.code, 0, verified.stdout);
    assert.match(verified.stdout, /reproduced\s+flipper-by-sex/);

    const history = json(await inferra(['history', nb, '--cell', 'flipper-by-sex', '--json']));
    assert.equal(history.cells.length, 1);

    writeFileSync(join(dir, 'penguins.csv'), `${readFileSync(penguins, 'utf8')}Adelie,Dream,40,18,190,3700,male,2009\n`);
    const changed = await inferra(['verify', nb]);
    assert.equal(changed.code, 1);
    assert.match(changed.stdout, /data-changed/);

    const broken = join(dir, 'broken.inferra');
    const text = before.slice(0, 500);
    writeFileSync(broken, text);
    const failed = await inferra(['run', broken]);
    assert.equal(failed.code, 2);
    assert.match(failed.stderr, /line \d+, column \d+/);
    assert.equal(readFileSync(broken, 'utf8'), text);
  });
});
