import assert from 'node:assert/strict';
import type { ComputedOutcome } from '../../../kernel/analyses/run.js';
import { buildFigureTask, buildFiguresForAnalysis } from '../../../kernel/figures/index.js';
import { createRandom } from '../../../kernel/figures/random.js';
import { DEFAULT_OPTIONS, type AnalysisId, type AnalysisRequest, type FigureId, type Roles, type Table } from '../../../kernel/types.js';

const ROWS = 1_000_000;
const LIMIT = 200 * 1024;

/** A 1M-row table: normal x, y = 2x + noise, 5 groups, 2,000 categories, a few missing values. */
function createLargeTable(): Table {
  const random = createRandom(1);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const x = new Float64Array(ROWS);
  const y = new Float64Array(ROWS);
  const before = new Float64Array(ROWS);
  const group: (string | null)[] = new Array(ROWS);
  const category: (string | null)[] = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    x[i] = i % 997 === 0 ? NaN : normal() * 10 + 50;
    y[i] = 2 * x[i] + normal() * 5;
    before[i] = y[i] + normal();
    group[i] = `group_${i % 5}`;
    category[i] = `level ${Math.floor(random() * 2000)}`;
  }
  return {
    rowCount: ROWS,
    columns: [
      { name: 'x_value_mm', kind: 'numeric', values: x },
      { name: 'y_value_g', kind: 'numeric', values: y },
      { name: 'before', kind: 'numeric', values: before },
      { name: 'group', kind: 'categorical', values: group },
      { name: 'category', kind: 'categorical', values: category },
    ],
  };
}

describe('figure size on 1,000,000 rows', function () {
  this.timeout(240_000);
  let table: Table;
  before(() => {
    table = createLargeTable();
  });
  const options = { ...DEFAULT_OPTIONS };

  const tasks: { id: FigureId; roles: Roles }[] = [
    { id: 'histogram', roles: { column: 'x_value_mm', group: 'group' } },
    { id: 'kde', roles: { column: 'x_value_mm', group: 'group' } },
    { id: 'qqplot', roles: { column: 'y_value_g', group: 'group' } },
    { id: 'boxplot', roles: { outcome: 'y_value_g', group: 'group' } },
    { id: 'violin', roles: { outcome: 'y_value_g', group: 'group' } },
    { id: 'scatter', roles: { x: 'x_value_mm', y: 'y_value_g', color: 'group' } },
    { id: 'regplot', roles: { x: 'x_value_mm', y: 'y_value_g', color: 'category' } },
    { id: 'bar', roles: { column: 'category', group: 'group' } },
  ];
  for (const t of tasks) {
    it(`${t.id}: every figure's JSON stays under 200 KB`, () => {
      const started = performance.now();
      const outcome = buildFigureTask({ analysis: t.id, roles: t.roles, options }, table);
      const ms = performance.now() - started;
      for (const figure of outcome.figures) {
        const bytes = Buffer.byteLength(JSON.stringify(figure));
        assert.ok(bytes < LIMIT, `${t.id}: ${bytes} bytes`);
        const sample = figure.caption?.match(/[Ss]howing [\d,]+ of [\d,]+ points/)?.[0];
        console.log(`      ${t.id}: ${(bytes / 1024).toFixed(1)} KB, built in ${ms.toFixed(0)} ms${sample ? ` (${sample})` : ''}`);
      }
      assert.equal(outcome.n + outcome.nMissing, ROWS);
    });
  }

  it('scatter says how many points it shows', () => {
    const outcome = buildFigureTask({ analysis: 'scatter', roles: { x: 'x_value_mm', y: 'y_value_g' }, options }, table);
    assert.match(outcome.figures[0].caption ?? '', /^Showing [\d,]+ of 998,996 points/);
  });

  const analyses: { id: AnalysisId; roles: Roles }[] = [
    { id: 'anova_oneway', roles: { outcome: 'y_value_g', group: 'group' } },
    { id: 'pearson', roles: { x: 'x_value_mm', y: 'y_value_g' } },
    { id: 'ols', roles: { outcome: 'y_value_g', predictors: ['x_value_mm'] } },
    { id: 'ttest_paired', roles: { before: 'before', after: 'y_value_g' } },
    { id: 'chi2_independence', roles: { row: 'group', col: 'category' } },
    { id: 'shapiro_wilk', roles: { column: 'x_value_mm', group: 'group' } },
  ];
  for (const a of analyses) {
    it(`${a.id}: every figure of the analysis stays under 200 KB`, () => {
      const request: AnalysisRequest = { analysis: a.id, roles: a.roles, options };
      const outcome: ComputedOutcome = {
        analysis: a.id, variant: a.id, roles: a.roles, options, n: 0, nMissing: 0, dropped: [], result: {}, assumptions: [],
        summary: 'F(4, 999995) = 0.73, p = .571.', warnings: [], recommendations: [], tables: [],
      };
      const figures = buildFiguresForAnalysis(request, table, outcome);
      assert.ok(figures.length > 0);
      for (const figure of figures) {
        const bytes = Buffer.byteLength(JSON.stringify(figure));
        assert.ok(bytes < LIMIT, `${a.id} ${figure.kind}: ${bytes} bytes`);
      }
    });
  }
});
