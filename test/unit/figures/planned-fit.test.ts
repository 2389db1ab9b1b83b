/**
 * Figures of analyses computed where the data live (#17): the regression line and its band are the
 * analysis' own fit on every row (the plan's co-moments or cross-products), whatever rows the points
 * are, and the residual figures of `ols` evaluate the analysis' own coefficients on the rows drawn
 * (no refit). Compared with in-memory fits of the whole table (no typed numbers).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPlannedAnalysis } from '../../../kernel/analyses/planned/index.js';
import { computeFittedLine, computeLineBand } from '../../../kernel/analyses/regression/band.js';
import { columnsForAnalysis } from '../../../kernel/analyses/run.js';
import { duckdbEngine, fileRelation } from '../../../kernel/data/plan/duckdb-engine.js';
import { loadTable } from '../../../kernel/data/load.js';
import { computeOlsFit } from '../../../kernel/figures/fit-ols.js';
import { buildFiguresForAnalysis } from '../../../kernel/figures/index.js';
import { evaluateModel } from '../../../kernel/figures/model-values.js';
import { createRandom } from '../../../kernel/figures/random.js';
import type { AnalysisId, AnalysisRequest, Table } from '../../../kernel/types.js';
import { buildRequest } from '../../support/fixtures.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ROWS = 12_000;

/** Relative difference, 0 when equal. */
function relative(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

async function planned(csv: string, request: AnalysisRequest & { analysis: AnalysisId }) {
  const file = await fileRelation(csv, columnsForAnalysis(request), request.options.where);
  return runPlannedAnalysis(request, { engine: duckdbEngine(), relation: file.relation, kinds: file.kinds });
}

function numeric(table: Table, name: string): Float64Array {
  const column = table.columns.find((c) => c.name === name)!;
  assert.equal(column.kind, 'numeric');
  return column.values as Float64Array;
}

/** The regression figure's line layer: x, fit, low, high at each grid point. */
function lineOf(spec: Record<string, unknown>): { x: number; fit: number; low: number; high: number }[] {
  return ((spec.layer as Record<string, unknown>[])[1].data as { values: { x: number; fit: number; low: number; high: number }[] }).values;
}

describe("planned figures draw the analysis' own fit, whatever the sample (#17)", function () {
  this.timeout(300_000);
  let folder: string;
  let csv: string;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'inferra-planned-fit-'));
    csv = join(folder, 'wide.csv');
    // A curved cloud with an outlying tail: a 5,000-row sample's refit differs from the whole table's fit.
    const random = createRandom(17);
    const lines = ['x,y'];
    for (let i = 0; i < ROWS; i++) {
      const x = Math.round(random() * 1000) / 10;
      const y = 3 + 0.4 * x + 0.004 * x * x + (random() - 0.5) * 20 + (random() < 0.01 ? 150 : 0);
      lines.push(`${x},${y.toFixed(3)}`);
    }
    await writeFile(csv, `${lines.join('\n')}\n`);
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('pearson above 5,000 rows: the line and band are the whole table fit, not a refit of the sample', async () => {
    const request = buildRequest('pearson', { x: 'x', y: 'y' });
    const out = await planned(csv, request);
    assert.ok(out.sampled, 'the figure draws a sample');
    const line = out.figureSummary?.line;
    assert.ok(line, 'the plan gives the line');
    const { table } = await loadTable(csv, { columns: ['x', 'y'], where: [] });
    const whole = computeFittedLine(numeric(table, 'x'), numeric(table, 'y'));
    for (const key of ['slope', 'intercept', 'sigma', 'sxx', 'centre', 'atCentre'] as const) assert.ok(relative(line[key], whole[key]) < 1e-12, `${key}: ${line[key]} vs ${whole[key]}`);
    assert.equal(line.n, ROWS);
    const sampleFit = computeFittedLine(numeric(out.figureTable!, 'x'), numeric(out.figureTable!, 'y'));
    assert.ok(relative(sampleFit.slope, whole.slope) > 1e-6, "the sample's own refit would draw another line");
    const [figure] = buildFiguresForAnalysis(request, out.figureTable!, out.computed, out.figureSummary);
    assert.equal(figure.kind, 'regplot');
    assert.match(figure.caption ?? '', /fitted on all 12,000 rows/);
    const drawn = lineOf(figure.vegaLite);
    const band = computeLineBand(whole, Float64Array.from(drawn, (p) => p.x), 0.95);
    const span = Math.max(...drawn.map((p) => Math.abs(p.high)));
    drawn.forEach((p, k) => {
      // The plotted numbers are rounded for the spec (createPlotRounder): compare to that rounding.
      assert.ok(Math.abs(p.fit - band.fit[k]) <= 1e-4 * span, `fit at ${p.x}`);
      assert.ok(Math.abs(p.low - band.low[k]) <= 1e-4 * span && Math.abs(p.high - band.high[k]) <= 1e-4 * span, `band at ${p.x}`);
    });
  });

  it('ols with one numeric predictor above 5,000 rows: the line is the coefficients, the residual figures use them on the sample', async () => {
    const request = buildRequest('ols', { outcome: 'y', predictors: ['x'] });
    const out = await planned(csv, request);
    assert.ok(out.sampled);
    const coefficients = out.computed.result.coefficients as { term: string; estimate: number }[];
    const [b0, b1] = coefficients.map((c) => c.estimate);
    const line = out.figureSummary?.line;
    assert.ok(line);
    assert.equal(line.intercept, b0);
    assert.equal(line.slope, b1);
    const model = out.figureSummary?.model;
    assert.ok(model);
    const values = evaluateModel(model, out.figureTable!);
    const x = numeric(out.figureTable!, 'x');
    values.fitted.forEach((f, i) => assert.ok(relative(f, b0 + b1 * x[i]) < 1e-14));
    const figures = buildFiguresForAnalysis(request, out.figureTable!, out.computed, out.figureSummary);
    assert.deepEqual(figures.map((f) => f.kind), ['regplot', 'scatter', 'scatter', 'qqplot']);
    assert.match(figures[0].caption ?? '', /fitted on all 12,000 rows/);
  });

  it('ols with a factor and a square on penguins (whole table as the sample): the model evaluated on the rows equals the in-memory fit', async () => {
    const penguins = join(ROOT, 'samples/penguins.csv');
    const request = buildRequest('ols', { outcome: 'body_mass_g', predictors: ['flipper_length_mm', 'species', 'bill_depth_mm^2'] });
    const out = await planned(penguins, request);
    assert.equal(out.sampled, false);
    const fromPlan = evaluateModel(out.figureSummary!.model!, out.figureTable!);
    const { table } = await loadTable(penguins, { columns: columnsForAnalysis(request), where: [] });
    const inMemory = computeOlsFit(request, table);
    // The check sample holds the complete rows only (the analysis counts the missing ones in the database).
    assert.equal(fromPlan.n, inMemory.n);
    // The same rows in another order (the plan's sample is sorted by its values): compare as sorted pairs.
    const pairs = (f: typeof inMemory) => Array.from(f.observed, (o, i) => [o, f.fitted[i]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const a = pairs(fromPlan);
    const b = pairs(inMemory);
    a.forEach(([o, f], i) => {
      assert.equal(o, b[i][0]);
      assert.ok(relative(f, b[i][1]) < 1e-10, `fitted ${f} vs ${b[i][1]}`);
    });
    assert.equal(out.figureSummary?.line, undefined, 'no single line for a model with several terms');
  });
});
