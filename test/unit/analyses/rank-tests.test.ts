import assert from 'node:assert/strict';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import {
  computeRankSumCounts,
  computeSignedRankCounts,
  computePsignrank,
  computePwilcox,
  computeQsignrank,
  computeQwilcox,
} from '../../../kernel/analyses/rank-tests/distribution.js';
import { computeShiftedRankSum, computeShiftedSignedRank } from '../../../kernel/analyses/rank-tests/shifted-ranks.js';
import { computeUniroot } from '../../../kernel/analyses/common/zeroin.js';
import { rankAverage } from '../../../kernel/analyses/common/ranks.js';
import type { Table } from '../../../kernel/types.js';
import { expectCode } from '../../support/expect-code.js';
import { buildRequest } from '../../support/fixtures.js';
import { assertNoNaNInTables, buildTable, expectClose, fixture, printWorst } from './comparison-helpers.js';

const NUMERIC_FIELDS = ['statistic', 'pValue', 'rankBiserial', 'estimate', 'ciLow', 'ciHigh', 'confLevel', 'n1', 'n2', 'median1', 'median2', 'n', 'nZero', 'df', 'epsilonSquared'];

after(() => printWorst('rank'));

describe('rank tests against R', () => {
  const ids = new Set(['mann_whitney', 'wilcoxon_signed_rank', 'kruskal_wallis']);
  for (const c of fixture.cases.filter((x) => ids.has(x.analysis))) {
    it(`${c.analysis}: ${c.id} matches ${fixture.rVersion}`, () => {
      const out = runAnalysis(buildRequest(c.analysis, c.roles, c.options), buildTable(c.data));
      assertNoNaNInTables(out.tables);
      if ('method' in c.expected) assert.equal(out.result.method, c.expected.method, `${c.id}.method`);
      for (const field of NUMERIC_FIELDS) {
        if (!(field in c.expected)) continue;
        // 1e-9 relative, as CONTRACT.md promises. The Hodges-Lehmann roots replay R's uniroot steps,
        // so they agree although R stops at tol = 1e-4.
        expectClose(out.result[field], c.expected[field], { rel: 1e-9 }, `${c.id}.${field}`, `rank ${c.analysis}`);
      }
      assert.ok(out.summary.length > 0);
    });
  }
});

describe('exact Wilcoxon distributions against R', () => {
  for (const g of fixture.pwilcox) {
    it(`pwilcox(${g.q}, ${g.m}, ${g.n}) and qwilcox`, () => {
      expectClose(computePwilcox(g.q, g.m, g.n), g.lower, { rel: 1e-12 }, 'pwilcox lower', 'rank pwilcox');
      expectClose(computePwilcox(g.q, g.m, g.n, false), g.upper, { rel: 1e-12 }, 'pwilcox upper', 'rank pwilcox');
      assert.equal(computeQwilcox(0.025, g.m, g.n), g.quantile025);
      assert.equal(computeQwilcox(0.95, g.m, g.n), g.quantile95);
    });
  }
  for (const g of fixture.psignrank) {
    it(`psignrank(${g.x}, ${g.n}) and qsignrank`, () => {
      expectClose(computePsignrank(g.x, g.n), g.lower, { rel: 1e-12 }, 'psignrank lower', 'rank psignrank');
      expectClose(computePsignrank(g.x, g.n, false), g.upper, { rel: 1e-12 }, 'psignrank upper', 'rank psignrank');
      assert.equal(computeQsignrank(0.025, g.n), g.quantile025);
      assert.equal(computeQsignrank(0.95, g.n), g.quantile95);
    });
  }
  it('counts the rank-sum distribution exactly for small sizes (m = 2, n = 3: 10 arrangements)', () => {
    // U = 0..6 has frequencies 1, 1, 2, 2, 2, 1, 1; exact integers, in either argument order.
    assert.deepEqual(Array.from(computeRankSumCounts(2, 3)), [1, 1, 2, 2, 2, 1, 1]);
    assert.deepEqual(Array.from(computeRankSumCounts(3, 2)), [1, 1, 2, 2, 2, 1, 1]);
    // V for n = 3: subsets of {1, 2, 3} by sum 0..6 -> 1, 1, 1, 2, 1, 1, 1.
    assert.deepEqual(Array.from(computeSignedRankCounts(3)), [1, 1, 1, 2, 1, 1, 1]);
  });
});

describe('shifted rank statistics (linear-time merge) against ranking from scratch', () => {
  // Exact agreement: ranks are half-integers and tie terms integers, so both sums are exact.
  let seed = 7;
  const random = (): number => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const tieTerm = (sizes: number[]): number => sizes.reduce((s, t) => s + t ** 3 - t, 0);
  for (let trial = 0; trial < 20; trial++) {
    it(`trial ${trial}: rank sum of x - d in c(x - d, y) and signed ranks of x - d`, () => {
      const x = Float64Array.from({ length: 5 + (trial % 7) }, () => Math.round(random() * 8) / 2);
      const y = Float64Array.from({ length: 3 + (trial % 5) }, () => Math.round(random() * 8) / 2);
      const d = [0, 0.5, -1, 1.5, 2][trial % 5];
      const combined = Float64Array.from([...Array.from(x, (v) => v - d), ...y]);
      const { ranks, tieSizes } = rankAverage(combined);
      const expectedSum = Array.from(ranks.slice(0, x.length)).reduce((a, b) => a + b, 0);
      const merged = computeShiftedRankSum(Float64Array.from(x).sort(), Float64Array.from(y).sort(), d);
      assert.equal(merged.rankSumX, expectedSum);
      assert.equal(merged.tieSum, tieTerm(tieSizes));
      const xd = Array.from(x, (v) => v - d).filter((v) => v !== 0);
      const signed = rankAverage(xd.map(Math.abs));
      const positive = xd.reduce((s, v, i) => (v > 0 ? s + signed.ranks[i] : s), 0);
      const shifted = computeShiftedSignedRank(Float64Array.from(x).sort(), d);
      assert.equal(shifted.n, xd.length);
      assert.equal(shifted.positiveRankSum, positive);
      assert.equal(shifted.tieSum, tieTerm(signed.tieSizes));
    });
  }
});

describe('computeUniroot (R zeroin)', () => {
  it('finds sqrt(2) to the requested tolerance (1e-12 absolute)', () => {
    const r = computeUniroot((x) => x * x - 2, 0, 2, 1e-12);
    assert.ok(Math.abs(r.root - Math.SQRT2) < 1e-12);
    assert.ok(r.iterations > 0);
  });
  it('returns an endpoint that is already a root', () => {
    assert.equal(computeUniroot((x) => x - 1, 1, 3, 1e-4).root, 1);
  });
});

describe('rank-test validation and degenerate data', () => {
  const table: Table = {
    rowCount: 6,
    columns: [
      { name: 'y', kind: 'numeric', values: Float64Array.from([2, 2, 2, 2, 2, 2]) },
      { name: 'z', kind: 'numeric', values: Float64Array.from([1, 3, 2, 5, 4, 6]) },
      { name: 'g', kind: 'categorical', values: ['a', 'a', 'a', 'b', 'b', 'b'] },
      { name: 'h', kind: 'categorical', values: ['a', 'a', 'b', 'b', 'c', 'c'] },
    ],
  };
  it('mann_whitney: all values tied is zero-variance', () =>
    expectCode(() => runAnalysis(buildRequest('mann_whitney', { outcome: 'y', group: 'g' }), table), 'zero-variance'));
  it('mann_whitney: needs exactly 2 groups', () =>
    expectCode(() => runAnalysis(buildRequest('mann_whitney', { outcome: 'z', group: 'h' }), table), 'wrong-level-count'));
  it('wilcoxon_signed_rank: every value equal to mu is zero-variance', () =>
    expectCode(() => runAnalysis(buildRequest('wilcoxon_signed_rank', { column: 'y' }, { mu: 2 }), table), 'zero-variance'));
  it('wilcoxon_signed_rank: needs a column', () =>
    expectCode(() => runAnalysis(buildRequest('wilcoxon_signed_rank', {}), table), 'missing-role'));
  it('kruskal_wallis: all tied is zero-variance', () =>
    expectCode(() => runAnalysis(buildRequest('kruskal_wallis', { outcome: 'y', group: 'h' }), table), 'zero-variance'));
  it('kruskal_wallis: a single group is wrong-level-count', () =>
    expectCode(() => runAnalysis(buildRequest('kruskal_wallis', { outcome: 'z', group: 'g' }, { levels: ['a'] }), table), 'wrong-level-count'));
  it('rejects --exact true on a huge rank-sum problem', () => {
    const n = 300;
    const big: Table = {
      rowCount: n,
      columns: [
        { name: 'y', kind: 'numeric', values: Float64Array.from({ length: n }, (_, i) => i) },
        { name: 'g', kind: 'categorical', values: Array.from({ length: n }, (_, i) => (i % 2 ? 'a' : 'b')) },
      ],
    };
    expectCode(() => runAnalysis(buildRequest('mann_whitney', { outcome: 'y', group: 'g' }, { exact: true }), big), 'sample-too-large');
  });
  it('falls back to the normal approximation with ties under --exact true, and says so', () => {
    const t: Table = {
      rowCount: 6,
      columns: [
        { name: 'y', kind: 'numeric', values: Float64Array.from([1, 2, 2, 3, 4, 5]) },
        { name: 'g', kind: 'categorical', values: ['a', 'a', 'a', 'b', 'b', 'b'] },
      ],
    };
    const out = runAnalysis(buildRequest('mann_whitney', { outcome: 'y', group: 'g' }, { exact: true }), t);
    assert.equal(out.result.method, 'normal-approx');
    assert.ok(out.warnings.some((w) => /exact p-value cannot be computed with ties/.test(w)));
  });
  it('reports a lower achievable confidence level for tiny exact samples', () => {
    const c = fixture.cases.find((x) => x.id === 'sr-chick-n6-exact-99-unachievable')!;
    const out = runAnalysis(buildRequest(c.analysis, c.roles, c.options), buildTable(c.data));
    assert.equal(out.result.confLevel, 0.969);
    assert.ok(out.warnings.some((w) => /not achievable/.test(w)));
  });
});
