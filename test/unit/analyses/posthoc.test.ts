import assert from 'node:assert/strict';
import studentizedRangeCdf from '@stdlib/stats/base/dists/studentized-range/cdf';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { computePtukey, computePtukeyUpper, computeQtukey } from '../../../kernel/analyses/posthoc/studentized-range.js';
import type { Comparison } from '../../../kernel/analyses/posthoc/compute.js';
import type { Table } from '../../../kernel/types.js';
import { relativeError } from '../../support/close.js';
import { expectCode } from '../../support/expect-code.js';
import { buildRequest } from '../../support/fixtures.js';
import { assertNoNaNInTables, buildTable, expectClose, fixture, printWorst, worst } from './comparison-helpers.js';

after(() => printWorst('posthoc'));

describe('post-hoc comparisons against R', () => {
  for (const c of fixture.cases.filter((x) => x.analysis === 'tukey_hsd' || x.analysis === 'games_howell')) {
    it(`${c.analysis}: ${c.id} matches ${fixture.rVersion}`, () => {
      const out = runAnalysis(buildRequest(c.analysis, c.roles, c.options), buildTable(c.data));
      assertNoNaNInTables(out.tables);
      const got = out.result.comparisons as Comparison[];
      const expected = c.expected.comparisons as Record<string, number | string>[];
      assert.equal(got.length, expected.length);
      got.forEach((g, i) => {
        const e = expected[i];
        assert.equal(g.group1, e.group1);
        assert.equal(g.group2, e.group2);
        const label = `${c.id} ${g.group2}-${g.group1}`;
        for (const field of ['diff', 'ciLow', 'ciHigh', 'df'] as const) {
          if (field in e) expectClose(g[field], e[field], { rel: 1e-9 }, `${label}.${field}`, `posthoc ${c.analysis}`);
        }
        // R's adjusted p is 1 - ptukey(lower). The lower tail sums exp(t1) with t1 built from terms
        // of size ~300 (df log df, lgamma(df/2)), so R's own value carries an absolute rounding error
        // of ~1e-13 that no port can reproduce bit for bit (it depends on the platform's log/exp).
        // Hence 1e-9 relative OR 1e-13 absolute; it only matters for p below ~1e-4.
        const pKey = (e.pAdj as number) >= 1e-4 ? `posthoc ${c.analysis} p_adj (p >= 1e-4)` : undefined;
        expectClose(g.pAdj, e.pAdj, { rel: 1e-9, abs: 1e-13 }, `${label}.pAdj`, pKey);
        if (!pKey) worst.record(`posthoc ${c.analysis} p_adj (p < 1e-4), ABSOLUTE error`, Math.abs(g.pAdj - (e.pAdj as number)), `${label}.pAdj`);
      });
      assert.match(out.tables[0].note ?? '', /second-named group minus the first/);
    });
  }
});

describe('studentized range against R ptukey/qtukey', () => {
  for (const g of fixture.ptukey) {
    it(`ptukey(${g.q}, ${g.nmeans}, ${g.df})`, () => {
      expectClose(computePtukey(g.q, g.nmeans, g.df), g.p, { rel: 1e-12, abs: 1e-15 }, 'ptukey lower', 'posthoc ptukey');
      // Upper tail is 1 - lower, as in R: absolute error ~1e-16.
      expectClose(computePtukeyUpper(g.q, g.nmeans, g.df), g.upper, { rel: 1e-9, abs: 1e-15 }, 'ptukey upper', g.upper >= 1e-4 ? 'posthoc ptukey upper (p >= 1e-4)' : undefined);
    });
  }
  for (const g of fixture.qtukey) {
    it(`qtukey(${g.p}, ${g.nmeans}, ${g.df})`, () => {
      // R stops its secant search at 1e-4; replaying the same steps gives R's value itself.
      expectClose(computeQtukey(g.p, g.nmeans, g.df), g.q, { rel: 1e-9 }, 'qtukey', 'posthoc qtukey');
    });
  }
  it('measures @stdlib studentized-range cdf against R (reported, not used)', () => {
    let worstStdlib = 0;
    for (const g of fixture.ptukey.filter((x) => x.df <= 1000)) {
      const v = studentizedRangeCdf(g.q, g.nmeans, g.df);
      if (g.p > 1e-300) worstStdlib = Math.max(worstStdlib, relativeError(v, g.p));
    }
    console.log(`    @stdlib studentized-range cdf: worst relative error vs R ptukey ${worstStdlib.toExponential(2)}`);
    assert.ok(Number.isFinite(worstStdlib));
  });
});

describe('post-hoc degenerate data', () => {
  const table: Table = {
    rowCount: 6,
    columns: [
      { name: 'y', kind: 'numeric', values: Float64Array.from([1, 2, 2, 4, 3, 9]) },
      { name: 'flat', kind: 'numeric', values: Float64Array.from([1, 1, 2, 2, 3, 3]) },
      { name: 'g', kind: 'categorical', values: ['a', 'a', 'b', 'b', 'c', 'c'] },
      { name: 'g5', kind: 'categorical', values: ['a', 'a', 'b', 'c', 'd', 'e'] },
    ],
  };
  it('tukey_hsd needs 2 residual df', () =>
    expectCode(() => runAnalysis(buildRequest('tukey_hsd', { outcome: 'y', group: 'g5' }), table), 'too-few-observations'));
  it('games_howell needs 3 per group', () =>
    expectCode(() => runAnalysis(buildRequest('games_howell', { outcome: 'y', group: 'g' }), table), 'too-few-observations'));
  it('tukey_hsd rejects zero variance in every group', () =>
    expectCode(() => runAnalysis(buildRequest('tukey_hsd', { outcome: 'flat', group: 'g' }), table), 'zero-variance'));
});
