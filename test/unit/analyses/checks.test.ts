import assert from 'node:assert/strict';
import { checkEqualVariances, checkNormality } from '../../../kernel/analyses/checks/assumptions.js';
import { computeLevene } from '../../../kernel/analyses/checks/levene.js';
import { computeShapiroWilk } from '../../../kernel/analyses/checks/shapiro-wilk.js';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { expectCode } from '../../support/expect-code.js';
import { buildRequest } from '../../support/fixtures.js';
import { casesOf, expectClose, fixtures, reportWorstErrors, runCase, tableFromVectors } from './associations-helpers.js';

const IDS = ['shapiro_wilk', 'levene', 'bartlett'] as const;

describe('check analyses against R', () => {
  after(() => reportWorstErrors(IDS));
  for (const c of casesOf(IDS)) {
    it(`matches R ${fixtures.rVersion}: ${c.id}`, () => {
      const { outcome, r } = runCase(c);
      const e = c.expected;
      // Default tolerance 1e-9 relative for every number (CONTRACT.md).
      if (e.groups) {
        const groups = r.groups as Record<string, unknown>[];
        const expected = e.groups as Record<string, unknown>[];
        assert.deepEqual(
          groups.map((g) => g.group),
          expected.map((g) => g.group),
        );
        groups.forEach((g, i) => {
          assert.equal(g.n, expected[i].n);
          expectClose(g.statistic, expected[i].statistic, `${c.id}[${g.group}]: statistic`, c.analysis);
          expectClose(g.p_value, expected[i].p_value, `${c.id}[${g.group}]: p_value`, c.analysis);
        });
        assert.equal(r.statistic, null);
        return;
      }
      for (const key of ['statistic', 'p_value', 'df', 'df1', 'df2']) {
        if (key in e) expectClose(r[key], e[key], `${c.id}: ${key}`, c.analysis);
      }
      if ('center' in e) assert.equal(r.center, e.center);
    });
  }
});

describe('assumption helpers for other analyses', () => {
  it('checkNormality runs Shapiro-Wilk per sample and marks p < .05 as not ok', () => {
    const skewed = Array.from({ length: 40 }, (_, i) => Math.exp(i / 4));
    const [a, b] = checkNormality([
      { target: 'flat', values: [4.17, 5.58, 5.18, 6.11, 4.5, 4.61, 5.17, 4.53, 5.33, 5.14] },
      { target: 'skewed', values: skewed },
    ]);
    assert.equal(a.check, 'shapiro_wilk');
    assert.equal(a.ok, true);
    assert.equal(b.ok, false);
    assert.ok(b.note);
    // Same numbers as the direct computation.
    assert.equal(a.statistic, computeShapiroWilk([4.17, 5.58, 5.18, 6.11, 4.5, 4.61, 5.17, 4.53, 5.33, 5.14]).statistic);
  });

  it('checkNormality skips (ok, null numbers, a note) n < 3, n > 5000 and constant samples', () => {
    const checks = checkNormality([
      { target: 'two', values: [1, 2] },
      { target: 'huge', values: new Float64Array(5001).map((_, i) => Math.sin(i)) },
      { target: 'constant', values: [3, 3, 3, 3] },
    ]);
    for (const c of checks) {
      assert.equal(c.ok, true);
      assert.equal(c.statistic, null);
      assert.equal(c.pValue, null);
      assert.ok(c.note && c.note.length > 0);
    }
  });

  it('checkEqualVariances gives Levene F and p, and a note instead of a throw when it cannot run', () => {
    const g1 = Float64Array.from([4.17, 5.58, 5.18, 6.11, 4.5]);
    const g2 = Float64Array.from([4.81, 4.17, 4.41, 3.59, 5.87, 3.83]);
    const check = checkEqualVariances([g1, g2], 'weight', 'median');
    const direct = computeLevene([g1, g2], 'median');
    assert.equal(check.check, 'levene');
    assert.equal(check.statistic, direct.statistic);
    assert.equal(check.pValue, direct.pValue);
    const degenerate = checkEqualVariances([Float64Array.from([1, 1]), Float64Array.from([2, 2])], 'x', 'mean');
    assert.equal(degenerate.statistic, null);
    assert.equal(degenerate.ok, true);
    assert.ok(degenerate.note);
  });
});

describe('check analyses behaviour', () => {
  it('refuses shapiro_wilk on fewer than 3 values, more than 5000, or identical values', () => {
    expectCode(() => computeShapiroWilk([1, 2]), 'too-few-observations');
    expectCode(() => computeShapiroWilk(new Float64Array(5001).map((_, i) => i)), 'sample-too-large');
    expectCode(() => runAnalysis(buildRequest('shapiro_wilk', { column: 'x' }), tableFromVectors({ x: [2, 2, 2, 2] })), 'zero-variance');
  });

  it('accepts outcome as the column of shapiro_wilk and reports per group with group', () => {
    const table = {
      rowCount: 8,
      columns: [
        ...tableFromVectors({ y: [1, 3, 2, 5, 4, 9, 7, 8] }).columns,
        { name: 'g', kind: 'categorical' as const, values: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c'] },
      ],
    };
    const outcome = runAnalysis(buildRequest('shapiro_wilk', { outcome: 'y', group: 'g' }), table);
    const groups = outcome.result.groups as { group: string; statistic: number | null }[];
    assert.deepEqual(
      groups.map((g) => g.group),
      ['a', 'b', 'c'],
    );
    assert.equal(groups[2].statistic, null);
    assert.equal(outcome.warnings.length, 1);
  });

  it('needs outcome and group for levene and bartlett', () => {
    const table = tableFromVectors({ y: [1, 2, 3, 4] });
    expectCode(() => runAnalysis(buildRequest('levene', { outcome: 'y' }), table), 'missing-role');
    expectCode(() => runAnalysis(buildRequest('bartlett', { group: 'y' }), table), 'missing-role');
  });

  it('refuses bartlett with a constant group (zero-variance) or a group of one (too-few-observations)', () => {
    const table = (y: number[], g: string[]) => ({
      rowCount: y.length,
      columns: [...tableFromVectors({ y }).columns, { name: 'g', kind: 'categorical' as const, values: g }],
    });
    expectCode(() => runAnalysis(buildRequest('bartlett', { outcome: 'y', group: 'g' }), table([1, 1, 2, 5, 3], ['a', 'a', 'b', 'b', 'b'])), 'zero-variance');
    expectCode(() => runAnalysis(buildRequest('bartlett', { outcome: 'y', group: 'g' }), table([1, 2, 5, 3], ['a', 'b', 'b', 'b'])), 'too-few-observations');
  });

  it('writes the APA sentences', () => {
    const table = {
      rowCount: 10,
      columns: [
        ...tableFromVectors({ y: [4.17, 5.58, 5.18, 6.11, 4.5, 4.81, 4.17, 4.41, 3.59, 5.87] }).columns,
        { name: 'g', kind: 'categorical' as const, values: ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'] },
      ],
    };
    assert.match(runAnalysis(buildRequest('levene', { outcome: 'y', group: 'g' }), table).summary, /F\(1, 8\) = \d+\.\d\d, p = \.\d{3}\.$/);
    assert.match(runAnalysis(buildRequest('bartlett', { outcome: 'y', group: 'g' }), table).summary, /K2\(1\) = \d+\.\d\d, p = \.\d{3}\.$/);
    assert.match(runAnalysis(buildRequest('shapiro_wilk', { column: 'y' }), table).summary, /W = \.\d{3}, p = \.\d{3}, n = 10\.$/);
  });
});
