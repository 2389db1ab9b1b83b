import assert from 'node:assert/strict';
import { computeKendallTau } from '../../../kernel/analyses/correlation/kendall.js';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { expectCode } from '../../support/expect-code.js';
import { buildRequest } from '../../support/fixtures.js';
import { casesOf, expectClose, fixtures, reportWorstErrors, runCase, tableFromVectors } from './associations-helpers.js';

const IDS = ['pearson', 'spearman', 'kendall'] as const;

/** The range of Spearman's S for n observations, (n^3 - n)/3. */
const rangeOfS = (n: number): number => (n ** 3 - n) / 3;

/** Whether an S value is rounding noise around 0 (rho = 1). */
const isNearZeroS = (s: number, n: number): boolean => Math.abs(s) < 1e-9 * rangeOfS(n);

describe('correlations against R', () => {
  after(() => reportWorstErrors(IDS));
  for (const c of casesOf(IDS)) {
    it(`matches R ${fixtures.rVersion}: ${c.id}`, () => {
      const { outcome, r } = runCase(c);
      const e = c.expected;
      assert.equal(r.n, e.n);
      assert.equal(outcome.n, e.n);
      // Default tolerance 1e-9 relative for every number (CONTRACT.md).
      for (const key of ['estimate', 'statistic', 'p_value', 'df', 'ci_low', 'ci_high']) {
        if (!(key in e)) continue;
        if (e[key] === null) assert.equal(r[key], null, `${c.id}: ${key} should be null`);
        else if (c.analysis === 'spearman' && key === 'statistic' && isNearZeroS(e[key] as number, e.n as number)) {
          // S = (n^3 - n)(1 - rho)/6 is 0 when rho = 1; R's rho lands one ulp below 1 (long double sums), so S
          // is compared absolutely, relative to its range (n^3 - n)/3.
          assert.ok(Math.abs((r[key] as number) - (e[key] as number)) <= 1e-12 * rangeOfS(e.n as number), `${c.id}: S`);
        } else expectClose(r[key], e[key], `${c.id}: ${key}`, c.analysis);
      }
      assert.ok(outcome.summary.length > 0);
    });
  }
});

describe('correlation behaviour', () => {
  const table = tableFromVectors({ a: [1, 2, 3, 4, 5, 6], b: [2, 1, 4, 3, 6, 5], c: [3, 3, 3, 3, 3, 3], d: [1, NaN, 3, NaN, 5, 6] });

  it('drops incomplete pairs listwise and says how many', () => {
    const outcome = runAnalysis(buildRequest('pearson', { x: 'a', y: 'd' }), table);
    assert.equal(outcome.n, 4);
    assert.equal(outcome.nMissing, 2);
    assert.equal(outcome.dropped[0].count, 2);
  });

  it('refuses a constant column with zero-variance', () => {
    for (const id of IDS) expectCode(() => runAnalysis(buildRequest(id, { x: 'a', y: 'c' }), table), 'zero-variance');
  });

  it('refuses fewer than 3 complete pairs with too-few-observations', () => {
    const small = tableFromVectors({ x: [1, 2, NaN], y: [3, 1, 2] });
    for (const id of IDS) expectCode(() => runAnalysis(buildRequest(id, { x: 'x', y: 'y' }), small), 'too-few-observations');
  });

  it('names a missing role, a missing column and a non-numeric column', () => {
    expectCode(() => runAnalysis(buildRequest('pearson', { x: 'a' }), table), 'missing-role');
    expectCode(() => runAnalysis(buildRequest('spearman', { x: 'a', y: 'bb' }), table), 'column-not-found');
    const mixed = { rowCount: 3, columns: [...tableFromVectors({ x: [1, 2, 3] }).columns, { name: 'g', kind: 'categorical' as const, values: ['a', 'b', 'c'] }] };
    expectCode(() => runAnalysis(buildRequest('kendall', { x: 'x', y: 'g' }), mixed), 'column-not-numeric');
  });

  it('refuses a confidence level outside (0, 1) with invalid-option', () => {
    expectCode(() => runAnalysis(buildRequest('pearson', { x: 'a', y: 'b' }, { confLevel: 95 }), table), 'invalid-option');
  });

  it('writes the APA sentence of Pearson as r(df) = .xx, p, CI without leading zeros', () => {
    const outcome = runAnalysis(buildRequest('pearson', { x: 'a', y: 'b' }), table);
    assert.match(outcome.summary, /^r\(4\) = \.83, p = \.\d{3}, 95% CI \[-?\.\d\d, \.\d\d\]\.$/);
  });

  it('runs normality and bivariate-outlier checks for Pearson only', () => {
    const outcome = runAnalysis(buildRequest('pearson', { x: 'a', y: 'b' }), table);
    assert.deepEqual(
      outcome.assumptions.map((a) => a.check),
      ['shapiro_wilk', 'shapiro_wilk', 'bivariate_outliers'],
    );
    assert.deepEqual(runAnalysis(buildRequest('kendall', { x: 'a', y: 'b' }), table).assumptions, []);
  });

  it('flags a far outlier and recommends a rank correlation', () => {
    const x = Array.from({ length: 30 }, (_, i) => i);
    const y = x.map((v) => (v * 7) % 11);
    y[29] = 200;
    const outcome = runAnalysis(buildRequest('pearson', { x: 'x', y: 'y' }), tableFromVectors({ x, y }));
    const outlier = outcome.assumptions.find((a) => a.check === 'bivariate_outliers');
    assert.equal(outlier?.ok, false);
    assert.ok(outcome.recommendations.some((r) => r.includes('spearman')));
  });

  it('gives the Spearman and Kendall Fisher-z intervals (values against R in effects.test.ts), in the table and the sentence', () => {
    for (const id of ['spearman', 'kendall'] as const) {
      const outcome = runAnalysis(buildRequest(id, { x: 'a', y: 'b' }), table);
      const { ciLow, ciHigh, estimate } = outcome.result as { ciLow: number; ciHigh: number; estimate: number };
      assert.ok(ciLow < estimate && estimate < ciHigh && ciLow > -1 && ciHigh < 1, `${id}: [${ciLow}, ${ciHigh}]`);
      assert.equal(outcome.tables[0].rows[0].ciLow, ciLow);
      assert.match(outcome.summary, /95% CI \[/);
    }
  });

  it('says why there is no rank-correlation interval when it cannot be formed (|estimate| = 1)', () => {
    const perfect = tableFromVectors({ x: [1, 2, 3, 4, 5, 6], y: [2, 4, 6, 8, 10, 12] });
    for (const id of ['spearman', 'kendall'] as const) {
      const outcome = runAnalysis(buildRequest(id, { x: 'x', y: 'y' }), perfect);
      assert.equal(outcome.result.ciLow, null);
      assert.equal(outcome.tables[0].rows[0].ciLow, 'not available');
      assert.match(outcome.tables[0].note ?? '', /degenerate at ±1/);
    }
  });

  it('warns that ties rule out the exact Spearman p-value', () => {
    const tied = tableFromVectors({ x: [1, 2, 2, 4, 5, 6, 7], y: [3, 1, 4, 1, 5, 9, 2] });
    const outcome = runAnalysis(buildRequest('spearman', { x: 'x', y: 'y' }), tied);
    assert.equal(outcome.result.method, 't-approx');
    assert.equal(outcome.warnings.length, 1);
  });

  it('gives a finite exact Kendall p-value beyond n = 170, where R returns NaN, close to the normal one', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const x = Array.from({ length: 200 }, () => random());
    const y = x.map((v) => 0.2 * v + random());
    const table = tableFromVectors({ x, y });
    const exact = runAnalysis(buildRequest('kendall', { x: 'x', y: 'y' }, { exact: true }), table).result;
    const normal = runAnalysis(buildRequest('kendall', { x: 'x', y: 'y' }, { exact: false }), table).result;
    assert.equal(exact.method, 'exact');
    assert.equal(normal.method, 'normal-approx');
    // The normal approximation is good to a few thousandths at n = 200.
    assert.ok(Math.abs((exact.pValue as number) - (normal.pValue as number)) < 5e-3);
  });

  it("computes tau-b by Knight's algorithm exactly as the O(n^2) pair sum", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + Math.floor(random() * 60);
      const x = Array.from({ length: n }, () => Math.floor(random() * 8));
      const y = Array.from({ length: n }, () => Math.floor(random() * 8));
      let s = 0;
      let sx = 0;
      let sy = 0;
      for (let k = 0; k < n; k++) {
        for (let j = 0; j < k; j++) {
          const a = Math.sign(x[k] - x[j]);
          const b = Math.sign(y[k] - y[j]);
          s += a * b;
          sx += a * a;
          sy += b * b;
        }
      }
      // Same integer counts, same final division: equal to the last bit.
      assert.equal(computeKendallTau(x, y), Math.min(1, s / (Math.sqrt(sx) * Math.sqrt(sy))));
    }
  });
});
