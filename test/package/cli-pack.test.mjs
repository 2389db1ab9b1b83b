// The `inferra` command installs on its own: `npm pack` makes a tarball with the CLI's bundles and
// rules (and nothing of the sources or tests), and after `npm install -g` of that tarball into an
// empty prefix the command works, with DuckDB's native binding resolved by npm as for any package.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/package-natives.mjs';

const npm = (args, options = {}) =>
  execFileSync('npm', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32', ...options });

describe('the CLI package (npm pack, npm install -g)', function () {
  let work;
  let tarball;
  let files;
  let inferra;
  let data;

  before(function () {
    work = mkdtempSync(join(tmpdir(), 'inferra-cli-pack-'));
    // `prepack` builds the production bundles first.
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work, '--loglevel=error'], { cwd: ROOT }));
    tarball = join(work, packed.filename);
    files = packed.files.map((f) => f.path).sort();
    const prefix = join(work, 'prefix');
    mkdirSync(prefix);
    npm(['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: work });
    inferra = process.platform === 'win32' ? join(prefix, 'inferra.cmd') : join(prefix, 'bin', 'inferra');
    // A folder outside the repository, so nothing can be found from the source checkout.
    mkdirSync(join(work, 'data'));
    data = join(work, 'data', 'penguins.csv');
    copyFileSync(join(ROOT, 'samples', 'penguins.csv'), data);
  });

  after(function () {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('packs the command, its bundles and rules, and no sources, tests or source maps', function () {
    for (const needed of ['package.json', 'bin/inferra.js', 'dist/cli.mjs', 'dist/worker.mjs', 'dist/report.mjs', 'rules/rules.schema.json', 'LICENSE', 'README.md']) {
      assert.ok(files.includes(needed), `${needed} is not in the package`);
    }
    // Every chunk the build split the command and the worker into (a missing one fails only at run time).
    for (const chunk of readdirSync(join(ROOT, 'dist')).filter((f) => /^(cli|worker)-.+\.mjs$/.test(f))) {
      assert.ok(files.includes(`dist/${chunk}`), `dist/${chunk} is not in the package`);
    }
    const unwanted = files.filter((f) => /\.(ts|map)$/.test(f) || /^(kernel|extension|renderers|test|bench|scripts|supabase|samples|\.ci)\//.test(f));
    assert.deepEqual(unwanted, []);
  });

  it('describes a CSV file with the installed command', function () {
    const out = execFileSync(inferra, ['describe', data, '--json'], { cwd: work, encoding: 'utf8', shell: process.platform === 'win32' });
    const described = JSON.parse(out);
    assert.equal(described.name, 'penguins.csv');
    assert.equal(described.rows, 344);
    assert.deepEqual(described.columns.map((c) => c.name), ['species', 'island', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex', 'year']);
    assert.equal(described.columns.find((c) => c.name === 'sex').missing, 11);
  });

  it('runs an analysis in the statistics worker with the installed command', function () {
    const out = execFileSync(inferra, ['analyze', data, '--analysis', 'ttest_welch', '--outcome', 'flipper_length_mm', '--group', 'sex', '--json'], {
      cwd: work,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    const run = JSON.parse(out);
    assert.equal(run.status, 'ok');
    assert.equal(run.analysis, 'ttest_welch');
    assert.equal(run.n, 333);
    // Welch's t(325.28) = -4.81, as the README quotes it.
    assert.equal(run.result.df.toFixed(2), '325.28');
    assert.equal(run.result.statistic.toFixed(2), '-4.81');
  });
});
