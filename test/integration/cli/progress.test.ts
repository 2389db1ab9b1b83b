/**
 * Progress of a long load and analysis from the worker to the terminal (#17): the CLI on a
 * table of PROGRESS_ROWS rows and more, with the one-second delay set to 0 (INFERRA_PROGRESS_DELAY_MS)
 * so that the test does not depend on how fast the machine is. stderr is a pipe here: progress shows
 * only with --progress, one line per step, in the worker's order; stdout stays one JSON document.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROGRESS_ROWS } from '../../../kernel/data/index.js';
import { runInferra } from '../../support/cli.js';

describe('cli: progress of a long load and analysis on stderr', function () {
  this.timeout(300000);
  let dir: string;
  let csv: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'inferra-progress-'));
    csv = join(dir, 'big.csv');
    const rows = ['y,g'];
    for (let i = 0; i < PROGRESS_ROWS + 1000; i++) rows.push(`${(i * 7919) % 1009},${i % 2 ? 'a' : 'b'}`);
    writeFileSync(csv, `${rows.join('\n')}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const args = () => ['analyze', csv, '--analysis', 'ttest_welch', '--outcome', 'y', '--group', 'g', '--json'];

  /** Asserts that each pattern matches a line of stderr after the previous one's. */
  function assertInOrder(stderr: string, order: RegExp[]): void {
    const lines = stderr.split('\n').filter(Boolean);
    let at = -1;
    for (const pattern of order) {
      const found = lines.findIndex((l, i) => i > at && pattern.test(l));
      assert.ok(found > at, `${pattern} after line ${at} in:\n${stderr}`);
      at = found;
    }
  }

  it('--progress: a planned analysis (computed in DuckDB): the analysis, the check and the figure, in order; stdout is the JSON result', async () => {
    const run = await runInferra([...args(), '--progress'], { env: { INFERRA_PROGRESS_DELAY_MS: '0' } });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).status, 'ok');
    assertInOrder(run.stderr, [/^Running ttest welch on 201\.0 k rows/, /^Checking for a grouping/, /^Drawing the figure/]);
    assert.ok(!run.stderr.includes('\x1b['), 'no escape codes when stderr is not a terminal');
  });

  it('--progress: an analysis that reads the rows: the load (rows read), then the analysis and the figure', async () => {
    const run = await runInferra(['analyze', csv, '--analysis', 'tukey_hsd', '--outcome', 'y', '--group', 'g', '--json', '--progress'], { env: { INFERRA_PROGRESS_DELAY_MS: '0' } });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).status, 'ok');
    assertInOrder(run.stderr, [/^Loading 201\.0 k rows\.\.\. \(0%\)/, /^Loading 201\.0 k rows: .* read\.\.\. \(\d+%\)/, /^Running tukey hsd on 201\.0 k rows/, /^Drawing the figure/]);
  });

  it('without --progress and without a terminal: nothing on stderr', async () => {
    const run = await runInferra(args(), { env: { INFERRA_PROGRESS_DELAY_MS: '0' } });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.equal(JSON.parse(run.stdout).status, 'ok');
  });
});
