/**
 * Names as people write them (#16), each principle on schemas made up for it, asserted by roles and
 * reason codes (never by wording): a column name's pieces spelled out in order (words, plurals,
 * beginnings, abbreviations, initials), unit and role words around a name, readings recorded, ties
 * asked, unknown words kept, formula power terms, shared heads, levels written as initials.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import type { DecisionOutcome } from '../../../kernel/decide/index.js';
import type { ColumnSchema, DatasetSchema } from '../../../kernel/types.js';

const base = { storageType: 'VARCHAR', missing: 0 };
const numeric = (name: string, n = 40): ColumnSchema => ({ ...base, name, kind: 'numeric', storageType: 'DOUBLE', n, distinct: n, usableAsGroup: false, summary: { min: 1, max: 100, mean: 50, sd: 10 } as ColumnSchema['summary'] });
const coded = (name: string, values: string[], n = 40): ColumnSchema => ({
  ...base,
  name,
  kind: 'numeric',
  storageType: 'DOUBLE',
  n,
  distinct: values.length,
  usableAsGroup: true,
  levels: values.map((value) => ({ value, count: n / values.length })),
});
const factor = (name: string, values: string[], n = 40): ColumnSchema => ({
  ...base,
  name,
  kind: 'categorical',
  n,
  distinct: values.length,
  usableAsGroup: true,
  levels: values.map((value) => ({ value, count: n / values.length })),
});
const schema = (columns: ColumnSchema[], name = 't.csv'): DatasetSchema => ({ name, path: `/${name}`, format: 'csv', sha256: '', rows: 40, columns });

function decided(out: DecisionOutcome, prompt: string): Extract<DecisionOutcome, { status: 'decided' }> {
  if (out.status !== 'decided') assert.fail(`${prompt}: expected a decision, got ${out.status} [${out.reason.code}]: ${out.rationale}`);
  return out;
}

function reasonOf(out: DecisionOutcome): string {
  return out.status === 'decided' ? 'decided' : out.reason.code;
}

describe('names as people write them (#16)', () => {
  const animals = schema([factor('Sex', ['F', 'M']), numeric('Bwt'), numeric('Hwt')]);
  const reading = schema([
    factor('group', ['Basal', 'DRTA', 'Strat']),
    numeric('pretest.1'),
    numeric('pretest.2'),
    numeric('post.test.1'),
    numeric('post.test.2'),
    numeric('post.test.3'),
  ]);

  it('a glued name is spelled by words standing for its stretches, in order: initials, abbreviations, beginnings', () => {
    const out = decided(decideWithRules('heart weight by sex', animals), 'heart weight by sex');
    assert.deepEqual(out.roles, { outcome: 'Hwt', group: 'Sex' });
    const corr = decided(decideWithRules('correlate body weight with heart wt', animals), 'body weight');
    assert.deepEqual([corr.roles.x, corr.roles.y].sort(), ['Bwt', 'Hwt']);
    const people = schema([factor('sex', ['F', 'M']), numeric('weight'), numeric('height'), numeric('repwt'), numeric('repht')]);
    const rep = decided(decideWithRules('histogram of reported weight', people), 'reported weight');
    assert.equal(rep.roles.column, 'repwt');
    const states = schema([factor('region', ['North', 'South', 'West']), numeric('HS.Grad'), numeric('Income'), numeric('Murder')]);
    assert.equal(decided(decideWithRules('histogram of high school graduation', states), 'HS.Grad').roles.column, 'HS.Grad');
  });

  it('pieces at dots, digits and separators: "post test 3", "posttest 2", "post-test 2", "pretest 1" name one column each', () => {
    for (const [prompt, column] of [
      ['post test 3 by group', 'post.test.3'],
      ['posttest 2 by group', 'post.test.2'],
      ['post-test 2 by group', 'post.test.2'],
      ['pretest 1 by group', 'pretest.1'],
      ['compare post.test.1 across group', 'post.test.1'],
    ]) {
      assert.equal(decided(decideWithRules(prompt, reading), prompt).roles.outcome, column, prompt);
    }
    // "posttest" alone fits three columns: a question naming them.
    const open = decideWithRules('analyze the posttest by group', reading);
    assert.equal(reasonOf(open), 'tied-columns');
  });

  it('the acronym and glued-beginning readings are the same matcher: "savings ratio" -> sr, "miles per gallon" -> mpg, "optical density" -> optden', () => {
    const econ = schema([numeric('sr'), numeric('pop15'), numeric('dpi')]);
    assert.equal(decided(decideWithRules('histogram of savings ratio', econ), 'sr').roles.column, 'sr');
    const cars = schema([numeric('mpg'), numeric('wt')]);
    assert.equal(decided(decideWithRules('histogram of miles per gallon', cars), 'mpg').roles.column, 'mpg');
    const lab = schema([numeric('optden'), numeric('carb')]);
    assert.deepEqual(decided(decideWithRules('regress optical density on carbohydrate', lab), 'optden').roles, { outcome: 'optden', predictors: ['carb'] });
  });

  it('words are not cut into another word: "girth + height", "weight against height", "shape and permeability" keep their columns', () => {
    const trees = schema([numeric('Girth'), numeric('Height'), numeric('Volume')]);
    assert.deepEqual(decided(decideWithRules('Volume ~ Girth + Height', trees), 'trees').roles, { outcome: 'Volume', predictors: ['Girth', 'Height'] });
    const women = schema([numeric('height'), numeric('weight')]);
    const scatter = decided(decideWithRules('plot weight against height', women), 'women');
    assert.deepEqual([scatter.roles.x, scatter.roles.y].sort(), ['height', 'weight']);
    const rock = schema([numeric('area'), numeric('peri'), numeric('shape'), numeric('perm')]);
    const rank = decided(decideWithRules('spearman of shape and permeability', rock), 'rock');
    assert.deepEqual([rank.roles.x, rank.roles.y].sort(), ['perm', 'shape']);
  });

  it('a reading of a name is recorded in the explanation ("read \'heart weight\' as \'Hwt\'")', () => {
    const out = decided(decideWithRules('heart weight by sex', animals), 'heart weight');
    assert.ok(out.explanation.refinements.some((r) => r.includes("'heart weight'") && r.includes("'Hwt'")), out.explanation.refinements.join('; '));
  });

  it('two columns spelled equally well by a phrase: a question naming both (tied-columns)', () => {
    const twins = schema([factor('Sex', ['F', 'M']), numeric('HWt'), numeric('H.Wt')]);
    const out = decideWithRules('heart weight by sex', twins);
    assert.equal(reasonOf(out), 'tied-columns');
    if (out.status !== 'decided') assert.deepEqual([...(out.reason.params.columns as string[])].sort(), ['H.Wt', 'HWt']);
  });

  it('a word where a variable would stand that spells no column stays an unknown word', () => {
    assert.equal(reasonOf(decideWithRules('liver weight by sex', animals)), 'unknown-word');
    assert.equal(reasonOf(decideWithRules('compare kidney mass across sex', animals)), 'unknown-word');
  });

  it('unit and role words around a name are accounted for: rate, score, per capita', () => {
    const states = schema([factor('region', ['North', 'South', 'West']), numeric('Income'), numeric('Murder'), numeric('Illiteracy')]);
    assert.equal(decided(decideWithRules('murder rate by region', states), 'rate').roles.outcome, 'Murder');
    assert.equal(decided(decideWithRules('per capita income by region', states), 'per capita').roles.outcome, 'Income');
    const painters = schema([factor('School', ['A', 'B', 'C']), numeric('Composition'), numeric('Drawing')]);
    assert.equal(decided(decideWithRules('describe the scores', painters), 'scores').analysis, 'describe');
  });

  it('a piece of a name said with a lexicon word: "highway mileage" for MPG.highway', () => {
    const cars = schema([factor('Origin', ['USA', 'non-USA']), numeric('MPG.city'), numeric('MPG.highway'), numeric('Weight')]);
    assert.equal(decided(decideWithRules('highway mileage by origin', cars), 'mileage').roles.outcome, 'MPG.highway');
    assert.equal(decided(decideWithRules('city fuel economy by origin', cars), 'fuel economy').roles.outcome, 'MPG.city');
  });

  it('a word coordinated with a name phrase shares its rest: "pre vs post weight"; time and qualifier words pair columns', () => {
    const therapy = schema([factor('Treat', ['CBT', 'Cont', 'FT']), numeric('Prewt'), numeric('Postwt')]);
    const paired = decided(decideWithRules('paired t-test of pre vs post weight', therapy), 'pre vs post');
    assert.deepEqual(paired.roles, { before: 'Prewt', after: 'Postwt' });
    assert.equal(decided(decideWithRules('compare Prewt and Postwt', therapy), 'Prewt/Postwt').analysis, 'ttest_paired');
    const people = schema([factor('sex', ['F', 'M']), numeric('weight'), numeric('height'), numeric('repht')]);
    assert.equal(decided(decideWithRules('is there a difference between height and reported height?', people), 'repht').analysis, 'ttest_paired');
    // Look-alike words are two quantities, not one measured twice.
    assert.notEqual(reasonOf(decideWithRules('t-test of weight and height', people)), 'decided');
  });

  it('a time word after the measurement is the name\'s prefix ("weight after treatment" -> Postwt); the earlier measurement is before', () => {
    const therapy = schema([factor('Treat', ['CBT', 'Cont', 'FT']), numeric('Prewt'), numeric('Postwt')]);
    const out = decided(decideWithRules('does weight after treatment differ among the treatments after adjusting for weight before treatment', therapy), 'after/before');
    assert.deepEqual(out.roles, { outcome: 'Postwt', group: 'Treat', covariates: ['Prewt'] });
    // Named after first, the test still takes Prewt as before; the direction follows (Prewt - Postwt < 0).
    const one = decided(decideWithRules('one-sided paired t-test: is weight after higher than before?', therapy), 'one-sided');
    assert.deepEqual([one.roles.before, one.roles.after, one.options.alternative], ['Prewt', 'Postwt', 'less']);
    // "measured vs reported weight": the shared word alone names the measured column.
    const people = schema([factor('sex', ['F', 'M']), numeric('weight'), numeric('height'), numeric('repwt')]);
    assert.deepEqual(decided(decideWithRules('measured vs reported weight, paired', people), 'measured vs reported').roles, { before: 'weight', after: 'repwt' });
  });

  it('a level written as initials is read from its words ("family therapy" -> FT); a column name is never such a word', () => {
    const therapy = schema([factor('Treat', ['CBT', 'Cont', 'FT']), numeric('Prewt'), numeric('Postwt')]);
    const out = decided(decideWithRules('histogram of Postwt, family therapy group only', therapy), 'FT');
    assert.deepEqual(out.options.where, [{ column: 'Treat', op: '=', value: 'FT' }]);
    const school = schema([factor('Eth', ['A', 'N']), factor('Lrn', ['AL', 'SL']), coded('Age', ['1', '2', '3', '4']), numeric('Days')]);
    const model = decided(decideWithRules('Days ~ Eth + Age + Lrn', school), 'Age + Lrn');
    assert.equal(model.options.where, undefined);
  });

  it('a two-valued column named right before a spelled-out measurement names its indicator ("low birth weight")', () => {
    const births = schema([coded('low', ['0', '1']), coded('smoke', ['0', '1']), numeric('bwt'), numeric('age')]);
    const out = decided(decideWithRules("is smoking associated with low birth weight? use Fisher's exact test", births), 'low');
    assert.deepEqual([out.roles.row, out.roles.col].sort(), ['low', 'smoke']);
  });

  it('a generic last word alone names its column ("classes" -> passengerClass); a part of a name before a measurement qualifies it ("passenger age")', () => {
    const ship = schema([factor('survived', ['no', 'yes']), factor('sex', ['female', 'male']), numeric('age'), factor('passengerClass', ['1st', '2nd', '3rd'])]);
    assert.equal(decided(decideWithRules('bar chart of classes', ship), 'classes').roles.column, 'passengerClass');
    assert.deepEqual(decided(decideWithRules('histogram of passenger age', ship), 'passenger age').roles, { column: 'age' });
    // Ordinal levels written as words.
    const out = decided(decideWithRules('compare age between first and second class', ship), 'first and second');
    assert.deepEqual(out.options.levels, ['1st', '2nd']);
  });

  it('words for the units observed name no missing column ("of the subjects", "in an occupation")', () => {
    const people = schema([factor('sex', ['F', 'M']), numeric('weight'), numeric('height')]);
    assert.equal(reasonOf(decideWithRules('mean height of the subjects by sex', people)), 'decided');
    const jobs = schema([{ ...base, name: 'occupation', kind: 'id', n: 40, distinct: 40, usableAsGroup: false }, numeric('women'), numeric('income')]);
    const out = decided(decideWithRules('is the percentage of women in an occupation related to its income?', jobs), 'an occupation');
    assert.deepEqual([out.roles.x, out.roles.y].sort(), ['income', 'women']);
    const typed = schema([{ ...base, name: 'occupation', kind: 'id', n: 40, distinct: 40, usableAsGroup: false }, numeric('prestige'), factor('type', ['bc', 'prof', 'wc'])]);
    assert.deepEqual(decided(decideWithRules('does prestige differ across occupation types?', typed), 'occupation types').roles, { outcome: 'prestige', group: 'type' });
  });

  it('formula power terms: "y ~ x + x^2" and "y ~ x + I(x^2)" are a polynomial of degree 2; beside other predictors it is a predictor of its own', () => {
    const pay = schema([numeric('salary'), numeric('yrs.since.phd'), numeric('yrs.service')]);
    for (const prompt of ['salary ~ yrs.since.phd + yrs.since.phd^2', 'salary ~ yrs.since.phd + I(yrs.since.phd^2)']) {
      const out = decided(decideWithRules(prompt, pay), prompt);
      assert.deepEqual(out.roles, { outcome: 'salary', predictors: ['yrs.since.phd'] });
      assert.equal(out.options.degree, 2);
    }
    // The regression engine takes a power term as a predictor (`x^2`, docs/CONTRACT.md): fitted as the formula writes it.
    assert.deepEqual(decided(decideWithRules('salary ~ yrs.since.phd + yrs.service + yrs.since.phd^2', pay), 'power beside another predictor').roles, { outcome: 'salary', predictors: ['yrs.since.phd', 'yrs.service', 'yrs.since.phd^2'] });
  });
});
