import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quotedString } from '@duckdb/node-api';
import { formatRowCount, getConnection, hashFile, hashFileSelection, inferSchema, loadTable, PROGRESS_ROWS, PROGRESS_STEP_ROWS } from '../../../kernel/data/index.js';
import type { ProgressEvent } from '../../../kernel/types.js';
import { numbersOf, rejectsWithCode, textsOf } from './helpers.js';

const penguins = fileURLToPath(new URL('../../../samples/penguins.csv', import.meta.url));

describe('data: loadTable', () => {
  it('loads only the requested columns, in the dataset order, typed by kind', async () => {
    const loaded = await loadTable(penguins, { columns: ['sex', 'body_mass_g', 'year'] });
    assert.deepEqual(
      loaded.table.columns.map((c) => [c.name, c.kind]),
      [
        ['body_mass_g', 'numeric'],
        ['sex', 'categorical'],
        ['year', 'numeric'],
      ],
    );
    assert.equal(loaded.table.rowCount, 344);
    assert.equal(loaded.rows, 344);
    assert.equal(loaded.whereDropped, 0);
    assert.equal(loaded.format, 'csv');
    assert.ok(loaded.table.columns[0].values instanceof Float64Array);
    assert.equal(numbersOf(loaded.table, 'body_mass_g').filter(Number.isNaN).length, 2);
    assert.equal(textsOf(loaded.table, 'sex').filter((v) => v === null).length, 11);
    assert.equal(loaded.sha256, await hashFile(penguins));
  });

  it('loads every column when none are named', async () => {
    const loaded = await loadTable(penguins);
    assert.equal(loaded.table.columns.length, 8);
  });

  it('applies where conditions in SQL (text =, numeric !=) and counts the dropped rows', async () => {
    const loaded = await loadTable(penguins, {
      columns: ['species', 'flipper_length_mm'],
      where: [
        { column: 'species', op: '=', value: 'Adelie' },
        { column: 'year', op: '!=', value: '2007' },
      ],
    });
    // R: nrow(subset(penguins, species == "Adelie" & year != 2007)) == 102
    assert.equal(loaded.table.rowCount, 102);
    assert.equal(loaded.whereDropped, 344 - 102);
    assert.ok(textsOf(loaded.table, 'species').every((s) => s === 'Adelie'));
  });

  it('compares numeric columns as numbers ("2007.0" matches 2007)', async () => {
    const loaded = await loadTable(penguins, { columns: ['year'], where: [{ column: 'year', op: '=', value: '2007.0' }] });
    assert.equal(loaded.table.rowCount, 110);
  });

  it('rejects a non-number compared with a numeric column', async () => {
    const error = await rejectsWithCode(
      loadTable(penguins, { columns: ['year'], where: [{ column: 'year', op: '=', value: 'last' }] }),
      'invalid-option',
    );
    assert.equal(error.params.option, 'where');
  });

  it('a column that does not exist -> column-not-found with a suggestion', async () => {
    const error = await rejectsWithCode(loadTable(penguins, { columns: ['body_mas_g'] }), 'column-not-found');
    assert.equal(error.params.suggestion, 'body_mass_g');
    const inWhere = await rejectsWithCode(
      loadTable(penguins, { columns: ['sex'], where: [{ column: 'Species', op: '=', value: 'Adelie' }] }),
      'column-not-found',
    );
    assert.equal(inWhere.params.suggestion, 'species');
  });

  it('tableHash is deterministic and names the file, the columns loaded and the --where conditions', async () => {
    const a = await loadTable(penguins, { columns: ['body_mass_g', 'sex'] });
    const b = await loadTable(penguins, { columns: ['sex', 'body_mass_g'] });
    const c = await loadTable(penguins, { columns: ['body_mass_g', 'sex'], where: [{ column: 'sex', op: '=', value: 'male' }] });
    const d = await loadTable(penguins, { columns: ['body_mass_g'] });
    assert.match(a.tableHash, /^[0-9a-f]{64}$/);
    assert.equal(a.tableHash, b.tableHash);
    assert.equal(a.tableHash, hashFileSelection(a.sha256, a.table.columns, []));
    assert.notEqual(a.tableHash, c.tableHash);
    assert.notEqual(a.tableHash, d.tableHash);
  });

  it('loads the same values from the table kept in DuckDB and from the file', async () => {
    const options = { columns: ['species', 'sex', 'bill_length_mm'], where: [{ column: 'island', op: '!=' as const, value: 'Dream' }] };
    const held = await loadTable(penguins, options);
    // Three other datasets push penguins out of the materialized tables, so the next load reads the file.
    const dir = await mkdtemp(join(tmpdir(), 'inferra-evict-'));
    try {
      for (let i = 0; i < 3; i++) {
        const path = join(dir, `other-${i}.csv`);
        await writeFile(path, `g,v\na,${i}\nb,${process.hrtime.bigint()}\na,1\nb,2\n`);
        await inferSchema(path);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const reread = await loadTable(penguins, options);
    assert.equal(reread.table.rowCount, 344 - 124);
    assert.equal(reread.tableHash, held.tableHash);
    assert.deepEqual(reread.table, held.table);
  });

  it('hashFileSelection changes with the file, a column kind or a condition', () => {
    const columns = [{ name: 'x', kind: 'numeric' as const }];
    const base = hashFileSelection('a'.repeat(64), columns, []);
    assert.notEqual(hashFileSelection('b'.repeat(64), columns, []), base);
    assert.notEqual(hashFileSelection('a'.repeat(64), [{ name: 'x', kind: 'categorical' }], []), base);
    assert.notEqual(hashFileSelection('a'.repeat(64), columns, [{ column: 'x', op: '!=', value: '1' }]), base);
    assert.equal(hashFileSelection('a'.repeat(64), columns, []), base);
  });
});

describe('data: hashFile and large loads', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inferra-load-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('hashFile is the SHA-256 of the bytes and follows changes to the file', async () => {
    const path = join(dir, 'a.csv');
    await writeFile(path, 'x\n1\n');
    assert.equal(await hashFile(path), createHash('sha256').update('x\n1\n').digest('hex'));
    const first = await hashFile(path);
    await writeFile(path, 'x\n2\n');
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    assert.notEqual(await hashFile(path), first);
  });

  it(`posts a progress message before loading ${PROGRESS_ROWS.toLocaleString('en')} rows or more`, async () => {
    const path = join(dir, 'big.csv');
    const connection = await getConnection();
    await connection.run(
      `COPY (SELECT i AS id, i % 3 AS g, (i * 7) % 101 AS y FROM range(${PROGRESS_ROWS}) t(i)) TO ${quotedString(path)} (FORMAT csv, HEADER)`,
    );
    const messages: string[] = [];
    const events: ProgressEvent[] = [];
    const loaded = await loadTable(path, {
      columns: ['g', 'y'],
      onProgress: (m, e) => {
        messages.push(m);
        if (e) events.push(e);
      },
    });
    assert.equal(loaded.table.rowCount, PROGRESS_ROWS);
    const total = formatRowCount(PROGRESS_ROWS);
    assert.equal(messages[0], `Loading ${total} rows...`);
    assert.deepEqual(events[0], { phase: 'load', rows: 0, total: PROGRESS_ROWS });
    // Then once each time another PROGRESS_STEP_ROWS rows have arrived (at the end of the chunk that crossed it).
    const later = events.slice(1);
    assert.equal(later.length, Math.floor(PROGRESS_ROWS / PROGRESS_STEP_ROWS));
    later.forEach((e, i) => {
      assert.equal(e.phase, 'load');
      assert.equal(e.total, PROGRESS_ROWS);
      assert.equal(Math.floor(e.rows! / PROGRESS_STEP_ROWS), i + 1, `event ${i + 1} is the first past ${(i + 1) * PROGRESS_STEP_ROWS} rows`);
      assert.equal(messages[i + 1], `Loading ${total} rows: ${formatRowCount(e.rows!)} read...`);
    });
    assert.equal(later.at(-1)?.rows, PROGRESS_ROWS);
    assert.equal(formatRowCount(1_234_567), '1.2 M');
    assert.equal(formatRowCount(850), '850');
  });
});
