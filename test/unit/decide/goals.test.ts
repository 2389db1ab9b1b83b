/**
 * Goals, restrictions and statistics as asked (issue #16), on made-up schemas: a goal that names too
 * little asks (open-goal); a level named alone restricts the rows; a share of a two-level column is a
 * binomial question; a confidence interval of a mean is the one-sample t-test's; a frequency table is a
 * description. Decisions and reason codes are asserted, not wording.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import type { DecisionOutcome } from '../../../kernel/decide/index.js';
import type { ColumnSchema, DatasetSchema } from '../../../kernel/types.js';

const base = { storageType: 'VARCHAR', missing: 0 };
const numeric = (name: string, n = 60): ColumnSchema => ({ ...base, name, kind: 'numeric', storageType: 'DOUBLE', n, distinct: n, usableAsGroup: false });
const levelsOf = (values: string[], n: number) => values.map((value) => ({ value, count: n / values.length }));
const coded = (name: string, values: string[], n = 60): ColumnSchema => ({ ...base, name, kind: 'numeric', storageType: 'DOUBLE', n, distinct: values.length, usableAsGroup: true, levels: levelsOf(values, n) });
const factor = (name: string, values: string[], n = 60): ColumnSchema => ({ ...base, name, kind: 'categorical', n, distinct: values.length, usableAsGroup: true, levels: levelsOf(values, n) });
const schema = (columns: ColumnSchema[], name = 'made-up.csv'): DatasetSchema => ({ name, path: `/${name}`, format: 'csv', sha256: '', rows: 60, columns });

const reasonOf = (out: DecisionOutcome): string => (out.status === 'decided' ? `decided ${out.analysis}` : out.reason.code);
function decided(out: DecisionOutcome): Extract<DecisionOutcome, { status: 'decided' }> {
  if (out.status !== 'decided') assert.fail(`expected a decision, got ${out.status} [${out.reason.code}]: ${out.rationale}`);
  return out;
}

describe('decide: goals, restrictions and statistics as asked (#16)', () => {
  const orchard = schema([numeric('yield'), numeric('rainfall'), factor('fertiliser', ['none', 'organic', 'mineral']), factor('plot', ['p1', 'p2', 'p3', 'p4']), coded('pruned', ['0', '1'])]);

  it('a goal that names too little asks with a menu (open-goal), never a describe or a chosen partner', () => {
    for (const request of ['Test the rainfall', 'test the plots', 'Is yield related?', 'Did the fertiliser work?', 'Does organic work?', 'Is the yield different on plot p2?', 'Analyse organic']) {
      const out = decideWithRules(request, orchard);
      assert.equal(reasonOf(out), 'open-goal', request);
      assert.ok(out.status !== 'decided' && out.alternatives.length >= 2, request);
    }
  });

  it('the same goals with what they leave out said are decided', () => {
    assert.equal(reasonOf(decideWithRules('Is yield related to rainfall?', orchard)), 'decided pearson');
    assert.equal(reasonOf(decideWithRules('test the normality of rainfall', orchard)), 'decided shapiro_wilk');
    assert.deepEqual(decided(decideWithRules('Is the yield different across plots?', orchard)).roles, { outcome: 'yield', group: 'plot' });
    // A word that names nothing where the partner would stand is that missing column, not an open goal.
    assert.equal(reasonOf(decideWithRules('Is yield related to sunshine?', orchard)), 'unknown-word');
  });

  const trial = schema([
    numeric('yield'),
    factor('variety', ['v12', 'v31']),
    coded('week', ['1', '2', '3']),
    factor('fertiliser', ['None', 'Organic', 'OrganicMineral']),
    coded('infected', ['0', '1']),
    factor('answer', ['N', 'U', 'Y']),
  ]);
  const where = (out: DecisionOutcome) => decided(out).options.where?.map((w) => `${w.column}=${w.value}`).sort();

  it('a level named alone restricts the rows: codes of letters and numbers, two columns at once, a time value', () => {
    const out = decideWithRules('average yield for variety v12 sown in week 2', trial);
    assert.deepEqual([decided(out).analysis, decided(out).roles], ['describe', { column: 'yield' }]);
    assert.deepEqual(where(out), ['variety=v12', 'week=2']);
    // A time value is a restriction, not a within-subject factor; "the three fertilisers" is the three-level column.
    const atWeek = decideWithRules('At week 2, is the mean yield the same in the three fertilisers?', trial);
    assert.deepEqual([decided(atWeek).roles.outcome, decided(atWeek).roles.group, where(atWeek)], ['yield', 'fertiliser', ['week=2']]);
  });

  it('a yes/no column said of people ("the plants with infected leaves") and a value said after its column\'s name restrict', () => {
    assert.deepEqual(where(decideWithRules('histogram of yield for the plants with infected leaves', trial)), ['infected=1']);
    assert.deepEqual(where(decideWithRules('mean yield of those with answer yes', trial)), ['answer=Y']);
    // Compared, the same column groups.
    assert.equal(decided(decideWithRules('compare yield between plants with and without infected leaves', trial)).options.where, undefined);
  });

  it('a level glued from words is read from its words ("organic + mineral" -> OrganicMineral)', () => {
    assert.deepEqual(where(decideWithRules('mean yield with the organic-plus-mineral fertiliser', trial)), ['fertiliser=OrganicMineral']);
    assert.deepEqual(where(decideWithRules('mean yield for the organic + mineral fertiliser', trial)), ['fertiliser=OrganicMineral']);
  });

  const clinic = schema([numeric('weight'), coded('smoker', ['0', '1']), factor('sex', ['F', 'M']), factor('blood', ['A', 'B', 'AB', 'O'])]);

  it('a ratio or share of a two-level column against a value is a binomial question, never a t-test of its codes', () => {
    const ratio = decided(decideWithRules('Is the smoker ratio different from 50:50?', clinic));
    assert.deepEqual([ratio.analysis, ratio.roles, ratio.options.mu], ['binomial_test', { column: 'smoker' }, 0.5]);
    assert.deepEqual([decided(decideWithRules('is the sex ratio 60:40?', clinic)).analysis, decided(decideWithRules('is the sex ratio 60:40?', clinic)).options.mu], ['binomial_test', 0.6]);
    // A one-sample test reached any other way on a 0/1 column asks (measurement-level), the share first.
    const codes = decideWithRules('is the mean of smoker equal to 0.3?', clinic);
    assert.equal(reasonOf(codes), 'measurement-level');
    assert.equal(codes.status !== 'decided' && codes.alternatives[0].analysis, 'binomial_test');
    // Asked by name, the t-test is honoured.
    assert.equal(reasonOf(decideWithRules('one-sample t-test of smoker against 0.3', clinic)), 'decided ttest_one_sample');
  });

  it('a confidence interval of a mean is the one-sample t interval; a frequency table or a count of missing values is a description', () => {
    const ci = decided(decideWithRules('Construct a 90% confidence interval for the mean weight', clinic));
    assert.deepEqual([ci.analysis, ci.roles, ci.options.confLevel], ['ttest_one_sample', { column: 'weight' }, 0.9]);
    for (const request of ['frequency table of blood', 'tabulate blood group', 'how many weight values are missing?']) {
      assert.equal(reasonOf(decideWithRules(request, clinic)), 'decided describe', request);
    }
    // A chart of the counts is still a chart.
    assert.equal(reasonOf(decideWithRules('bar chart of blood', clinic)), 'decided bar');
  });

  const shop = schema([numeric('spend'), numeric('visits'), coded('member', ['0', '1']), factor('region', ['north', 'south', 'east'])]);

  it('a plural after "of (the)" following a measured column or a share word names the rows observed, not a missing column', () => {
    assert.deepEqual(decided(decideWithRules('mean spend of the shoppers', shop)).roles, { column: 'spend' });
    assert.equal(decided(decideWithRules('what proportion of the shoppers are members?', shop)).roles.column, 'member');
    // Without a measured column before it, the plural is what is measured: a column the data lack.
    assert.equal(reasonOf(decideWithRules('mean of the incomes by region', shop)), 'unknown-word');
  });

  it('a symmetric analysis of "the two" or "both" is of the only two columns that fit; with more, it asks', () => {
    const pair = schema([numeric('systolic'), numeric('diastolic'), factor('ward', ['a', 'b'])]);
    assert.deepEqual(decided(decideWithRules('correlation between the two blood pressures', pair)).roles, { x: 'systolic', y: 'diastolic' });
    assert.deepEqual(decided(decideWithRules('spearman correlation of both readings', pair)).roles, { x: 'systolic', y: 'diastolic' });
    const three = schema([numeric('systolic'), numeric('diastolic'), numeric('pulse'), factor('ward', ['a', 'b'])]);
    assert.equal(reasonOf(decideWithRules('correlation between the two blood pressures', three)), 'open-role');
  });

  it('two groups set against each other in a direction with nothing measured named ask in what (open-goal)', () => {
    const plants = schema([numeric('height'), numeric('leaves'), coded('week', ['1', '2', '3']), factor('fertiliser', ['None', 'Organic', 'Mineral'])]);
    const out = decideWithRules('In week 1, did the organic plants grow more than the mineral ones?', plants);
    assert.equal(reasonOf(out), 'open-goal');
    assert.deepEqual(out.status !== 'decided' && out.alternatives.map((a) => [a.roles.outcome, a.options?.where?.[0]?.value]), [['height', '1'], ['leaves', '1']]);
    // With the measurement named it is decided; counts of the levels are a question of their own.
    assert.equal(decided(decideWithRules('In week 1, were organic plants taller in height than mineral ones?', plants)).roles.outcome, 'height');
    const people = schema([numeric('income'), factor('sex', ['female', 'male'])]);
    assert.equal(reasonOf(decideWithRules('are there more women than men?', people)), 'decided chi2_gof');
  });

  it('a median asked for alone is the statistic (describe), a median compared is a rank test', () => {
    const s = schema([numeric('stay'), numeric('cost'), factor('ward', ['a', 'b'])]);
    assert.deepEqual(decided(decideWithRules('median hospital stay?', s)).analysis, 'describe');
    assert.deepEqual(decided(decideWithRules('medians of stay by ward', s)).analysis, 'describe');
    assert.equal(decided(decideWithRules('do the medians of stay differ between wards?', s)).analysis, 'mann_whitney');
  });

  it('what is adjusted for ends with its clause; a word inside a test\'s name is the test; the longer test name wins', () => {
    const fish = schema([numeric('length'), numeric('depth'), factor('species', ['carp', 'tench'])]);
    assert.deepEqual(decided(decideWithRules('After adjusting for length, does mean depth differ between the species?', fish)).roles, { outcome: 'depth', group: 'species', covariates: ['length'] });
    // "Wallis" is part of the test's name, not the column `wl`.
    const diet = schema([numeric('wl'), numeric('esteem'), factor('plan', ['a', 'b', 'c'])]);
    assert.deepEqual(decided(decideWithRules('Kruskal-Wallis of esteem by plan', diet)).roles, { outcome: 'esteem', group: 'plan' });
    // "repeated measures ANOVA" names the repeated-measures ANOVA, never the one-way ANOVA inside its name.
    const out = decideWithRules('repeated measures ANOVA of esteem across the plans', diet);
    assert.ok(out.status === 'decided' ? out.analysis !== 'anova_oneway' : out.reason.code !== 'named-test-unfit' || (out.reason.params.test as string) === 'anova_rm');
  });

  it('the share of one level of a many-level column compared across groups asks (not-in-catalogue), never the whole table silently', () => {
    const pets = schema([factor('coat', ['black', 'white', 'ginger', 'tabby']), factor('home', ['flat', 'house'])]);
    const out = decideWithRules('is the proportion of ginger cats different between flats and houses?', pets);
    assert.equal(reasonOf(out), 'not-in-catalogue');
    assert.equal(out.status !== 'decided' && out.alternatives[0].analysis, 'chi2_independence');
    // With a two-level column the share of one level is the whole table: decided.
    const two = schema([factor('coat', ['plain', 'striped']), factor('home', ['flat', 'house'])]);
    assert.equal(reasonOf(decideWithRules('is the proportion of striped cats different between flats and houses?', two)), 'decided chi2_independence');
  });

  it('the level right after a share word is what the share is of: across groups a table, against a value a binomial test', () => {
    const cats = schema([factor('coat', ['plain', 'striped']), factor('home', ['flat', 'house']), numeric('town')]);
    assert.deepEqual(decided(decideWithRules('is the proportion of striped cats different between flats and houses?', cats)).roles, { row: 'coat', col: 'home' });
    const many = schema([factor('coat', ['black', 'white', 'ginger', 'tabby']), factor('home', ['flat', 'house'])]);
    assert.equal(reasonOf(decideWithRules('is the proportion of ginger cats different between flats and houses?', many)), 'not-in-catalogue');
    // A numeric column named beside it ("in the town sampled") does not make it a t-test of that column among the striped.
    const value = decided(decideWithRules('Test that the proportion of striped cats in the town sampled is 0.3.', cats));
    assert.deepEqual([value.analysis, value.roles, value.options.mu], ['binomial_test', { column: 'coat' }, 0.3]);
  });
});
