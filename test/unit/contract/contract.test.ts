import assert from 'node:assert/strict';
import { snakeKey, snakeKeys } from '../../../kernel/contract/index.js';
import { encodeNonFinite, rolesToJson } from '../../../kernel/notebook/outputs.js';

describe('contract JSON keys', () => {
  it('turns internal names into CONTRACT.md names', () => {
    const cases: [string, string][] = [
      ['pValue', 'p_value'], ['adjRSquared', 'adj_r_squared'], ['fPValue', 'f_p_value'], ['mean1', 'mean_1'],
      ['group2', 'group_2'], ['n1', 'n_1'], ['df1', 'df1'], ['df2', 'df2'], ['cramersV', 'cramers_v'],
      ['hedgesG', 'hedges_g'], ['ciLow', 'ci_low'], ['stdError', 'std_error'], ['pairId', 'pair_id'],
      ['dfBetween', 'df_between'], ['pAdj', 'p_adj'], ['statistic', 'statistic'], ['epsilonSquared', 'epsilon_squared'],
    ];
    for (const [from, to] of cases) assert.equal(snakeKey(from), to, from);
  });

  it('converts keys deeply but never values, and leaves Vega-Lite specs alone', () => {
    const out = snakeKeys({ pValue: 1, comparisons: [{ group1: 'Adelie', ciLow: 2 }], vegaLite: { labelAngle: 0 } });
    assert.deepEqual(out, { p_value: 1, comparisons: [{ group_1: 'Adelie', ci_low: 2 }], vega_lite: { labelAngle: 0 } });
  });

  it('writes roles as JSON without empty entries, and infinities as strings', () => {
    assert.deepEqual(rolesToJson({ outcome: 'len', pairId: 'id', predictors: [] }), { outcome: 'len', pair_id: 'id' });
    assert.deepEqual(encodeNonFinite({ a: [Infinity, -Infinity, 1] }), { a: ['Infinity', '-Infinity', 1] });
  });
});
