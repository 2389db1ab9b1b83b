/** The one number formatter (kernel/contract/format.ts): APA conventions, the same text everywhere. */
import assert from 'node:assert/strict';
import {
  formatCell, formatCi, formatDf, formatNumber, formatP, formatPValue, formatRoles, formatTableNumber, isPColumn,
} from '../../../kernel/contract/format.js';

describe('kernel/contract/format', () => {
  it('writes p-values as APA: no leading zero, "< .001", "1.000"', () => {
    assert.equal(formatPValue(0.0612), '.061');
    assert.equal(formatPValue(0.0004), '< .001');
    assert.equal(formatPValue(2.3e-6), '< .001');
    assert.equal(formatPValue(0.99999), '1.000');
    assert.equal(formatPValue(NaN), 'NA');
    assert.equal(formatP(0.0612), 'p = .061');
    assert.equal(formatP(0.0004), 'p < .001');
  });

  it('numbers in sentences: fixed decimals, no negative zero, infinity as ∞', () => {
    assert.equal(formatNumber(-4.8079), '-4.81');
    assert.equal(formatNumber(-0.001), '0.00');
    assert.equal(formatNumber(NaN), 'NA');
    assert.equal(formatNumber(Infinity), '∞');
    assert.equal(formatDf(325.2785), '325.28');
    assert.equal(formatDf(12), '12');
  });

  it('confidence intervals: brackets, and an open end for a one-sided bound', () => {
    assert.equal(formatCi(0.95, -0.746, -0.31), '95% CI [-0.75, -0.31]');
    assert.equal(formatCi(0.95, 0.47, Infinity), '95% CI [0.47, ∞)');
    assert.equal(formatCi(0.9, -Infinity, 1.2), '90% CI (-∞, 1.20]');
  });

  it('numbers in tables: integers whole (thousands from 10,000), tiny and huge in scientific notation', () => {
    assert.equal(formatTableNumber(2007), '2007');
    assert.equal(formatTableNumber(123456), '123,456');
    assert.equal(formatTableNumber(-4.80788), '-4.808');
    assert.equal(formatTableNumber(-0.0001234), '-1.23e-4');
    assert.equal(formatTableNumber(-0.0004, 2), '-4.00e-4');
    assert.equal(formatTableNumber(-Infinity), '-∞');
  });

  it('table cells by what their column holds (JSON snake_case or internal camelCase keys alike)', () => {
    for (const key of ['p', 'p_value', 'pValue', 'p_adj', 'pAdj', 'f_p_value', 'fPValue']) assert.equal(formatCell(key, 0.0452), '.045', key);
    assert.ok(isPColumn('x', 'p (adj.)'));
    assert.ok(!isPColumn('predictor', 'Predictor') && !isPColumn('estimate', 'Estimate') && !isPColumn('pooled', 'Pooled'));
    assert.equal(formatCell('df', 12), '12');
    assert.equal(formatCell('df', 12.345), '12.35');
    assert.equal(formatCell('r_squared', 0.4567), '.457');
    assert.equal(formatCell('rSquared', 0.4567), '.457');
    assert.equal(formatCell('cramers_v', 0.31), '.310');
    assert.equal(formatCell('estimate', null), '—');
    assert.equal(formatCell('ci_low', '-Infinity'), '-∞');
    assert.equal(formatCell('ci_high', 'Infinity'), '∞');
    assert.equal(formatCell('significant', true), 'yes');
    assert.equal(formatCell('method', 'exact'), 'exact');
  });

  it('roles for a decision line', () => {
    assert.equal(formatRoles({ outcome: 'y', predictors: ['a', 'b'], pairId: 'id' }), 'outcome = y, predictors = a + b, pair_id = id');
    assert.equal(formatRoles({ outcome: 'y', group: undefined, predictors: [] }), 'outcome = y');
  });
});
