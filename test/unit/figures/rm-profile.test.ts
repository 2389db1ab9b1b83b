/**
 * The repeated-measures profile plot of anova_rm: one faint line per subject across the conditions,
 * the condition means joined in the accent colour with their within-subject intervals; the spec is
 * validated, compiled and rendered.
 */
import assert from 'node:assert/strict';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { buildFiguresForAnalysis } from '../../../kernel/figures/index.js';
import { MAX_PROFILE_SUBJECTS } from '../../../kernel/figures/build-profile.js';
import { DEFAULT_OPTIONS, type Table } from '../../../kernel/types.js';
import { readTable } from '../../support/fixtures.js';
import { assertRenderableSpec } from './spec-check.js';

function layerValues(spec: Record<string, unknown>, index: number): Record<string, unknown>[] {
  return ((spec.layer as Record<string, unknown>[])[index].data as { values: Record<string, unknown>[] }).values;
}

describe('anova_rm: the profile plot', function () {
  this.timeout(60_000);

  it('draws each player across the three methods and the means with their intervals (RoundingTimes)', async () => {
    const table = readTable('test/reference/data/RoundingTimes.csv');
    const request = { analysis: 'anova_rm' as const, roles: { outcome: 'time', within: 'method', subject: 'player_id' }, options: { ...DEFAULT_OPTIONS, where: [] } };
    const computed = runAnalysis(request, table);
    const figures = buildFiguresForAnalysis(request, table, computed);
    assert.deepEqual(figures.map((f) => f.kind), ['rm_profile']);
    const spec = figures[0].vegaLite;
    const svg = await assertRenderableSpec(spec);
    assert.ok(svg.includes('narrow_angle') && svg.includes('One-way repeated-measures ANOVA'));
    const lines = layerValues(spec, 0) as { subject: string; cond: string; value: number }[];
    assert.equal(lines.length, 66);
    assert.equal(new Set(lines.map((l) => l.subject)).size, 22);
    const means = layerValues(spec, 2) as { cond: string; mean: number; low: number; high: number }[];
    const conditions = computed.result.conditions as { level: string; mean: number }[];
    assert.deepEqual(means.map((m) => m.cond), conditions.map((c) => c.level));
    means.forEach((m, j) => {
      assert.ok(Math.abs(m.mean - conditions[j].mean) < 0.01, `${m.cond}: plotted mean ${m.mean} vs ${conditions[j].mean}`);
      assert.ok(m.low < m.mean && m.mean < m.high);
    });
    assert.match(figures[0].caption ?? '', /within-subject confidence intervals \(Cousineau-Morey/);
  });

  it(`samples the subjects' lines above ${MAX_PROFILE_SUBJECTS} subjects and says so; the means use all`, async () => {
    const n = 400;
    const subject: string[] = [];
    const cond: string[] = [];
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      for (const [j, c] of ['a', 'b', 'c'].entries()) {
        subject.push(`p${i}`);
        cond.push(c);
        y.push(10 + j + ((i * 7 + j * 3) % 11) / 5);
      }
    }
    const table: Table = {
      rowCount: y.length,
      columns: [
        { name: 'subject', kind: 'categorical', values: subject },
        { name: 'cond', kind: 'categorical', values: cond },
        { name: 'y', kind: 'numeric', values: Float64Array.from(y) },
      ],
    };
    const request = { analysis: 'anova_rm' as const, roles: { outcome: 'y', within: 'cond', subject: 'subject' }, options: { ...DEFAULT_OPTIONS, where: [] } };
    const figures = buildFiguresForAnalysis(request, table, runAnalysis(request, table));
    const lines = layerValues(figures[0].vegaLite, 0);
    assert.equal(lines.length, MAX_PROFILE_SUBJECTS * 3);
    assert.match(figures[0].caption ?? '', /Showing 300 of 400 subjects' lines/);
    await assertRenderableSpec(figures[0].vegaLite);
  });
});
