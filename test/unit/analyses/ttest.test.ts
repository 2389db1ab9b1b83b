import assert from 'node:assert/strict';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { ttestAnalyses } from '../../../kernel/analyses/ttest/index.js';
import { computeNoncentralTCdf } from '../../../kernel/analyses/ttest/noncentral-t.js';
import type { Table } from '../../../kernel/types.js';
import { expectCode } from '../../support/expect-code.js';
import { buildRequest } from '../../support/fixtures.js';
import { assertNoNaNInTables, buildTable, expectClose, fixture, printWorst } from './comparison-helpers.js';

const T_FIELDS = ['statistic', 'df', 'pValue', 'estimate', 'ciLow', 'ciHigh', 'se', 'mean1', 'mean2', 'sd1', 'sd2', 'n1', 'n2', 'meanDiff', 'sdDiff', 'cohensD', 'hedgesG'];
const EFFECT_CI_FIELDS = ['cohensDCiLow', 'cohensDCiHigh', 'hedgesGCiLow', 'hedgesGCiHigh'];

after(() => printWorst('ttest'));

describe('t-tests against R', () => {
  for (const c of fixture.cases.filter((x) => x.analysis.startsWith('ttest'))) {
    it(`${c.analysis}: ${c.id} matches ${fixture.rVersion}`, () => {
      const out = runAnalysis(buildRequest(c.analysis, c.roles, c.options), buildTable(c.data));
      for (const field of T_FIELDS) {
        if (!(field in c.expected)) continue;
        // 1e-9 relative as CONTRACT.md promises; t quantiles and the incomplete beta dominate.
        expectClose(out.result[field], c.expected[field], { rel: 1e-9 }, `${c.id}.${field}`, c.analysis);
      }
      for (const field of EFFECT_CI_FIELDS) {
        // Noncentral t inverted to machine precision on both sides (R: uniroot with tol 1e-15).
        expectClose(out.result[field], c.expected[field], { rel: 1e-9 }, `${c.id}.${field}`, `${c.analysis} (d CI)`);
      }
      assert.ok(out.summary.length > 0);
      assertNoNaNInTables(out.tables);
    });
  }

  it('reproduces Welch on penguins flipper_length_mm by sex to 1e-9 (t, df, p)', () => {
    const c = fixture.cases.find((x) => x.id === 'welch-penguins-flipper-sex')!;
    const out = runAnalysis(buildRequest('ttest_welch', c.roles), buildTable(c.data));
    expectClose(out.result.statistic, -4.8078657746587776, { rel: 1e-9 }, 't');
    expectClose(out.result.df, 325.27835231679455, { rel: 1e-9 }, 'df');
    expectClose(out.result.pValue, 2.3356187645629949e-6, { rel: 1e-9 }, 'p');
    assert.equal(out.n, 333);
    assert.equal(out.nMissing, 11);
    // d's interval comes from the noncentral t (checked against R above), not from a normal approximation.
    // The standardiser is named (S11) and d_av given beside it; negative numbers carry the minus sign (S9).
    assert.match(out.summary, /^Welch's t\(325\.28\) = −4\.81, p < \.001, d \(pooled SD\) = −0\.53, 95% CI \[−0\.74, −0\.31\], d_av = −0\.53; /);
  });
});

describe('computeNoncentralTCdf against R pt(q, df, ncp)', () => {
  for (const g of fixture.pnt) {
    it(`pt(${g.t}, ${g.df}, ${g.ncp})`, () => {
      // AS 243 stops at an error bound of 1e-12 in probability: absolute 1e-13 or relative 1e-10.
      expectClose(computeNoncentralTCdf(g.t, g.df, g.ncp), g.p, { rel: 1e-10, abs: 1e-13 }, `pnt(${g.t}, ${g.df}, ${g.ncp})`, 'ttest pnt');
    });
  }
});

describe('t-test validation', () => {
  const table: Table = {
    rowCount: 8,
    columns: [
      { name: 'y', kind: 'numeric', values: Float64Array.from([1, 2, 3, 4, 5, 6, 7, NaN]) },
      { name: 'flat', kind: 'numeric', values: Float64Array.from([3, 3, 3, 3, 3, 3, 3, 3]) },
      { name: 'g', kind: 'categorical', values: ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c'] },
      { name: 'g2', kind: 'categorical', values: ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b'] },
      { name: 'id', kind: 'categorical', values: ['1', '2', '3', '1', '2', '4', '5', '6'] },
    ],
  };

  it('lists the columns each design loads', () => {
    assert.deepEqual(ttestAnalyses.ttest_paired.columnsFor({ before: 'pre', after: 'post' }), ['pre', 'post']);
    assert.deepEqual(ttestAnalyses.ttest_paired.columnsFor({ outcome: 'y', group: 'g', pairId: 'id' }), ['y', 'g', 'id']);
    assert.deepEqual(ttestAnalyses.ttest_one_sample.columnsFor({ outcome: 'y' }), ['y']);
    assert.deepEqual(ttestAnalyses.ttest_welch.columnsFor({ outcome: 'y', group: 'g' }), ['y', 'g']);
  });
  it('needs the outcome role', () => expectCode(() => runAnalysis(buildRequest('ttest_welch', { group: 'g' }), table), 'missing-role'));
  it('suggests a column name', () => expectCode(() => runAnalysis(buildRequest('ttest_welch', { outcome: 'yy', group: 'g' }), table), 'column-not-found'));
  it('rejects a categorical outcome', () => expectCode(() => runAnalysis(buildRequest('ttest_welch', { outcome: 'g', group: 'g2' }), table), 'column-not-numeric'));
  it('needs exactly two groups', () => expectCode(() => runAnalysis(buildRequest('ttest_ind', { outcome: 'y', group: 'g' }), table), 'wrong-level-count'));
  it('rejects an unknown level in --levels', () =>
    expectCode(() => runAnalysis(buildRequest('ttest_ind', { outcome: 'y', group: 'g' }, { levels: ['a', 'z'] }), table), 'level-not-found'));
  it('keeps --levels order: estimate is first level minus second', () => {
    const out = runAnalysis(buildRequest('ttest_ind', { outcome: 'y', group: 'g' }, { levels: ['b', 'a'] }), table);
    assert.equal(out.result.estimate, 3); // mean(4,5,6) - mean(1,2,3)
    assert.equal(out.n, 6);
  });
  it('needs two values per group', () =>
    expectCode(() => runAnalysis(buildRequest('ttest_welch', { outcome: 'y', group: 'g2' }), table), 'too-few-observations'));
  it('rejects constant data in both groups', () =>
    expectCode(() => runAnalysis(buildRequest('ttest_welch', { outcome: 'flat', group: 'g' }, { levels: ['a', 'b'] }), table), 'zero-variance'));
  it('rejects a constant one-sample column', () =>
    expectCode(() => runAnalysis(buildRequest('ttest_one_sample', { column: 'flat' }), table), 'zero-variance'));
  it('rejects a confidence level outside (0, 1)', () =>
    expectCode(() => runAnalysis(buildRequest('ttest_one_sample', { column: 'y' }, { confLevel: 95 }), table), 'invalid-option'));
  it('rejects long-format pairs whose ids do not match', () =>
    expectCode(() => runAnalysis(buildRequest('ttest_paired', { outcome: 'y', group: 'g', pairId: 'id' }, { levels: ['a', 'b'] }), table), 'not-paired'));
  it('needs a pair id in long format', () =>
    expectCode(() => runAnalysis(buildRequest('ttest_paired', { outcome: 'y', group: 'g' }), table), 'missing-role'));
  it('rejects an id twice in one level', () => {
    const dup: Table = {
      rowCount: 4,
      columns: [
        { name: 'y', kind: 'numeric', values: Float64Array.from([1, 2, 3, 5]) },
        { name: 'g', kind: 'categorical', values: ['a', 'a', 'b', 'b'] },
        { name: 'id', kind: 'categorical', values: ['1', '1', '1', '2'] },
      ],
    };
    expectCode(() => runAnalysis(buildRequest('ttest_paired', { outcome: 'y', group: 'g', pairId: 'id' }), dup), 'not-paired');
  });
  it('drops a pair with a missing outcome and reports it', () => {
    const t: Table = {
      rowCount: 8,
      columns: [
        { name: 'y', kind: 'numeric', values: Float64Array.from([1, 2, 4, NaN, 2, 5, 5, 9]) },
        { name: 'g', kind: 'categorical', values: ['pre', 'pre', 'pre', 'pre', 'post', 'post', 'post', 'post'] },
        { name: 'id', kind: 'categorical', values: ['s1', 's2', 's3', 's4', 's1', 's2', 's3', 's4'] },
      ],
    };
    const out = runAnalysis(buildRequest('ttest_paired', { outcome: 'y', group: 'g', pairId: 'id' }, { levels: ['pre', 'post'] }), t);
    assert.equal(out.n, 3);
    assert.equal(out.nMissing, 2);
    assert.equal(out.result.meanDiff, ((1 - 2) + (2 - 5) + (4 - 5)) / 3);
  });
  it('at small n and a severe departure: remedies that keep the means first, the rank test as a change of question, no switch', () => {
    const skewed = Float64Array.from([1, 1.1, 1.2, 1.3, 1.1, 1.2, 30, 1.15, 2, 3, 2.5, 2.2, 2.1, 2.4, 2.3, 2.6]);
    const t: Table = {
      rowCount: 16,
      columns: [
        { name: 'y', kind: 'numeric', values: skewed },
        { name: 'g', kind: 'categorical', values: [...Array(8).fill('a'), ...Array(8).fill('b')] },
      ],
    };
    const out = runAnalysis(buildRequest('ttest_welch', { outcome: 'y', group: 'g' }), t);
    assert.equal(out.analysis, 'ttest_welch');
    assert.ok(out.assumptions.some((a) => a.check === 'shapiro_wilk' && !a.ok));
    const normality = out.recommendations.find((r) => /Normality is doubtful for y \| g=a/.test(r));
    assert.ok(normality, out.recommendations.join('\n'));
    // The means-keeping remedies come before the rank test, which is named as another question.
    assert.ok(normality.indexOf('Yuen') < normality.indexOf('mann_whitney'), normality);
    assert.match(normality, /bootstrap CI of the mean difference/);
    assert.match(normality, /mann_whitney answers a different question: .*P\(X > Y\)/);
    assert.match(normality, /log values/, 'positive, right-skewed values get the log transform');
  });
});
