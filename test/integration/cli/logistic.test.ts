/**
 * Logistic regression from the command line and from a notebook: `inferra analyze --analysis
 * logistic` (numbers against the R fixtures of logistic.json, never typed here), its refusal of an
 * outcome with more than two levels, and `inferra run` of a notebook whose plain-language cells the
 * rules send to logistic, with the HTML report showing the table and the figure.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import logistic from '../../reference/r/logistic.json' with { type: 'json' };
import { ROOT, runInferra } from '../../support/cli.js';

const data = (name: string) => join(ROOT, 'test', 'reference', 'data', name);
const reference = (id: string): any => (logistic.cases as any[]).find((c) => c.id === id).tight_restarted;
const close = (actual: number, wanted: number, what: string) => assert.ok(Math.abs(actual - wanted) <= 1e-9 * Math.abs(wanted), `${what}: ${actual} vs R ${wanted}`);

describe('logistic regression from the CLI and a notebook', function () {
  this.timeout(120_000);

  it('analyze --analysis logistic gives glm\'s numbers, the success level, the warnings and the figure', async () => {
    const runs: [string[], string][] = [
      [[data('mtcars.csv'), '--outcome', 'am', '--predictors', 'wt,hp'], 'logistic-mtcars-am-wt-hp'],
      [[data('Titanic.csv'), '--outcome', 'Survived', '--predictors', 'Class,Sex,Age', '--success', 'No'], 'logistic-titanic-died-class-sex-age'],
    ];
    for (const [args, id] of runs) {
      const run = await runInferra(['analyze', ...args, '--analysis', 'logistic', '--json']);
      assert.equal(run.code, 0, run.stderr);
      const out = JSON.parse(run.stdout);
      const want = reference(id);
      assert.equal(out.analysis, 'logistic');
      (want.coefficients as any[]).forEach((c, j) => {
        assert.equal(out.result.coefficients[j].term, c.term);
        close(out.result.coefficients[j].estimate, c.estimate, `${id} ${c.term} estimate`);
        close(out.result.coefficients[j].odds_ratio, c.odds_ratio, `${id} ${c.term} odds ratio`);
      });
      close(out.result.residual_deviance, want.residual_deviance, `${id} deviance`);
      close(out.result.aic, want.aic, `${id} AIC`);
      assert.equal(out.figures.length, 1, `${id}: the probability curve`);
      assert.equal(out.figures[0].kind, 'probability_curve');
    }
    const titanic = JSON.parse((await runInferra(['analyze', data('Titanic.csv'), '--analysis', 'logistic', '--outcome', 'Survived', '--predictors', 'Class,Sex', '--success', 'No', '--json'])).stdout);
    // Yes/No columns are read as booleans: --success No names the false level.
    assert.equal(titanic.result.success_level, 'false');
    const text = await runInferra(['analyze', data('mtcars.csv'), '--analysis', 'logistic', '--outcome', 'am', '--predictors', 'wt,hp']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /A logistic regression of am on wt and hp \(success: am = 1; N = 32\)/);
    assert.match(text.stdout, /Few events per predictor/);
    const many = await runInferra(['analyze', data('mtcars.csv'), '--analysis', 'logistic', '--outcome', 'gear', '--predictors', 'wt', '--json']);
    assert.equal(many.code, 1);
    const error = JSON.parse(many.stdout);
    assert.equal(error.code, 'OUTCOME_NOT_BINARY');
    assert.match(error.message, /exactly two levels/);
  });

  it('runs a notebook whose plain-language cells reach logistic, and the report shows it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inferra-logistic-'));
    for (const f of ['mtcars.csv', 'Titanic.csv']) copyFileSync(data(f), join(dir, f));
    const cells = [
      { id: 'named', dataset: 'cars', source: 'logistic regression of am on wt', analysis: 'logistic' },
      { id: 'formula', dataset: 'cars', source: 'am ~ wt + hp', analysis: 'logistic' },
      { id: 'odds', dataset: 'titanic', source: 'odds of survival by sex and class', analysis: 'logistic' },
      { id: 'linear', dataset: 'cars', source: 'linear regression of am on wt', analysis: 'ols' },
    ];
    const notebook = {
      format: 'inferra-notebook',
      version: 1,
      datasets: [
        { name: 'cars', path: 'mtcars.csv' },
        { name: 'titanic', path: 'Titanic.csv' },
      ],
      cells: cells.map(({ id, dataset, source }) => ({ id, kind: 'ask', dataset, source })),
    };
    const nb = join(dir, 'logistic.inferra');
    writeFileSync(nb, JSON.stringify(notebook, null, 2));
    const run = await runInferra(['run', nb, '--html', join(dir, 'report.html')]);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    const written = JSON.parse(readFileSync(nb, 'utf8'));
    const resultOf = (id: string) => written.cells.find((c: any) => c.id === id).outputs[0].items[0];
    for (const cell of cells) {
      const item = resultOf(cell.id);
      assert.equal(item.mime, 'application/vnd.inferra.result+json', cell.id);
      assert.equal(item.data.result.analysis, cell.analysis, cell.id);
    }
    const formula = resultOf('formula').data.result;
    const want = reference('logistic-mtcars-am-wt-hp');
    (want.coefficients as any[]).forEach((c, j) => close(formula.result.coefficients[j].estimate, c.estimate, `notebook ${c.term}`));
    const figure = written.cells.find((c: any) => c.id === 'named').outputs[0].items.find((i: any) => i.mime === 'application/vnd.vegalite.v6+json');
    assert.match(JSON.stringify(figure.data), /P\(am = 1\)/, 'the probability curve is stored with the cell');
    // A linear model named for a 0/1 outcome runs, and says what it is.
    assert.ok(resultOf('linear').data.result.warnings.some((w: string) => /linear probability model/.test(w)));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(html, /Coefficients \(log-odds of am = 1\)/);
    assert.match(html, /Odds ratio/);
    assert.match(html, /Binary logistic regression/);
  });
});
