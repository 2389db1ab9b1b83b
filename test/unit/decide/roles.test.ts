/**
 * Roles, names and named methods (#16), asserted by decision and reason code on made-up schemas:
 * a named method outside the catalogue is refused, lists and ranges of columns are described, a
 * stated outcome is never swapped, names are read from their pieces and paraphrases.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import type { DecisionOutcome } from '../../../kernel/decide/index.js';
import type { ColumnSchema, DatasetSchema } from '../../../kernel/types.js';

const base = { storageType: 'VARCHAR', missing: 0 };
const numeric = (name: string, n = 60): ColumnSchema => ({ ...base, name, kind: 'numeric', storageType: 'DOUBLE', n, distinct: n, usableAsGroup: false });
const coded = (name: string, values: string[], n = 60): ColumnSchema => ({
  ...base,
  name,
  kind: 'numeric',
  storageType: 'DOUBLE',
  n,
  distinct: values.length,
  usableAsGroup: true,
  levels: values.map((value) => ({ value, count: n / values.length })),
});
const factor = (name: string, values: string[], n = 60): ColumnSchema => ({
  ...base,
  name,
  kind: 'categorical',
  n,
  distinct: values.length,
  usableAsGroup: true,
  levels: values.map((value) => ({ value, count: n / values.length })),
});
const schema = (columns: ColumnSchema[], name = 't.csv'): DatasetSchema => ({ name, path: `/${name}`, format: 'csv', sha256: '', rows: 60, columns });

function reasonOf(out: DecisionOutcome): string {
  return out.status === 'decided' ? 'decided' : out.reason.code;
}

function decided(out: DecisionOutcome): Extract<DecisionOutcome, { status: 'decided' }> {
  if (out.status !== 'decided') assert.fail(`expected a decision, got ${out.status} [${out.reason.code}]: ${out.rationale}`);
  return out;
}

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
});
