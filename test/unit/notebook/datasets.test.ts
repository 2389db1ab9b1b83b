/** The notebook's dataset list (kernel/notebook/datasets.ts): names for new entries, the default first. */
import assert from 'node:assert/strict';
import { addDataset, chooseDataset, freshDatasetName } from '../../../kernel/notebook/datasets.js';

describe('notebook datasets: names and the default', () => {
  it('names a file by its stem and a database table by its table, never reusing a name', () => {
    assert.equal(freshDatasetName([], 'data/penguins.csv'), 'penguins');
    assert.equal(freshDatasetName([], 'survey.xlsx', 'Wave 2'), 'survey-Wave-2');
    assert.equal(freshDatasetName([], 'postgres://postgres@127.0.0.1:5432/test?table=public.penguins'), 'penguins');
    assert.equal(freshDatasetName([{ name: 'penguins' }], 'postgres://u@db.example.org:5432/app?table=lab.penguins&sslmode=require'), 'penguins-2');
  });

  it('puts the chosen dataset first and keeps the others once', () => {
    const table = 'postgres://postgres@127.0.0.1:5432/test?table=public.trial';
    const list = [{ name: 'penguins', path: 'penguins.csv' }];
    const chosen = chooseDataset(list, table);
    assert.deepEqual(chosen, [{ name: 'trial', path: table }, { name: 'penguins', path: 'penguins.csv' }]);
    assert.deepEqual(chooseDataset(chosen, 'penguins.csv').map((d) => d.path), ['penguins.csv', table]);
    const again = [...chosen];
    assert.equal(addDataset(again, table).name, 'trial');
    assert.equal(again.length, 2);
  });
});
