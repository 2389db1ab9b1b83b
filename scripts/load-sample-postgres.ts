/**
 * Loads a dataset file (by default samples/penguins.csv) into a PostgreSQL table, so that a notebook
 * can use it as `postgres://USER@HOST:PORT/DB?table=SCHEMA.TABLE`:
 *
 *   node --import tsx scripts/load-sample-postgres.ts [FILE] [postgres://postgres@127.0.0.1:5432/test?table=public.penguins]
 *
 * The password comes from PGPASSWORD or ~/.pgpass. The table is replaced if it exists. Columns keep
 * the file's values as Inferra reads them (numbers as double precision, NA and friends as NULL).
 * Works with a Supabase project too (its connection string, with `&sslmode=require`).
 */
import { fileURLToPath } from 'node:url';
import { getConnection } from '../kernel/data/duckdb.js';
import { createRandom } from '../kernel/figures/random.js';
import { connect } from '../kernel/data/postgres/connect.js';
import { parsePostgresLocator, tableName } from '../kernel/data/postgres/locator.js';
import { fromTable } from '../kernel/data/postgres/source.js';
import { postgresDialect } from '../kernel/data/plan/dialect.js';
import { openSource } from '../kernel/data/source.js';

const SQL_TYPE = { numeric: 'DOUBLE PRECISION', boolean: 'BOOLEAN', datetime: 'TEXT', text: 'TEXT' } as const;
const BATCH = 1000;

/** Loads `file` into the locator's table (replacing it); `shuffle` permutes the rows with a seed. */
export async function loadFileIntoPostgres(file: string, locator: string, options: { shuffle?: number } = {}): Promise<number> {
  const l = parsePostgresLocator(locator);
  const source = await openSource(file);
  const duck = await getConnection();
  const select = source.columns.map((c) => c.expression).join(', ');
  const rows = (await duck.runAndReadAll(`SELECT ${select} FROM ${source.reader}`)).getRowsJS();
  if (options.shuffle !== undefined) shuffleRows(rows, options.shuffle);
  const client = await connect(l);
  try {
    const columns = source.columns.map((c) => `${postgresDialect.identifier(c.name)} ${SQL_TYPE[c.storage]}`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${postgresDialect.identifier(l.schema)}`);
    await client.query(`DROP TABLE IF EXISTS ${fromTable(l)}`);
    await client.query(`CREATE TABLE ${fromTable(l)} (${columns.join(', ')})`);
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const values: unknown[] = [];
      const tuples = batch.map((row) => `(${row.map((v) => `$${values.push(v === null || v === undefined ? null : typeof v === 'bigint' ? String(v) : v)}`).join(', ')})`);
      await client.query(`INSERT INTO ${fromTable(l)} VALUES ${tuples.join(', ')}`, values);
    }
    // The planner's statistics (and the row estimate "Choose Dataset…" shows) for the new table.
    await client.query(`ANALYZE ${fromTable(l)}`);
  } finally {
    await client.end();
  }
  return rows.length;
}

/** A seeded Fisher-Yates shuffle, in place. */
function shuffleRows<T>(rows: T[], seed: number): void {
  const random = createRandom(seed);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2] ?? 'samples/penguins.csv';
  const locator = process.argv[3] ?? 'postgres://postgres@127.0.0.1:5432/test?table=public.penguins';
  loadFileIntoPostgres(file, locator).then(
    (count) => {
      console.log(`Loaded ${count} rows of ${file} into ${tableName(parsePostgresLocator(locator))}.`);
      process.exit(0);
    },
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
