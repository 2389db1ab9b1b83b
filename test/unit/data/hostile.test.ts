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
