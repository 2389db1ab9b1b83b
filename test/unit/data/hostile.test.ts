/**
 * Hostile or unusual dataset files (security review 2026-12, findings M3, M4, M5, L3, L6): file names
 * with glob characters, non-finite numbers, very wide files, mixed and empty columns, folders,
 * non-UTF-8 text and JSON objects that wrap an array.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getConnection, hashFile, inferSchema, loadTable } from '../../../kernel/data/index.js';
import { findInvalidUtf8, MAX_COLUMNS } from '../../../kernel/data/source.js';
import { numbersOf, rejectsWithCode } from './helpers.js';

let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inferra-hostile-'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('data: file names with glob characters (M3)', () => {
  it('x[12].csv beside x1.csv and x2.csv reads x[12].csv itself, under its own hash', async () => {
    const target = await write('x[12].csv', 'x,g\n100,a\n200,b\n300,a\n400,b\n');
    await write('x1.csv', 'x,g\n1,a\n2,b\n3,a\n4,b\n');
    await write('x2.csv', 'x,g\n5,a\n6,b\n7,a\n8,b\n');
    const schema = await inferSchema(target);
    assert.equal(schema.rows, 4);
    assert.equal(schema.sha256, await hashFile(target));
    const loaded = await loadTable(target, { columns: ['x'] });
    assert.deepEqual(numbersOf(loaded.table, 'x'), [100, 200, 300, 400]);
  });

  it('y*.csv beside yes.csv, q?.csv beside qa.csv and a folder named d[1] read only the named file', async () => {
    const star = await write('y*.csv', 'x,g\n9,a\n19,b\n');
    await write('yes.csv', 'x,g\n10,a\n20,b\n');
    assert.deepEqual(numbersOf((await loadTable(star)).table, 'x'), [9, 19]);
    const question = await write('q?.csv', 'x,g\n50,a\n51,b\n');
    await write('qa.csv', 'x,g\n60,a\n61,b\n');
    assert.deepEqual(numbersOf((await loadTable(question)).table, 'x'), [50, 51]);
    await mkdir(join(dir, 'd[1]'));
    await mkdir(join(dir, 'd1'));
    const nested = await write('d[1]/f.json', '[{"x": 5}, {"x": 6}]');
    await write('d1/f.json', '[{"x": 7}, {"x": 8}]');
    assert.deepEqual(numbersOf((await loadTable(nested)).table, 'x'), [5, 6]);
  });

  it('a Parquet file with brackets in its name reads that file', async () => {
    const target = join(dir, 'p[1].parquet');
    const other = join(dir, 'p1.parquet');
    const connection = await getConnection();
    await connection.run(`COPY (SELECT 1.5::DOUBLE AS x UNION ALL SELECT 2.5) TO '${target.replace(/'/g, "''")}' (FORMAT parquet)`);
    await connection.run(`COPY (SELECT 99.0::DOUBLE AS x UNION ALL SELECT 98) TO '${other.replace(/'/g, "''")}' (FORMAT parquet)`);
    assert.deepEqual(numbersOf((await loadTable(target)).table, 'x'), [1.5, 2.5]);
  });
});

describe('data: non-finite numbers (M4)', () => {
  const cases: [string, string, string][] = [
    ['inf in a CSV', 'inf.csv', 'x,g\n1.5,a\n2.5,b\ninf,a\n4.5,b\n3.5,a\n'],
    ['-inf and 1e400 in a CSV', 'big.csv', 'x,g\n1.5,a\n1e400,b\n-inf,a\n4.5,b\n3.5,a\n'],
    ['1e999 in JSON', 'inf.json', '[{"x": 1.5, "g": "a"}, {"x": 1e999, "g": "b"}, {"x": 2.5, "g": "a"}, {"x": 4.5, "g": "b"}]'],
  ];
  for (const [what, name, content] of cases) {
    it(`${what}: treated as missing, counted and named in the schema`, async () => {
      const path = await write(name, content);
      const schema = await inferSchema(path);
      const x = schema.columns.find((c) => c.name === 'x')!;
      assert.equal(x.kind, 'numeric');
      const infinite = (content.match(/inf|1e400|1e999/g) ?? []).length;
      assert.equal(x.nonFinite, infinite);
      assert.equal(x.missing, infinite);
      assert.ok(Number.isFinite(x.summary!.sd));
      assert.match(x.note!, new RegExp(`${infinite} infinite value`));
      const loaded = await loadTable(path, { columns: ['x'] });
      assert.equal(numbersOf(loaded.table, 'x').filter(Number.isNaN).length, infinite);
      assert.ok(numbersOf(loaded.table, 'x').every((v) => Number.isNaN(v) || Number.isFinite(v)));
      assert.deepEqual(loaded.warnings, [
        `Column 'x' has ${infinite} infinite value${infinite > 1 ? 's' : ''} (such as inf or 1e400); ${infinite > 1 ? 'they are' : 'it is'} treated as missing.`,
      ]);
    });
  }

  it('+Inf, -Inf and NaN in a Parquet DOUBLE: infinities counted, all treated as missing', async () => {
    const path = join(dir, 'inf.parquet');
    const connection = await getConnection();
    await connection.run(
      `COPY (SELECT unnest(['inf'::DOUBLE, 'nan'::DOUBLE, 1.0, '-inf'::DOUBLE, 2.0, 4.0]) AS x) TO '${path}' (FORMAT parquet)`,
    );
    const schema = await inferSchema(path);
    const x = schema.columns[0];
    assert.equal(x.nonFinite, 2);
    assert.equal(x.missing, 3);
    assert.deepEqual(numbersOf((await loadTable(path)).table, 'x'), [NaN, NaN, 1, NaN, 2, 4]);
  });

  it('a file without infinite values has no nonFinite count and no warnings', async () => {
    const path = await write('finite.csv', 'x,g\n1,a\n2,b\n');
    const schema = await inferSchema(path);
    assert.equal(schema.columns[0].nonFinite, undefined);
    assert.deepEqual((await loadTable(path)).warnings, []);
  });
});

/** A CSV of `columns` columns c0..cN and `rows` rows of small integers. */
function wideCsv(columns: number, rows: number): string {
  const header = Array.from({ length: columns }, (_, i) => `c${i}`).join(',');
  const lines = Array.from({ length: rows }, (_, j) => Array.from({ length: columns }, (_, i) => String((i * (j + 1)) % 7)).join(','));
  return `${header}\n${lines.join('\n')}\n`;
}

describe('data: wide files (M5)', () => {
  it(`more than ${MAX_COLUMNS} columns -> too-many-columns naming the count and the limit`, async () => {
    const path = await write('wide.csv', wideCsv(MAX_COLUMNS + 1, 3));
    const error = await rejectsWithCode(inferSchema(path), 'too-many-columns');
    assert.equal(error.params.columns, MAX_COLUMNS + 1);
    assert.match(error.message, /has 1,001 columns; Inferra reads at most 1,000\. Save a copy with only the columns you need/);
  });

  it('counts many columns in batches with the same results as one column at a time', async () => {
    // 250 columns: more than one batch of cheap counts and of unpivoted distinct counts.
    const columns = 250;
    const path = await write('wide250.csv', wideCsv(columns, 30).replace(/\n([^\n]*)\n$/, '\n$1\n' + 'x,'.repeat(columns - 1) + 'inf\n'));
    const schema = await inferSchema(path);
    assert.equal(schema.columns.length, columns);
    for (const i of [0, 1, 6, 7, 99, 100, 101, 248]) {
      // Column i holds (i * (j + 1)) % 7 for j = 0..29, and 'x' in the last row.
      const expected = new Set(Array.from({ length: 30 }, (_, j) => (i * (j + 1)) % 7));
      assert.equal(schema.columns[i].distinct, expected.size + 1, `c${i}`);
      assert.equal(schema.columns[i].n, 31);
    }
    const last = schema.columns[columns - 1];
    assert.equal(last.kind, 'numeric');
    assert.equal(last.nonFinite, 1);
    assert.equal(last.distinct, new Set(Array.from({ length: 30 }, (_, j) => (249 * (j + 1)) % 7)).size);
  });
});

describe('data: mixed and empty columns (L3)', () => {
  it("a numeric column with one stray word names the count of numbers, the value and its line", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i + 0.5},${i % 2 ? 'a' : 'b'}`);
    const path = await write('stray.csv', `x,g\n${rows.join('\n')}\noops,a\n1.5,b\n`);
    const schema = await inferSchema(path);
    const x = schema.columns.find((c) => c.name === 'x')!;
    assert.notEqual(x.kind, 'numeric');
    assert.equal(
      x.note,
      "Column 'x' has numbers in 3,001 rows but 'oops' on line 3002, so it is read as text. Correct the value, or write missing values as NA or leave them empty.",
    );
    const loaded = await loadTable(path, { columns: ['x'] });
    assert.equal((loaded.table.columns[0] as { note?: string }).note, x.note);
  });

  it('counts the other values that are not numbers', async () => {
    const path = await write('strays.csv', 'x,g\n1,a\n2,b\nn/a,a\n4,b\n?,a\n6,b\n7,a\n');
    const schema = await inferSchema(path);
    assert.equal(
      schema.columns[0].note,
      "Column 'x' has numbers in 5 rows but 'n/a' on line 4 (and 1 more value that is not a number), so it is read as text. Correct the value, or write missing values as NA or leave them empty.",
    );
  });

  it('a column of words has no note', async () => {
    const path = await write('words.csv', 'x,g\n1,a\n2,b\n3,a\n4,b\n');
    const schema = await inferSchema(path);
    assert.equal(schema.columns[1].note, undefined);
  });

  it('a column with no values says so', async () => {
    const path = await write('empty-column.csv', 'x,y\n1,\n2,\n3,NA\n');
    const schema = await inferSchema(path);
    const y = schema.columns[1];
    assert.equal(y.n, 0);
    assert.equal(y.note, "Column 'y' has no values (every row is missing).");
  });
});

describe('data: misleading messages (L6)', () => {
  it('a folder -> "is a folder"', async () => {
    await mkdir(join(dir, 'folder.csv'));
    const error = await rejectsWithCode(inferSchema(join(dir, 'folder.csv')), 'file-not-found');
    assert.match(error.message, /folder\.csv' is a folder, not a file\./);
  });

  it('a Latin-1 file -> "is not UTF-8 (byte 0xE9 on line 2)"', async () => {
    const path = await write('latin1.csv', Buffer.from('x,g\n1,caf\xe9\n2,b\n', 'latin1'));
    const error = await rejectsWithCode(inferSchema(path), 'parse-failed');
    assert.match(error.message, /latin1\.csv' is not UTF-8 \(byte 0xE9 on line 2\)\. Save it as UTF-8 text/);
  });

  it('a Latin-1 byte after the first 64 KB -> "is not UTF-8" with the line', async () => {
    const body = Array.from({ length: 20000 }, (_, i) => `${i},abc`).join('\n');
    const path = await write('latin1-late.csv', Buffer.concat([Buffer.from(`x,g\n${body}\n`), Buffer.from('5,caf\xe9\n', 'latin1')]));
    const error = await rejectsWithCode(inferSchema(path), 'parse-failed');
    assert.match(error.message, /is not UTF-8 \(on line 20002\)/);
  });

  it('UTF-8 with accents, emoji and a character cut off by the first 64 KB reads', async () => {
    const filler = 'é'.repeat(32767); // 65,534 bytes: the next character straddles the 65,536-byte head
    const path = await write('utf8.csv', `name,v\n${filler}😀,1\ncafé,2\n`);
    const schema = await inferSchema(path);
    assert.equal(schema.rows, 2);
  });

  it('findInvalidUtf8 finds overlong forms, surrogates and stray continuation bytes', () => {
    assert.equal(findInvalidUtf8(Buffer.from('abc€😀')), -1);
    assert.equal(findInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf])), 1);
    assert.equal(findInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80])), 1);
    assert.equal(findInvalidUtf8(Buffer.from([0x80])), 0);
    assert.equal(findInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82])), 1);
    assert.equal(findInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]), true), -1);
  });

  it('a JSON object wrapping the records -> "is a JSON object" naming the key', async () => {
    const path = await write('wrapped.json', '{"data": [{"x": 1, "g": "a"}, {"x": 2, "g": "b"}], "meta": "m"}');
    const error = await rejectsWithCode(inferSchema(path), 'parse-failed');
    assert.match(error.message, /wrapped\.json' is a JSON object; Inferra reads an array of records or JSON lines\. Its key 'data' holds the records/);
  });

  it('JSON lines whose records hold lists of objects still read', async () => {
    const path = await write('nested.jsonl', '{"x": 1, "items": [{"a": 1}]}\n{"x": 2, "items": [{"a": 2}]}\n');
    const schema = await inferSchema(path);
    assert.equal(schema.rows, 2);
  });
});

describe('data: deeply nested JSON (found by the fuzz test)', () => {
  it('a value nested 20,000 levels deep reads as JSON text instead of ending the process (segmentation fault)', async () => {
    const path = await write('deep.json', `[{"x": ${'['.repeat(20_000)}1${']'.repeat(20_000)}, "y": 2}]`);
    const schema = await inferSchema(path);
    assert.equal(schema.rows, 1);
    assert.deepEqual(schema.columns.map((c) => c.name), ['x', 'y']);
    assert.deepEqual(numbersOf((await loadTable(path, { columns: ['y'] })).table, 'y'), [2]);
  });
});
