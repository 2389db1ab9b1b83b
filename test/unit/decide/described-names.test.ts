/**
 * Columns named by their description (issue #16, E5), on schemas made up for the test, asserted by
 * decision, roles and reason code: a variable's word is not its derived copy (`lag_sales`) silently
 * when the schema holds the variable as the response by convention (derived-names.ts); "accident rate"
 * is the rate, not `adt` picked out of "accident" (name-qualifiers.ts); a unit is not
 * split off a one-letter name ("pH" is no p in hours), so a chemical symbol is not tied with it.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import { decided, madeUp, reasonOf } from './made-up.js';

const { numeric, factor, schema } = madeUp(40, 'shop.csv');

describe('decide: columns named by their description (#16)', () => {
  it('asks between a derived copy and the response when the word names only the variable', () => {
    const shop = schema([numeric('week'), numeric('y'), numeric('lag_weekly_sales'), numeric('ad_spend'), numeric('footfall')]);
    const a = decideWithRules('regress sales on ad spend', shop);
    assert.equal(reasonOf(a), 'tied-columns');
    assert.ok(a.status !== 'decided' && String(a.reason.params.columns).includes('y'), JSON.stringify(a.status !== 'decided' && a.reason));
    assert.equal(reasonOf(decideWithRules('correlation between footfall and sales', shop)), 'tied-columns');
    // The derivation said makes the copy's name whole: it is meant.
    const b = decided(decideWithRules('regress the lagged weekly sales on ad spend', shop));
    assert.deepEqual([b.roles.outcome, b.roles.predictors], ['lag_weekly_sales', ['ad_spend']]);
    // Another derivation word, the same principle: the log of a variable is not the variable.
    const logged = schema([numeric('y'), numeric('log_income'), numeric('age')]);
    assert.equal(reasonOf(decideWithRules('correlation between income and age', logged)), 'tied-columns');
  });

  it('reads the derived copy as before when no column holds the variable itself', () => {
    const only = schema([numeric('lag_weekly_sales'), numeric('ad_spend'), numeric('footfall')]);
    const a = decided(decideWithRules('correlation between footfall and sales', only));
    assert.deepEqual([a.roles.x, a.roles.y].sort(), ['footfall', 'lag_weekly_sales']);
  });

  it('reads a word picked apart into another column\'s letters, right before a column named in full, as the modifier of that column', () => {
    const roads = schema([numeric('rate'), numeric('adt'), numeric('lanes'), factor('kind', ['urban', 'rural'])]);
    const a = decided(decideWithRules('regress accident rate on lanes', roads));
    assert.deepEqual([a.roles.outcome, a.roles.predictors], ['rate', ['lanes']]);
    const b = decided(decideWithRules('does the accident rate differ between kinds?', roads));
    assert.deepEqual([b.roles.outcome, b.roles.group], ['rate', 'kind']);
    // Listed with a comma, the two are two columns.
    const c = decided(decideWithRules('regress lanes on adt, rate', roads));
    assert.deepEqual([c.roles.outcome, [...(c.roles.predictors as string[])].sort()], ['lanes', ['adt', 'rate']]);
  });

  it('reads a column with few values listed before a measurement as a column of the list, not as the units', () => {
    const roads = schema([numeric('rate'), numeric('acpt'), { ...numeric('slim'), distinct: 6, usableAsGroup: true, levels: ['40', '45', '50', '55', '60', '70'].map((value) => ({ value, count: 40 / 6 })) }, numeric('shld')]);
    const a = decided(decideWithRules('regress rate on acpt, slim, shld', roads));
    assert.deepEqual([a.roles.outcome, [...(a.roles.predictors as string[])].sort()], ['rate', ['acpt', 'shld', 'slim']]);
  });

  it('spells a name with a word\'s first two letters and the next word\'s consonants ("brake count" brct), never a level across "and"', () => {
    const cars = schema([numeric('brct'), numeric('speed'), numeric('rate'), factor('region', ['MC', 'PA'])]);
    const a = decided(decideWithRules('correlation between brake count and speed', cars));
    assert.deepEqual([a.roles.x, a.roles.y].sort(), ['brct', 'speed']);
    // "mile and the crash" is no spelled-out MC: the initials of a level are one phrase.
    const b = decided(decideWithRules('correlation between the speed per mile and the crash rate', cars));
    assert.deepEqual([b.analysis, [b.roles.x, b.roles.y].sort()], ['pearson', ['rate', 'speed']]);
  });

  it('reads a name in -s as letters picked out of the word\'s plural ("wagon share" for wgns)', () => {
    const fleet = schema([numeric('wgns'), numeric('speed'), numeric('rate')]);
    const a = decided(decideWithRules('Spearman between wagon share and rate', fleet));
    assert.deepEqual([a.analysis, [a.roles.x, a.roles.y].sort()], ['spearman', ['rate', 'wgns']]);
  });

  it('reads the noun phrase of who makes a claim as no variable ("A field botanist claims ...")', () => {
    const plants = schema([numeric('height'), numeric('leaves'), factor('plot', ['north', 'south'])]);
    const a = decided(decideWithRules('A field botanist claims the average height is 30 cm. Test this claim.', plants));
    assert.deepEqual([a.analysis, a.roles.column, a.options.mu], ['ttest_one_sample', 'height', 30]);
    // Not a phrase that goes on past the verb's place: a word where a variable stands still asks.
    assert.equal(reasonOf(decideWithRules('does the average width differ between plots?', plants)), 'unknown-word');
  });

  it('keeps a one-letter name whole before a unit word ("pH"), so a symbol read from the lexicon is not tied with it', () => {
    const soil = schema([factor('site', ['upper', 'lower']), numeric('pH'), numeric('P'), numeric('K')]);
    const a = decided(decideWithRules('scatter of potassium vs phosphorus', soil));
    assert.deepEqual([a.analysis, a.roles.x, a.roles.y], ['scatter', 'P', 'K']);
    const b = decided(decideWithRules('does pH differ between sites?', soil));
    assert.equal(b.roles.outcome, 'pH');
  });
});
