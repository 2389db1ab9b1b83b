/**
 * The one-way repeated-measures ANOVA end to end: `inferra analyze --analysis anova_rm` with the
 * --within and --subject flags (numbers against the R fixtures of rm.json, never typed here), and
 * `inferra run` of a notebook whose plain-language cells the rules send to anova_rm, with the HTML
 * and Word reports.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rm from '../../reference/r/rm.json' with { type: 'json' };
import { ROOT, runInferra } from '../../support/cli.js';

const data = (...parts: string[]) => join(ROOT, 'test', 'reference', 'data', ...parts);
const expected = (id: string): any => (rm.cases as any[]).find((c) => c.id === id).expected;
const close = (actual: number, wanted: number, what: string) => assert.ok(Math.abs(actual - wanted) <= 1e-9 * Math.abs(wanted), `${what}: ${actual} vs R ${wanted}`);

describe('anova_rm from the CLI and a notebook', function () {
  this.timeout(180_000);

  it('analyze --analysis anova_rm --outcome --within --subject gives R numbers, the sentence, the tables and the profile figure', async () => {
    const run = await runInferra(['analyze', data('blind', 'CO2.csv'), '--analysis', 'anova_rm', '--outcome', 'uptake', '--within', 'conc', '--subject', 'Plant', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    const want = expected('rm-co2-uptake-conc');
    for (const key of ['f', 'p_value', 'mauchly_w', 'mauchly_p_value', 'gg_epsilon', 'hf_epsilon', 'p_value_gg', 'p_value_hf', 'eta_squared_generalized']) close(out.result[key], want[key], key);
    assert.equal(out.result.correction, 'greenhouse_geisser');
    assert.match(out.summary, /F\(1\.43, 15\.72\) = 57\.68, p < \.001/);
    assert.deepEqual(out.figures.map((f: any) => f.kind), ['rm_profile']);
    assert.ok(out.assumptions.some((a: any) => a.check === 'mauchly' && a.ok === false));
    const text = await runInferra(['analyze', data('blind', 'CO2.csv'), '--analysis', 'anova_rm', '--outcome', 'uptake', '--within', 'conc', '--subject', 'Plant']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /Sphericity/);
    assert.match(text.stdout, /p \(Greenhouse-Geisser\)/);
  });

  it('drops incomplete subjects with a warning (ChickWeight, five times), and refuses a repeated cell with advice', async () => {
    const run = await runInferra(['analyze', data('blind', 'ChickWeight.csv'), '--analysis', 'anova_rm', '--outcome', 'weight', '--within', 'Time', '--subject', 'Chick', '--levels', '0,6,12,18,21', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    close(out.result.f, expected('rm-chickweight-complete-times').f, 'f');
    assert.ok(out.warnings.some((w: string) => /^5 of 50 subjects/.test(w)), out.warnings.join('\n'));
    const dir = mkdtempSync(join(tmpdir(), 'inferra-rm-'));
    const dup = join(dir, 'dup.csv');
    writeFileSync(dup, 'id,t,y\na,1,2\na,1,3\na,2,3\nb,1,3\nb,2,4\n');
    const bad = await runInferra(['analyze', dup, '--analysis', 'anova_rm', '--outcome', 'y', '--within', 't', '--subject', 'id', '--json']);
    assert.equal(bad.code, 1);
    const error = JSON.parse(bad.stdout);
    assert.equal(error.code, 'REPEATED_CELLS');
    assert.match(error.message, /id a at t = 1\. Average the repeated rows/);
  });

  it('runs a notebook whose plain-language cells reach anova_rm, with the HTML and Word reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inferra-rm-'));
    copyFileSync(data('blind', 'CO2.csv'), join(dir, 'CO2.csv'));
    copyFileSync(data('blind', 'ChickWeight.csv'), join(dir, 'ChickWeight.csv'));
    copyFileSync(data('RoundingTimes.csv'), join(dir, 'RoundingTimes.csv'));
    const cells = [
      { id: 'named', dataset: 'co2', source: 'repeated measures anova of uptake over conc within each plant', analysis: 'anova_rm' },
      { id: 'structure', dataset: 'co2', source: 'compare uptake across conc', analysis: 'anova_rm' },
      { id: 'chicks', dataset: 'chicks', source: 'does weight change over time within each chick', analysis: 'anova_rm' },
      { id: 'formula', dataset: 'rounding', source: 'time ~ method | player_id', analysis: 'anova_rm' },
    ];
    const notebook = {
      format: 'inferra-notebook',
      version: 1,
      datasets: [
        { name: 'co2', path: 'CO2.csv' },
        { name: 'chicks', path: 'ChickWeight.csv' },
        { name: 'rounding', path: 'RoundingTimes.csv' },
      ],
      cells: cells.map(({ id, dataset, source }) => ({ id, kind: 'ask', dataset, source })),
    };
    const nb = join(dir, 'rm.inferra');
    writeFileSync(nb, JSON.stringify(notebook, null, 2));
    const run = await runInferra(['run', nb, '--html', join(dir, 'report.html'), '--docx', join(dir, 'report.docx')]);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    const written = JSON.parse(readFileSync(nb, 'utf8'));
    for (const cell of cells) {
      const stored = written.cells.find((c: any) => c.id === cell.id);
      const item = stored.outputs[0].items[0];
      assert.equal(item.mime, 'application/vnd.inferra.result+json', cell.id);
      assert.equal(item.data.result.analysis, cell.analysis, cell.id);
    }
    const structure = written.cells.find((c: any) => c.id === 'structure').outputs[0].items[0].data;
    close(structure.result.result.p_value_gg, expected('rm-co2-uptake-conc').p_value_gg, 'p_value_gg from the plain request');
    assert.ok(structure.decision.explanation.refinements.some((r: string) => /each of the 12 values of Plant appears once under every level of conc/.test(r)));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(html, /repeated-measures ANOVA/);
    assert.match(html, /Sphericity/);
    assert.ok(existsSync(join(dir, 'report.docx')));
  });
});
