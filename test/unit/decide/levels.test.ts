/**
 * Levels, statuses and shares named by meaning (issue #16), on schemas made up for the test, asserted
 * by decision and reason code (never by wording): level words of the lexicon ("men and women"), "X and
 * non-X", the one generic yes/no column for a status word, a share against a percentage, counts of
 * levels set against each other.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import { isEarlierByName } from '../../../kernel/decide/time-order.js';
import type { ColumnSchema } from '../../../kernel/types.js';
import { decided, madeUp, reasonOf } from './made-up.js';

const base = { storageType: 'VARCHAR', missing: 0 };
const { numeric, factor, schema } = madeUp(60, 'study.csv');

describe('decide: levels, statuses and shares named by meaning (#16)', () => {
  it('reads level words by meaning only when every level of the column is explained', () => {
    const coded = schema([factor('gender', ['F', 'M']), numeric('score'), numeric('hours')]);
    const a = decided(decideWithRules('do boys and girls differ in score?', coded));
    assert.deepEqual([a.analysis, a.roles.outcome, a.roles.group], ['ttest_welch', 'score', 'gender']);
    const filtered = decided(decideWithRules('is score normally distributed in the women?', coded));
    assert.deepEqual(filtered.options.where, [{ column: 'gender', op: '=', value: 'F' }]);
    // M in a low/medium/high code is not "men": no level of size is read.
    const sizes = schema([factor('size', ['L', 'M', 'H']), numeric('score')]);
    const none = decideWithRules('do men and women differ in score?', sizes);
    assert.ok(none.status !== 'decided' || (none.options.levels === undefined && none.options.where === undefined));
    const origin = schema([factor('made', ['USA', 'non-USA']), numeric('price')]);
    const b = decided(decideWithRules('compare price of American and foreign models', origin));
    assert.deepEqual([b.roles.outcome, b.roles.group], ['price', 'made']);
  });

  it('reads "X and non-X" as the two levels of the one column coded X and its complement', () => {
    const s = schema([factor('grp', ['A', 'N']), factor('sex', ['F', 'M']), numeric('days')]);
    const out = decided(decideWithRules('do Asian children miss more days than non-Asian children?', s));
    assert.deepEqual([out.roles.outcome, out.roles.group], ['days', 'grp']);
    const written = schema([factor('region', ['urban', 'non-urban']), numeric('income')]);
    assert.equal(decided(decideWithRules('income of urban and non urban households', written)).roles.group, 'region');
    // Two columns coded that way: no reading.
    const two = schema([factor('g1', ['A', 'N']), factor('g2', ['A', 'N']), numeric('days')]);
    const guess = decideWithRules('do Asian children miss more days than non-Asian children?', two);
    assert.ok(guess.status !== 'decided' || guess.roles.group === undefined, 'no column chosen for the contrast');
  });

  it('reads an unaccounted status word as the one yes/no column with a generic name, and only then', () => {
    const yesNo = factor('class', ['No', 'Yes']);
    const s = schema([numeric('glucose'), numeric('bmi'), numeric('age'), yesNo]);
    const a = decided(decideWithRules('is mean bmi different between women with and without asthma?', s));
    assert.deepEqual([a.analysis, a.roles.outcome, a.roles.group], ['ttest_welch', 'bmi', 'class']);
    assert.ok(a.explanation.refinements.some((step) => step.includes('asthma')), 'the reading is said');
    assert.equal(decided(decideWithRules('compare glucose between asthmatics and non-asthmatics', s)).roles.group, 'class');
    // "serum glu...": a word before an abbreviated name (glucose for gluc) qualifies it.
    const abbreviated = schema([numeric('gluc'), numeric('bmi'), yesNo]);
    const q = decided(decideWithRules('do asthmatic women have higher serum glucose?', abbreviated));
    assert.deepEqual([q.roles.outcome, q.roles.group], ['gluc', 'class']);
    const model = decided(decideWithRules('build a model for the probability of asthma from glucose and bmi', s));
    assert.deepEqual([model.analysis, model.roles.outcome], ['logistic', 'class']);
    assert.equal(decided(decideWithRules('logistic regression: asthma on glucose and age', s)).roles.outcome, 'class');
    // Not where a status is said: a word qualifying a measurement stays unknown.
    assert.notEqual(reasonOf(decideWithRules('is thickness normally distributed?', s)), 'decided');
    // A yes/no column whose name says what it records is not read for another word.
    const named = schema([numeric('glucose'), numeric('bmi'), factor('smoker', ['No', 'Yes'])]);
    assert.equal(reasonOf(decideWithRules('is mean bmi different between women with and without asthma?', named)), 'unknown-word');
    // Two generic yes/no columns: ask.
    const two = schema([numeric('bmi'), yesNo, factor('type', ['No', 'Yes'])]);
    const asked = decideWithRules('is mean bmi different between women with and without asthma?', two);
    assert.equal(reasonOf(asked), 'unknown-word');
    // The question offers each yes/no column as the reading of the status word.
    if (asked.status !== 'decided') {
      assert.deepEqual(asked.reason.params.closest, ['class', 'type']);
      assert.deepEqual(asked.alternatives.map((a) => a.roles.group).sort(), ['class', 'type']);
    }
  });

  it('tests a share against a percentage, and counts of levels against each other', () => {
    const s = schema([factor('outcome', ['died', 'lived']), factor('sex', ['female', 'male']), numeric('age'), factor('ward', ['a', 'b', 'c'])]);
    const share = decided(decideWithRules('is the share of lived different from 40%?', s));
    assert.equal(share.analysis, 'binomial_test');
    assert.equal(share.options.mu, 0.4);
    // A percentage of a measured column stays a mean's test value.
    const mean = decided(decideWithRules('is mean age different from 40%?', s));
    assert.deepEqual([mean.analysis, mean.options.mu], ['ttest_one_sample', 40]);
    for (const prompt of ['are there more women than men?', 'equal numbers of men and women?', 'are the wards equally represented?']) {
      assert.equal(decided(decideWithRules(prompt, s)).analysis, 'chi2_gof', prompt);
    }
    // "less than" about a measured outcome is a comparison of that outcome, not of counts.
    const earn = decided(decideWithRules('are women younger than men?', s));
    assert.deepEqual([earn.roles.outcome, earn.roles.group], ['age', 'sex']);
  });

  it('plans a power analysis from the numbers given: two percentages are two proportions, "4 groups" is a count', () => {
    const s = schema([factor('outcome', ['died', 'lived']), factor('group', ['a', 'b', 'c', 'd']), numeric('score')]);
    const prop = decided(decideWithRules('sample size per group to detect lived of 30% vs 45% with 90% power', s));
    assert.deepEqual([prop.analysis, prop.options.p1, prop.options.p2, prop.options.power], ['power_prop', 0.3, 0.45, 0.9]);
    const anova = decided(decideWithRules('sample size for 4 groups with f = 0.25 and 80% power', s));
    assert.deepEqual([anova.analysis, anova.options.groups, anova.options.effectSize], ['power_anova', 4, 0.25]);
  });

  it('reads "without assuming normality" as a rank-based request', () => {
    const s = schema([factor('ward', ['a', 'b', 'c']), numeric('stay')]);
    assert.equal(decided(decideWithRules('does stay depend on ward, without assuming normality?', s)).analysis, 'kruskal_wallis');
  });

  it('one level named beside a test value restricts the rows; "students" are people, not Student\'s test', () => {
    const s = schema([factor('sex', ['Female', 'Male']), numeric('height')]);
    const out = decided(decideWithRules('test whether the mean height of female students equals 165', s));
    assert.deepEqual([out.analysis, out.roles.column, out.options.mu], ['ttest_one_sample', 'height', 165]);
    assert.deepEqual(out.options.where, [{ column: 'sex', op: '=', value: 'Female' }]);
    assert.equal(decided(decideWithRules("Student's t-test of height by sex", s)).analysis, 'ttest_ind');
    assert.equal(decided(decideWithRules('do male and female students differ in height?', s)).analysis, 'ttest_welch');
  });

  it('a figure draws the outcome the request states on the y axis', () => {
    const s = schema([numeric('yield'), numeric('rain'), numeric('week')]);
    const reg = decided(decideWithRules('regression plot of yield on rain', s));
    assert.deepEqual([reg.roles.x, reg.roles.y], ['rain', 'yield']);
    const over = decided(decideWithRules('plot yield over week', s));
    assert.deepEqual([over.roles.x, over.roles.y], ['week', 'yield']);
    const against = decided(decideWithRules('plot yield against rain', s));
    assert.deepEqual([against.roles.x, against.roles.y], ['rain', 'yield']);
  });

  it('compares the share of a yes/no outcome between two groups named by ordinal words (first and second)', () => {
    const s = schema([factor('relapse', ['no', 'yes']), factor('tier', ['1st', '2nd', '3rd']), numeric('age')]);
    const out = decided(decideWithRules('is the proportion of relapse the same in the first and second tier?', s));
    assert.deepEqual([out.analysis, out.roles.outcome, out.roles.group, out.options.levels], ['prop_test', 'relapse', 'tier', ['1st', '2nd']]);
    // Against a value it stays one proportion.
    assert.equal(decided(decideWithRules('is the proportion of relapse different from 0.3?', s)).analysis, 'binomial_test');
  });

  it('reads "X type" as one variable: the type column after the units, the named column after a grouping', () => {
    const text: ColumnSchema = { ...base, name: 'job', kind: 'text', n: 60, distinct: 60, usableAsGroup: false };
    const s = schema([text, factor('type', ['bc', 'prof', 'wc']), factor('union', ['no', 'yes']), numeric('wage')]);
    const a = decided(decideWithRules('does wage differ across job types?', s));
    assert.deepEqual([a.analysis, a.roles.outcome, a.roles.group], ['welch_anova', 'wage', 'type']);
    const b = decided(decideWithRules('is union type associated with type?', schema([factor('union', ['a', 'b', 'c']), factor('type', ['x', 'y']), factor('sector', ['p', 'q'])])));
    assert.deepEqual([b.analysis, b.roles.row, b.roles.col], ['chi2_independence', 'union', 'type']);
  });

  it('reads "population density" as a quantity the data lack, not a density plot', () => {
    const s = schema([numeric('population'), numeric('area'), factor('region', ['n', 's', 'w'])]);
    assert.equal(reasonOf(decideWithRules('population density by region', s)), 'unknown-word');
    assert.equal(decided(decideWithRules('density plot of population', s)).analysis, 'kde');
  });

  it('what a request adjusts for is never the outcome: ANCOVA for numeric covariates, a regression for any', () => {
    const s = schema([factor('method', ['a', 'b', 'c']), numeric('pre'), numeric('post'), factor('site', ['x', 'y']), numeric('income')]);
    const a = decided(decideWithRules('do the methods differ on post after controlling for pre?', s));
    assert.deepEqual([a.analysis, a.roles.outcome, a.roles.group, a.roles.covariates], ['ancova', 'post', 'method', ['pre']]);
    const b = decided(decideWithRules('income by method adjusting for site and pre', s));
    assert.deepEqual([b.analysis, b.roles.outcome], ['ols', 'income']);
    assert.deepEqual([...(b.roles.predictors ?? [])].sort(), ['method', 'pre', 'site']);
  });

  it('a Friedman test named on long data takes numeric time points crossed with the subjects as its conditions', () => {
    const times = ['0.5', '1', '2', '4', '6', '8', '10', '12', '16', '20', '24'];
    const time: ColumnSchema = { ...numeric('hour', 66), distinct: 11, levels: times.map((value) => ({ value, count: 6 })) };
    const subject: ColumnSchema = { ...base, name: 'patient', kind: 'categorical', n: 66, distinct: 6, usableAsGroup: true, levels: ['1', '2', '3', '4', '5', '6'].map((value) => ({ value, count: 11 })) };
    const s = { ...schema([subject, time, numeric('level', 66)]), rows: 66 };
    const out = decided(decideWithRules('Friedman test of level across hours blocked by patient', s));
    assert.deepEqual([out.analysis, out.roles.outcome, out.roles.within, out.roles.subject], ['friedman', 'level', 'hour', 'patient']);
  });

  it('a yes/no column in a relative clause restricts the rows when nothing is compared, and groups when something is', () => {
    const coded: ColumnSchema = { ...numeric('drinks'), distinct: 2, usableAsGroup: true, levels: [{ value: '0', count: 30 }, { value: '1', count: 30 }] };
    const s = schema([coded, numeric('age'), numeric('weight')]);
    const a = decided(decideWithRules('what was the mean age of the people who drinks?', s));
    assert.deepEqual([a.analysis, a.roles.column, a.roles.group], ['describe', 'age', undefined]);
    assert.deepEqual(a.options.where, [{ column: 'drinks', op: '=', value: '1' }]);
    const b = decided(decideWithRules('do people who drinks differ in weight?', s));
    assert.deepEqual([b.roles.outcome, b.roles.group, b.options.where], ['weight', 'drinks', undefined]);
  });

  it('reads a level the data abbreviate from the words written out: initials (FT) and a short level beginning a word (Cont)', () => {
    const s = schema([factor('regimen', ['CBT', 'Cont', 'FT']), factor('site', ['AL', 'SL']), numeric('gain'), numeric('age')]);
    const a = decided(decideWithRules('is gain normally distributed in the family therapy group only?', s));
    assert.deepEqual(a.options.where, [{ column: 'regimen', op: '=', value: 'FT' }]);
    const b = decided(decideWithRules('is gain normally distributed in the control patients?', s));
    assert.deepEqual(b.options.where, [{ column: 'regimen', op: '=', value: 'Cont' }]);
    // Lower-case codes need two of them spelled.
    const jobs = schema([factor('kind', ['bc', 'prof', 'wc']), numeric('pay')]);
    const both = decided(decideWithRules('compare pay between blue-collar and white-collar jobs', jobs));
    assert.deepEqual([both.roles.group, both.options.levels], ['kind', ['bc', 'wc']]);
    // Column names are never spelled into a code ("age + site" is not AL).
    const c = decided(decideWithRules('gain ~ age + site', s));
    assert.equal(c.options.where, undefined);
  });

  it('"more often" compares how often a yes/no outcome happens across groups', () => {
    const s = schema([factor('recovered', ['no', 'yes']), factor('sex', ['female', 'male']), numeric('age')]);
    const out = decided(decideWithRules('did women recover more often than men?', s));
    assert.ok(['chi2_independence', 'prop_test', 'fisher_exact'].includes(out.analysis), out.analysis);
    assert.deepEqual(Object.values(out.roles).flat().sort(), ['recovered', 'sex']);
  });

  it('puts before and after in the order the names state (Prewt before Postwt), and only for time words', () => {
    assert.equal(isEarlierByName('Prewt', 'Postwt'), true);
    assert.equal(isEarlierByName('post.test.1', 'pretest.1'), false);
    assert.equal(isEarlierByName('week2', 'week1'), false);
    assert.equal(isEarlierByName('drug2', 'drug1'), undefined);
    assert.equal(isEarlierByName('Bwt', 'Hwt'), undefined);
    const s = schema([factor('arm', ['A', 'B']), numeric('Prescore'), numeric('Postscore')]);
    const out = decided(decideWithRules('paired t-test post vs pre', s));
    assert.deepEqual([out.analysis, out.roles.before, out.roles.after], ['ttest_paired', 'Prescore', 'Postscore']);
    const named = decided(decideWithRules('paired t-test, arm A only', s));
    assert.deepEqual([named.roles.before, named.roles.after, named.options.where], ['Prescore', 'Postscore', [{ column: 'arm', op: '=', value: 'A' }]]);
  });

  it('"older" and "younger" name age and a direction: one level of several groups asks which comparison', () => {
    const s = schema([factor('smoker', ['heavy', 'never', 'occasional', 'regular']), numeric('age'), numeric('pulse')]);
    assert.equal(reasonOf(decideWithRules('are heavy smokers older?', s)), 'direction-k-groups');
    const two = schema([factor('status', ['died', 'lived']), numeric('age')]);
    const out = decided(decideWithRules('were those who lived younger?', two));
    assert.deepEqual([out.roles.outcome, out.roles.group], ['age', 'status']);
  });

  it('predicting a yes/no outcome while controlling for a column is a logistic regression with it among the predictors', () => {
    const yn = (name: string): ColumnSchema => ({ ...numeric(name), distinct: 2, usableAsGroup: true, levels: [{ value: '0', count: 30 }, { value: '1', count: 30 }] });
    const s = schema([yn('relapse'), yn('smoker'), yn('treated'), numeric('age')]);
    const out = decided(decideWithRules('does treated predict relapse when you control for smoker?', s));
    assert.deepEqual([out.analysis, out.roles.outcome, [...(out.roles.predictors ?? [])].sort()], ['logistic', 'relapse', ['smoker', 'treated']]);
  });

  it('a function word names a level only beside the column or contrasted; a value before the name restricts', () => {
    const s = schema([factor('tier', ['1st', '2nd', '3rd']), numeric('age')]);
    assert.equal(decided(decideWithRules('first, describe age', s)).options.where, undefined);
    assert.deepEqual(decided(decideWithRules('describe age in first tier', s)).options.where, [{ column: 'tier', op: '=', value: '1st' }]);
  });

  it('a generic word ending one column\'s name names it alone ("by class" for passengerClass); "stratified by" a third factor is a stratified table', () => {
    const s = schema([factor('alive', ['no', 'yes']), factor('sex', ['female', 'male']), numeric('age'), factor('ticketClass', ['1st', '2nd', '3rd'])]);
    const a = decided(decideWithRules('age by class', s));
    assert.deepEqual([a.roles.outcome, a.roles.group], ['age', 'ticketClass']);
    const b = decided(decideWithRules('alive by sex, stratified by class', s));
    assert.deepEqual([b.analysis, b.roles.strata], ['mantel_haenszel', 'ticketClass']);
    // "ticket age": the name said without its generic suffix, before a measurement, is the units.
    assert.deepEqual(decided(decideWithRules('histogram of ticket age', s)).roles, { column: 'age' });
    // Two names ending with the word: no reading.
    const two = schema([numeric('age'), factor('ticketClass', ['a', 'b']), factor('seatClass', ['x', 'y'])]);
    const c = decideWithRules('age by class', two);
    assert.ok(c.status !== 'decided' || (c.roles.group !== 'ticketClass' && c.roles.group !== 'seatClass'));
  });
});
