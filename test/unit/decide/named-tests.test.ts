/**
 * Named tests, written hypotheses and formulas honoured (issue #16), on made-up schemas: a test the
 * request names is decided when the columns fit it, or refused with what it needs; a hypothesis written
 * as a formula gives the test value, the parameter and a one-sided alternative; a word that names a
 * column is not a method's cue. Decisions, roles and reason codes are asserted, not wording.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import { NEEDS } from '../../../kernel/decide/explain.js';
import { readHypotheses } from '../../../kernel/decide/hypotheses.js';
import { tokenize } from '../../../kernel/decide/text.js';
import { ANALYSIS_IDS } from '../../../kernel/types.js';
import { decided, madeUp, reasonOf } from './made-up.js';

const { numeric, factor, schema } = madeUp(80);

describe('decide: named tests, hypotheses and formulas honoured (#16)', () => {
  const towns = schema([numeric('cohesion'), numeric('divers'), numeric('migration'), factor('zone', ['N', 'S', 'E', 'W'])]);

  it('a method word whose start is a column’s whole name is that column ("diversity" for divers), not the method', () => {
    const ols = decided(decideWithRules('regress cohesion on diversity and migration', towns));
    assert.deepEqual([ols.analysis, ols.roles], ['ols', { outcome: 'cohesion', predictors: ['divers', 'migration'] }]);
    const partial = decided(decideWithRules('partial correlation of cohesion and migration, controlling for diversity', towns));
    assert.deepEqual([partial.analysis, partial.roles.covariates], ['partial_correlation', ['divers']]);
  });

  it('a chi-square test named for one categorical column with a goodness-of-fit question is the goodness-of-fit test', () => {
    for (const request of ['chi-square goodness-of-fit test of whether the four zones are equally represented', 'chi-square test of whether the zones are equally common']) {
      const out = decided(decideWithRules(request, towns));
      assert.deepEqual([out.analysis, out.roles], ['chi2_gof', { column: 'zone' }], request);
    }
  });

  it('a one-sample Kolmogorov-Smirnov test against a named distribution takes no group', () => {
    const sites = schema([numeric('depth'), factor('site', ['a', 'b']), factor('season', ['dry', 'wet'])]);
    for (const request of ['Kolmogorov-Smirnov test of whether depth follows a normal distribution', 'KS test of depth against a normal distribution']) {
      const out = decided(decideWithRules(request, sites));
      assert.deepEqual([out.analysis, out.roles, out.options.distribution], ['ks_test', { column: 'depth' }, 'normal'], request);
    }
    // Two samples named stay a two-sample test.
    assert.deepEqual(decided(decideWithRules('KS test comparing depth between sites', sites)).roles, { outcome: 'depth', group: 'site' });
  });

  it('"assuming equal (population) variances" is Student’s t-test, not a test of the variances', () => {
    const trial = schema([numeric('score'), factor('arm', ['drug', 'placebo'])]);
    for (const request of ['Test whether mean score differs between the arms, assuming equal population variances', 'compare score between drug and placebo assuming the variances are equal']) {
      assert.equal(decided(decideWithRules(request, trial)).analysis, 'ttest_ind', request);
    }
  });

  it('hypotheses written as formulas give the test value, the parameter and the one-sided alternative', () => {
    const read = (s: string) => readHypotheses(tokenize(s));
    assert.deepEqual(read('H0: mu = 2 against H1: mu > 2'), { parameter: 'mean', value: 2, direction: 'greater' });
    assert.deepEqual(read('H0: mu >= 10 vs Ha: mu < 10'), { parameter: 'mean', value: 10, direction: 'less' });
    assert.deepEqual(read('H0: p = 0.25'), { parameter: 'proportion', value: 0.25 });
    assert.deepEqual(read('Ha: mu != 5'), { parameter: 'mean', value: 5 });
    assert.equal(read('the H1 receptor and 2 mice'), undefined);
    const gym = schema([numeric('hours'), factor('member', ['yes', 'no']), factor('club', ['x', 'y', 'z'])]);
    const greater = decided(decideWithRules('test H0: mu = 2 hours against H1: mu > 2', gym));
    assert.deepEqual([greater.analysis, greater.roles, greater.options.mu, greater.options.alternative], ['ttest_one_sample', { column: 'hours' }, 2, 'greater']);
    const twoSided = decided(decideWithRules('is mean hours 2? H0: mu = 2, H1: mu != 2', gym));
    assert.equal(twoSided.options.alternative ?? 'two-sided', 'two-sided');
    const share = decided(decideWithRules('Test that a quarter of people are members (H0: p = 0.25)', gym));
    assert.deepEqual([share.analysis, share.roles, share.options.mu], ['binomial_test', { column: 'member' }, 0.25]);
  });

  it('a named test that does not fit says what it needs: every analysis has its need written', () => {
    for (const id of ANALYSIS_IDS) {
      if (id === 'describe' || id.startsWith('power_')) continue;
      assert.ok(NEEDS[id], `NEEDS has no entry for ${id}`);
    }
    const out = decideWithRules('ANCOVA of cohesion by zone', schema([numeric('cohesion'), factor('zone', ['N', 'S', 'E', 'W'])]));
    assert.equal(reasonOf(out), 'named-test-unfit');
    assert.ok(out.status !== 'decided' && String(out.reason.params.need).length > 0);
  });

  it('"regress Y on A, B, ... and H": every column listed after "on" is a predictor, however long the list', () => {
    const metals = ['sodium', 'potassium', 'calcium', 'iron', 'zinc', 'copper', 'lead', 'tin'];
    const assay = schema(['hardness', ...metals].map((n) => numeric(n)));
    const out = decided(decideWithRules('regress hardness on sodium, potassium, calcium, iron, zinc, copper, lead and tin', assay));
    assert.deepEqual([out.analysis, out.roles.outcome, out.roles.predictors], ['ols', 'hardness', metals]);
  });

  it('power terms written in a formula (I(x^2)) beside other predictors are predictors of their own', () => {
    const runs = schema([numeric('pace'), numeric('length'), numeric('ascent')]);
    const out = decided(decideWithRules('pace ~ length + ascent + I(ascent^2)', runs));
    assert.deepEqual([out.analysis, out.roles.outcome, out.roles.predictors], ['ols', 'pace', ['length', 'ascent', 'ascent^2']]);
    // One predictor and its powers stay a polynomial of that degree.
    const poly = decided(decideWithRules('pace ~ ascent + I(ascent^2)', runs));
    assert.deepEqual([poly.roles.predictors, poly.options.degree], [['ascent'], 2]);
  });

  it('a logistic regression whose yes/no outcome is named through its level ("predicting patient status", "the odds of malignancy")', () => {
    const clinic = schema([numeric('dose'), numeric('age'), factor('status', ['patient', 'control']), factor('lesion', ['benign', 'malignant'])]);
    const status = decided(decideWithRules('logistic regression predicting patient status from dose and age', clinic));
    assert.deepEqual([status.analysis, status.roles], ['logistic', { outcome: 'status', predictors: ['dose', 'age'] }]);
    const odds = decided(decideWithRules('Using logistic regression, estimate the odds ratio of malignancy for a one-unit increase in dose', clinic));
    assert.deepEqual([odds.analysis, odds.roles], ['logistic', { outcome: 'lesion', predictors: ['dose'] }]);
  });

  it('a binomial model of counts out of a total ("deaths out of exposed") is not in the catalogue: refused, never a logistic regression', () => {
    const pests = schema([numeric('killed'), numeric('exposed'), numeric('heat'), factor('strain', ['a', 'b', 'c'])]);
    const out = decideWithRules('Fit a binomial GLM for killed out of exposed with strain and heat', pests);
    assert.equal(reasonOf(out), 'not-in-catalogue');
  });

  it('power requests plan a study: the planned study’s words name no column; shares as decimals; Cohen’s f plans groups', () => {
    const farm = schema([numeric('yield'), factor('plot', ['p1', 'p2', 'p3']), factor('treated', ['yes', 'no'])]);
    const prop = decided(decideWithRules('Planning a new trial: how many per group to detect treated rates of 0.40 vs 0.55 with 90% power?', farm));
    assert.deepEqual([prop.analysis, prop.roles, prop.options.p1, prop.options.p2, prop.options.power], ['power_prop', {}, 0.4, 0.55, 0.9]);
    const anova = decided(decideWithRules('If I plan a new study with 4 sowing plots and expect f = 0.25, how many plants per plot do I need for 80% power?', farm));
    assert.deepEqual([anova.analysis, anova.options.groups, anova.options.effectSize], ['power_anova', 4, 0.25]);
  });

  it('proportions stated for every level of one column, in order, are a goodness-of-fit test against them', () => {
    const birds = schema([factor('plumage', ['dark', 'pale', 'spotted']), numeric('wing')]);
    const out = decided(decideWithRules('A model predicts spotted, dark and pale birds in proportions 0.5, 0.3 and 0.2. Test whether the data fit this model.', birds));
    // In the levels' natural order (dark, pale, spotted), as chi2_gof takes them.
    assert.deepEqual([out.analysis, out.roles, out.options.expected], ['chi2_gof', { column: 'plumage' }, [0.3, 0.2, 0.5]]);
    // Shares that do not add up to one, or fewer than the levels, are no such statement.
    for (const request of ['dark and pale birds in proportions 0.5 and 0.3: do the data fit?', 'spotted, dark and pale birds in proportions 0.5, 0.3 and 0.1: do the data fit?']) {
      const other = decideWithRules(request, birds);
      assert.ok(other.status !== 'decided' || other.options.expected === undefined, request);
    }
  });

  it('a named test keeps its columns: a cue word counted by a one-letter column’s levels is that column; no name spans "across"', () => {
    const field = schema([factor('B', ['I', 'II', 'III', 'IV', 'V', 'VI']), factor('V', ['a', 'b', 'c']), numeric('Y')]);
    const kw = decided(decideWithRules('Kruskal-Wallis test of Y across the six blocks', field));
    assert.deepEqual([kw.analysis, kw.roles], ['kruskal_wallis', { outcome: 'Y', group: 'B' }]);
    const glass = schema([numeric('Mg'), numeric('Gd'), factor('type', ['float', 'nonfloat', 'head'])]);
    const gh = decided(decideWithRules('Games-Howell for magnesium across glass types', glass));
    assert.deepEqual([gh.analysis, gh.roles], ['games_howell', { outcome: 'Mg', group: 'type' }]);
  });

  it('a named ANCOVA with its covariate said as a compound word ending in the column’s name ("policyholders" for holders)', () => {
    const claims = schema([numeric('losses'), factor('region', ['r1', 'r2', 'r3']), numeric('holders')]);
    const out = decided(decideWithRules('ANCOVA: losses by region adjusting for the number of policyholders', claims));
    assert.deepEqual([out.analysis, out.roles], ['ancova', { outcome: 'losses', group: 'region', covariates: ['holders'] }]);
  });

  it('a named test short of a column while a word names nothing where that column would stand: the word is the reason', () => {
    const crop = schema([numeric('harvest'), factor('fertiliser', ['none', 'organic', 'mineral']), numeric('rain')]);
    const out = decideWithRules('Two-way ANOVA of harvest by fertiliser and irrigation regime', crop);
    assert.equal(reasonOf(out), 'unknown-word');
    assert.ok(out.status !== 'decided' && out.reason.params.word === 'irrigation');
  });

  it('a repeated-measures ANOVA named with a restriction: each subject once per condition within the rows kept', () => {
    const lab = madeUp(60);
    const rabbits = lab.schema([
      lab.numeric('pressure'),
      lab.coded('dose', ['1', '2', '4', '8', '16', '32']),
      lab.factor('arm', ['Control', 'Drug']),
      lab.factor('rabbit', ['r1', 'r2', 'r3', 'r4', 'r5']),
    ]);
    const out = decided(decideWithRules('Control runs only: repeated-measures ANOVA of pressure across the six doses, each rabbit measured at every dose', rabbits));
    assert.deepEqual([out.analysis, out.roles, out.options.where], ['anova_rm', { outcome: 'pressure', within: 'dose', subject: 'rabbit' }, [{ column: 'arm', op: '=', value: 'Control' }]]);
    // Over all rows each rabbit has two rows per dose: not one subject per condition, the test does not fit.
    assert.notEqual(reasonOf(decideWithRules('repeated-measures ANOVA of pressure across the six doses, each rabbit measured at every dose', rabbits)), 'decided');
  });

  it('a one-way test named: a grouping column read from the word before the measurement’s ("nest mass") says whose it is', () => {
    const birds = schema([factor('nest', ['a', 'b', 'c', 'd']), factor('parent', ['p', 'q', 'r', 's']), numeric('mass')]);
    const out = decided(decideWithRules('Use a one-way analysis of variance to test whether mean nest mass is the same for all four parent types.', birds));
    assert.deepEqual([out.analysis, out.roles], ['anova_oneway', { outcome: 'mass', group: 'parent' }]);
  });

  it('the second-round tests named (KS, Friedman, binomial, the F test of variances, goodness of fit) are honoured or refused, never swapped', () => {
    const pond = schema([numeric('depth'), numeric('temp'), factor('season', ['dry', 'wet', 'mid']), factor('site', ['a', 'b']), factor('plumage', ['dark', 'pale', 'spotted'])]);
    for (const request of [
      'Kolmogorov-Smirnov test of depth by season',
      'Friedman test of depth across seasons',
      'binomial test of plumage',
      'F test of equal variances of depth between seasons',
      'chi-square goodness of fit of depth',
    ]) {
      const out = decideWithRules(request, pond);
      assert.equal(reasonOf(out), 'named-test-unfit', request);
      assert.ok(out.status !== 'decided' && String(out.reason.params.need).length > 0, request);
    }
    // "chi-square ... goodness of fit" names the goodness-of-fit test: its need is said, not a table's.
    const gof = decideWithRules('chi-square goodness of fit of depth', pond);
    assert.ok(gof.status !== 'decided' && gof.reason.params.test === 'chi2_gof' && gof.reason.params.column === 'depth');
    assert.deepEqual(decided(decideWithRules('Kolmogorov-Smirnov test of depth between sites', pond)).roles, { outcome: 'depth', group: 'site' });
  });

  it('the column-word readings stop where another word begins: a derivation of a whole name, a short word before a name', () => {
    const clinic = schema([numeric('weight'), madeUp(80).coded('normal', ['0', '1']), numeric('count'), factor('sex', ['m', 'f'])]);
    // "normality" is a property of a column, not the column `normal`.
    assert.deepEqual(decided(decideWithRules('test the normality of weight', clinic)).analysis, 'shapiro_wilk');
    // "discount" is no compound of `count`: it names nothing in the data.
    assert.equal(reasonOf(decideWithRules('mean discount by sex', clinic)), 'unknown-word');
    // Counts out of a total are described; only a model or a test of them is refused.
    assert.equal(decided(decideWithRules('describe count out of weight', clinic)).analysis, 'describe');
  });

  it('a named test short of a column while a word the data lack is close to an unused column: that word is the reason, the test on it the first choice', () => {
    const survey = schema([numeric('conformity'), factor('partner', ['low', 'high']), numeric('fscore')]);
    const out = decideWithRules('ANCOVA of conformity by partner controlling for F-scale score', survey);
    assert.equal(reasonOf(out), 'unknown-word');
    assert.ok(out.status !== 'decided');
    assert.deepEqual([out.alternatives[0].analysis, out.alternatives[0].roles.covariates], ['ancova', ['fscore']]);
  });
});
