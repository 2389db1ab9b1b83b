/**
 * Groups, levels and restrictions as people name them (issue #16), on schemas made up for the test,
 * asserted by decision, roles and reason code (never by wording): codes written in capitals, a
 * column's name qualifying another column's ("the litter weights", "age group", "nation of control"),
 * a level shared by two columns said after one of them.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import { decided, madeUp, reasonOf } from './made-up.js';

const { numeric, factor, schema } = madeUp(80, 'firms.csv');

describe('decide: groups, levels and restrictions as people name them (#16)', () => {
  it('reads a two-letter code written in capitals even when its lower case is a function word ("US", "IN")', () => {
    const s = schema([factor('country', ['DE', 'FR', 'UK', 'US']), numeric('profit')]);
    const out = decided(decideWithRules('Mann-Whitney test of profit, UK vs US', s));
    assert.deepEqual([out.analysis, out.roles.outcome, out.roles.group, out.options.levels], ['mann_whitney', 'profit', 'country', ['UK', 'US']]);
    const states = schema([factor('state', ['IL', 'IN', 'OH']), numeric('yield')]);
    assert.deepEqual(decided(decideWithRules('compare yield between OH and IN', states)).options.levels, ['OH', 'IN']);
  });

  it('reads a grouping name right before a measurement in a noun phrase as describing it ("the batch weights")', () => {
    const s = schema([factor('batch', ['P', 'Q', 'R']), factor('supplier', ['P', 'Q', 'R']), numeric('wt')]);
    const hist = decided(decideWithRules('histogram of the batch weights', s));
    assert.deepEqual([hist.analysis, hist.roles.column, hist.roles.group], ['histogram', 'wt', undefined]);
    // A level shared by two columns, said after one of them, is that column's.
    const two = decided(decideWithRules('compare batch weights between suppliers of grade P and suppliers of grade Q', s));
    assert.deepEqual([two.roles.outcome, two.roles.group, two.options.levels], ['wt', 'supplier', ['P', 'Q']]);
    // Grouped by elsewhere, the column keeps its role.
    const by = decided(decideWithRules('compare the batch weights by batch', s));
    assert.equal(by.roles.group, 'batch');
    // "a gender pay gap": the compound names the contrast of the groups.
    const pay = schema([factor('sex', ['F', 'M']), factor('rank', ['A', 'B', 'C']), numeric('salary')]);
    assert.equal(decided(decideWithRules('is there a sex salary gap?', pay)).roles.group, 'sex');
  });

  it('reads a column named by a generic word right after a grouping name as that grouping ("age group")', () => {
    const s = schema([factor('age', ['<25', '25-35', '>35']), factor('group', ['g1', 'g2', 'g3', 'g4']), numeric('claims')]);
    const out = decided(decideWithRules('do claims differ by driver age group?', s));
    assert.deepEqual([out.roles.outcome, out.roles.group, out.roles.factors], ['claims', 'age', undefined]);
  });

  it('reads no level through an abbreviation where the word describes another column ("nation of control", "US-controlled", "Fe content")', () => {
    const s = schema([factor('sector', ['AGR', 'CON', 'FIN', 'MIN']), factor('nation', ['CAN', 'UK', 'US']), numeric('links')]);
    const of = decided(decideWithRules('do links differ by nation of control?', s));
    assert.deepEqual([of.roles.group, of.options.where], ['nation', undefined]);
    const hyphen = decided(decideWithRules('compare links between Canadian- and US-controlled firms', s));
    assert.deepEqual([hyphen.roles.group, hyphen.options.levels, hyphen.options.where], ['nation', ['CAN', 'US'], undefined]);
    // Said where a level stands, the abbreviation still reads.
    assert.deepEqual(decided(decideWithRules('mean links of the construction firms', s)).options.where, [{ column: 'sector', op: '=', value: 'CON' }]);
    const glass = schema([factor('kind', ['Con', 'Head', 'Win']), numeric('Fe')]);
    const one = decided(decideWithRules('for headlamp glass only, is the mean Fe content above 0.5?', glass));
    assert.deepEqual([one.analysis, one.roles.column, one.options.where], ['ttest_one_sample', 'Fe', [{ column: 'kind', op: '=', value: 'Head' }]]);
  });
});

describe('decide: levels coded by letters, named by a word the code begins (#16)', () => {
  const { numeric: num, factor: fac, schema: sch } = madeUp(90, 'lakes.csv');

  it('reads two contrasted words as two coded levels of one column ("Northern and Western")', () => {
    const s = sch([fac('zone', ['N', 'S', 'W', 'MID']), num('depth'), num('ph')]);
    const out = decided(decideWithRules('compare depth of Northern and Western lakes', s));
    assert.deepEqual([out.analysis, out.roles.outcome, out.roles.group, out.options.levels], ['ttest_welch', 'depth', 'zone', ['N', 'W']]);
    // A name of several capitalised words is one name ("Great Plains" for G? no: only its first word's code).
    const makers = sch([fac('maker', ['A', 'B', 'H', 'T']), num('price')]);
    assert.deepEqual(decided(decideWithRules('compare price between Toyota and Honda Motor cars', makers)).options.levels, ['T', 'H']);
  });

  it('reads one coded level where a level stands: before the units, after "in"/"among", after an exclusion', () => {
    const s = sch([fac('kind', ['B', 'O']), fac('sex', ['F', 'M']), num('width'), num('depth')]);
    assert.deepEqual(decided(decideWithRules('correlation between width and depth in the blue lakes', s)).options.where, [{ column: 'kind', op: '=', value: 'B' }]);
    const city = sch([fac('area', ['C', 'N', 'S', 'SA']), fac('sex', ['F', 'M']), num('support')]);
    const only = decided(decideWithRules('In Santiago only, compare support between men and women', city));
    assert.deepEqual([only.roles.group, only.options.where], ['sex', [{ column: 'area', op: '=', value: 'SA' }]]);
    const typed = sch([fac('type', ['a', 'b', 'c', 'u']), num('level1')]);
    assert.deepEqual(decided(decideWithRules('one-way ANOVA of level1 across types (leave out the unknowns)', typed)).options.levels, ['a', 'b', 'c']);
  });

  it('reads no coded level from an adjective in lower case, a code two columns offer, or a column not all of codes', () => {
    const vote = sch([fac('vote', ['A', 'N', 'U', 'Y']), num('age'), num('income')]);
    assert.notEqual(reasonOf(decideWithRules('among young voters, is income related to age?', vote)), 'decided');
    const two = sch([fac('zone', ['E', 'S', 'W']), fac('soil', ['C', 'S']), num('depth')]);
    const tied = decideWithRules('mean depth of Southern lakes', two);
    assert.ok(tied.status !== 'decided' || tied.options.where === undefined, 'S fits two columns: not read');
    const mixed = sch([fac('zone', ['North', 'S', 'W']), num('depth')]);
    const none = decideWithRules('mean depth of Southern lakes', mixed);
    assert.ok(none.status !== 'decided' || none.options.where === undefined, 'levels not all codes: not read');
  });
});

describe('decide: restrictions as people say them (#16)', () => {
  const { numeric: num, schema: sch } = madeUp(35, 'races.csv');
  const named = (name: string) => ({ name, kind: 'id' as const, storageType: 'VARCHAR', n: 35, missing: 0, distinct: 35, usableAsGroup: false });

  it('leaves out a row named after an exclusion when one identifier column holds names', () => {
    const s = sch([named('race'), num('dist'), num('time')]);
    const out = decided(decideWithRules('Leaving out Ben Nevis, regress time on dist', s));
    assert.deepEqual([out.analysis, out.roles.outcome, out.options.where], ['ols', 'time', [{ column: 'race', op: '!=', value: 'Ben Nevis' }]]);
    assert.deepEqual(decided(decideWithRules('correlation of time and dist excluding Goatfell', s)).options.where, [{ column: 'race', op: '!=', value: 'Goatfell' }]);
  });

  it('asks about words after an exclusion that name nothing, rather than ignoring them', () => {
    const s = sch([num('dist'), num('time')]);
    assert.equal(reasonOf(decideWithRules('Leaving out Ben Nevis, regress time on dist', s)), 'unknown-word');
  });
});

describe('decide: levels written as bounds, named as people say them (#16)', () => {
  const { numeric: num, factor: fac, schema: sch } = madeUp(64, 'policies.csv');
  const s = sch([fac('band', ['<25', '25-35', '>35']), fac('engine', ['<1l', '1-2l', '>2l']), fac('area', ['1', '2', '3']), num('claims')]);

  it('reads "under 25" and "older than 35" as the levels <25 and >35, and "2+ litre" / "under-1-litre" as >2l and <1l', () => {
    const ages = decided(decideWithRules('compare claims between drivers under 25 and drivers older than 35', s));
    assert.deepEqual([ages.analysis, ages.roles.group, ages.options.levels, ages.options.alternative], ['ttest_welch', 'band', ['<25', '>35'], undefined]);
    const litres = decided(decideWithRules('do claims differ between the 2+ litre group and the under-1-litre group?', s));
    assert.deepEqual([litres.roles.group, litres.options.levels], ['engine', ['>2l', '<1l']]);
  });

  it('reads no bound from a number of another unit or without a side word', () => {
    const other = decideWithRules('compare claims between cars under 1 tonne and cars over 2 tonnes', s);
    assert.ok(other.status !== 'decided' || other.roles.group !== 'engine', 'tonnes are not litres');
    const bare = decided(decideWithRules('compare claims between area 1 and area 2', s));
    assert.deepEqual([bare.roles.group, bare.options.levels], ['area', ['1', '2']]);
  });
});

describe('decide: a one-word level the request splits (#16)', () => {
  const { numeric: num, factor: fac, schema: sch } = madeUp(120, 'jobs.csv');

  it('reads "part-time" and "full-time" as the levels parttime and fulltime', () => {
    const s = sch([fac('work', ['fulltime', 'parttime', 'none']), num('wage'), num('hours')]);
    const out = decided(decideWithRules('compare wage between part-time and full-time workers', s));
    assert.deepEqual([out.analysis, out.roles.outcome, out.roles.group, out.options.levels], ['ttest_welch', 'wage', 'work', ['parttime', 'fulltime']]);
    assert.deepEqual(decided(decideWithRules('compare wage of part timers and full timers', s)).options.levels, ['parttime', 'fulltime']);
  });
});

describe('decide: the units of a level, however often said (#16)', () => {
  const { numeric: num, factor: fac, schema: sch } = madeUp(60, 'trial.csv');

  it('reads "control runs ... drug runs" as the two levels, not a grouping by run', () => {
    const s = sch([num('change'), fac('dose', ['10', '50', '200']), fac('run', ['C1', 'C2', 'C3', 'D1', 'D2', 'D3']), fac('arm', ['Control', 'Drug'])]);
    const out = decided(decideWithRules('at dose 200, does the mean change of control runs differ from that of drug runs?', s));
    assert.deepEqual([out.analysis, out.roles.outcome, out.roles.group, out.options.where], ['ttest_welch', 'change', 'arm', [{ column: 'dose', op: '=', value: '200' }]]);
  });
});

describe('decide: a level with a word hyphened to it (#16)', () => {
  const { numeric: num, factor: fac, schema: sch } = madeUp(93, 'cars.csv');

  it('reads "front-wheel drive" as the level Front, the hyphened word describing it', () => {
    const s = sch([fac('DriveTrain', ['4WD', 'Front', 'Rear']), num('MPG'), num('Price')]);
    const out = decided(decideWithRules('does MPG differ between front-wheel drive and rear-wheel drive?', s));
    assert.deepEqual([out.analysis, out.roles.outcome, out.roles.group, out.options.levels], ['ttest_welch', 'MPG', 'DriveTrain', ['Front', 'Rear']]);
  });
});
