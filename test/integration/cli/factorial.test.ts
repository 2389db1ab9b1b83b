/**
 * The factorial designs from the command line and from a notebook: `inferra analyze` with --factors,
 * --ss-type and --covariates (numbers against the R fixtures of factorial.json, never typed here), the
 * errors a researcher gets, and `inferra run` / `inferra verify` of a notebook whose plain-language
 * cells the rules send to anova_factorial and ancova (the pinned decisions keep their factors and covariates).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import factorial from '../../reference/r/factorial.json' with { type: 'json' };
import { ROOT, runInferra } from '../../support/cli.js';

const data = (name: string) => join(ROOT, 'test', 'reference', 'data', name);
const expected = (id: string): any => (factorial.cases as any[]).find((c) => c.id === id).expected;
const close = (actual: number, wanted: number, what: string) => assert.ok(Math.abs(actual - wanted) <= 1e-9 * Math.abs(wanted), `${what}: ${actual} vs R ${wanted}`);

describe('factorial designs from the CLI and a notebook', function () {
  this.timeout(180_000);

  it('analyze runs anova_factorial (type II and III) and ancova with their flags, as R', async () => {
    const runs: [string[], string][] = [
      [[data('warpbreaks_unbalanced.csv'), '--analysis', 'anova_factorial', '--outcome', 'breaks', '--factors', 'wool,tension'], 'unbalanced-warpbreaks-type2'],
      [[data('warpbreaks_unbalanced.csv'), '--analysis', 'anova_factorial', '--outcome', 'breaks', '--factors', 'wool,tension', '--ss-type', '3'], 'unbalanced-warpbreaks-type3'],
      [[data('ToothGrowth.csv'), '--analysis', 'anova_factorial', '--outcome', 'len', '--factors', 'supp,dose'], 'toothgrowth-supp-dose-type2'],
    ];
    for (const [args, id] of runs) {
      const run = await runInferra(['analyze', ...args, '--json']);
      assert.equal(run.code, 0, run.stderr + run.stdout);
      const out = JSON.parse(run.stdout);
      const want = expected(id);
      assert.equal(out.analysis, 'anova_factorial');
      assert.equal(out.result.ss_type, want.ss_type);
      want.terms.forEach((t: any, i: number) => {
        assert.equal(out.result.terms[i].term, t.term);
        for (const k of ['ss', 'f', 'p_value', 'eta_squared_partial', 'eta_squared_partial_ci_high']) close(out.result.terms[i][k], t[k], `${id} ${t.term} ${k}`);
      });
      close(out.result.residual_ss, want.residual_ss, `${id} residual_ss`);
      assert.deepEqual(out.figures.map((f: any) => f.kind), ['interaction']);
      assert.equal(out.tables[0].rows.length, want.terms.length + 1, 'terms and the residual row');
    }
    const ancova = await runInferra(['analyze', data('CO2.csv'), '--analysis', 'ancova', '--outcome', 'uptake', '--group', 'Type', '--covariates', 'conc', '--json']);
    assert.equal(ancova.code, 0, ancova.stderr);
    const out = JSON.parse(ancova.stdout);
    expected('ancova-co2-type-conc').adjusted_means.forEach((m: any, i: number) => {
      assert.equal(out.result.adjusted_means[i].level, m.level);
      for (const k of ['mean', 'se', 'ci_low', 'ci_high']) close(out.result.adjusted_means[i][k], m[k], `adjusted ${m.level} ${k}`);
    });
    close(out.result.slopes_homogeneity_p, expected('ancova-co2-type-conc').slopes_homogeneity_p, 'slopes_homogeneity_p');
    assert.ok(out.tables.some((t: any) => t.title === 'Adjusted means'));
    const text = await runInferra(['analyze', data('warpbreaks.csv'), '--analysis', 'anova_factorial', '--outcome', 'breaks', '--factors', 'wool,tension']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /wool × tension, F\(2, 48\) = 4\.19, p = \.021, ηp² = \.15, 95% CI \[/);
  });

  it('says what is wrong with a bad design or flag, and what to type', async () => {
    const badType = await runInferra(['analyze', data('warpbreaks.csv'), '--analysis', 'anova_factorial', '--outcome', 'breaks', '--factors', 'wool,tension', '--ss-type', '4', '--json']);
    assert.equal(badType.code, 2);
    assert.match(JSON.parse(badType.stdout).message, /ss-type/);
    const empty = await runInferra(['analyze', data('mtcars.csv'), '--analysis', 'anova_factorial', '--outcome', 'mpg', '--factors', 'cyl,vs,am']);
    assert.equal(empty.code, 1);
    assert.match(empty.stderr + empty.stdout, /5 of the 12 combinations of cyl × vs × am have no rows \(cyl = 4, vs = 0, am = 0;/);
    assert.match(empty.stderr + empty.stdout, /--where "COLUMN != LEVEL"/);
    const one = await runInferra(['analyze', data('ToothGrowth.csv'), '--analysis', 'anova_factorial', '--outcome', 'len', '--factors', 'supp', '--json']);
    assert.equal(one.code, 1);
    assert.equal(JSON.parse(one.stdout).code, 'FACTOR_COUNT');
    assert.match(JSON.parse(one.stdout).message, /crosses 2 to 3 factors, but 1 was given \(supp\)/);
    const help = await runInferra(['analyze', '--help']);
    assert.match(help.stdout, /--factors A,B/);
    assert.match(help.stdout, /--ss-type 2\|3/);
  });

  it('runs and verifies a notebook whose plain-language cells reach anova_factorial and ancova', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inferra-factorial-'));
    for (const f of ['ToothGrowth.csv', 'warpbreaks.csv', 'CO2.csv']) copyFileSync(data(f), join(dir, f));
    const cells = [
      { id: 'two-way', dataset: 'tooth', source: 'two-way anova of len by supp and dose', analysis: 'anova_factorial' },
      { id: 'formula', dataset: 'wool', source: 'breaks ~ wool * tension', analysis: 'anova_factorial' },
      { id: 'ancova', dataset: 'co2', source: 'does Type affect uptake controlling for conc', analysis: 'ancova' },
      { id: 'type3', dataset: 'tooth', source: 'two-way anova of len by supp and dose with type III sums of squares', analysis: 'anova_factorial' },
    ];
    const notebook = {
      format: 'inferra-notebook',
      version: 1,
      datasets: [
        { name: 'tooth', path: 'ToothGrowth.csv' },
        { name: 'wool', path: 'warpbreaks.csv' },
        { name: 'co2', path: 'CO2.csv' },
      ],
      cells: cells.map(({ id, dataset, source }) => ({ id, kind: 'ask', dataset, source })),
    };
    const nb = join(dir, 'factorial.inferra');
    writeFileSync(nb, JSON.stringify(notebook, null, 2));
    const run = await runInferra(['run', nb, '--html', join(dir, 'report.html')]);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    const written = JSON.parse(readFileSync(nb, 'utf8'));
    for (const cell of cells) {
      const stored = written.cells.find((c: any) => c.id === cell.id);
      const item = stored.outputs[0].items[0];
      assert.equal(item.data.result.analysis, cell.analysis, cell.id);
    }
    const ancova = written.cells.find((c: any) => c.id === 'ancova').outputs[0].items[0].data.result;
    assert.deepEqual(ancova.roles, { outcome: 'uptake', group: 'Type', covariates: ['conc'] });
    close(ancova.result.adjusted_means[0].mean, expected('ancova-co2-type-conc').adjusted_means[0].mean, 'notebook adjusted mean');
    const type3 = written.cells.find((c: any) => c.id === 'type3').outputs[0].items[0].data.result;
    assert.equal(type3.result.ss_type, 3);
    close(type3.result.terms[0].ss, expected('toothgrowth-supp-dose-type3').terms[0].ss, 'notebook type III ss');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(html, /Adjusted means/);
    assert.match(html, /ηp²/);
    const verify = await runInferra(['verify', nb, '--json']);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
  });
});
