/**
 * Column names as people write them (issue #16), on schemas made up for the test, asserted by decision
 * and reason code: one-letter names read from a word's initial (initial-names.ts), a value said with
 * "of" and its column's name ("20 mg of drug"), field plots as the units observed, Cohen's f as an
 * ANOVA design in a power request.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import type { ColumnSchema } from '../../../kernel/types.js';
import { decided, madeUp, reasonOf } from './made-up.js';

const base = { storageType: 'VARCHAR', missing: 0 };
const { numeric, factor, schema } = madeUp(60, 'trial.csv');

/** A field trial written with one-letter names: S soil, F fertiliser, H height. */
const field = schema([factor('S', ['clay', 'loam', 'sand']), factor('F', ['none', 'single', 'double']), numeric('H')]);

describe('decide: column names as people write them (#16)', () => {
  it('reads a one-letter name from a word whose initial it is, where a variable stands, and says so', () => {
    const a = decided(decideWithRules('does height differ between fertiliser treatments?', field));
    assert.deepEqual([a.roles.outcome, a.roles.group], ['H', 'F']);
    assert.ok(a.explanation.refinements.includes("read 'height' as 'H'"), a.explanation.refinements.join('; '));
    const b = decided(decideWithRules('two-way ANOVA of height on soil and fertiliser, with their interaction', field));
    assert.deepEqual([b.analysis, b.roles.outcome, b.roles.factors], ['anova_factorial', 'H', ['S', 'F']]);
    // A typo changes nothing: only the initial is read.
    const c = decided(decideWithRules('boxplot of hieght by soil', field));
    assert.deepEqual([c.analysis, c.roles.outcome, c.roles.group], ['boxplot', 'H', 'S']);
  });

  it('reads a word after a count only when the count is the column\'s number of levels', () => {
    const a = decided(decideWithRules('one way anova: does height differ between the three fertilisers?', field));
    assert.deepEqual([a.analysis, a.roles.outcome, a.roles.group], ['anova_oneway', 'H', 'F']);
    // Five is not the three levels of F: a question (which column is the group?), never F silently.
    assert.notEqual(reasonOf(decideWithRules('one way anova: does height differ between the five fertilisers?', field)), 'decided');
  });

  it('does not read an initial when another column begins with the letter, nor an analysis word or a count of rows', () => {
    const timed = schema([numeric('T'), numeric('temp'), factor('G', ['a', 'b'])]);
    assert.equal(reasonOf(decideWithRules('does time differ between the levels of G?', timed)), 'unknown-word');
    // "mean" is analysis vocabulary, never the column M.
    const m = decided(decideWithRules('mean height by G', schema([numeric('M'), numeric('H'), factor('G', ['a', 'b'])])));
    assert.deepEqual([m.roles.column ?? m.roles.outcome, m.roles.group], ['H', 'G']);
    // "the number of eggs" counts rows: N is not named by "number".
    const counted = decideWithRules('compare the number of eggs across G', schema([numeric('N'), numeric('W'), factor('G', ['a', 'b', 'c'])]));
    assert.ok(counted.status !== 'decided' || !Object.values(counted.roles).flat().includes('N'), JSON.stringify(counted.status === 'decided' ? counted.roles : counted.reason));
  });

  it('two one-letter columns spelled alike are a question (tied-columns)', () => {
    const tied = schema([numeric('n'), numeric('N'), factor('G', ['a', 'b'])]);
    assert.equal(reasonOf(decideWithRules('does nitrogen differ between the groups of G?', tied)), 'tied-columns');
  });

  it('a value followed by "of" and its column\'s name restricts the rows; field plots are the units, not a figure', () => {
    const doses = schema([factor('drug', ['10mg', '20mg']), numeric('response'), factor('site', ['north', 'south'])]);
    const a = decided(decideWithRules('mean and sd of response for the plots that got 20 mg of drug', doses));
    assert.equal(a.analysis, 'describe');
    assert.equal(a.roles.column, 'response');
    assert.deepEqual(a.options.where, [{ column: 'drug', op: '=', value: '20mg' }]);
    // A figure asked for is still a figure.
    assert.equal(decided(decideWithRules('plot response by site', doses)).analysis, 'boxplot');
  });

  it("a power request giving Cohen's f plans a k-group ANOVA; the columns it names are the planned groups", () => {
    const a = decided(decideWithRules("how many plots per fertiliser would we need to detect an effect of Cohen's f = 0.25 among 3 fertilisers with 80% power?", field));
    assert.equal(a.analysis, 'power_anova');
    assert.equal(a.options.effectSize, 0.25);
  });

  it('names said from their pieces in another order: a one-letter qualifier first, "pp" as per person or per capita', () => {
    const nations = schema([numeric('ppincome'), numeric('heightM'), numeric('lifeSpanF'), numeric('lifeSpanM'), numeric('pctRural'), factor('zone', ['east', 'west'])], 'nations.csv');
    const a = decided(decideWithRules('regress female life span on income per person and percent rural', nations));
    assert.deepEqual([a.analysis, a.roles.outcome, a.roles.predictors], ['ols', 'lifeSpanF', ['ppincome', 'pctRural']]);
    const b = decided(decideWithRules('Spearman correlation between per-capita income and percent rural', nations));
    assert.deepEqual([b.analysis, [b.roles.x, b.roles.y].sort()], ['spearman', ['pctRural', 'ppincome']]);
    // "per-capita" with no measure named after it names nothing: the word is still a question.
    assert.equal(reasonOf(decideWithRules('Spearman correlation between per-capita wealth and percent rural', nations)), 'unknown-word');
  });

  it('a name with -ing added ("volunteering"), "presence of" a present/absent column, a hyphenated qualifier', () => {
    const survey = schema([factor('volunteer', ['no', 'yes']), numeric('anxiety'), factor('pets', ['absent', 'present']), factor('employ', ['no', 'yes'])]);
    const a = decided(decideWithRules('logistic regression of volunteering on anxiety', survey));
    assert.deepEqual([a.analysis, a.roles.outcome], ['logistic', 'volunteer']);
    const b = decided(decideWithRules('is full-time employment independent of the presence of pets?', survey));
    assert.equal(b.analysis, 'chi2_independence');
    assert.deepEqual([b.roles.row, b.roles.col].sort(), ['employ', 'pets']);
    // Coordinated with another word, a hyphenated word describes a value: still a question.
    assert.notEqual(reasonOf(decideWithRules('compare anxiety between part-time and full-time employment', survey)), 'decided');
  });

  it('an identifier named in the plural is the rows; its name before another column says whose values those are', () => {
    const idColumn: ColumnSchema = { ...base, name: 'lake', kind: 'id', n: 40, distinct: 40, usableAsGroup: false };
    const lakes = schema([idColumn, numeric('depth'), numeric('area'), numeric('temp')], 'lakes.csv');
    const a = decided(decideWithRules('Test whether the mean depth of these lakes differs from 20 metres.', lakes));
    assert.deepEqual([a.analysis, a.roles.column, a.options.mu], ['ttest_one_sample', 'depth', 20]);
    const b = decided(decideWithRules('95% confidence interval for the mean area of Scottish lakes', lakes));
    assert.deepEqual([b.analysis, b.roles.column], ['ttest_one_sample', 'area']);
    const c = decided(decideWithRules('correlation between lake temperature and depth', lakes));
    assert.deepEqual([c.roles.x, c.roles.y].sort(), ['depth', 'temp']);
  });

  it('levels coded by one letter are read from two joined words whose initials they are, when no other coded column fits', () => {
    const fish = schema([factor('sp', ['R', 'W']), factor('sex', ['F', 'M']), numeric('length'), numeric('mass')], 'fish.csv');
    const a = decided(decideWithRules('Do red and white fish differ in length?', fish));
    assert.deepEqual([a.analysis, a.roles.outcome, a.roles.group], ['ttest_welch', 'length', 'sp']);
    // One word alone names no coded level of an unnamed column: a question.
    assert.notEqual(reasonOf(decideWithRules('mean length of the red fish', fish)), 'decided');
    // Two coded columns hold both initials: asked.
    const twice = schema([factor('stage', ['F', 'M']), factor('sex', ['F', 'M']), numeric('length')], 'fish.csv');
    assert.notEqual(reasonOf(decideWithRules('Do mature and fresh fish differ in length?', twice)), 'decided');
  });

  it('"multiple regression" names a regression; "multiple" names no variable', () => {
    const a = decided(decideWithRules('Fit a multiple regression of mass on length and sex', schema([factor('sex', ['F', 'M']), numeric('length'), numeric('mass')])));
    assert.deepEqual([a.analysis, a.roles.outcome, a.roles.predictors], ['ols', 'mass', ['length', 'sex']]);
  });

  it('a value two columns hold is the column whose other values are listed with it', () => {
    const world = schema([factor('continent', ['Europe', 'Asia', 'Africa']), factor('bloc', ['eu', 'africa', 'none']), numeric('growth')], 'world.csv');
    const a = decided(decideWithRules('does growth differ among EU, African and none countries? Kruskal-Wallis', world));
    assert.deepEqual([a.analysis, a.roles.group], ['kruskal_wallis', 'bloc']);
    const b = decided(decideWithRules('does growth differ among European, Asian and African countries? Kruskal-Wallis', world));
    assert.deepEqual([b.analysis, b.roles.group], ['kruskal_wallis', 'continent']);
    // Alone, the value is still a question.
    assert.equal(reasonOf(decideWithRules('mean growth of African countries', world)), 'tied-columns');
  });

  it('who makes a claim ("A biologist claims that ...") is no variable', () => {
    const birds = schema([numeric('wing'), factor('sex', ['F', 'M'])], 'birds.csv');
    const a = decided(decideWithRules('A biologist claims that the mean wing length is 12. Test this claim.', birds));
    assert.deepEqual([a.analysis, a.roles.column, a.options.mu], ['ttest_one_sample', 'wing', 12]);
    assert.equal(reasonOf(decideWithRules('Does the biologist affect wing length?', birds)), 'unknown-word');
    // "the claim" itself and "pupils" (the units) are no variables either.
    assert.equal(decided(decideWithRules('Test the claim that the mean wing length is 12.', birds)).analysis, 'ttest_one_sample');
    assert.equal(decided(decideWithRules('does mean wing length differ between male and female pupils?', birds)).roles.group, 'sex');
  });

  it('"male and female" with sex coded by numbers names the column, never one code', () => {
    const coded = (name: string) => schema([numeric('age'), { ...factor(name, ['0', '1']), kind: 'numeric', storageType: 'BIGINT', usableAsGroup: true }], 'clinic.csv');
    for (const prompt of ['Do male and female patients differ in age?', 'compare age between men and women']) {
      const a = decided(decideWithRules(prompt, coded('sex')));
      assert.deepEqual([a.analysis, a.roles.outcome, a.roles.group, a.options.where], ['ttest_welch', 'age', 'sex', undefined], prompt);
    }
    // One sex alone cannot be told from the codes: a question.
    assert.notEqual(reasonOf(decideWithRules('mean age of the female patients', coded('sex'))), 'decided');
    // A number-coded column with another name is not read as sex.
    assert.notEqual(reasonOf(decideWithRules('Do male and female patients differ in age?', coded('grp'))), 'decided');
  });

  it('a value two columns hold, hyphenated to one of their names, is that column\'s ("a low-status partner")', () => {
    const lab = schema([factor('partner.status', ['high', 'low']), factor('anxiety.level', ['high', 'low', 'medium']), numeric('score')], 'lab.csv');
    const a = decided(decideWithRules('Among subjects with a low-status partner, does score differ by anxiety level? Kruskal-Wallis', lab));
    assert.deepEqual([a.analysis, a.roles.group, a.options.where], ['kruskal_wallis', 'anxiety.level', [{ column: 'partner.status', op: '=', value: 'low' }]]);
    // Without the hyphen, "the low group" is still a question.
    assert.equal(reasonOf(decideWithRules('mean score of the low group', lab)), 'tied-columns');
  });

  it('a plural in -ves names a column in -f or -fe ("shelves" for shelf)', () => {
    const store = schema([{ ...factor('shelf', ['1', '2', '3']), kind: 'numeric', storageType: 'BIGINT', usableAsGroup: true }, numeric('price'), factor('leaf', ['a', 'b'])], 'store.csv');
    const a = decided(decideWithRules('Does price differ across the three shelves? one-way ANOVA', store));
    assert.deepEqual([a.analysis, a.roles.outcome, a.roles.group], ['anova_oneway', 'price', 'shelf']);
    assert.equal(decided(decideWithRules('boxplot of price by leaves', store)).roles.group, 'leaf');
  });
});
