/**
 * Researchers' files through the built CLI: the .xlsx and .sav sample notebooks run headlessly,
 * `--sheet` picks a workbook's sheet, variable labels reach the rules ("by gender" finds Q3,
 * labelled Gender), and unreadable files end with one line that names the file (exit 2).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runInferra } from '../../support/cli.js';

const samples = join(ROOT, 'samples');
const fixtures = join(ROOT, 'test', 'fixtures', 'files');

interface StoredCell {
  id: string;
  kind: string;
  inferra?: { decision?: { roles?: Record<string, unknown>; analysis?: string } };
  outputs?: unknown[];
}

describe('inferra and researchers\' files (.xlsx, .sav)', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'inferra-files-'));
    for (const name of ['survey.sav', 'survey.xlsx', 'survey-spss.inferra', 'survey-excel.inferra']) copyFileSync(join(samples, name), join(dir, name));
  });

  it('runs the SPSS sample notebook headlessly, matching "gender" to Q3 through its label', async () => {
    const run = await runInferra(['run', 'survey-spss.inferra', '--html', 'survey-spss.html'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr + run.stdout, /5 cells ran: 5 ok/);
    const notebook = JSON.parse(readFileSync(join(dir, 'survey-spss.inferra'), 'utf8')) as { cells: StoredCell[] };
    const byGender = notebook.cells.find((c) => c.id === 'score-by-gender')!;
    assert.deepEqual(byGender.inferra?.decision?.roles, { outcome: 'score', group: 'Q3' });
    const satisfaction = notebook.cells.find((c) => c.id === 'satisfaction-by-group')!;
    assert.equal(satisfaction.inferra?.decision?.analysis, 'chi2_independence');
  });

  it('runs the Excel sample notebook headlessly, the dataset entry and a "use ... sheet" cell naming sheets', async () => {
    const run = await runInferra(['run', 'survey-excel.inferra'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr + run.stdout, /5 cells ran: 5 ok/);
    const notebook = JSON.parse(readFileSync(join(dir, 'survey-excel.inferra'), 'utf8')) as { datasets: { name: string; sheet?: string; sha256?: string }[]; cells: StoredCell[] };
    assert.deepEqual(notebook.datasets.map((d) => [d.name, d.sheet]), [['survey', 'Wave 1'], ['survey-Wave-2', 'Wave 2']]);
    // One file, one hash: the sheet is recorded beside it.
    assert.equal(notebook.datasets[0].sha256, notebook.datasets[1].sha256);
    assert.match(JSON.stringify(notebook.cells.find((c) => c.id === 'wave-2')!.outputs), /60 rows|\\"rows\\":60|"rows":60/);
  });

  it('describe --sheet reads the named sheet; describe shows variable labels beside names', async () => {
    const sheet = await runInferra(['describe', join(fixtures, 'survey.xlsx'), '--sheet', 'Wave 2', '--json']);
    assert.equal(sheet.code, 0, sheet.stderr);
    const schema = JSON.parse(sheet.stdout) as { rows: number; sheet: string; format: string };
    assert.deepEqual([schema.rows, schema.sheet, schema.format], [60, 'Wave 2', 'xlsx']);
    const sav = await runInferra(['describe', join(fixtures, 'survey.sav')]);
    assert.equal(sav.code, 0, sav.stderr);
    assert.match(sav.stdout, /Q3 "Gender"\s+categorical\s+n=117\s+missing=3\s+Female \(65\), Male \(52\)/);
  });

  it('ends with one line naming the file, what is wrong and what to do, for a damaged or missing sheet (exit 2)', async () => {
    for (const [args, pattern] of [
      [['describe', join(fixtures, 'truncated.sav')], /truncated\.sav.*cut short/],
      [['describe', join(fixtures, 'corrupt.xlsx')], /corrupt\.xlsx.*not a readable Excel workbook/],
      [['describe', join(fixtures, 'survey.xlsx'), '--sheet', 'Wave 9'], /survey\.xlsx.*no sheet named "Wave 9".*"Wave 1", "Wave 2"/],
    ] as const) {
      const run = await runInferra(args);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, pattern);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    }
  });
});
