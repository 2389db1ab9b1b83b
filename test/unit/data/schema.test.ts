import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { classifyColumn, inferSchema, isIdName, type ColumnFacts } from '../../../kernel/data/index.js';
import type { ColumnSchema, DatasetSchema } from '../../../kernel/types.js';
import reference from '../../fixtures/data/penguins-summary.json' with { type: 'json' };
import { fixture } from './helpers.js';

const penguinsPath = fileURLToPath(new URL('../../../samples/penguins.csv', import.meta.url));

function column(schema: DatasetSchema, name: string): ColumnSchema {
  const found = schema.columns.find((c) => c.name === name);
  assert.ok(found, `no column ${name}`);
  return found;
}

describe('data: inferSchema on penguins', () => {
  let schema: DatasetSchema;
  before(async () => {
    schema = await inferSchema(penguinsPath);
  });

  it('has 344 rows, 8 columns, its SHA-256 and format', () => {
    assert.equal(schema.rows, 344);
    assert.equal(schema.columns.length, 8);
    assert.equal(schema.format, 'csv');
    assert.equal(schema.name, 'penguins.csv');
    assert.match(schema.sha256, /^[0-9a-f]{64}$/);
  });

  it('species is categorical with 3 levels in natural order', () => {
    const species = column(schema, 'species');
    assert.equal(species.kind, 'categorical');
    assert.equal(species.usableAsGroup, true);
    assert.deepEqual(species.levels, [
      { value: 'Adelie', count: 152 },
      { value: 'Chinstrap', count: 68 },
      { value: 'Gentoo', count: 124 },
    ]);
  });

  it('sex is categorical with 2 levels and 11 missing', () => {
    const sex = column(schema, 'sex');
    assert.equal(sex.kind, 'categorical');
    assert.equal(sex.missing, 11);
    assert.equal(sex.n, 333);
    assert.deepEqual(
      sex.levels?.map((l) => l.value),
      ['female', 'male'],
    );
  });

  it('year is numeric and usable as a group (3 levels)', () => {
    const year = column(schema, 'year');
    assert.equal(year.kind, 'numeric');
    assert.equal(year.usableAsGroup, true);
    assert.deepEqual(year.levels, [
      { value: '2007', count: 110 },
      { value: '2008', count: 114 },
      { value: '2009', count: 120 },
    ]);
  });

  it('body_mass_g is numeric, not a group', () => {
    const mass = column(schema, 'body_mass_g');
    assert.equal(mass.kind, 'numeric');
    assert.equal(mass.usableAsGroup, false);
    assert.equal(mass.levels, undefined);
  });

  for (const expected of reference.columns) {
    it(`${expected.name}: counts and summary agree with ${reference.rVersion}`, () => {
      const actual = column(schema, expected.name);
      assert.equal(actual.n, expected.n);
      assert.equal(actual.missing, expected.missing);
      assert.equal(actual.distinct, expected.distinct);
      if (expected.summary) {
        // mean and sd: relative tolerance 1e-12 (DuckDB and R sum in different orders); min/max exact.
        assert.ok(Math.abs(actual.summary!.mean - expected.summary.mean) <= 1e-12 * Math.abs(expected.summary.mean));
        assert.ok(Math.abs(actual.summary!.sd - expected.summary.sd) <= 1e-12 * Math.abs(expected.summary.sd));
        assert.equal(actual.summary!.min, expected.summary.min);
        assert.equal(actual.summary!.max, expected.summary.max);
      } else {
        assert.deepEqual(actual.levels, expected.levels);
      }
    });
  }
});

describe('data: inferSchema kinds', () => {
  it('a coded numeric factor (dose 0.5/1/2) is numeric and usable as a group', async () => {
    const schema = await inferSchema(fixture('coded-factor.csv'));
    const dose = column(schema, 'dose');
    assert.equal(dose.kind, 'numeric');
    assert.equal(dose.usableAsGroup, true);
    assert.deepEqual(dose.levels, [
      { value: '0.5', count: 3 },
      { value: '1', count: 3 },
      { value: '2', count: 3 },
    ]);
    assert.equal(column(schema, 'len').usableAsGroup, false);
    assert.equal(column(schema, 'supp').kind, 'categorical');
  });

  it('finds id, text, boolean and datetime columns', async () => {
    const schema = await inferSchema(fixture('kinds.csv'));
    assert.equal(column(schema, 'subject_id').kind, 'id');
    assert.equal(column(schema, 'name').kind, 'text');
    assert.equal(column(schema, 'age').kind, 'numeric');
    assert.equal(column(schema, 'smoker').kind, 'boolean');
    assert.equal(column(schema, 'visit').kind, 'datetime');
  });
});

describe('data: classifyColumn', () => {
  const base: ColumnFacts = { name: 'x', position: 1, storage: 'numeric', rows: 100, n: 100, distinct: 100 };

  it('a unique integer column is an id only when its name says so', () => {
    assert.equal(classifyColumn({ ...base, name: 'subject_id', integer: true }).kind, 'id');
    assert.equal(classifyColumn({ ...base, name: 'participantID', integer: true }).kind, 'id');
    assert.equal(classifyColumn({ ...base, name: 'height', integer: true, consecutive: true }).kind, 'numeric');
    assert.equal(classifyColumn({ ...base, name: 'id', integer: false }).kind, 'numeric');
  });

  it("R's unnamed row-number column, or a first column 1..n, is an id", () => {
    const facts = { ...base, name: 'column0', position: 0, integer: true, consecutive: true, min: 5 };
    assert.equal(classifyColumn(facts).kind, 'id');
    assert.equal(classifyColumn({ ...facts, name: 'n', min: 1 }).kind, 'id');
    // R's women$height is 58..72, unique and consecutive, and a measurement.
    assert.equal(classifyColumn({ ...facts, name: 'height', min: 58 }).kind, 'numeric');
  });

  it('numeric columns with 2..10 values and repeats are usable as groups', () => {
    assert.equal(classifyColumn({ ...base, distinct: 3 }).usableAsGroup, true);
    assert.equal(classifyColumn({ ...base, distinct: 10 }).usableAsGroup, true);
    assert.equal(classifyColumn({ ...base, distinct: 11 }).usableAsGroup, false);
    assert.equal(classifyColumn({ ...base, distinct: 1 }).usableAsGroup, false);
    assert.equal(classifyColumn({ ...base, rows: 4, n: 4, distinct: 3 }).usableAsGroup, false);
  });

  it('text: categorical up to 50 levels and half of n, else text; unique named ids are ids', () => {
    const text: ColumnFacts = { ...base, storage: 'text' };
    assert.equal(classifyColumn({ ...text, distinct: 50 }).kind, 'categorical');
    assert.equal(classifyColumn({ ...text, distinct: 51 }).kind, 'text');
    assert.equal(classifyColumn({ ...text, n: 20, distinct: 11 }).kind, 'text');
    assert.equal(classifyColumn({ ...text, name: 'comment' }).kind, 'text');
    assert.equal(classifyColumn({ ...text, name: 'respondent' }).kind, 'id');
    assert.equal(classifyColumn({ ...text, name: 'model', position: 0 }).kind, 'id');
  });

  it('text with exactly two of true/false/yes/no is boolean', () => {
    const facts: ColumnFacts = { ...base, storage: 'text', distinct: 2, booleanWords: true };
    assert.deepEqual(classifyColumn(facts), { kind: 'boolean', usableAsGroup: true });
  });

  it('isIdName accepts identifier names and refuses look-alikes', () => {
    for (const name of ['id', 'ID', 'subject', 'Subject', 'subject_id', 'participant', 'patientId', 'row.names', 'record no']) {
      assert.ok(isIdName(name), name);
    }
    for (const name of ['paid', 'idea', 'valid', 'width', 'Treatment', 'rider']) assert.ok(!isIdName(name), name);
  });
});
