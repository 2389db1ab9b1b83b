/** Variable labels (SPSS) are matched like names: "by gender" finds Q3 labelled "Gender". */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import type { ColumnSchema, DatasetSchema } from '../../../kernel/types.js';

const levels = (values: string[]) => values.map((value) => ({ value, count: 50 }));
const column = (c: Partial<ColumnSchema> & Pick<ColumnSchema, 'name' | 'kind'>): ColumnSchema => ({
  storageType: c.kind === 'numeric' ? 'DOUBLE' : 'VARCHAR',
  n: 100,
  missing: 0,
  distinct: c.levels?.length ?? 100,
  usableAsGroup: false,
  ...c,
});

const schema: DatasetSchema = {
  name: 'survey.sav',
  path: '/data/survey.sav',
  format: 'sav',
  sha256: '0'.repeat(64),
  rows: 100,
  columns: [
    column({ name: 'Q1', kind: 'numeric', label: 'Age in years', summary: { mean: 40, sd: 12, min: 19, max: 68 } }),
    column({ name: 'Q3', kind: 'categorical', label: 'Gender', levels: levels(['Female', 'Male']) }),
    column({ name: 'Q7', kind: 'numeric', label: 'Wellbeing score', summary: { mean: 55, sd: 9, min: 28, max: 75 } }),
  ],
};

describe('decide: variable labels', () => {
  it('"by gender" finds Q3, labelled Gender; "wellbeing" finds Q7', () => {
    const decision = decideWithRules('Does wellbeing differ by gender?', schema);
    assert.equal(decision.status, 'decided');
    if (decision.status !== 'decided') return;
    assert.deepEqual(decision.roles, { outcome: 'Q7', group: 'Q3' });
  });

  it('"age" finds Q1, labelled "Age in years"', () => {
    const decision = decideWithRules('Does age predict the wellbeing score?', schema);
    assert.equal(decision.status, 'decided');
    if (decision.status !== 'decided') return;
    assert.deepEqual(decision.roles, { outcome: 'Q7', predictors: ['Q1'] });
  });

  it('without labels the same words match nothing', () => {
    const bare = { ...schema, columns: schema.columns.map(({ label: _label, ...c }) => c) };
    assert.notEqual(decideWithRules('Does wellbeing differ by gender?', bare).status, 'decided');
  });
});
