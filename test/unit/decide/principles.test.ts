/**
 * The decision principles of issue #16, asserted by reason code (never by wording): every content word
 * accounted for, named tests honoured or refused, names as people write them, formulas, typos, lists,
 * measurement level, open goals; and #18 S1/S4 (two-sided unless asked, Welch by default).
 */
import assert from 'node:assert/strict';
import { decideWithRules, decisionFromJson, decisionToJson } from '../../../kernel/decide/index.js';
import { loadSchemas } from './datasets.js';
import type { DatasetSchema } from '../../../kernel/types.js';
import { decided, madeUp, reasonOf } from './made-up.js';

const base = { storageType: 'VARCHAR', missing: 0 };
const { numeric, coded, factor, schema } = madeUp(40);

describe('decision principles (#16)', () => {
  let schemas: Record<string, DatasetSchema>;
  before(async function () {
    this.timeout(60_000);
    schemas = await loadSchemas();
  });

  it('a word where a variable would stand that names nothing asks (unknown-word), with the closest columns', () => {
    for (const prompt of ["does the penguins' age affect body mass?", 'average body mass by island and by colony', 'compare flipper length across colonies']) {
      const out = decideWithRules(prompt, schemas.penguins);
      assert.equal(reasonOf(out), 'unknown-word', prompt);
      if (out.status !== 'decided') {
        assert.ok(out.alternatives.length >= 1);
        assert.ok(Array.isArray(out.reason.params.columns) && (out.reason.params.columns as string[]).includes('species'));
      }
    }
    const typo = decideWithRules('displ by gear', schemas.mtcars);
    assert.equal(decided(typo).roles.outcome, 'disp');
    // Harmless words (the dataset's own name, "penguins", "proportion") and qualifiers ("spray treatments") are accounted for.
    assert.equal(reasonOf(decideWithRules('is the proportion of males the same on every island', schemas.penguins)), 'decided');
    assert.equal(reasonOf(decideWithRules('do the spray treatments differ in count?', schemas.InsectSprays)), 'decided');
  });

  it('a named test that does not fit is refused with the reason (named-test-unfit); one that fits is decided', () => {
    const chi = decideWithRules('chi-square test of body mass and species', schemas.penguins);
    assert.equal(reasonOf(chi), 'named-test-unfit');
    if (chi.status !== 'decided') {
      assert.equal(chi.reason.params.test, 'chi2_independence');
      assert.equal(chi.reason.params.column, 'body_mass_g');
      assert.ok(chi.alternatives.some((a) => a.analysis === 'welch_anova'), 'the nearest valid analysis is offered');
    }
    assert.equal(reasonOf(decideWithRules('Pearson correlation between species and sex', schemas.penguins)), 'named-test-unfit');
    assert.equal(decided(decideWithRules('one way anova mass ~ species', schemas.penguins)).analysis, 'anova_oneway');
    assert.equal(decided(decideWithRules('Tukey HSD of flipper length by species', schemas.penguins)).analysis, 'tukey_hsd');
  });

  it('reads names as people write them: plurals, prefixes, dots and spaces, initials, subject-like factors; ties ask', () => {
    const plots = schema([numeric('yield_kg', 36), coded('block', ['1', '2', '3', '4', '5', '6'], 36), factor('fertilizer', ['none', 'N', 'P'], 36)]);
    const blocks = decided(decideWithRules('compare yield across blocks', plots));
    assert.deepEqual(blocks.roles, { outcome: 'yield_kg', group: 'block' });
    const household = schema([numeric('sr'), numeric('hh_size'), numeric('inc'), factor('region', ['north', 'south'])]);
    const sr = decided(decideWithRules('what explains the savings ratio: hh_size and inc?', household));
    assert.deepEqual(sr.roles, { outcome: 'sr', predictors: ['hh_size', 'inc'] });
    const vitals = schema([numeric('heart.rate'), numeric('body.temp'), factor('sex', ['F', 'M'])]);
    assert.deepEqual(decided(decideWithRules('heart rate by sex', vitals)).roles, { outcome: 'heart.rate', group: 'sex' });
    const shapes = schema([numeric('perimeter'), numeric('area'), factor('kind', ['a', 'b', 'c'])]);
    assert.equal(decided(decideWithRules('does peri differ by kind', shapes)).roles.outcome, 'perimeter');
    // Inflections beyond plurals, the other level written as one word, people named by an identifier's name.
    const clinic = schema([
      { ...base, name: 'patient_id', kind: 'id', storageType: 'BIGINT', n: 40, distinct: 40, usableAsGroup: false },
      numeric('bmi'),
      factor('smoker', ['no', 'yes']),
      factor('recovered', ['no', 'yes']),
    ]);
    assert.deepEqual(decided(decideWithRules('are smoking and recovery independent?', clinic)).roles, { row: 'smoker', col: 'recovered' });
    assert.deepEqual(decided(decideWithRules('compare the bmi of smokers and nonsmokers', clinic)).roles, { outcome: 'bmi', group: 'smoker' });
    assert.deepEqual(decided(decideWithRules('what proportion of patients recovered?', clinic)).roles, { column: 'recovered' });
    // Glued generic suffixes and counts: "agegp" is the age group, "ncases" the number of cases.
    const counts = schema([factor('agegp', ['25-34', '35-44', '45-54']), factor('alcgp', ['low', 'mid', 'high']), numeric('ncases')]);
    assert.deepEqual(decided(decideWithRules('is alcohol consumption associated with age group?', counts)).roles, { row: 'alcgp', col: 'agegp' });
    assert.deepEqual(decided(decideWithRules('do the number of cases differ across age groups', counts)).roles, { outcome: 'ncases', group: 'agegp' });
    // One word that fits two columns equally is a question naming both.
    const petal = decideWithRules('does petal size differ across species', schemas.iris);
    assert.equal(reasonOf(petal), 'tied-columns');
  });

  it('parses formulas: ~, +, | (paired by subject), and refuses * (no interaction term) with the main effects offered', () => {
    assert.deepEqual(decided(decideWithRules('body_mass_g ~ flipper_length_mm + sex', schemas.penguins)).roles, { outcome: 'body_mass_g', predictors: ['flipper_length_mm', 'sex'] });
    const paired = decided(decideWithRules('extra ~ group | ID', schemas.sleep));
    assert.deepEqual([paired.analysis, paired.roles.pairId], ['ttest_paired', 'ID']);
    const star = decideWithRules('mpg ~ wt * hp', schemas.mtcars);
    assert.equal(star.status, 'no_match');
    assert.deepEqual(star.alternatives.map((a) => a.roles.predictors), [['wt', 'hp']]);
  });

  it('reads a typo as the one column within reach and says so in the explanation', () => {
    const d = decided(decideWithRules('histogram of flipper_lenght', schemas.penguins));
    assert.deepEqual(d.roles, { column: 'flipper_length_mm' });
    assert.ok(d.explanation.refinements.includes("read 'flipper_lenght' as 'flipper_length_mm'"), d.explanation.refinements.join('; '));
    assert.deepEqual(decided(decideWithRules('boxplot of body_mas_g by species', schemas.penguins)).roles, { outcome: 'body_mass_g', group: 'species' });
  });

  it('a list of columns gives one describe (grouped when a group is named)', () => {
    const d = decided(decideWithRules('summary of bill length, bill depth and flipper length', schemas.penguins));
    assert.deepEqual([d.analysis, d.roles], ['describe', { columns: ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm'] }]);
    assert.deepEqual(decided(decideWithRules('descriptive statistics for body mass and flipper length by species', schemas.penguins)).roles, { group: 'species', columns: ['body_mass_g', 'flipper_length_mm'] });
  });

  it('treats coded columns by their measurement level (measurement-level)', () => {
    const r = decideWithRules('correlation between am and vs', schemas.mtcars);
    assert.equal(reasonOf(r), 'measurement-level');
    if (r.status !== 'decided') assert.ok(['spearman', 'kendall', 'chi2_independence'].every((a) => r.alternatives.some((c) => c.analysis === a)));
    const t = decideWithRules('t-test of am by vs', schemas.mtcars);
    assert.equal(reasonOf(t), 'measurement-level');
    if (t.status !== 'decided') assert.ok(t.alternatives.some((c) => c.analysis === 'chi2_independence'));
    // A binary group with a measurement is an ordinary comparison.
    assert.equal(decided(decideWithRules('is mpg different between automatic and manual cars?', schemas.mtcars)).analysis, 'ttest_welch');
  });

  it('an open goal asks with a short menu (open-goal); a statistic asked for is a describe', () => {
    for (const prompt of ['which species is best?', 'analyse this data']) {
      const out = decideWithRules(prompt, schemas.penguins);
      assert.equal(reasonOf(out), 'open-goal', prompt);
      assert.ok(out.alternatives.length >= 2 && out.alternatives.length <= 4);
    }
    const median = decided(decideWithRules('what is the median flipper length?', schemas.penguins));
    assert.deepEqual([median.analysis, median.roles], ['describe', { column: 'flipper_length_mm' }]);
  });

  it('#18 S1: direction words keep the test two-sided and record the direction; one-sided only when asked', () => {
    const d = decided(decideWithRules('is len greater for OJ than VC?', schemas.ToothGrowth));
    assert.equal(d.options.alternative, undefined);
    assert.deepEqual(d.directionAsked, { direction: 'greater', statement: 'len: OJ > VC' });
    const one = decided(decideWithRules('one-sided: is len greater for OJ than VC?', schemas.ToothGrowth));
    assert.equal(one.options.alternative, 'greater');
    const corr = decided(decideWithRules('is there a positive correlation between flipper length and body mass', schemas.penguins));
    assert.equal(corr.options.alternative, undefined);
    assert.equal(corr.directionAsked?.direction, 'greater');
  });

  it('#18 S4: Welch ANOVA and Games-Howell by default, the classic tests when named', () => {
    assert.equal(decided(decideWithRules('compare body mass across species', schemas.penguins)).analysis, 'welch_anova');
    assert.equal(decided(decideWithRules('one-way ANOVA of body mass across species', schemas.penguins)).analysis, 'anova_oneway');
    assert.equal(decided(decideWithRules('post hoc comparisons of body mass across species', schemas.penguins)).analysis, 'games_howell');
    assert.equal(decided(decideWithRules('Tukey post hoc of body mass across species', schemas.penguins)).analysis, 'tukey_hsd');
  });

  it('carries the reason through the contract JSON and back', () => {
    const out = decideWithRules('chi-square test of body mass and species', schemas.penguins);
    const json = decisionToJson(out);
    assert.equal((json.reason as { code: string }).code, 'named-test-unfit');
    assert.deepEqual(decisionFromJson(JSON.parse(JSON.stringify(json))), out);
    // A refusal stored before reasons existed still reads.
    const old = decisionFromJson({ status: 'ambiguous', rationale: 'r', alternatives: [] });
    assert.equal(old.status !== 'decided' && old.reason.code, 'equal-readings');
  });

  it('reads a prefix of a name before letters picked out of a word; a skeleton keeps the first two letters', () => {
    const rocks = schema([numeric('area'), numeric('peri'), numeric('perm'), numeric('lat'), numeric('long'), numeric('depth')]);
    assert.deepEqual(decided(decideWithRules('correlate area and perimeter', rocks)).roles, { x: 'area', y: 'peri' });
    assert.deepEqual(decided(decideWithRules('spearman of depth and permeability', rocks)).roles, { x: 'depth', y: 'perm' });
    // "location" is neither lat nor long: the word names nothing, so the request asks.
    assert.equal(reasonOf(decideWithRules('is there a relationship between location and depth', rocks)), 'unknown-word');
  });

  it('a measured quantity with few values is numeric unless the request groups by it', () => {
    const doses = schema([numeric('response'), coded('conc', ['0.5', '1', '2.5', '5', '10', '20'])]);
    assert.equal(decided(decideWithRules('response vs conc', doses)).analysis, 'pearson');
    assert.equal(decided(decideWithRules('is response related to conc?', doses)).analysis, 'pearson');
    assert.equal(decided(decideWithRules('compare response across conc', doses)).analysis, 'welch_anova');
    // Codes 1..6 stay groups.
    const arms = schema([numeric('response'), coded('arm', ['1', '2', '3', '4', '5', '6'])]);
    assert.equal(decided(decideWithRules('compare response across arm', arms)).analysis, 'welch_anova');
  });

  it('a word for the units measured is not a variable: a plural after a level, an identifier before a measurement', () => {
    const plots = Array.from({ length: 12 }, (_, i) => `P${i + 1}`);
    const field = schema([factor('plot', plots, 48), factor('region', ['North', 'South'], 48), factor('irrigation', ['dry', 'wet'], 48), numeric('yield', 48)]);
    assert.deepEqual(decided(decideWithRules('does yield differ between North and South plots?', field)).roles, { outcome: 'yield', group: 'region' });
    const among = decided(decideWithRules('among North plots only, compare yield by irrigation', field));
    assert.deepEqual(among.roles, { outcome: 'yield', group: 'irrigation' });
    assert.deepEqual(among.options.where, [{ column: 'region', op: '=', value: 'North' }]);
    assert.deepEqual(decided(decideWithRules('describe plot yields', field)).roles, { column: 'yield' });
    // Grouped by in so many words, the identifier-like column is the group.
    assert.equal(decided(decideWithRules('compare yield by plot', field)).roles.group, 'plot');
  });

  it('a function word that is a column name is the column; initials with a word left out name a short column', () => {
    const economy = schema([numeric('GDP'), numeric('Population'), numeric('Year'), numeric('gnp')]);
    assert.deepEqual(decided(decideWithRules('GDP ~ Population + Year', economy)).roles, { outcome: 'GDP', predictors: ['Population', 'Year'] });
    assert.equal(reasonOf(decideWithRules('describe gross product', economy)), 'tied-columns'); // GDP and gnp both fit
    assert.deepEqual(decided(decideWithRules('describe gross product', schema([numeric('gnp'), numeric('Year')]))).roles, { column: 'gnp' });
    // Words that name nothing, with nothing else named: a describe of every column would be a guess.
    assert.equal(reasonOf(decideWithRules('describe household wealth', economy)), 'unknown-word');
  });

  it('a noun made from a level speaks of that column\'s values ("approval" for approve/disapprove), not of a missing column', () => {
    const poll = schema([factor('wave1', ['approve', 'disapprove']), factor('wave2', ['approve', 'disapprove'])]);
    assert.equal(decided(decideWithRules('did approval change between wave1 and wave2 (before and after)?', poll)).analysis, 'mcnemar');
    assert.equal(reasonOf(decideWithRules('did turnout change between wave1 and wave2?', poll)), 'unknown-word');
  });

  it('asks which time point a word for one end of a time course means (time-point); refuses methods the catalogue lacks (not-in-catalogue)', () => {
    const growth = schema([numeric('weight'), coded('week', ['0', '2', '4', '6', '8', '10']), factor('diet', ['A', 'B'])]);
    const final = decideWithRules('does final weight differ by diet?', growth);
    assert.equal(reasonOf(final), 'time-point');
    if (final.status !== 'decided') assert.deepEqual(final.alternatives[0].options?.where, [{ column: 'week', op: '=', value: '10' }]);
    assert.equal(reasonOf(decideWithRules('baseline weight by diet', growth)), 'time-point');
    assert.equal(reasonOf(decideWithRules('poisson regression of weight on diet', growth)), 'not-in-catalogue');
    // Once the catalogue has the method (logistic, #11), its name is honoured instead.
    assert.equal(decided(decideWithRules('logistic regression of diet on weight', growth)).analysis, 'logistic');
    assert.equal(reasonOf(decideWithRules('is the variance of weight equal to 4?', growth)), 'not-in-catalogue');
  });

  it('a vague request that touches the data gets a menu (open-goal or its reason), one about something else stays no match', () => {
    const out = decideWithRules('big earthquakes', schema([numeric('mag'), numeric('depth'), numeric('stations')], 'quakes.csv'));
    assert.equal(out.status, 'ambiguous');
    assert.equal(reasonOf(out), 'open-goal');
    assert.ok(out.alternatives.length >= 2 && out.alternatives.every((a) => a.analysis === 'describe'));
    assert.equal(decideWithRules('what is the weather tomorrow', schemas.penguins).status, 'no_match');
  });

  it('reads words for one-letter codes by their initials when two or more are contrasted (low and high -> L, H)', () => {
    const trial = schema([numeric('response'), factor('dose', ['H', 'L', 'M']), factor('sex', ['F', 'M'])]);
    const out = decided(decideWithRules('compare response between low and high dose', trial));
    assert.deepEqual([out.analysis, out.roles, out.options.levels], ['ttest_welch', { outcome: 'response', group: 'dose' }, ['L', 'H']]);
    assert.deepEqual(decided(decideWithRules('response of females and males by sex', trial)).roles, { outcome: 'response', group: 'sex' });
  });

  it('"all the other variables" are the predictors, however many', () => {
    const mt = decided(decideWithRules('regress mpg on all other variables', schemas.mtcars));
    assert.equal(mt.roles.outcome, 'mpg');
    assert.equal(mt.roles.predictors?.length, 10);
    assert.ok(!mt.roles.predictors?.includes('model'), 'the identifier is no predictor');
  });

  it('reads names glued from words\' beginnings, negated levels, and gives a value to the column its word names best', () => {
    const lab = schema([numeric('optden'), numeric('carb'), coded('activ', ['0', '1']), numeric('temp'), coded('day', ['346', '347']), numeric('time')]);
    assert.deepEqual(decided(decideWithRules('regress optical density on carbohydrate', lab)).roles, { outcome: 'optden', predictors: ['carb'] });
    assert.deepEqual(decided(decideWithRules('compare temp between active and inactive periods', lab)).roles, { outcome: 'temp', group: 'activ' });
    assert.deepEqual(decided(decideWithRules('describe temp on day 346', lab)).options.where, [{ column: 'day', op: '=', value: '346' }]);
  });

  it('an association between two columns of three or fewer codes is a table of counts', () => {
    const survey = schema([coded('smoking', ['0', '1', '2']), coded('stage', ['1', '2', '3']), numeric('score')]);
    assert.deepEqual(decided(decideWithRules('is there an association between smoking and stage?', survey)).analysis, 'chi2_independence');
    assert.equal(decided(decideWithRules('does score differ by stage?', survey)).analysis, 'welch_anova');
  });

  it("Fisher's exact test asked for by name takes any table; two factors crossed once (a table of ones) ask (crossed-design)", () => {
    const clinic = schema([factor('arm', ['A', 'B']), factor('grade', ['low', 'mid', 'high'])]);
    assert.deepEqual(decided(decideWithRules('fisher exact test of arm and grade', clinic)).roles, { row: 'arm', col: 'grade' });
    const design = schema([coded('tree', ['1', '2', '3', '4', '5'], 35), coded('visit', ['1', '2', '3', '4', '5', '6', '7'], 35)]);
    assert.equal(reasonOf(decideWithRules('fisher exact test of tree and visit', design)), 'crossed-design');
  });
});
