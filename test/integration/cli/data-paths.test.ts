/**
 * `inferra run` and `verify` on notebooks someone else wrote (security review H2, M6, L7):
 * - a dataset outside the notebook's folder is not read without --allow-outside-data: the cell
 *   fails naming the path relative to the notebook, the other cells still run, and the CLI's
 *   Supabase tokens never reach the output notebook;
 * - --html and --out never overwrite the notebook or its data (exit 2, files unchanged);
 * - the output notebook holds no absolute path of the user's.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInferra, type CliRun } from '../../support/cli.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const penguins = join(root, 'samples', 'penguins.csv');


function inferra(args: string[], cwd: string, home: string): Promise<CliRun> {
  return runInferra(args, { cwd, env: { HOME: home, INFERRA_SUPABASE_URL: '', INFERRA_SUPABASE_ANON_KEY: '' } });
}

const ACCESS = 'eyJhbGciOiJIUzI1NiJ9.SECRET-ACCESS-TOKEN.sig';
const REFRESH = 'SECRET-REFRESH-TOKEN-4242';

/** A home folder with the CLI's Supabase session and a project folder holding a received notebook. */
function receivedNotebook(): { home: string; proj: string; notebook: string } {
  const home = realpathSync(mkdtempSync(join(tmpdir(), 'inferra-home-')));
  const proj = join(home, 'work', 'proj');
  mkdirSync(proj, { recursive: true });
  mkdirSync(join(home, '.config', 'inferra'), { recursive: true });
  writeFileSync(
    join(home, '.config', 'inferra', 'supabase-session.json'),
    JSON.stringify({ access_token: ACCESS, refresh_token: REFRESH, expires_at: 1790000000, token_type: 'bearer' }),
  );
  copyFileSync(penguins, join(proj, 'penguins.csv'));
  const notebook = join(proj, 'study.inferra');
  writeFileSync(notebook, JSON.stringify({
    format: 'inferra-notebook',
    version: 1,
    metadata: { title: 'Received' },
    datasets: [{ name: 'data', path: '../../.config/inferra/supabase-session.json' }],
    cells: [
      { id: 'a', kind: 'ask', source: 'describe the data' },
      { id: 'b', kind: 'ask', source: 'use penguins.csv' },
      { id: 'c', kind: 'ask', source: 'compare flipper length between sexes' },
    ],
  }));
  return { home, proj, notebook };
}

describe('inferra run/verify: data paths and output targets', function () {
  this.timeout(120_000);

  it('H2: a dataset outside the folder fails its cell (exit 1) and keeps the tokens out of the notebook; other cells run', async () => {
    const { home, proj, notebook } = receivedNotebook();
    const run = await inferra(['run', notebook], proj, home);
    assert.equal(run.code, 1, run.stderr);
    const written = readFileSync(notebook, 'utf8');
    assert.ok(!written.includes('SECRET'), 'no token in the notebook');
    assert.match(run.stderr, /\[FAILED\] a: Dataset '\.\.\/\.\.\/\.config\/inferra\/supabase-session\.json' is outside this notebook's folder/);
    assert.match(run.stderr, /--allow-outside-data/);
    assert.match(run.stderr, /\[ok\] b:/);
    assert.match(run.stderr, /\[ok\] c:/);
    assert.match(run.stdout, /3 cells ran: 2 ok, 1 failed/);
    const cells = JSON.parse(written).cells;
    assert.equal(cells[0].outputs[0].items[0].data.error.code, 'dataset-outside-folder');
    assert.ok(!written.includes(home), 'no absolute path in the notebook');
  });

  it('H2: the same through a symlink in the folder, and for verify; --allow-outside-data reads it (the user consented)', async () => {
    const { home, proj, notebook } = receivedNotebook();
    const linked = join(proj, 'linked.inferra');
    symlinkSync(join(home, '.config', 'inferra', 'supabase-session.json'), join(proj, 'data.json'));
    writeFileSync(linked, JSON.stringify({
      format: 'inferra-notebook', version: 1, metadata: {}, datasets: [{ name: 'data', path: 'data.json' }],
      cells: [{ id: 'a', kind: 'ask', source: 'describe the data' }],
    }));
    const refused = await inferra(['run', linked], proj, home);
    assert.equal(refused.code, 1);
    assert.ok(!readFileSync(linked, 'utf8').includes('SECRET'));
    assert.match(refused.stderr, /Dataset 'data\.json' is outside this notebook's folder/);

    const allowed = await inferra(['run', notebook, '--allow-outside-data'], proj, home);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stderr, /reading \.\.\/\.\.\/\.config\/inferra\/supabase-session\.json \(outside the notebook's folder/);

    const verifyRefused = await inferra(['verify', notebook], proj, home);
    assert.equal(verifyRefused.code, 1);
    assert.match(verifyRefused.stdout, /dataset-outside-folder/);
    assert.match(verifyRefused.stderr, /1 cell\(s\) use a dataset outside the notebook's folder, which was not read\. If you expected that, run again with --allow-outside-data\./);
    const verifyAllowed = await inferra(['verify', notebook, '--allow-outside-data'], proj, home);
    assert.equal(verifyAllowed.code, 0, verifyAllowed.stdout + verifyAllowed.stderr);
    assert.match(verifyAllowed.stdout, /3 reproduced/);
  });

  it('H2: describe on a path the user typed stays allowed', async () => {
    const { home, proj } = receivedNotebook();
    const run = await inferra(['describe', '../../.config/inferra/supabase-session.json', '--json'], proj, home);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).rows, 1);
  });

  it('M6: --html onto the notebook (also as ./ and symlink variants), onto --out or onto a dataset: exit 2, nothing written', async () => {
    const { home, proj, notebook } = receivedNotebook();
    const before = readFileSync(notebook, 'utf8');
    const data = readFileSync(join(proj, 'penguins.csv'), 'utf8');
    symlinkSync(notebook, join(proj, 'alias.inferra'));
    const cases: [string[], RegExp][] = [
      [['run', notebook, '--html', notebook], /--html .* is the notebook itself/],
      [['run', 'study.inferra', '--html', './sub/../study.inferra'], /is the notebook itself/],
      [['run', notebook, '--html', 'alias.inferra'], /is the notebook itself/],
      [['run', notebook, '--out', 'copy.inferra', '--html', './copy.inferra'], /is the output notebook \(--out\)/],
      [['run', notebook, '--html', 'penguins.csv'], /is one of the notebook's datasets/],
    ];
    for (const [args, message] of cases) {
      const run = await inferra(args, proj, home);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.equal(readFileSync(notebook, 'utf8'), before, `${args.join(' ')}: notebook unchanged`);
      assert.equal(readFileSync(join(proj, 'penguins.csv'), 'utf8'), data, `${args.join(' ')}: data unchanged`);
    }
  });

  it('M6: --out onto a dataset or without .inferra: exit 2, the data unchanged', async () => {
    const { home, proj, notebook } = receivedNotebook();
    const data = readFileSync(join(proj, 'penguins.csv'), 'utf8');
    const onData = await inferra(['run', notebook, '--out', join(proj, 'penguins.csv')], proj, home);
    assert.equal(onData.code, 2, onData.stderr);
    assert.match(onData.stderr, /does not end in \.inferra/);
    const renamed = join(proj, 'penguins-data.inferra');
    copyFileSync(join(proj, 'penguins.csv'), renamed);
    writeFileSync(notebook, readFileSync(notebook, 'utf8').replace('use penguins.csv', 'use penguins-data.inferra'));
    // "use" cells name .csv/.json/... files, so a dataset named *.inferra comes from the list.
    const list = JSON.parse(readFileSync(notebook, 'utf8'));
    list.datasets.push({ name: 'odd', path: 'penguins-data.inferra' });
    writeFileSync(notebook, JSON.stringify(list));
    const onNamedData = await inferra(['run', notebook, '--out', './penguins-data.inferra'], proj, home);
    assert.equal(onNamedData.code, 2, onNamedData.stderr);
    assert.match(onNamedData.stderr, /is one of the notebook's datasets/);
    assert.equal(readFileSync(renamed, 'utf8'), data);
    assert.equal(readFileSync(join(proj, 'penguins.csv'), 'utf8'), data);
  });

  it('L7: a missing dataset is named relative to the notebook; the output notebook holds no absolute path', async () => {
    const { home, proj } = receivedNotebook();
    const notebook = join(proj, 'missing.inferra');
    writeFileSync(notebook, JSON.stringify({
      format: 'inferra-notebook', version: 1, metadata: {}, datasets: [{ name: 'missing', path: 'missing.csv' }],
      cells: [{ id: 'a', kind: 'ask', source: 'describe the data' }],
    }));
    const run = await inferra(['run', notebook], proj, home);
    assert.equal(run.code, 1);
    const written = readFileSync(notebook, 'utf8');
    assert.ok(written.includes("Dataset 'missing.csv' does not exist"), written);
    assert.ok(!written.includes(home), 'no absolute path (home folder) in the notebook');
    assert.ok(!written.includes(proj));
  });
});
