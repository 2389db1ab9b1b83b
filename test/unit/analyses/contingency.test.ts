import assert from 'node:assert/strict';
import { computeChiSquare } from '../../../kernel/analyses/contingency/chi2.js';
import { computeFisher } from '../../../kernel/analyses/contingency/fisher.js';
import { computeFisherExactRxC } from '../../../kernel/analyses/contingency/fisher-rxc.js';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { expectCode } from '../../support/expect-code.js';
import { buildRequest } from '../../support/fixtures.js';
import { casesOf, expectClose, fixtures, reportWorstErrors, runCase, tableFromCounts } from './associations-helpers.js';

const IDS = ['chi2_independence', 'fisher_exact'] as const;

describe('contingency analyses against R', () => {
  after(() => reportWorstErrors(IDS));
  for (const c of casesOf(IDS)) {
    it(`matches R ${fixtures.rVersion}: ${c.id}`, () => {
      const { outcome, r } = runCase(c);
      const e = c.expected;
      // Default tolerance 1e-9 relative for every number (CONTRACT.md).
      if (c.analysis === 'chi2_independence') {
        for (const key of ['statistic', 'df', 'p_value', 'cramers_v']) {
          if ((e[key] as number) === 0) assert.ok(Math.abs(r[key] as number) <= 1e-14, `${c.id}: ${key} is 0 in R`);
          else expectClose(r[key], e[key], `${c.id}: ${key}`, c.analysis);
        }
        assert.equal(r.correction, e.correction);
        assert.deepEqual(r.observed, e.observed);
        const expected = e.expected as number[][];
        (r.expected as number[][]).forEach((row, i) => row.forEach((v, j) => expectClose(v, expected[i][j], `${c.id}: expected[${i}][${j}]`, c.analysis)));
        const countsCheck = outcome.assumptions.find((a) => a.check === 'expected_counts');
        assert.equal(countsCheck?.ok, !e.small_expected);
        assert.equal(outcome.recommendations.some((x) => x.includes('fisher_exact')), Boolean(e.small_expected));
      } else {
        for (const key of ['p_value', 'odds_ratio', 'ci_low', 'ci_high']) {
          if (e[key] === null) assert.equal(r[key], null, `${c.id}: ${key} should be null`);
          else if (e[key] === 0) assert.equal(r[key], 0, `${c.id}: ${key}`);
          else expectClose(r[key], e[key], `${c.id}: ${key}`, c.analysis);
        }
      }
    });
  }
});

describe('contingency behaviour', () => {
  it('applies Yates only to 2 x 2 tables and only when correct is true', () => {
    assert.equal(computeChiSquare([[10, 5], [3, 12]], true).correction, true);
    assert.equal(computeChiSquare([[10, 5], [3, 12]], false).correction, false);
    assert.equal(computeChiSquare([[10, 5, 4], [3, 12, 9]], true).correction, false);
  });

  it('refuses a table with an empty row or column with empty-table-cell', () => {
    expectCode(() => computeChiSquare([[0, 0], [3, 12]], true), 'empty-table-cell');
    expectCode(() => computeFisher([[4, 0, 1], [3, 0, 2]], 'two-sided', 0.95), 'empty-table-cell');
  });

  it('refuses a factor with a single level with wrong-level-count', () => {
    const table = tableFromCounts({ rows: ['a'], cols: ['x', 'y'], matrix: [[3, 4]] });
    expectCode(() => runAnalysis(buildRequest('chi2_independence', { row: 'row', col: 'col' }), table), 'wrong-level-count');
  });

  it('refuses a column with too many levels with column-not-categorical', () => {
    const values = Array.from({ length: 120 }, (_, i) => `id${i}`);
    const table = { rowCount: 120, columns: [{ name: 'id', kind: 'text' as const, values }, { name: 'g', kind: 'categorical' as const, values: values.map((_, i) => (i % 2 ? 'a' : 'b')) }] };
    expectCode(() => runAnalysis(buildRequest('fisher_exact', { row: 'id', col: 'g' }), table), 'column-not-categorical');
  });

  it('needs both roles', () => {
    const table = tableFromCounts({ rows: ['a', 'b'], cols: ['x', 'y'], matrix: [[3, 4], [5, 1]] });
    expectCode(() => runAnalysis(buildRequest('fisher_exact', { row: 'row' }), table), 'missing-role');
  });

  it('orders numeric levels naturally (2 before 10)', () => {
    const table = tableFromCounts({ rows: ['10', '2'], cols: ['x', 'y'], matrix: [[3, 4], [5, 1]] });
    const outcome = runAnalysis(buildRequest('chi2_independence', { row: 'row', col: 'col' }), table);
    assert.deepEqual(outcome.result.observed, [[5, 1], [3, 4]]);
  });

  it('warns about small expected counts and recommends fisher_exact', () => {
    const table = tableFromCounts({ rows: ['a', 'b'], cols: ['x', 'y'], matrix: [[3, 1], [1, 3]] });
    const outcome = runAnalysis(buildRequest('chi2_independence', { row: 'row', col: 'col' }), table);
    assert.equal(outcome.warnings.length, 1);
    assert.ok(outcome.recommendations[0].startsWith('Consider fisher_exact'));
    assert.match(outcome.summary, /^χ²\(1, N = 8\) = \d+\.\d\d \(Yates' correction\), p = \.\d{3}, Cramér's V = \.\d\d; OR = /);
  });

  it('tests larger tables two-sided and warns when another alternative was asked', () => {
    const table = tableFromCounts({ rows: ['a', 'b'], cols: ['x', 'y', 'z'], matrix: [[3, 1, 4], [1, 3, 2]] });
    const outcome = runAnalysis(buildRequest('fisher_exact', { row: 'row', col: 'col' }, { alternative: 'greater' }), table);
    assert.equal(outcome.result.alternative, 'two-sided');
    assert.equal(outcome.result.oddsRatio, null);
    assert.equal(outcome.warnings.length, 1);
  });

  it('refuses a table too large to enumerate, saying so (code usage until a dedicated code exists)', () => {
    const big = [
      [40, 35, 30, 25, 20],
      [25, 30, 35, 40, 45],
      [30, 30, 30, 30, 30],
      [20, 40, 25, 35, 30],
      [35, 25, 40, 20, 30],
    ];
    expectCode(() => computeFisherExactRxC(big, 1e5), 'table-too-large');
  });

  it('agrees with the 2 x 2 hypergeometric p-value when the enumeration is run on a 2 x 2 table', () => {
    const t = [
      [3, 1],
      [1, 3],
    ];
    // Two routes to the same exact sum: 1e-12 relative.
    const viaEnumeration = computeFisherExactRxC(t);
    const via2x2 = computeFisher(t, 'two-sided', 0.95).pValue;
    assert.ok(Math.abs(viaEnumeration - via2x2) <= 1e-12 * via2x2);
  });

  it('gives the same exact p-value for a table and its transpose', () => {
    const t = [
      [3, 1, 4],
      [1, 5, 9],
    ];
    const transposed = [
      [3, 1],
      [1, 5],
      [4, 9],
    ];
    // Same enumeration in a different order: equal to rounding (1e-12 relative).
    const a = computeFisherExactRxC(t);
    const b = computeFisherExactRxC(transposed);
    assert.ok(Math.abs(a - b) <= 1e-12 * a);
  });
});
