import assert from 'node:assert/strict';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import type { Table } from '../../../kernel/types.js';
import { expectCode } from '../../support/expect-code.js';
import { buildRequest } from '../../support/fixtures.js';
import { assertNoNaNInTables, buildTable, expectClose, fixture, printWorst } from './comparison-helpers.js';

const FIELDS = ['dfBetween', 'dfWithin', 'ssBetween', 'ssWithin', 'msBetween', 'msWithin', 'f', 'pValue', 'rSquared', 'etaSquared', 'omegaSquared', 'residualSd', 'df1', 'df2', 'n'];

after(() => printWorst('anova'));

describe('ANOVA against R', () => {
  for (const c of fixture.cases.filter((x) => x.analysis === 'anova_oneway' || x.analysis === 'welch_anova')) {
    it(`${c.analysis}: ${c.id} matches ${fixture.rVersion}`, () => {
      const out = runAnalysis(buildRequest(c.analysis, c.roles, c.options), buildTable(c.data));
      assertNoNaNInTables(out.tables);
      for (const field of FIELDS) {
        if (!(field in c.expected)) continue;
        // 1e-9 relative (CONTRACT.md). R's anova works from a QR decomposition, Inferra from group
        // means; both are centred, so they agree far below this.
        expectClose(out.result[field], c.expected[field], { rel: 1e-9 }, `${c.id}.${field}`, `anova ${c.analysis}`);
      }
      assert.ok(out.summary.startsWith(c.analysis === 'welch_anova' ? "Welch's F(" : 'F('), out.summary);
    });
  }
});

describe('ANOVA assumption checks and recommendations', () => {
  it('checks residual normality and reports Levene; offers welch_anova whatever Levene says (no test-then-switch)', () => {
    const values: number[] = [];
    const groups: string[] = [];
    const spread = { a: 0.1, b: 1, c: 10 } as const;
    for (const g of ['a', 'b', 'c'] as const) {
      for (let i = 0; i < 12; i++) {
        values.push(10 + spread[g] * Math.sin(i * 1.7 + 0.3));
        groups.push(g);
      }
    }
    const t: Table = {
      rowCount: values.length,
      columns: [
        { name: 'y', kind: 'numeric', values: Float64Array.from(values) },
        { name: 'g', kind: 'categorical', values: groups },
      ],
    };
    const out = runAnalysis(buildRequest('anova_oneway', { outcome: 'y', group: 'g' }), t);
    assert.deepEqual(out.assumptions.map((a) => a.check), ['shapiro_wilk', 'levene']);
    assert.equal(out.assumptions[0].target, 'residuals');
    assert.equal(out.assumptions[1].ok, false);
    const welch = out.recommendations.find((r) => /welch_anova does not assume equal variances and is the default/.test(r));
    assert.ok(welch, out.recommendations.join('\n'));
    assert.match(welch, /Levene's test is reported as a description, not used to pick the test/);
    assert.match(out.assumptions[1].note ?? '', /it does not choose the test/);
    assert.equal(out.analysis, 'anova_oneway');
    // The same advice when Levene does not reject: the advice does not depend on the test.
    const equal = runAnalysis(buildRequest('anova_oneway', { outcome: 'y', group: 'g' }), {
      ...t,
      columns: [{ name: 'y', kind: 'numeric', values: Float64Array.from(values.map((_, i) => 10 + Math.sin(i * 1.7 + 0.3))) }, t.columns[1]],
    });
    assert.equal(equal.assumptions[1].ok, true);
    assert.ok(equal.recommendations.some((r) => /welch_anova does not assume equal variances/.test(r)), equal.recommendations.join('\n'));
  });
});

describe('one-sided alternatives on omnibus tests', () => {
  it('warns that --alternative does not apply, and reports the usual F test', () => {
    const c = fixture.cases.find((x) => x.id === 'anova-plantgrowth')!;
    const two = runAnalysis(buildRequest('anova_oneway', c.roles), buildTable(c.data));
    const one = runAnalysis(buildRequest('anova_oneway', c.roles, { alternative: 'greater' }), buildTable(c.data));
    assert.equal(one.result.pValue, two.result.pValue);
    assert.ok(one.warnings.some((w) => /--alternative greater does not apply/.test(w)));
    assert.deepEqual(two.warnings, []);
  });
});

describe('ANOVA degenerate data', () => {
  const table: Table = {
    rowCount: 6,
    columns: [
      { name: 'flat', kind: 'numeric', values: Float64Array.from([1, 1, 2, 2, 3, 3]) },
      { name: 'y', kind: 'numeric', values: Float64Array.from([1, 2, 2, 4, 3, 9]) },
      { name: 'g', kind: 'categorical', values: ['a', 'a', 'b', 'b', 'c', 'c'] },
      { name: 'one', kind: 'categorical', values: ['a', 'a', 'a', 'a', 'a', 'a'] },
      { name: 'singletons', kind: 'categorical', values: ['a', 'b', 'c', 'd', 'e', 'f'] },
    ],
  };
  it('zero variance within every group', () =>
    expectCode(() => runAnalysis(buildRequest('anova_oneway', { outcome: 'flat', group: 'g' }), table), 'zero-variance'));
  it('welch_anova: a constant group', () =>
    expectCode(() => runAnalysis(buildRequest('welch_anova', { outcome: 'flat', group: 'g' }), table), 'zero-variance'));
  it('a single group', () =>
    expectCode(() => runAnalysis(buildRequest('anova_oneway', { outcome: 'y', group: 'one' }), table), 'wrong-level-count'));
  it('one observation per group leaves no residual df', () =>
    expectCode(() => runAnalysis(buildRequest('anova_oneway', { outcome: 'y', group: 'singletons' }), table), 'too-few-observations'));
  it('welch_anova needs 2 per group', () =>
    expectCode(() => runAnalysis(buildRequest('welch_anova', { outcome: 'y', group: 'singletons' }), table), 'too-few-observations'));
  it('a group column that does not exist', () =>
    expectCode(() => runAnalysis(buildRequest('anova_oneway', { outcome: 'y', group: 'gg' }), table), 'column-not-found'));
});
