/**
 * Row-level security and append-only rules of supabase/migrations, exercised in a fresh PostgreSQL
 * database exactly as PostgREST acts for a request: one transaction per attempt with
 * `set_config('role', ...)` and `request.jwt.claims`. Every attempt is counted; the totals are
 * printed at the end.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { checkPostgresReachable, createTestDatabase, type TestDatabase } from '../../../scripts/supabase-test-stack.js';

type Actor = { role: 'anon' } | { role: 'authenticated'; sub: string };

interface Attempt {
  ok: boolean;
  rows: Record<string, unknown>[];
  rowCount: number;
  code?: string;
}

const counts = { attempts: 0, allowedAsExpected: 0, refusedAsExpected: 0, unexpected: 0 };

describe('Supabase schema: row-level security and append-only (SQL)', function () {
  this.timeout(60_000);
  let db: TestDatabase | undefined;
  let client: pg.Client;
  const alice = randomUUID();
  const bob = randomUUID();
  const A: Actor = { role: 'authenticated', sub: alice };
  const B: Actor = { role: 'authenticated', sub: bob };
  const anon: Actor = { role: 'anon' };

  /** One request as `actor`, in its own transaction (as PostgREST does). */
  async function attempt(actor: Actor, sql: string, params: unknown[] = []): Promise<Attempt> {
    counts.attempts++;
    await client.query('begin');
    try {
      const claims = actor.role === 'anon' ? { role: 'anon' } : { sub: actor.sub, role: 'authenticated' };
      await client.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [actor.role, JSON.stringify(claims)]);
      const result = await client.query(sql, params);
      await client.query('commit');
      return { ok: true, rows: result.rows, rowCount: result.rowCount ?? 0 };
    } catch (error) {
      await client.query('rollback');
      return { ok: false, rows: [], rowCount: 0, code: (error as { code?: string }).code };
    }
  }

  async function expectAllowed(actor: Actor, sql: string, params: unknown[] = []): Promise<Attempt> {
    const result = await attempt(actor, sql, params);
    if (!result.ok) counts.unexpected++;
    assert.ok(result.ok, `expected allowed, got ${result.code}: ${sql}`);
    counts.allowedAsExpected++;
    return result;
  }

  async function expectRefused(actor: Actor, sql: string, params: unknown[] = [], code = '42501'): Promise<void> {
    const result = await attempt(actor, sql, params);
    if (result.ok || result.code !== code) counts.unexpected++;
    assert.equal(result.ok, false, `expected refused: ${sql}`);
    assert.equal(result.code, code, sql);
    counts.refusedAsExpected++;
  }

  /** A statement as the database owner (no RLS), which the append-only trigger must still stop. */
  async function expectOwnerRefused(sql: string): Promise<void> {
    counts.attempts++;
    const code = await client.query(sql).then(
      () => undefined,
      (error: { code?: string }) => error.code,
    );
    if (code !== '42501') counts.unexpected++;
    assert.equal(code, '42501', sql);
    counts.refusedAsExpected++;
  }

  const insertRun = (clientRunId: string, userId?: string) => ({
    sql: `insert into public.analysis_runs (${userId ? 'user_id, ' : ''}notebook_id, cell_id, client_run_id, status, decision, analysis, parameters, environment, result_digest, record, record_hash, started_at, ended_at)
          values (${userId ? '$6, ' : ''}$1, $2, $3, 'ok', '{"source":"rules"}', 'ttest_welch', '{}', '{"inferra":"0.1.0"}', $4, '{}', $5, now(), now())`,
    params: ['nb-1', 'c1', clientRunId, 'a'.repeat(64), 'b'.repeat(64), ...(userId ? [userId] : [])],
  });

  before(async function () {
    const reachable = await checkPostgresReachable();
    if (!reachable.ok) {
      console.log(`      SKIPPED: ${reachable.reason}`);
      this.skip();
    }
    db = await createTestDatabase('inferra_rls');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`insert into auth.users (id, email) values ($1, 'alice@example.test'), ($2, 'bob@example.test')`, [alice, bob]);
  });

  after(async () => {
    if (!db) return;
    await client.end();
    await db.drop();
    console.log(
      `      RLS (SQL): ${counts.attempts} attempts, ${counts.allowedAsExpected} allowed as expected, ` +
        `${counts.refusedAsExpected} refused as expected, ${counts.unexpected} unexpected`,
    );
  });

  it('lets each user insert their own runs, user_id filled from the JWT', async () => {
    const a = insertRun(randomUUID());
    const inserted = await expectAllowed(A, `${a.sql} returning user_id, created_at`, a.params);
    assert.equal(inserted.rows[0].user_id, alice);
    const b = insertRun(randomUUID());
    await expectAllowed(B, b.sql, b.params);
  });

  it('shows each user only their own rows (cross-reads return nothing)', async () => {
    const mine = await expectAllowed(A, 'select user_id from public.analysis_runs');
    assert.ok(mine.rowCount >= 1);
    assert.ok(mine.rows.every((r) => r.user_id === alice));
    const theirs = await expectAllowed(A, 'select * from public.analysis_runs where user_id = $1', [bob]);
    assert.equal(theirs.rowCount, 0);
    const fromBob = await expectAllowed(B, 'select * from public.analysis_runs where user_id = $1', [alice]);
    assert.equal(fromBob.rowCount, 0);
  });

  it('refuses a forged user_id', async () => {
    const forged = insertRun(randomUUID(), bob);
    await expectRefused(A, forged.sql, forged.params);
    await expectRefused(A, `insert into public.llm_calls (user_id, client_run_id, model, prompt_hash) values ($1, $2, 'grok', 'h')`, [bob, randomUUID()]);
  });

  it('refuses update and delete, even of one’s own rows, and even to the database owner', async () => {
    await expectRefused(A, `update public.analysis_runs set analysis = 'ols'`);
    await expectRefused(A, 'delete from public.analysis_runs');
    await expectRefused(A, 'delete from public.llm_calls');
    await expectRefused(A, 'delete from public.run_deletions');
    // Setting the purge flag by hand does not help: authenticated has no delete privilege at all.
    await expectRefused(A, `select set_config('inferra.purge', 'on', true); delete from public.analysis_runs`);
    // The trigger stops even the owner (a mistaken admin query, a compromised service key).
    await expectOwnerRefused(`update public.analysis_runs set analysis = 'ols'`);
    await expectOwnerRefused('delete from public.analysis_runs');
    const count = await client.query(`select count(*)::int as n from public.analysis_runs where analysis = 'ttest_welch'`);
    assert.equal(count.rows[0].n, 2);
  });

  it('refuses anon entirely (read, insert, retention)', async () => {
    await expectRefused(anon, 'select * from public.analysis_runs');
    const a = insertRun(randomUUID(), alice);
    await expectRefused(anon, a.sql, a.params);
    await expectRefused(anon, 'select * from public.llm_calls');
    await expectRefused(anon, 'select * from public.run_deletions');
    await expectRefused(anon, 'select public.purge_my_runs_older_than(0)');
  });

  it('makes inserts idempotent by (user_id, client_run_id)', async () => {
    const id = randomUUID();
    const a = insertRun(id);
    await expectAllowed(A, a.sql, a.params);
    const retry = await expectAllowed(A, `${a.sql} on conflict (user_id, client_run_id) do nothing`, a.params);
    assert.equal(retry.rowCount, 0);
    await expectRefused(A, a.sql, a.params, '23505');
    // The same client_run_id under another user is a different run.
    const b = insertRun(id);
    await expectAllowed(B, b.sql, b.params);
    const rows = await client.query('select user_id from public.analysis_runs where client_run_id = $1 order by user_id', [id]);
    assert.equal(rows.rowCount, 2);
  });

  it('sets created_at from the server clock, ignoring what the client sends', async () => {
    const id = randomUUID();
    const a = insertRun(id);
    const sql = a.sql.replace('started_at, ended_at)', 'started_at, ended_at, created_at)').replace('now(), now())', `now(), now(), '2000-01-01')`);
    const inserted = await expectAllowed(A, `${sql} returning created_at`, a.params);
    assert.ok(new Date(inserted.rows[0].created_at as string).getFullYear() >= 2026);
  });

  it('retention removes only the caller’s old rows and logs what it removed', async () => {
    // Old rows can only be made by the owner with triggers off (replica mode), as a restore would.
    const backdate = async (userId: string, days: number) => {
      const id = randomUUID();
      await client.query(`set session_replication_role = replica`);
      await client.query(
        `insert into public.analysis_runs (user_id, notebook_id, cell_id, client_run_id, status, decision, analysis, environment, record, record_hash, started_at, ended_at, created_at)
         values ($1, 'nb-old', 'c9', $2, 'ok', '{}', 'describe', '{}', '{}', $3, now(), now(), now() - make_interval(days => $4))`,
        [userId, id, 'c'.repeat(64), days],
      );
      await client.query(`insert into public.llm_calls (user_id, client_run_id, model, prompt_hash, created_at) values ($1, $2, 'grok', 'h', now() - make_interval(days => $3))`, [userId, id, days]);
      await client.query(`set session_replication_role = origin`);
      return id;
    };
    const aliceOld = [await backdate(alice, 90), await backdate(alice, 45)];
    const bobOld = await backdate(bob, 90);
    const before = await client.query('select user_id, count(*)::int as n from public.analysis_runs group by user_id');
    const countOf = (rows: { user_id: string; n: number }[], id: string) => rows.find((r) => r.user_id === id)?.n ?? 0;

    const purged = await expectAllowed(A, 'select public.purge_my_runs_older_than(30) as removed');
    assert.equal(purged.rows[0].removed, 2);

    const afterCounts = await client.query('select user_id, count(*)::int as n from public.analysis_runs group by user_id');
    assert.equal(countOf(afterCounts.rows, alice), countOf(before.rows, alice) - 2);
    assert.equal(countOf(afterCounts.rows, bob), countOf(before.rows, bob)); // Bob's old run untouched
    const bobStill = await client.query('select 1 from public.analysis_runs where client_run_id = $1', [bobOld]);
    assert.equal(bobStill.rowCount, 1);

    const log = await expectAllowed(A, 'select table_name, client_run_id from public.run_deletions order by table_name, client_run_id');
    assert.equal(log.rowCount, 4); // two runs + their two LLM calls
    assert.deepEqual(new Set(log.rows.map((r) => r.client_run_id)), new Set(aliceOld));
    const bobLog = await expectAllowed(B, 'select * from public.run_deletions');
    assert.equal(bobLog.rowCount, 0); // Bob cannot read Alice's deletion log

    // The purge flag does not outlive the function: deletes are refused again right after.
    await expectRefused(A, 'delete from public.analysis_runs');
    await expectRefused(A, 'select public.purge_my_runs_older_than(-1)', [], '22023');
  });

  it('keeps figures private: own folder only, in the figures bucket', async () => {
    const own = `${alice}/nb-1/${randomUUID()}/boxplot.svg`;
    await expectAllowed(A, `insert into storage.objects (bucket_id, name, owner) values ('figures', $1, $2)`, [own, alice]);
    await expectRefused(A, `insert into storage.objects (bucket_id, name, owner) values ('figures', $1, $2)`, [`${bob}/nb-1/x/boxplot.svg`, alice]);
    await expectRefused(anon, `insert into storage.objects (bucket_id, name) values ('figures', $1)`, [`${alice}/x.svg`]);
    const fromBob = await expectAllowed(B, `select name from storage.objects where bucket_id = 'figures'`);
    assert.equal(fromBob.rowCount, 0);
    const fromAlice = await expectAllowed(A, `select name from storage.objects where bucket_id = 'figures'`);
    assert.deepEqual(fromAlice.rows.map((r) => r.name), [own]);
    // No update or delete policy: under RLS such statements match no rows (Storage's API reports "not found").
    const moved = await expectAllowed(A, `update storage.objects set name = $1 where name = $2`, [`${alice}/moved.svg`, own]);
    assert.equal(moved.rowCount, 0);
    const removed = await expectAllowed(A, `delete from storage.objects where name = $1`, [own]);
    assert.equal(removed.rowCount, 0);
  });

  it('lets the owner delete the figures of purged runs, and only those', async () => {
    const purgedFigure = `${alice}/nb-old/${randomUUID()}/boxplot.svg`;
    const liveFigure = `${alice}/nb-live/${randomUUID()}/boxplot.svg`;
    for (const name of [purgedFigure, liveFigure]) {
      await expectAllowed(A, `insert into storage.objects (bucket_id, name, owner) values ('figures', $1, $2)`, [name, alice]);
    }
    // A purged run's log entry with its figure (written by the owner, as the retention function does).
    await client.query(
      `insert into public.run_deletions (user_id, table_name, row_id, client_run_id, figure_paths, row_created_at, reason)
       values ($1, 'analysis_runs', $2, $3, $4, now(), 'retention: test')`,
      [alice, randomUUID(), randomUUID(), JSON.stringify([{ path: purgedFigure, sha256: 'f'.repeat(64) }])],
    );
    const byBob = await expectAllowed(B, `delete from storage.objects where name = $1`, [purgedFigure]);
    assert.equal(byBob.rowCount, 0); // not Bob's
    const live = await expectAllowed(A, `delete from storage.objects where name = $1`, [liveFigure]);
    assert.equal(live.rowCount, 0); // its run is not purged
    const purged = await expectAllowed(A, `delete from storage.objects where name = $1`, [purgedFigure]);
    assert.equal(purged.rowCount, 1);
  });

  it('removes a user’s rows when the account itself is deleted (cascade from auth.users)', async () => {
    const carol = randomUUID();
    await client.query(`insert into auth.users (id, email) values ($1, 'carol@example.test')`, [carol]);
    const c = insertRun(randomUUID());
    await expectAllowed({ role: 'authenticated', sub: carol }, c.sql, c.params);
    await client.query('delete from auth.users where id = $1', [carol]);
    const left = await client.query('select 1 from public.analysis_runs where user_id = $1', [carol]);
    assert.equal(left.rowCount, 0);
  });
});
