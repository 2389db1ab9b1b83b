/**
 * The column named as the response by convention (issue #16), on made-up schemas: R's datasets often
 * call the measured response `y` ("crime rate" in UScrime, "accidents" in Traffic, "seizure counts" in
 * epil). A word that names nothing, standing where a measurement the request asks about would, is read as
 * that column and the decision says so; never as a predictor, covariate or grouping, and never when
 * another role would have to be filled from the schema. "regress W on X": the outcome stands between the
 * verb and "on", so a column after "on" is never taken for it; in a regression figure it is the y axis.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import type { DecisionOutcome } from '../../../kernel/decide/index.js';
import { decided, madeUp } from './made-up.js';

const { numeric, factor, schema } = madeUp(60, 'made-up.csv');
const reasonOf = (out: DecisionOutcome): string => (out.status === 'decided' ? `decided ${out.analysis}` : out.reason.code);

describe('decide: the column named as the response by convention (#16)', () => {
  const farms = schema([numeric('rainfall'), numeric('income'), numeric('soil'), factor('region', ['north', 'south']), factor('crop', ['maize', 'wheat', 'rice']), numeric('y')]);

  it('a word for the measurement asked about is `y`, and the decision says so', () => {
    const normal = decided(decideWithRules('is the harvest normally distributed?', farms));
    assert.deepEqual([normal.analysis, normal.roles], ['shapiro_wilk', { column: 'y' }]);
    assert.ok(normal.explanation.refinements.some((r) => r.includes("'harvest'") && r.includes("'y'")), 'the reading is said');
    assert.ok(normal.confidence <= 0.75);
    const byCrop = decided(decideWithRules('does the harvest differ between crops?', farms));
    assert.deepEqual([byCrop.roles.outcome, byCrop.roles.group], ['y', 'crop']);
    const model = decided(decideWithRules('regress the harvest on rainfall and soil', farms));
    assert.deepEqual([model.analysis, model.roles.outcome, model.roles.predictors], ['ols', 'y', ['rainfall', 'soil']]);
  });

  it('never as a predictor or grouping, nor with another role filled from the schema', () => {
    // "on harvest": the word stands where a predictor would.
    assert.equal(reasonOf(decideWithRules('regress income on harvest', farms)), 'unknown-word');
    // "by district": a grouping the data lack.
    assert.notEqual(reasonOf(decideWithRules('average y by district', farms)), 'decided describe');
    // "does irrigation relate to harvest?": irrigation names nothing and the other role would come from the schema.
    assert.notEqual(reasonOf(decideWithRules('does irrigation spending relate to harvest?', farms)), 'decided ttest_welch');
  });

  it('without a column named as the response, the word asks', () => {
    const noY = schema([numeric('rainfall'), numeric('income'), factor('crop', ['maize', 'wheat', 'rice'])]);
    assert.equal(reasonOf(decideWithRules('is the harvest normally distributed?', noY)), 'unknown-word');
  });

  it('"regress W on X": a column after "on" is never the outcome', () => {
    // Before: "regress harvest on rainfall and soil" without `y` became rainfall ~ soil.
    const noY = schema([numeric('rainfall'), numeric('income'), numeric('soil'), factor('region', ['north', 'south'])]);
    assert.equal(reasonOf(decideWithRules('regress harvest on rainfall and soil', noY)), 'unknown-word');
    assert.equal(reasonOf(decideWithRules('regress harvest on rainfall', noY)), 'unknown-word');
    assert.deepEqual(decided(decideWithRules('regress income on rainfall and soil', noY)).roles, { outcome: 'income', predictors: ['rainfall', 'soil'] });
    // The same order in a figure: "the regression line of income on rainfall" puts income on the y axis.
    for (const request of ['regression line of income on rainfall', 'fitted regression line of income on rainfall, with the plot']) {
      assert.deepEqual(decided(decideWithRules(request, noY)).roles, { x: 'rainfall', y: 'income' }, request);
    }
  });
});
