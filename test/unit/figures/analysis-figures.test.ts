/**
 * The figures issue #18 added: pairwise differences with their simultaneous intervals after Tukey
 * HSD and Games-Howell (S10, as R's plot(TukeyHSD())), and the paired slope plot beside the
 * differences of a paired design (S13). Each spec is validated, compiled and rendered.
 */
import assert from 'node:assert/strict';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { buildFiguresForAnalysis } from '../../../kernel/figures/index.js';
import { DEFAULT_OPTIONS, type AnalysisId, type Roles } from '../../../kernel/types.js';
import { readDataset } from '../../support/fixtures.js';
import { assertRenderableSpec } from './spec-check.js';

function draw(id: AnalysisId, dataset: string, roles: Roles) {
  const table = readDataset(dataset);
  const request = { analysis: id, roles, options: { ...DEFAULT_OPTIONS } };
  const computed = runAnalysis(request, table);
  return { computed, figures: buildFiguresForAnalysis(request, table, computed) };
}

/** The inline data rows of a spec's layers. */
function layerValues(spec: Record<string, unknown>, index: number): Record<string, unknown>[] {
  const layer = (spec.layer as Record<string, unknown>[])[index];
  const data = (layer.data ?? spec.data) as { values: Record<string, unknown>[] };
  return data.values;
}

describe('post-hoc figures: pairwise differences with simultaneous CIs (S10)', function () {
  this.timeout(60_000);
  for (const [id, adjustment] of [['tukey_hsd', 'Tukey'], ['games_howell', 'Games-Howell']] as const) {
    it(`${id}: the groups first, then one interval per pair with the analysis' own numbers`, async () => {
      const { computed, figures } = draw(id, 'InsectSprays', { outcome: 'count', group: 'spray' });
      assert.deepEqual(figures.map((f) => f.kind), ['boxplot', 'differences']);
      const spec = figures[1].vegaLite;
      await assertRenderableSpec(spec);
      const rows = (spec.data as { values: { pair: string; diff: number; low: number; high: number; sig: string }[] }).values;
      const comparisons = computed.result.comparisons as { group1: string; group2: string; diff: number; ciLow: number; ciHigh: number; pAdj: number }[];
      assert.equal(rows.length, 15);
      rows.forEach((row, i) => {
        const c = comparisons[i];
        assert.equal(row.pair, `${c.group2} - ${c.group1}`);
        assert.deepEqual([row.diff, row.low, row.high], [c.diff, c.ciLow, c.ciHigh]);
        assert.equal(row.sig, c.pAdj < 0.05 ? 'yes' : 'no');
      });
      assert.match(figures[1].caption ?? '', new RegExp(`95% ${adjustment} simultaneous confidence interval`));
    });
  }
});

describe('paired designs: a slope plot beside the differences (S13)', function () {
  this.timeout(60_000);
  for (const id of ['ttest_paired', 'wilcoxon_signed_rank'] as const) {
    it(`${id} on sleep (long, pair-id): one line per pair between the two conditions`, async () => {
      const { figures } = draw(id, 'sleep', { outcome: 'extra', group: 'group', pairId: 'ID' });
      assert.deepEqual(figures.map((f) => f.kind), ['boxplot', 'paired_slopes']);
      const spec = figures[1].vegaLite;
      await assertRenderableSpec(spec);
      const points = layerValues(spec, 0) as { pair: number; cond: string; value: number }[];
      assert.equal(points.length, 20);
      const sleep = readDataset('sleep');
      const extra = sleep.columns.find((c) => c.name === 'extra')!.values as Float64Array;
      // Pair i joins group 1 and group 2 of the same ID (sleep lists group 1 then group 2 by ID).
      for (let i = 0; i < 10; i++) {
        assert.deepEqual(points.filter((p) => p.pair === i).map((p) => [p.cond, p.value]), [['1', extra[i]], ['2', extra[i + 10]]]);
      }
      const means = layerValues(spec, 1) as { cond: string; mean: number }[];
      assert.deepEqual(means.map((m) => m.cond), ['1', '2']);
    });
  }

  it('wide data (before, after) get the slope plot too', async () => {
    const { figures } = draw('ttest_paired', 'iris', { before: 'Sepal.Length', after: 'Petal.Length' });
    assert.equal(figures[1].kind, 'paired_slopes');
    assert.equal(layerValues(figures[1].vegaLite, 0).length, 300);
    await assertRenderableSpec(figures[1].vegaLite);
  });
});
