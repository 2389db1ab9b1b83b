import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quotedString } from '@duckdb/node-api';
import { detectFormat, getConnection, inferSchema, loadTable } from '../../../kernel/data/index.js';
import { fixture, numbersOf, rejectsWithCode, textsOf } from './helpers.js';

describe('data: detectFormat', () => {
  it('maps extensions to formats, case-insensitively', () => {
    assert.equal(detectFormat('a.csv'), 'csv');
    assert.equal(detectFormat('a.TXT'), 'csv');
    assert.equal(detectFormat('a.tsv'), 'tsv');
    assert.equal(detectFormat('a.json'), 'json');
    assert.equal(detectFormat('a.jsonl'), 'json');
    assert.equal(detectFormat('a.ndjson'), 'json');
    assert.equal(detectFormat('dir.v2/a.parquet'), 'parquet');
  });

  it('rejects other extensions with unsupported-format', () => {
    assert.throws(() => detectFormat('a.xls'), (e: any) => e.code === 'unsupported-format');
    assert.throws(() => detectFormat('README'), (e: any) => e.code === 'unsupported-format');
  });
});

describe('data: messy text files', () => {
  it('treats NA, empty, NaN, null and NULL as missing', async () => {
    const { table } = await loadTable(fixture('missing.csv'));
    assert.deepEqual(numbersOf(table, 'score'), [10.5, NaN, NaN, NaN, 7, 8]);
    assert.deepEqual(textsOf(table, 'group'), ['a', 'b', 'a', 'b', null, 'a']);
    assert.deepEqual(textsOf(table, 'note'), ['x', null, null, null, null, 'y']);
    const schema = await inferSchema(fixture('missing.csv'));
    const score = schema.columns.find((c) => c.name === 'score')!;
    assert.equal(score.n, 3);
    assert.equal(score.missing, 3);
  });

  it('keeps delimiters and doubled quotes inside quoted fields', async () => {
    const { table } = await loadTable(fixture('quoted.csv'));
    assert.deepEqual(textsOf(table, 'name'), ['Smith, John', 'Doe; Jane', 'Roe, Rick']);
    assert.deepEqual(textsOf(table, 'comment'), ['said "hi", then left', 'a|b', 'plain']);
    assert.deepEqual(numbersOf(table, 'value'), [1.5, 2.5, 3]); // exact: decimal literals parse to the same doubles
  });

  for (const [file, what] of [
    ['semicolon.csv', 'a ; delimiter'],
    ['tabs.tsv', 'a .tsv file'],
    ['tabs.txt', 'a tab-separated .txt file'],
    ['pipes.txt', 'a | delimiter'],
  ] as const) {
    it(`reads ${what}`, async () => {
      const { table, format } = await loadTable(fixture(file), { columns: ['group', 'value'] });
      assert.equal(format, file.endsWith('.tsv') ? 'tsv' : 'csv');
      assert.deepEqual(textsOf(table, 'group'), ['A', 'B', 'A', 'B']);
      assert.deepEqual(numbersOf(table, 'value'), [1.5, 2.25, 3, 4.75]); // exact
    });
  }

  it('detects decimal commas in a ;-separated file', async () => {
    const { table } = await loadTable(fixture('decimal-comma.csv'));
    assert.deepEqual(numbersOf(table, 'Gewicht'), [1.5, 2.25, -0.75, 10]); // exact
    assert.deepEqual(numbersOf(table, 'Anzahl'), [3, 4, 5, 6]);
    const schema = await inferSchema(fixture('decimal-comma.csv'));
    assert.equal(schema.columns.find((c) => c.name === 'Gewicht')!.kind, 'numeric');
  });

  it('ignores a UTF-8 byte order mark', async () => {
    const schema = await inferSchema(fixture('bom.csv'));
    assert.deepEqual(
      schema.columns.map((c) => c.name),
      ['group', 'value'],
    );
  });
});

describe('data: JSON and Parquet', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inferra-data-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a JSON array of records', async () => {
    const { table, format } = await loadTable(fixture('records.json'));
    assert.equal(format, 'json');
    assert.deepEqual(textsOf(table, 'group'), ['A', 'B', 'A']);
    assert.deepEqual(numbersOf(table, 'value'), [1.5, NaN, 3]);
    assert.deepEqual(textsOf(table, 'ok'), ['true', 'false', 'true']);
  });

  it('reads JSON lines', async () => {
    const { table } = await loadTable(fixture('records.jsonl'));
    assert.deepEqual(textsOf(table, 'group'), ['A', 'B', 'A', 'B']);
    assert.deepEqual(numbersOf(table, 'value'), [1.5, 2, NaN, 4.5]);
  });

  it('reads Parquet written by DuckDB, with NaN as missing', async () => {
    const path = join(dir, 'table.parquet');
    const connection = await getConnection();
    await connection.run(
      `COPY (SELECT * FROM (VALUES ('A', 1.5::DOUBLE, DATE '2020-01-02'), ('B', 'NaN'::DOUBLE, NULL), ('A', 3.0, DATE '2021-12-31')) t(grp, value, day)) TO ${quotedString(path)} (FORMAT parquet)`,
    );
    const { table, format } = await loadTable(path);
    assert.equal(format, 'parquet');
    assert.deepEqual(textsOf(table, 'grp'), ['A', 'B', 'A']);
    assert.deepEqual(numbersOf(table, 'value'), [1.5, NaN, 3]);
    assert.deepEqual(textsOf(table, 'day'), ['2020-01-02', null, '2021-12-31']);
    const schema = await inferSchema(path);
    assert.equal(schema.columns.find((c) => c.name === 'day')!.kind, 'datetime');
    assert.equal(schema.columns.find((c) => c.name === 'value')!.missing, 1);
  });

  it('rejects a .parquet file that is not Parquet with parse-failed', async () => {
    const path = join(dir, 'fake.parquet');
    await writeFile(path, 'a,b\n1,2\n');
    await rejectsWithCode(inferSchema(path), 'parse-failed');
  });

  it('quotes paths and column names that contain quotes', async () => {
    const sub = join(dir, `o'brien "data"`);
    await import('node:fs/promises').then((fs) => fs.mkdir(sub));
    const path = join(sub, `it's.csv`);
    await writeFile(path, `"it's ""x""",b\n1.5,u\n2,v\n3,u\n4,v\n`);
    const { table } = await loadTable(path, { columns: [`it's "x"`], where: [{ column: 'b', op: '=', value: `u` }] });
    assert.deepEqual(numbersOf(table, `it's "x"`), [1.5, 3]);
    const copy = join(sub, `copy';--.csv`);
    await copyFile(path, copy);
    const schema = await inferSchema(copy);
    assert.deepEqual(
      schema.columns.map((c) => c.name),
      [`it's "x"`, 'b'],
    );
  });
});

describe('data: files that cannot be read', () => {
  it('a file with only a header -> file-empty', async () => {
    const error = await rejectsWithCode(inferSchema(fixture('header-only.csv')), 'file-empty');
    assert.equal(error.params.headerOnly, true);
    await rejectsWithCode(loadTable(fixture('header-only.csv')), 'file-empty');
  });

  it('an empty or blank file -> file-empty', async () => {
    await rejectsWithCode(inferSchema(fixture('empty.csv')), 'file-empty');
    await rejectsWithCode(inferSchema(fixture('blank.csv')), 'file-empty');
  });

  it('a binary file -> binary-file', async () => {
    await rejectsWithCode(inferSchema(fixture('binary.csv')), 'binary-file');
  });

  it('a missing file -> file-not-found', async () => {
    await rejectsWithCode(inferSchema(fixture('no-such-file.csv')), 'file-not-found');
    await rejectsWithCode(loadTable(fixture('no-such-file.csv')), 'file-not-found');
  });

  it('a directory -> file-not-found', async () => {
    await rejectsWithCode(inferSchema(fixture('')), 'file-not-found');
  });

  it('an unknown extension -> unsupported-format', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inferra-data-'));
    try {
      await writeFile(join(dir, 'data.xls'), 'PK');
      await rejectsWithCode(inferSchema(join(dir, 'data.xls')), 'unsupported-format');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a file whose first line is data -> no-header', async () => {
    const error = await rejectsWithCode(inferSchema(fixture('no-header.csv')), 'no-header');
    assert.equal(error.params.firstLine, '1,2,3');
  });

  it('a bad value after the rows DuckDB sniffs -> parse-failed naming the line and column', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inferra-data-'));
    try {
      const path = join(dir, 'late.csv');
      const rows = Array.from({ length: 25000 }, (_, i) => `${i},${i / 2}`);
      await writeFile(path, ['id,v', ...rows, '25000,oops', '25001,3'].join('\n') + '\n');
      const error = await rejectsWithCode(inferSchema(path), 'parse-failed');
      assert.equal(error.params.line, 25002);
      assert.match(String(error.params.detail), /'v'.*'oops'/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('malformed JSON lines -> parse-failed with the line', async () => {
    const error = await rejectsWithCode(inferSchema(fixture('broken.jsonl')), 'parse-failed');
    assert.equal(error.params.line, 2);
  });

  it('rows with more fields than the header -> parse-failed with the line', async () => {
    const error = await rejectsWithCode(inferSchema(fixture('ragged.csv')), 'parse-failed');
    assert.equal(error.params.line, 3);
  });
});
