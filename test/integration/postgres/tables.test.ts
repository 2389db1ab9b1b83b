/**
 * Listing a PostgreSQL database's tables for "Choose Dataset…" (kernel/data/postgres/tables.ts),
 * against the real server at 127.0.0.1:5432 (skipped, with the reason, when it cannot be reached).
 * The test creates its own schema (a table, a view, a table whose name a locator cannot hold) and a
 * login role that may read only the view, and drops them afterwards.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect } from '../../../kernel/data/postgres/connect.js';
import { parsePostgresLocator, parsePostgresServer } from '../../../kernel/data/postgres/locator.js';
import { listDatabaseTables } from '../../../kernel/data/postgres/tables.js';
import { withDatabaseTable } from '../../../kernel/data/postgres/index.js';
import { rejectsWithCode } from '../../unit/data/helpers.js';

const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
const schema = `inferra_list_${suffix}`;
const role = `inferra_reader_${suffix}`;
const server = 'postgres://postgres@127.0.0.1:5432/test';

describe('PostgreSQL: the tables a researcher can choose', function () {
  this.timeout(60_000);
  let admin: pg.Client | undefined;

  before(async function () {
    try {
      admin = await connect(parsePostgresServer(server));
    } catch (error) {
      console.log(`      (skipped: PostgreSQL at 127.0.0.1:5432 is not reachable: ${(error as Error).message})`);
      this.skip();
    }
    await admin!.query(`CREATE SCHEMA ${schema}`);
    await admin!.query(`CREATE TABLE ${schema}.trial (arm text, score double precision)`);
    await admin!.query(`INSERT INTO ${schema}.trial SELECT CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END, g FROM generate_series(1, 300) g`);
    await admin!.query(`ANALYZE ${schema}.trial`);
    await admin!.query(`CREATE VIEW ${schema}.trial_a AS SELECT * FROM ${schema}.trial WHERE arm = 'a'`);
    await admin!.query(`CREATE TABLE ${schema}."with space" (x int)`);
    await admin!.query(`CREATE ROLE ${role} LOGIN`);
    await admin!.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
    await admin!.query(`GRANT SELECT ON ${schema}.trial_a TO ${role}`);
  });

  after(async () => {
    if (!admin) return;
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  it('lists tables and views with their locators and row estimates; names a locator cannot hold are counted', async () => {
    const listed = await listDatabaseTables(server);
    const ours = listed.tables.filter((t) => t.schema === schema);
    assert.deepEqual(ours.map((t) => [t.table, t.kind]), [['trial', 'table'], ['trial_a', 'view']]);
    const trial = ours[0];
    assert.equal(trial.estimatedRows, 300);
    assert.equal(ours[1].estimatedRows, undefined);
    assert.equal(trial.locator, `postgres://postgres@127.0.0.1:5432/test?table=${schema}.trial`);
    assert.ok(listed.unnamed >= 1, 'the table "with space" is counted as not listable');
    assert.equal(listed.truncated, false);
    // Each listed locator is a dataset the analyses accept.
    const rows = await withDatabaseTable(trial.locator, ['score'], [], async (db) => db.rows);
    assert.equal(rows, 300);
  });

  it('lists only what the user may read', async () => {
    const listed = await listDatabaseTables(`postgres://${role}@127.0.0.1:5432/test`);
    const ours = listed.tables.filter((t) => t.schema === schema);
    assert.deepEqual(ours.map((t) => t.table), ['trial_a']);
    assert.equal(ours[0].locator, `postgres://${role}@127.0.0.1:5432/test?table=${schema}.trial_a`);
  });

  it('refuses an address with a table, a password or no database, and reports an unknown database', async () => {
    assert.throws(() => parsePostgresServer(`${server}?table=public.x`), (e: Error & { code?: string }) => e.code === 'database-locator-invalid' && /without table=/.test(e.message) && /postgres:\/\/USER@HOST:PORT\/DATABASE \(/.test(e.message));
    assert.throws(() => parsePostgresServer('postgres://postgres:secret@127.0.0.1:5432/test'), (e: Error & { code?: string }) => e.code === 'database-locator-invalid' && !/secret/.test(e.message));
    assert.throws(() => parsePostgresServer('postgres://postgres@127.0.0.1:5432/'), (e: Error & { code?: string }) => e.code === 'database-locator-invalid');
    assert.deepEqual(parsePostgresServer('postgresql://u@db.example.org/app?sslmode=require'), { user: 'u', host: 'db.example.org', port: 5432, database: 'app', ssl: true });
    // A table locator still needs its table, and says so in its own words.
    assert.throws(() => parsePostgresLocator(server), (e: Error) => /needs exactly one table=SCHEMA\.TABLE/.test(e.message) && /\?table=SCHEMA\.TABLE/.test(e.message));
    await rejectsWithCode(listDatabaseTables(`postgres://postgres@127.0.0.1:5432/no_such_db_${suffix}`), 'database-not-found');
    await rejectsWithCode(listDatabaseTables('postgres://postgres@127.0.0.1:1/test'), 'database-unreachable');
  });
});
