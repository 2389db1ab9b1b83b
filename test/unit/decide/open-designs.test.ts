/**
 * What must ask and which named designs are honoured (issue #16, E4), on made-up schemas:
 * - a grouping compared (or its effect asked) with nothing measured named, while the data hold two or
 *   more things to compare it on, asks on what (open-goal, compared-on-what); with one candidate it decides;
 * - two measurements compared with nothing said of how ask (open-goal, two-measures); names that say one
 *   quantity twice (a time order) are a paired comparison;
 * - a named paired test of two named columns is honoured when their values lie on one scale (ratings of
 *   one panel), said in the decision; on different scales (a rate and a count) it still asks (unlike-pair);
 * - rows repeated per numbered plot are asked about as time points only over a column named a time: a
 *   layer ("0-10" .. "60-90") or a block crossed with the plots is no time.
 * - a relation or trend asked with no column named, in data of three or more columns, asks of what
 *   (open-goal, nothing-named); a yes/no question of named columns whose words ask nothing the engine
 *   reads ("do the mills agree?") asks what is asked (question-unread), unless a column is named by a
 *   comparative ("are coated blades sharper?");
 * - a column with as many values as the compared factor's levels times another factor's numbers the
 *   design's cells (plots nested in layers), not subjects at every layer: a named Kruskal-Wallis test is
 *   decided; subjects truly crossed still ask (pairing-conflict);
 * - a correlation asked of a column with three to five integer values spread far wider than their count
 *   (lengths 250, 300, 350) correlates the magnitudes; codes 1, 2, 3 still ask (measurement-level).
 * Decisions and reason codes are asserted, not wording.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import type { DecisionOutcome } from '../../../kernel/decide/index.js';
import type { ColumnSchema, DatasetSchema } from '../../../kernel/types.js';

const base = { storageType: 'VARCHAR', missing: 0 };
const levelsOf = (values: string[], n: number) => values.map((value) => ({ value, count: n / values.length }));
const numeric = (name: string, n: number, summary = { mean: 5, sd: 1, min: 2, max: 9 }): ColumnSchema => ({ ...base, name, kind: 'numeric', storageType: 'DOUBLE', n, distinct: n, usableAsGroup: false, summary });
const numbered = (name: string, k: number, n: number): ColumnSchema => ({ ...base, name, kind: 'numeric', storageType: 'BIGINT', n, distinct: k, usableAsGroup: false, summary: { mean: (k + 1) / 2, sd: 1, min: 1, max: k } });
const coded = (name: string, values: string[], n: number): ColumnSchema => ({ ...base, name, kind: 'numeric', storageType: 'DOUBLE', n, distinct: values.length, usableAsGroup: true, levels: levelsOf(values, n) });
const factor = (name: string, values: string[], n: number): ColumnSchema => ({ ...base, name, kind: 'categorical', n, distinct: values.length, usableAsGroup: true, levels: levelsOf(values, n) });
const schema = (columns: ColumnSchema[], rows: number): DatasetSchema => ({ name: 'made-up.csv', path: '/made-up.csv', format: 'csv', sha256: '', rows, columns });

const reasonOf = (out: DecisionOutcome): string => (out.status === 'decided' ? `decided ${out.analysis}` : out.reason.code);
function decided(out: DecisionOutcome): Extract<DecisionOutcome, { status: 'decided' }> {
  if (out.status !== 'decided') assert.fail(`expected a decision, got ${out.status} [${out.reason.code}]: ${out.rationale}`);
  return out;
}
const openOf = (out: DecisionOutcome) => (out.status === 'decided' ? undefined : out.reason.params.open);

describe('decide: what must ask, and named designs honoured (#16)', () => {
  it('a grouping alone compared, or its effect asked, with two or more things to compare it on asks on what (open-goal)', () => {
    const referees = schema([factor('referee', ['r1', 'r2', 'r3', 'r4'], 80), factor('region', ['north', 'south'], 80), factor('verdict', ['accept', 'reject'], 80), numeric('score', 80)], 80);
    for (const request of ['compare the referees', 'is there a region effect?']) {
      const out = decideWithRules(request, referees);
      assert.equal(reasonOf(out), 'open-goal', request);
      assert.equal(openOf(out), 'compared-on-what', request);
      assert.ok(out.status !== 'decided' && out.alternatives.length >= 2, request);
    }
    // What is compared said: decided.
    assert.deepEqual(decided(decideWithRules('compare the score between referees', referees)).roles, { outcome: 'score', group: 'referee' });
    // One thing to compare on: the role is filled as usual.
    const crops = schema([factor('variety', ['a', 'b', 'c'], 60), numeric('yield', 60)], 60);
    assert.deepEqual(decided(decideWithRules('compare the varieties', crops)).roles, { outcome: 'yield', group: 'variety' });
  });

  it('two measurements compared with nothing said of how ask (two-measures); names in a time order are paired', () => {
    const fluid = schema([numeric('density', 40, { mean: 1, sd: 0.1, min: 0.8, max: 1.2 }), numeric('flow', 40, { mean: 30, sd: 5, min: 10, max: 50 })], 40);
    const out = decideWithRules('compare density and flow', fluid);
    assert.equal(reasonOf(out), 'open-goal');
    assert.equal(openOf(out), 'two-measures');
    const diet = schema([numeric('PreScore', 40), numeric('PostScore', 40)], 40);
    assert.equal(reasonOf(decideWithRules('compare PreScore and PostScore', diet)), 'decided ttest_paired');
  });

  it('a named paired test of two named columns on one scale is honoured, in the order said; on different scales it asks (unlike-pair)', () => {
    const panel = schema([factor('judge', ['j1', 'j2', 'j3', 'j4'], 40), numeric('VOICE', 40, { mean: 7.5, sd: 1, min: 5, max: 9.5 }), numeric('POISE', 40, { mean: 7.8, sd: 1, min: 5.5, max: 9.6 })], 40);
    const out = decided(decideWithRules('paired t test POISE vs VOICE', panel));
    assert.equal(out.analysis, 'ttest_paired');
    assert.deepEqual(out.roles, { before: 'POISE', after: 'VOICE' });
    assert.ok(out.explanation.refinements.length > 0);
    // One-letter names written as the columns' ("X vs Y") are those columns, not articles.
    const soles = schema([numeric('A', 10, { mean: 10, sd: 2, min: 8, max: 14 }), numeric('B', 10, { mean: 10.5, sd: 2, min: 8.5, max: 14.5 })], 10);
    assert.deepEqual(decided(decideWithRules('paired t test A vs B', soles)).roles, { before: 'A', after: 'B' });
    // "paired" said in so many words, one-sided asked: honoured with the direction.
    const oneSided = decided(decideWithRules('one-tailed paired test that POISE is higher than VOICE', panel));
    assert.equal(oneSided.analysis, 'ttest_paired');
    assert.notEqual(oneSided.options.alternative ?? 'two-sided', 'two-sided');
    // "signed rank" names the signed-rank test, on the same two columns.
    assert.deepEqual(decided(decideWithRules('wilcoxon signed rank test comparing POISE and VOICE', panel)).analysis, 'wilcoxon_signed_rank');
    const states = schema([numeric('Theft', 50, { mean: 8, sd: 4, min: 1, max: 18 }), numeric('Fraud', 50, { mean: 170, sd: 80, min: 45, max: 340 })], 50);
    assert.equal(reasonOf(decideWithRules('paired t test of theft vs fraud', states)), 'unlike-pair');
  });

  it('rows repeated per numbered plot ask which time only over a column named a time, never over layers or blocks', () => {
    const field = schema([
      numbered('Plot', 12, 48),
      factor('Slope', ['upper', 'middle', 'lower'], 48),
      factor('Layer', ['0-10', '10-30', '30-60', '60-90'], 48),
      coded('Block', ['1', '2', '3', '4'], 48),
      numeric('Potassium', 48),
    ], 48);
    assert.deepEqual(decided(decideWithRules('Welch t test of potassium between upper and lower slopes', field)).roles, { outcome: 'Potassium', group: 'Slope' });
    const plants = schema([numeric('height', 120), coded('Time', ['30', '60', '90'], 120), numbered('plant', 40, 120), factor('treat', ['shade', 'sun'], 120)], 120);
    assert.equal(reasonOf(decideWithRules('Test the shade effect on height with a t-test', plants)), 'time-point');
  });

  it('a correlation of magnitudes with few values is decided; of codes 1..k it asks (measurement-level)', () => {
    const springs = schema([coded('width', ['120', '160', '200'], 54), coded('batch', ['1', '2', '3'], 54), coded('temp', ['20', '25'], 54), numeric('breaks', 54)], 54);
    const out = decided(decideWithRules('At temp 25 only, correlate width with breaks', springs));
    assert.deepEqual([out.analysis, out.roles], ['pearson', { x: 'width', y: 'breaks' }]);
    assert.deepEqual(out.options.where, [{ column: 'temp', op: '=', value: '25' }]);
    assert.equal(reasonOf(decideWithRules('correlate batch with breaks', springs)), 'measurement-level');
  });

  it('a trend asked of no column, and a question of named columns that asks nothing read, ask (open-goal)', () => {
    const mills = schema([factor('mill', ['m1', 'm2', 'm3'], 60), factor('shift', ['day', 'night'], 60), coded('season', ['1', '2', '3', '4'], 60), numeric('output', 60)], 60);
    const trend = decideWithRules('is there a trend?', mills);
    assert.equal(openOf(trend), 'nothing-named');
    assert.ok(trend.status !== 'decided' && trend.alternatives.length >= 2);
    assert.equal(openOf(decideWithRules('analyse output', mills)), 'analysed-how');
    assert.equal(reasonOf(decideWithRules('describe output', mills)), 'decided describe');
    for (const request of ['do the mills agree?', 'did output go up over the seasons?']) assert.equal(openOf(decideWithRules(request, mills)), 'question-unread', request);
    // With what is asked said, decided.
    assert.deepEqual(decided(decideWithRules('does output differ between the mills?', mills)).roles, { outcome: 'output', group: 'mill' });
    const blades = schema([coded('coated', ['0', '1'], 40), numeric('sharpness', 40), factor('maker', ['a', 'b', 'c'], 40)], 40);
    assert.notEqual(openOf(decideWithRules('are coated blades sharper?', blades)), 'question-unread');
  });

  it('a column numbering the design cells (plots = layers x slopes) is no pairing of a named Kruskal-Wallis test; subjects are', () => {
    const plots = Array.from({ length: 12 }, (_, i) => `p${i + 1}`);
    const field = schema([factor('Plot', plots, 48), factor('Slope', ['upper', 'middle', 'lower'], 48), factor('Layer', ['0-10', '10-30', '30-60', '60-90'], 48), numeric('Potassium', 48)], 48);
    assert.deepEqual(decided(decideWithRules('does potassium differ across layers? kruskal', field)).roles, { outcome: 'Potassium', group: 'Layer' });
    const plants = Array.from({ length: 12 }, (_, i) => `q${i + 1}`);
    const uptake = schema([factor('Plant', plants, 48), factor('Origin', ['north', 'south'], 48), factor('Dose', ['d1', 'd2', 'd3', 'd4'], 48), numeric('uptake', 48)], 48);
    assert.equal(reasonOf(decideWithRules('does uptake differ across doses? kruskal', uptake)), 'pairing-conflict');
  });
});
