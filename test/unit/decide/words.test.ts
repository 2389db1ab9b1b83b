/**
 * Words that are not where a variable stands (issue #16, word-places.ts, only-column.ts), on made-up
 * schemas: verbs of the question, a rate's denominator, qualifiers of a column's noun phrase, the
 * sentences that set the scene, a planned study, chemical symbols, and the one column that can fill a
 * role. Decisions, roles and reason codes are asserted, not wording.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import { decided, madeUp, reasonOf } from './made-up.js';

const { numeric, coded, factor, schema } = madeUp(80);

describe('decide: words that name no variable, and the only column that can fill a role (#16)', () => {
  const orchard = schema([numeric('yield'), numeric('rainfall'), factor('fertiliser', ['none', 'organic', 'mineral']), factor('soil', ['Con', 'Sand', 'Clay'])]);

  it('a verb of the question is no variable: "to assess whether", "is classified by", "were cross-fostered to"', () => {
    assert.deepEqual(decided(decideWithRules('Use the Shapiro-Wilk test to assess whether rainfall is normally distributed', orchard)).roles, { column: 'rainfall' });
    assert.equal(decided(decideWithRules('Each plot is classified by fertiliser. Test whether the mean yield is the same for every fertiliser.', orchard)).roles.group, 'fertiliser');
    // The same word where a variable stands still asks; so does a status of the units ("trees that were irrigated in ...").
    assert.equal(reasonOf(decideWithRules('Is yield related to assessment?', orchard)), 'unknown-word');
    assert.equal(reasonOf(decideWithRules('Is the yield higher for trees that were irrigated in spring?', orchard)), 'unknown-word');
  });

  it('the sentences that set the scene name the setting when the question accounts for its own words', () => {
    const out = decideWithRules('Seedlings were transplanted to hillside terraces in spring. Test whether the mean yield differs between fertilisers.', orchard);
    assert.deepEqual(decided(out).roles, { outcome: 'yield', group: 'fertiliser' });
    // A sentence that restricts the rows is no scene.
    assert.equal(reasonOf(decideWithRules('Only trees on terraces were measured. Test whether the mean yield differs between fertilisers.', orchard)), 'unknown-word');
    // A word of the question itself that names nothing still asks.
    assert.equal(reasonOf(decideWithRules('Seedlings were transplanted to hillside terraces in spring. Test whether the mean sweetness differs between fertilisers.', orchard)), 'unknown-word');
  });

  it('the denominator of a rate after a column named is no variable; "mean per X" is a grouping and asks', () => {
    const out = decided(decideWithRules('Is the mean yield per hectare above 5?', orchard));
    assert.deepEqual([out.analysis, out.roles], ['ttest_one_sample', { column: 'yield' }]);
    assert.equal(reasonOf(decideWithRules('what is the mean per farm?', orchard)), 'unknown-word');
  });

  it('words qualifying a column named confidently after them are part of its phrase, unless coordinated with a value', () => {
    const lab = schema([numeric('conc'), numeric('dose'), factor('arm', ['placebo', 'active']), factor('form', ['tablet', 'capsule'])]);
    assert.deepEqual(decided(decideWithRules('compare the plasma drug concentration between arms', lab)).roles, { outcome: 'conc', group: 'arm' });
    assert.equal(reasonOf(decideWithRules('compare conc between liquid and solid-dose forms', lab)), 'unknown-word');
    // A word before the units ("fasting patients' concentration") may restrict the rows: it asks.
    assert.equal(reasonOf(decideWithRules('compare the fasting patients concentration between arms', lab)), 'unknown-word');
  });

  it('a compound word whose head is a column\'s name names that column ("policyholders" Holders), with its rate unit', () => {
    const cover = schema([numeric('Holders'), numeric('Claims'), factor('District', ['1', '2', '3', '4'])]);
    assert.deepEqual(decided(decideWithRules('Is the number of policyholders per cell normally distributed?', cover)).roles, { column: 'Holders' });
  });

  it('a word continuing a column phrase is no shortened level ("soil content" is not soil = Con)', () => {
    const out = decided(decideWithRules('Is rainfall content normally distributed?', orchard));
    assert.equal(out.options.where, undefined);
    // Set against another level, the word is the level ("rainfall content vs sand" compares soils).
    assert.deepEqual(decided(decideWithRules('compare rainfall content vs sand', orchard)).roles, { outcome: 'rainfall', group: 'soil' });
  });

  it('chemical symbols are column names (sodium Na, magnesium Mg), and a role word ends a name ("magnesium across glass types")', () => {
    const glass = schema([numeric('Na'), numeric('Mg'), numeric('K'), factor('type', ['window', 'head', 'tableware'])]);
    assert.deepEqual(decided(decideWithRules('Compare magnesium across glass types', glass)).roles, { outcome: 'Mg', group: 'type' });
    assert.deepEqual(decided(decideWithRules('correlation between sodium and potassium', glass)).roles, { x: 'Na', y: 'K' });
    const water = schema([numeric('CO2'), numeric('NO3'), numeric('SO4'), factor('site', ['a', 'b'])]);
    assert.deepEqual(decided(decideWithRules('correlation between nitrate and sulphate', water)).roles, { x: 'NO3', y: 'SO4' });
    assert.deepEqual(decided(decideWithRules('compare carbon dioxide between sites', water)).roles, { outcome: 'CO2', group: 'site' });
    // Other universal abbreviations: ascorbic acid is vitamin C, the labour force (participation) LFP.
    const survey = schema([numeric('VitC'), numeric('age'), coded('lfp', ['0', '1'])]);
    assert.equal(decided(decideWithRules('mean ascorbic acid content', survey)).roles.column, 'VitC');
    assert.deepEqual(decided(decideWithRules('does age differ between women in and out of the labour force?', survey)).roles, { outcome: 'age', group: 'lfp' });
  });

  it('a planned study analyses no column: its words describe the plan; Cohen\'s f plans several groups', () => {
    assert.equal(decided(decideWithRules('Planning a new trial: how many patients per group to detect d = 0.5 with 80% power?', orchard)).analysis, 'power_ttest');
    assert.equal(decided(decideWithRules('If I plan a new trial with 4 varieties and expect f = 0.25, how many plots per variety for 80% power?', orchard)).analysis, 'power_anova');
  });

  it('the one column that can fill the role is read for a word that names nothing, and said; two such columns ask', () => {
    const memory = schema([factor('condition', ['Before', 'Meshed', 'SFR']), numeric('correct')]);
    const box = decided(decideWithRules('boxplot of recall by condition', memory));
    assert.deepEqual([box.analysis, box.roles], ['boxplot', { outcome: 'correct', group: 'condition' }]);
    assert.ok(box.explanation.refinements.some((r) => r.includes("'correct', the only column")));
    assert.deepEqual(decided(decideWithRules('histogram of recall', memory)).roles, { column: 'correct' });
    // Where a grouping would stand, the one grouping column is not read for the word ("by diet" with only condition).
    assert.equal(reasonOf(decideWithRules('boxplot of correct by diet', memory)), 'unknown-word');
    // Two columns could be the outcome: ask, with both.
    const two = schema([factor('condition', ['Before', 'Meshed', 'SFR']), numeric('correct'), numeric('errors')]);
    assert.equal(reasonOf(decideWithRules('boxplot of recall by condition', two)), 'unknown-word');
    // A word that qualifies what follows does not stand where a column would ("among full professors").
    const staff = schema([factor('rank', ['Prof', 'AsstProf']), factor('discipline', ['A', 'B']), factor('sex', ['F', 'M']), numeric('salary')]);
    assert.notEqual(reasonOf(decideWithRules('does salary differ between disciplines among full professors?', staff)), 'decided');
  });

  it('a correlation with a column of three to five codes asks whether the codes are categories (measurement-level)', () => {
    const births = schema([numeric('bwt'), coded('race', ['1', '2', '3']), numeric('age')]);
    assert.equal(reasonOf(decideWithRules('correlate age with race', births)), 'measurement-level');
    assert.equal(reasonOf(decideWithRules('correlate age with bwt', births)), 'decided');
  });

  it('whether one column matters, or is different, with nothing else said, asks with a menu (open-goal)', () => {
    const ward = schema([numeric('wbc'), numeric('time'), factor('ag', ['absent', 'present']), coded('dose', ['1', '2', '4', '8'])]);
    for (const request of ['Is wbc relevant?', 'Is genotype important for time?', 'Is wbc different?', 'compare the times', 'Is the effect of dose different?']) {
      const out = decideWithRules(request, ward);
      assert.equal(reasonOf(out), 'open-goal', request);
      assert.ok(out.status !== 'decided' && out.alternatives.length >= 2, request);
    }
    // Said what it is relevant for, or different between: decided.
    assert.notEqual(reasonOf(decideWithRules('Is wbc relevant for time?', ward)), 'open-goal');
    assert.deepEqual(decided(decideWithRules('Is wbc different between ag groups?', ward)).roles, { outcome: 'wbc', group: 'ag' });
    assert.equal(reasonOf(decideWithRules('Is wbc different from 10?', ward)), 'decided');
  });
});
