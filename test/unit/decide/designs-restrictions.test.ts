/**
 * Designs and restrictions (issue #16), on made-up schemas: subjects numbered 1..k in long data crossed
 * with a set of measurement times are a repeated-measures design (a named repeated-measures ANOVA or
 * Friedman test is honoured); a value of a time column named through a word for time ("at day 90")
 * restricts the rows; "treating X as subjects" is a verb, not a column. Decisions and reason codes are
 * asserted, not wording.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import type { DecisionOutcome } from '../../../kernel/decide/index.js';
import type { ColumnSchema, DatasetSchema } from '../../../kernel/types.js';

const base = { storageType: 'VARCHAR', missing: 0 };
const levelsOf = (values: string[], n: number) => values.map((value) => ({ value, count: n / values.length }));
const numeric = (name: string, n: number): ColumnSchema => ({ ...base, name, kind: 'numeric', storageType: 'DOUBLE', n, distinct: n, usableAsGroup: false, summary: { mean: 5, sd: 1, min: 2, max: 9 } });
/** Integers 1..k, each `n / k` times. */
const numbered = (name: string, k: number, n: number): ColumnSchema => ({ ...base, name, kind: 'numeric', storageType: 'BIGINT', n, distinct: k, usableAsGroup: false, summary: { mean: (k + 1) / 2, sd: 1, min: 1, max: k } });
const coded = (name: string, values: string[], n: number): ColumnSchema => ({
  ...base, name, kind: 'numeric', storageType: 'BIGINT', n, distinct: values.length, usableAsGroup: true, levels: levelsOf(values, n),
  summary: { mean: 0, sd: 1, min: Math.min(...values.map(Number)), max: Math.max(...values.map(Number)) },
});
const factor = (name: string, values: string[], n: number): ColumnSchema => ({ ...base, name, kind: 'categorical', n, distinct: values.length, usableAsGroup: true, levels: levelsOf(values, n) });
const schema = (columns: ColumnSchema[], rows: number): DatasetSchema => ({ name: 'made-up.csv', path: '/made-up.csv', format: 'csv', sha256: '', rows, columns });

const reasonOf = (out: DecisionOutcome): string => (out.status === 'decided' ? `decided ${out.analysis}` : out.reason.code);
function decided(out: DecisionOutcome): Extract<DecisionOutcome, { status: 'decided' }> {
  if (out.status !== 'decided') assert.fail(`expected a decision, got ${out.status} [${out.reason.code}]: ${out.rationale}`);
  return out;
}

describe('decide: designs and restrictions (#16)', () => {
  // 40 plants measured at days 30, 60 and 90, half of them in the shade.
  const plants = schema([numeric('height', 120), coded('Time', ['30', '60', '90'], 120), numbered('plant', 40, 120), factor('treat', ['shade', 'sun'], 120)], 120);
  const rm = { outcome: 'height', within: 'Time', subject: 'plant' };

  it('subjects numbered 1..k crossed with measurement times: a named repeated-measures test is honoured', () => {
    assert.deepEqual(decided(decideWithRules('Repeated measures ANOVA of height over Time, plants as subjects', plants)).roles, rm);
    const friedman = decided(decideWithRules('Friedman test of plant height across the three measurement days', plants));
    assert.equal(friedman.analysis, 'friedman');
    assert.deepEqual(friedman.roles, rm);
  });

  it('"treating X as subjects" is the verb that assigns the role, not the column `treat`', () => {
    const out = decided(decideWithRules('Test whether mean height changes over the three occasions, treating plants as subjects', plants));
    assert.equal(out.analysis, 'anova_rm');
    assert.deepEqual(out.roles, rm);
  });

  it('a value of the time column named through a word for time restricts the rows, never groups them', () => {
    const summary = decided(decideWithRules('Summary statistics of height at day 90', plants));
    assert.equal(summary.analysis, 'describe');
    assert.deepEqual(summary.roles, { column: 'height' });
    assert.deepEqual(summary.options.where, [{ column: 'Time', op: '=', value: '90' }]);
    const normal = decided(decideWithRules('Is height normally distributed at day 60? Shapiro-Wilk please', plants));
    assert.equal(normal.analysis, 'shapiro_wilk');
    assert.deepEqual(normal.options.where, [{ column: 'Time', op: '=', value: '60' }]);
  });

  it('numbers that are positions or runs inside numbered experiments are not subjects', () => {
    // A Latin square: row positions 1..6 cross 6 treatments (as many positions as treatments).
    const square = schema([numeric('yield', 36), numbered('row', 6, 36), numbered('col', 6, 36), factor('spray', ['A', 'B', 'C', 'D', 'E', 'F'], 36)], 36);
    const oneway = decideWithRules('Compare yield across the sprays', square);
    assert.notEqual(reasonOf(oneway), 'decided anova_rm');
    // Runs 1..20 inside experiments numbered 1..5: two codes, neither read as subjects.
    const runs = schema([numeric('speed', 100), numbered('Run', 20, 100), coded('Expt', ['1', '2', '3', '4', '5'], 100)], 100);
    const out = decideWithRules('Does speed differ between experiments?', runs);
    assert.notEqual(reasonOf(out), 'decided anova_rm');
    assert.equal(reasonOf(decideWithRules('Repeated measures ANOVA of speed over Expt', runs)).startsWith('decided anova_rm'), false);
  });

  it('a one-sided test with its direction said of a yes/no column by the column\'s word is decided, in the levels\' order', () => {
    const survey = schema([numeric('openness', 80), factor('smoker', ['no', 'yes'], 80), coded('urban', ['0', '1'], 80)], 80);
    // smoker = yes is the second level: "smokers higher" is no - yes < 0.
    const smokers = decided(decideWithRules('do smokers have higher openness than non-smokers? one-sided t test', survey));
    assert.deepEqual(smokers.roles, { outcome: 'openness', group: 'smoker' });
    assert.equal(smokers.options.alternative, 'less');
    const others = decided(decideWithRules('do non-smokers have higher openness than smokers? one-sided t test', survey));
    assert.equal(others.options.alternative, 'greater');
    const urban = decided(decideWithRules('Is openness lower when the household is urban? one-sided t test', survey));
    assert.equal(urban.options.alternative, 'greater');
    // Without "one-sided" the test stays two-sided; without a side named the one-sided test asks.
    assert.equal(decided(decideWithRules('do smokers have higher openness than non-smokers? t test', survey)).options.alternative, undefined);
    assert.equal(reasonOf(decideWithRules('is openness higher by urban? one-sided t test', survey)), 'direction-unclear');
  });

  it('an identifier named in the plural ("these races") is all the rows, not a column', () => {
    const idColumn: ColumnSchema = { ...base, name: 'lake', kind: 'id', n: 40, distinct: 40, usableAsGroup: false };
    const lakes = schema([idColumn, numeric('depth', 40), numeric('area', 40)], 40);
    const ci = decided(decideWithRules('Construct a 95% confidence interval for the mean depth of Finnish lakes.', lakes));
    assert.equal(ci.analysis, 'ttest_one_sample');
    assert.deepEqual(ci.roles, { column: 'depth' });
    const mu = decided(decideWithRules('Test whether the mean area of these lakes differs from 7 km2.', lakes));
    assert.equal(mu.analysis, 'ttest_one_sample');
    assert.equal(mu.options.mu, 7);
  });

  it('"women with children" restricts to the present level of a present/absent column, never groups by it', () => {
    const households = schema([numeric('income', 60), factor('children', ['absent', 'present'], 60), factor('province', ['Ontario', 'Quebec', 'Alberta'], 60)], 60);
    const out = decided(decideWithRules('median income for women with children in Ontario', households));
    assert.equal(out.analysis, 'describe');
    assert.deepEqual(out.roles, { column: 'income' });
    assert.deepEqual(out.options.where, [{ column: 'children', op: '=', value: 'present' }, { column: 'province', op: '=', value: 'Ontario' }]);
  });

  it('a level word of two columns followed by one column\'s name ("the African group") is that column\'s level', () => {
    const nations = schema([numeric('fertility', 90), numeric('income', 90), factor('region', ['Africa', 'Asia', 'Europe'], 90), factor('bloc', ['africa', 'oecd', 'other'], 90)], 90);
    const among = decided(decideWithRules('Pearson correlation between fertility and income for the African bloc', nations));
    assert.deepEqual(among.options.where, [{ column: 'bloc', op: '=', value: 'africa' }]);
    const region = decided(decideWithRules('Pearson correlation between fertility and income for the African region', nations));
    assert.deepEqual(region.options.where, [{ column: 'region', op: '=', value: 'Africa' }]);
    // Every word tied between the same two columns goes with the name said after one of them.
    const both = decided(decideWithRules('t test of fertility between low and high income nations', schema([numeric('fertility', 90), factor('income', ['low', 'high'], 90), factor('literacy', ['low', 'high'], 90)], 90)));
    assert.deepEqual(both.roles, { outcome: 'fertility', group: 'income' });
    // Said alone, the word fits both columns: a question.
    assert.equal(reasonOf(decideWithRules('Pearson correlation between fertility and income for African nations', nations)), 'tied-columns');
  });

  it('a significance level said inside "test ... whether" leaves the test asked for (never a describe)', () => {
    const pay = schema([numeric('pay', 90), factor('tongue', ['English', 'French', 'Other'], 90)], 90);
    for (const request of ['Test at the 5% level whether mean pay is equal across the three tongue groups.', 'Test, at the 5% level, whether mean pay is equal across the tongue groups', 'Test at alpha = 0.01 whether mean pay is equal across tongue groups']) {
      const out = decided(decideWithRules(request, pay));
      assert.notEqual(out.analysis, 'describe', request);
      assert.deepEqual(out.roles, { outcome: 'pay', group: 'tongue' }, request);
    }
  });

  it('"what fraction of the time" is how often over the rows, not the column `time`', () => {
    const watch = schema([coded('time', ['900', '1000', '1100', '1200'], 80), numeric('heart', 80), coded('asleep', ['0', '1'], 80)], 80);
    const out = decided(decideWithRules('What fraction of the time was the dog asleep? binomial test against 0.3', watch));
    assert.equal(out.analysis, 'binomial_test');
    assert.deepEqual(out.roles, { column: 'asleep' });
    assert.equal(out.options.mu, 0.3);
  });

  it('a yes/no column said in a when-clause ("when inactive") restricts the rows; in a comparison it stays the grouping', () => {
    const den = schema([numeric('pulse', 80), coded('awake', ['0', '1'], 80)], 80);
    const asleep = decided(decideWithRules('Construct a 95% confidence interval for the mean pulse when unawake.', den));
    assert.equal(asleep.analysis, 'ttest_one_sample');
    assert.deepEqual(asleep.options.where, [{ column: 'awake', op: '=', value: '0' }]);
    const awake = decided(decideWithRules('mean pulse while awake', den));
    assert.deepEqual(awake.options.where, [{ column: 'awake', op: '=', value: '1' }]);
    const compared = decided(decideWithRules('Is pulse higher when awake? one-sided t test', den));
    assert.deepEqual(compared.roles, { outcome: 'pulse', group: 'awake' });
    assert.equal(compared.options.where, undefined);
  });

  it('"at the last measurement (day 90)" restricts the rows; "the shade plants" are the units of a level, not the subject column', () => {
    const out = decided(decideWithRules('Do sun-treated plants differ in height from the shade plants at the last measurement (day 90)?', plants));
    assert.deepEqual(out.roles, { outcome: 'height', group: 'treat' });
    assert.deepEqual(out.options.where, [{ column: 'Time', op: '=', value: '90' }]);
    // Without the value, the time point alone still asks which time is meant (or names no column).
    assert.notEqual(decideWithRules('Do sun plants differ in height from the shade plants at the last measurement?', plants).status, 'decided');
  });

  it('a level left out in so many words ("excluding the African bloc") restricts with !=, never groups', () => {
    const nations = schema([numeric('fertility', 90), numeric('income', 90), factor('bloc', ['africa', 'oecd', 'asia'], 90)], 90);
    for (const request of ['Excluding the africa bloc, Pearson correlation between fertility and income', 'Pearson correlation between fertility and income, leaving out africa', 'correlation between fertility and income for countries other than oecd']) {
      const out = decided(decideWithRules(request, nations));
      assert.equal(out.analysis, 'pearson', request);
      assert.equal(out.options.where?.length, 1, request);
      assert.equal(out.options.where?.[0].op, '!=', request);
    }
    assert.deepEqual(decided(decideWithRules('Pearson correlation between fertility and income among africa', nations)).options.where, [{ column: 'bloc', op: '=', value: 'africa' }]);
  });

  it('an F test said of variances is the F test of two variances; an F test of means stays the ANOVA', () => {
    const fish = schema([numeric('length', 60), factor('lake', ['north', 'south'], 60), factor('net', ['a', 'b', 'c'], 60)], 60);
    for (const request of ['Is the variance of length different between the two lakes? Use an F test.', 'F test: is the variance of length the same for north and south?', 'Test whether the variances of length are equal for the two lakes using an F test.']) {
      const out = decided(decideWithRules(request, fish));
      assert.equal(out.analysis, 'var_test', request);
      assert.deepEqual(out.roles, { outcome: 'length', group: 'lake' }, request);
    }
    assert.notEqual(reasonOf(decideWithRules('F test of mean length across nets', fish)), 'decided var_test');
    assert.notEqual(reasonOf(decideWithRules('one-way analysis of variance of length across nets', fish)), 'decided var_test');
  });

  it('"compare the two" or "compare both" with nothing named points at nothing: it asks', () => {
    const pond = schema([numeric('weight', 60), coded('week', ['1', '2'], 60), coded('fed', ['0', '1'], 60)], 60);
    assert.notEqual(decideWithRules('compare the two', pond).status, 'decided');
    assert.notEqual(decideWithRules('compare both', pond).status, 'decided');
  });

  it('"before vs after" naming the two levels of a column is that grouping when an independent-samples test is named', () => {
    const house = schema([numeric('heat', 56), factor('Fitted', ['Before', 'After'], 56), numeric('outside', 56)], 56);
    const out = decided(decideWithRules('Mann-Whitney U on heat, before vs after', house));
    assert.equal(out.analysis, 'mann_whitney');
    assert.deepEqual(out.roles, { outcome: 'heat', group: 'Fitted' });
    assert.equal(decided(decideWithRules('Welch t test of heat, before vs after', house)).analysis, 'ttest_welch');
  });

  it('"in the period after X" restricts to the level named; "period" is no variable', () => {
    const house = schema([numeric('heat', 56), factor('Fitted', ['Before', 'After'], 56), numeric('outside', 56)], 56);
    const out = decided(decideWithRules('In the period after fitting, was the mean outside temperature different from 5 degrees?', house));
    assert.equal(out.analysis, 'ttest_one_sample');
    assert.deepEqual(out.options.where, [{ column: 'Fitted', op: '=', value: 'After' }]);
    assert.equal(out.options.mu, 5);
  });

  it('groups compared over rows that repeat the same subjects at every time ask which time (time-point); a named time decides', () => {
    const out = decideWithRules('Test the shade effect on height with a t-test', plants);
    assert.equal(reasonOf(out), 'time-point');
    assert.ok(out.status === 'ambiguous' && out.alternatives.every((a) => a.options?.where?.[0]?.column === 'Time'));
    assert.deepEqual(decided(decideWithRules('t-test of height between shade and sun at day 30', plants)).options.where, [{ column: 'Time', op: '=', value: '30' }]);
    // A figure over all rows is fine.
    assert.equal(reasonOf(decideWithRules('boxplot of height by treat', plants)), 'decided boxplot');
  });

  it('"pupils" and a "multi-" prefix name no variable: the one-sided test on the yes/no column is decided', () => {
    const school = schema([numeric('reading', 80), coded('MIXED', ['0', '1'], 80)], 80);
    const out = decided(decideWithRules('Do pupils in multi-age (mixed) classes read lower? one-sided t test of reading', school));
    assert.deepEqual(out.roles, { outcome: 'reading', group: 'MIXED' });
    // MIXED = 1 is the second level: "mixed lower" is 0 - 1 > 0.
    assert.equal(out.options.alternative, 'greater');
  });
  it('levels named after an exclusion are left out, even beside other levels that pick the outcome ("excluding the African group, logistic regression of OECD membership")', () => {
    const s = schema([factor('zone', ['rural', 'town', 'city'], 300), numeric('income', 300), numeric('age', 300)], 300);
    for (const prompt of ['Excluding the rural zone, logistic regression of city zone on income and age', 'Excluding the rural zone, logistic regression of zone on income and age']) {
      const out = decided(decideWithRules(prompt, s));
      assert.deepEqual([out.analysis, out.roles.outcome], ['logistic', 'zone'], prompt);
      assert.deepEqual(out.options.where, [{ column: 'zone', op: '!=', value: 'rural' }], prompt);
    }
    // Without the exclusion, the two levels named are the rows kept.
    const kept = decided(decideWithRules('logistic regression of town vs city zone on income and age', s));
    assert.deepEqual(kept.options.where, [{ column: 'zone', op: '!=', value: 'rural' }]);
  });
});
