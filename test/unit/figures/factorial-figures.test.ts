/**
 * The figures of the factorial designs: the interaction plot shows each cell's mean and t interval
 * (one line per level of the second factor; one panel per level of a third), and the ANCOVA plot's
 * lines are the model's own (the common slope through each group's adjusted mean).
 */
import assert from 'node:assert/strict';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { buildFiguresForAnalysis } from '../../../kernel/figures/for-analysis.js';
import type { AncovaResult, FactorialResult } from '../../../kernel/analyses/factorial/index.js';
import { buildRequest, readDataset } from '../../support/fixtures.js';
import { assertRenderableSpec } from './spec-check.js';

describe('factorial figures', function () {
  this.timeout(60_000);

  it('draws the interaction plot of ToothGrowth: the six cell means with their intervals', async () => {
    const request = buildRequest('anova_factorial', { outcome: 'len', factors: ['dose', 'supp'] });
    const table = readDataset('ToothGrowth');
    const outcome = runAnalysis(request, table);
    const [figure] = buildFiguresForAnalysis(request, table, outcome);
    assert.equal(figure.kind, 'interaction');
    const rows = ((figure.vegaLite as { data: { values: { x: string; line: string; mean: number; low: number; high: number }[] } }).data.values);
    const cells = (outcome.result as unknown as FactorialResult).cells;
    assert.equal(rows.length, 6);
    for (const cell of cells) {
      const row = rows.find((r) => r.x === cell.levels[0] && r.line === cell.levels[1]);
      assert.ok(row && Math.abs(row.mean - cell.mean) < 1e-3, `cell ${cell.levels.join(', ')}`);
      assert.ok(row.low < row.mean && row.mean < row.high);
    }
    const svg = await assertRenderableSpec(figure.vegaLite);
    assert.ok(svg.includes('OJ') && svg.includes('VC'), 'one line per supp level, in the legend');
  });

  it('draws one panel per level of a third factor', () => {
    const request = buildRequest('anova_factorial', { outcome: 'yield', factors: ['N', 'P', 'K'] });
    const table = readDataset('npk');
    const figures = buildFiguresForAnalysis(request, table, runAnalysis(request, table));
    assert.deepEqual(figures.map((f) => f.kind), ['interaction', 'interaction']);
    assert.ok(figures[0].title.includes('K = 0') && figures[1].title.includes('K = 1'));
  });

  it("draws the ANCOVA's parallel lines from the model's adjusted means and common slope", async () => {
    const request = buildRequest('ancova', { outcome: 'uptake', group: 'Type', covariates: ['conc'] });
    const table = readDataset('CO2');
    const outcome = runAnalysis(request, table);
    const r = outcome.result as unknown as AncovaResult;
    const [figure] = buildFiguresForAnalysis(request, table, outcome);
    const lines = ((figure.vegaLite as { layer: { data: { values: { x: number; y: number; c: string }[] } }[] }).layer[1].data.values);
    for (const m of r.adjustedMeans) {
      const [a, b] = lines.filter((p) => p.c === m.level);
      const slope = (b.y - a.y) / (b.x - a.x);
      assert.ok(Math.abs(slope - r.slopes[0].estimate) < 1e-3 * Math.abs(r.slopes[0].estimate) + 1e-4, `slope of ${m.level}`);
      // At the covariate's mean the line passes through the adjusted mean.
      const atMean = a.y + slope * (r.slopes[0].mean - a.x);
      assert.ok(Math.abs(atMean - m.mean) < 0.05, `${m.level}: ${atMean} vs adjusted mean ${m.mean}`);
    }
    await assertRenderableSpec(figure.vegaLite);
  });
});
