/**
 * Roles, names and named methods (#16), asserted by decision and reason code on made-up schemas:
 * a named method outside the catalogue is refused, lists and ranges of columns are described, a
 * stated outcome is never swapped, names are read from their pieces and paraphrases.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import { decided, madeUp, reasonOf } from './made-up.js';

const { numeric, coded, factor, schema } = madeUp(60);

describe('roles, names and named methods (#16)', () => {
  const firms = schema([numeric('sales'), numeric('staff'), numeric('capital'), factor('sector', ['retail', 'industry', 'services'])], 'firms.csv');

  it('a named method the catalogue lacks is refused (not-in-catalogue), never replaced by the closest one', () => {
    for (const prompt of [
      'robust regression of sales on staff and capital',
      'Huber M-estimation of sales on staff',
      'mixed model of sales with sector as a random effect',
      'multinomial model of sector on sales and staff',
      'negative binomial regression of staff on capital',
    ]) {
      const out = decideWithRules(prompt, firms);
      assert.equal(reasonOf(out), 'not-in-catalogue', prompt);
      if (out.status !== 'decided') assert.ok(out.alternatives.length >= 1, `${prompt}: the closest analysis is offered`);
    }
    // "robust to outliers" names a kind of test the catalogue has; plain regression is decided.
    assert.equal(reasonOf(decideWithRules('compare sales across sectors with a test robust to outliers', firms)), 'decided');
    assert.equal(decided(decideWithRules('regression of sales on staff and capital', firms)).analysis, 'ols');
  });

  it('a list or a range of columns with a summary asked for is described over the list, not tested', () => {
    const yields = schema([factor('site', ['a', 'b', 'c']), numeric('y1'), numeric('y2'), numeric('y3'), numeric('y4')], 'yields.csv');
    assert.deepEqual(decided(decideWithRules('mean and SD of y1 and y2', yields)).roles.columns, ['y1', 'y2']);
    for (const prompt of ['describe y1 through y4', 'summary of y1 to y4', 'describe y1 - y4', 'descriptive statistics for y1…y4']) {
      const out = decided(decideWithRules(prompt, yields));
      assert.equal(out.analysis, 'describe', prompt);
      assert.deepEqual(out.roles.columns, ['y1', 'y2', 'y3', 'y4'], prompt);
    }
    // A test asked for between two of them stays a test; a change "from y1 to y2" is no range.
    assert.notEqual(decided(decideWithRules('paired t-test of y1 and y2', yields)).analysis, 'describe');
    assert.notEqual(decideWithRules('did the yield change from y1 to y4?', yields).status === 'decided' && decided(decideWithRules('did the yield change from y1 to y4?', yields)).analysis, 'describe');
  });

  const poll = schema([numeric('age'), numeric('income'), factor('sex', ['F', 'M']), factor('party', ['A', 'N', 'U', 'Y']), factor('region', ['north', 'south'])], 'poll.csv');

  it('a stated outcome is never swapped: restricted to two levels named, or refused (named-test-unfit / stated-outcome)', () => {
    // Two of the outcome's four levels named: the other levels' rows are left out, the outcome kept.
    const two = decided(decideWithRules('among people answering Yes or No, logistic regression of party on age and sex', poll));
    assert.equal(two.roles.outcome, 'party');
    assert.deepEqual(two.roles.predictors, ['age', 'sex']);
    assert.deepEqual(two.options.where, [
      { column: 'party', op: '!=', value: 'A' },
      { column: 'party', op: '!=', value: 'U' },
    ]);
    // No levels named: the named test does not fit; no other column becomes the outcome, no reversed roles offered.
    for (const prompt of ['logistic regression of party on age and income', 'logistic regression party ~ age']) {
      const out = decideWithRules(prompt, poll);
      assert.equal(reasonOf(out), 'named-test-unfit', prompt);
      if (out.status !== 'decided') {
        assert.equal(out.reason.params.column, 'party');
        for (const alt of out.alternatives) assert.ok(!alt.roles.outcome || alt.roles.outcome === 'party', `${prompt}: ${alt.analysis} ${JSON.stringify(alt.roles)}`);
      }
    }
    // "does B predict A" with A of four levels: a comparison of B across A's groups is not decided silently.
    for (const prompt of ['does income predict the party?', 'does the party depend on age?']) assert.equal(reasonOf(decideWithRules(prompt, poll)), 'stated-outcome', prompt);
    // A two-level stated outcome is decided as asked; a comparison asked as one stays a comparison.
    assert.equal(decided(decideWithRules('logistic regression of sex on age and income', poll)).roles.outcome, 'sex');
    assert.equal(decided(decideWithRules('compare income across parties', poll)).roles.group, 'party');
  });

  it('words with a value no column holds do not name that column ("aged five" where age runs 30..60): they ask', () => {
    const families = schema([
      factor('works', ['no', 'yes']),
      coded('kids5', ['0', '1', '2', '3']),
      { ...numeric('age'), summary: { mean: 42, sd: 8, min: 30, max: 60 } },
      numeric('wage'),
    ], 'families.csv');
    const out = decideWithRules('is the number of children aged five or younger associated with the probability of working?', families);
    assert.equal(reasonOf(out), 'unknown-word');
    // A value the column holds stays a reading of that column.
    assert.equal(reasonOf(decideWithRules('mean wage of women aged 35', families)), 'decided');
  });

  it('names from their pieces: "median value" for medv; a harmless word is not shortened into a name ("slope" is not sp); "levels of X" groups by X', () => {
    const homes = schema([numeric('crim'), numeric('medv'), coded('rad', ['1', '2', '3', '4', '5', '6', '7', '8', '24']), coded('chas', ['0', '1']), numeric('tax')], 'homes.csv');
    const kw = decided(decideWithRules('Kruskal-Wallis test of median value across the levels of the radial highway index', homes));
    assert.deepEqual([kw.analysis, kw.roles.outcome, kw.roles.group], ['kruskal_wallis', 'medv', 'rad']);
    const shells = schema([factor('sp', ['B', 'O']), factor('sex', ['F', 'M']), numeric('CL'), numeric('CW'), numeric('BD')], 'shells.csv');
    const line = decided(decideWithRules('least-squares line predicting carapace width from carapace length; test its slope', shells));
    assert.equal(line.roles.outcome, 'CW');
    assert.deepEqual(line.roles.predictors, ['CL'], 'no predictor the request did not name');
    // "value" alone is still a function word: "mean value" names no column here.
    assert.notEqual(reasonOf(decideWithRules('histogram of crim', homes)), 'unknown-word');
  });

  it('a relation asked about one column does not take its partner by elimination (open-role)', () => {
    const jobs = schema([numeric('pay'), numeric('schooling'), numeric('rating'), factor('kind', ['blue', 'white', 'prof'])], 'jobs.csv');
    // Asked before any reading is tried: related to what? (open-goals.ts); the reading that would take
    // the one grouping column left by elimination is refused too (open-role, rules-engine.ts).
    const out = decideWithRules('is pay related?', jobs);
    assert.equal(reasonOf(out), 'open-goal');
    // Both sides named: decided.
    assert.equal(reasonOf(decideWithRules('is pay related to schooling?', jobs)), 'decided');
  });

  it('a plural for the units observed ("mean age of the arrestees", "the share of tracts bordering ...") is no variable; a plural where a variable stands still asks', () => {
    const cases = schema([numeric('age'), factor('held', ['No', 'Yes']), factor('jobless', ['No', 'Yes']), numeric('checks')], 'cases.csv');
    assert.notEqual(reasonOf(decideWithRules('mean age of the defendants', cases)), 'unknown-word');
    assert.equal(decided(decideWithRules('is the share of defendants who are jobless different from 50%?', cases)).roles.column, 'jobless');
    // A plural standing where the group would: still a question.
    assert.equal(reasonOf(decideWithRules('compare age across districts', cases)), 'unknown-word');
  });

  it('"the two X" with exactly two columns that fit the open roles decides them; with three it asks (open-role)', () => {
    const lab = schema([factor('kind', ['a', 'b', 'c']), numeric('alpha'), numeric('beta')], 'lab.csv');
    const two = decided(decideWithRules('Spearman correlation between the two hormone levels', lab));
    assert.deepEqual([two.analysis, [two.roles.x, two.roles.y].sort()], ['spearman', ['alpha', 'beta']]);
    const three = schema([factor('kind', ['a', 'b', 'c']), numeric('alpha'), numeric('beta'), numeric('gamma')], 'lab3.csv');
    assert.notEqual(reasonOf(decideWithRules('Spearman correlation between the two hormone levels', three)), 'decided');
    assert.equal(reasonOf(decideWithRules('Spearman correlation', lab)), 'open-role');
  });

  it('a statistic named alone ("median tumour size?") is described, not tested, though "median" is also a rank-test cue', () => {
    const clinic = schema([numeric('size'), numeric('age'), numeric('year'), factor('ulcer', ['no', 'yes']), factor('sex', ['f', 'm'])], 'clinic.csv');
    const median = decided(decideWithRules('median tumour size?', clinic));
    assert.deepEqual([median.analysis, median.roles.column], ['describe', 'size']);
    assert.notEqual(decided(decideWithRules('compare median size between ulcer groups', clinic)).analysis, 'describe');
  });

  it('derived words name their column ("citizenship" for citizen, "thicker" for thickness); what is controlled for is the stratum', () => {
    const stops = schema([factor('freed', ['No', 'Yes']), factor('race', ['Black', 'White']), factor('citizen', ['No', 'Yes']), numeric('thickness'), factor('ulcer', ['0', '1'])], 'stops.csv');
    const cmh = decided(decideWithRules('Controlling for citizenship, test whether race and freed are independent (Cochran-Mantel-Haenszel)', stops));
    assert.equal(cmh.analysis, 'mantel_haenszel');
    assert.equal(cmh.roles.strata, 'citizen');
    assert.deepEqual([cmh.roles.row, cmh.roles.col].sort(), ['freed', 'race']);
    assert.equal(decided(decideWithRules('are ulcerated ones thicker? compare by ulcer', stops)).roles.outcome, 'thickness');
  });

  it('a short name with a silent e is named by its -ing / -ed forms ("voting intention" for vote)', () => {
    const ballot = schema([factor('vote', ['A', 'N', 'U', 'Y']), factor('sex', ['F', 'M']), factor('schooling', ['P', 'S', 'U'])], 'ballot.csv');
    const out = decided(decideWithRules('is voting intention associated with sex?', ballot));
    assert.deepEqual([out.analysis, [out.roles.row, out.roles.col].sort()], ['chi2_independence', ['sex', 'vote']]);
  });

  it('a complement of a column named just before ("distance to the employment centres") is no variable', () => {
    const town = schema([numeric('distance'), numeric('crime'), numeric('rooms')], 'town.csv');
    const out = decided(decideWithRules('correlation between crime and distance to the employment centres', town));
    assert.deepEqual([out.analysis, [out.roles.x, out.roles.y].sort()], ['pearson', ['crime', 'distance']]);
    assert.equal(reasonOf(decideWithRules('correlation between crime and the employment centres', town)), 'unknown-word');
  });
  it('a method\'s word before a column it describes is no method ("survival times" with a column time); the method named on its own is refused', () => {
    const leuk = schema([numeric('time'), numeric('wbc'), factor('ag', ['absent', 'present'])], 'leuk.csv');
    const out = decided(decideWithRules('Do survival times differ between AG present and AG absent patients?', leuk));
    assert.deepEqual([out.analysis, out.roles.outcome, out.roles.group], ['ttest_welch', 'time', 'ag']);
    assert.equal(decided(decideWithRules('correlation between white blood cell count wbc and survival time', leuk)).analysis, 'pearson');
    assert.equal(reasonOf(decideWithRules('survival analysis of time by ag', leuk)), 'not-in-catalogue');
    assert.equal(reasonOf(decideWithRules('Kaplan-Meier curve of survival time by ag', leuk)), 'not-in-catalogue');
  });
});
