/**
 * Teams (supabase/migrations/20261207000100_teams.sql, 20261207000200_llm_quotas.sql) in a fresh
 * PostgreSQL database, acting exactly as PostgREST does for a request (one transaction per attempt,
 * `set_config('role', ...)` + `request.jwt.claims`).
 *
 * The RLS matrix: four users, the project's owner, an editor, a viewer and an outsider, try every
 * action on every table, function and the figures bucket; each action lists who may do it. An attempt
 * "succeeds" when it raises nothing and, for reads, updates and deletes, touches at least one row
 * (RLS hides rows rather than raising). Every allowed attempt must succeed and every other must not;
 * the closing note gives the counts. Then: archive, removal, deletion, invitations, profiles, and 50
 * concurrent reservations on 50 connections against a small allowance.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { checkPostgresReachable, createTestDatabase, type TestDatabase } from '../../../scripts/supabase-test-stack.js';

type Who = 'owner' | 'editor' | 'viewer' | 'outsider';
const EVERYONE: readonly Who[] = ['owner', 'editor', 'viewer', 'outsider'];

interface Attempt {
  ok: boolean;
  rows: Record<string, unknown>[];
  rowCount: number;
  code?: string;
  message?: string;
}

/** What a matrix action sends for one user (a function of the user, so each may use fresh ids). */
type Statement = (who: Who) => { sql: string; params?: unknown[] };

const counts = { attempts: 0, allowedOk: 0, refusedOk: 0, unexpected: 0 };

describe('Supabase teams: RLS matrix (owner, editor, viewer, outsider) and LLM quotas (SQL)', function () {
  this.timeout(120_000);
  let db: TestDatabase | undefined;
  let client: pg.Client;
  const ids: Record<Who, string> = { owner: randomUUID(), editor: randomUUID(), viewer: randomUUID(), outsider: randomUUID() };
  const email = (who: Who) => `${who}@example.test`;
  let project = '';
  let pendingInvitation = '';
  let editorReservation = '';

  const claimsOf = (sub: string | null) => (sub ? { sub, role: 'authenticated', email: '' } : { role: 'anon' });

  /** One request as a user (or anon), in its own transaction. */
  async function as(sub: string | null, sql: string, params: unknown[] = [], on: pg.Client = client): Promise<Attempt> {
    counts.attempts++;
    await on.query('begin');
    try {
      await on.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [sub ? 'authenticated' : 'anon', JSON.stringify(claimsOf(sub))]);
      const result = await on.query(sql, params);
      await on.query('commit');
      return { ok: true, rows: result.rows, rowCount: result.rowCount ?? 0 };
    } catch (error) {
      await on.query('rollback');
      return { ok: false, rows: [], rowCount: 0, code: (error as { code?: string }).code, message: (error as Error).message };
    }
  }

  const succeeded = (a: Attempt, touchesRows: boolean) => a.ok && (!touchesRows || a.rowCount > 0);

  /** One line of the matrix: every user tries; `allowed` must succeed, the others must not. */
  async function matrix(action: string, allowed: readonly Who[], statement: Statement, touchesRows = true, actors: readonly Who[] = EVERYONE): Promise<void> {
    for (const who of actors) {
      const { sql, params = [] } = statement(who);
      const result = await as(ids[who], sql, params);
      const ok = succeeded(result, touchesRows);
      const expected = allowed.includes(who);
      if (ok !== expected) counts.unexpected++;
      else if (expected) counts.allowedOk++;
      else counts.refusedOk++;
      assert.equal(ok, expected, `${action} by the ${who}: expected ${expected ? 'allowed' : 'refused'}, got ${result.ok ? `${result.rowCount} row(s)` : `${result.code} ${result.message}`}`);
    }
  }

  /** A single attempt that must succeed (counted). */
  async function allowed(sub: string | null, sql: string, params: unknown[] = [], touchesRows = true): Promise<Attempt> {
    const result = await as(sub, sql, params);
    const ok = succeeded(result, touchesRows);
    if (ok) counts.allowedOk++;
    else counts.unexpected++;
    assert.ok(ok, `expected allowed, got ${result.ok ? `${result.rowCount} row(s)` : `${result.code} ${result.message}`}: ${sql}`);
    return result;
  }

  /** A single attempt that must not succeed (counted); `code` when the error itself matters. */
  async function refused(sub: string | null, sql: string, params: unknown[] = [], touchesRows = true, code?: string): Promise<Attempt> {
    const result = await as(sub, sql, params);
    const ok = succeeded(result, touchesRows);
    if (!ok && (!code || result.code === code)) counts.refusedOk++;
    else counts.unexpected++;
    assert.ok(!ok, `expected refused: ${sql}`);
    if (code) assert.equal(result.code, code, `${sql}: ${result.message}`);
    return result;
  }

  const runInsert = (projectId: string | null, userId?: string) => ({
    sql: `insert into public.analysis_runs (${userId ? 'user_id, ' : ''}project_id, notebook_id, cell_id, client_run_id, status, decision, analysis, parameters, environment, result_digest, record, record_hash, started_at, ended_at)
          values (${userId ? '$5, ' : ''}$1, 'nb-team', $2, $3, 'ok', '{"source":"rules"}', 'ttest_welch', '{}', '{"inferra":"0.1.0"}', $4, '{}', $4, now(), now())`,
    params: [projectId, `c-${randomUUID().slice(0, 8)}`, randomUUID(), 'a'.repeat(64), ...(userId ? [userId] : [])],
  });
  const llmInsert = (projectId: string | null) => ({
    sql: `insert into public.llm_calls (project_id, client_run_id, model, prompt_hash, usage) values ($1, $2, 'grok-test', 'h', '{"totalTokens": 10}')`,
    params: [projectId, randomUUID()],
  });
  const figure = (projectId: string, uploader: string) => `projects/${projectId}/${uploader}/nb-team/${randomUUID()}/01-boxplot.svg`;

  before(async function () {
    const reachable = await checkPostgresReachable();
    if (!reachable.ok) {
      console.log(`      SKIPPED: ${reachable.reason}`);
      this.skip();
    }
    db = await createTestDatabase('inferra_teams');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    for (const who of EVERYONE) {
      await client.query(`insert into auth.users (id, email, raw_user_meta_data) values ($1, $2, $3)`, [ids[who], email(who), { full_name: `The ${who}` }]);
    }
  });

  after(async () => {
    if (!db) return;
    await client.end();
    await db.drop();
    console.log(
      `      RLS matrix (teams): ${counts.attempts} attempts, ${counts.allowedOk} allowed ok, ${counts.refusedOk} refused ok, ${counts.unexpected} unexpected`,
    );
  });

  it('creates a profile for each new account and keeps its e-mail in sync', async () => {
    const rows = await client.query('select id, email, display_name, tier from public.profiles order by email');
    assert.equal(rows.rowCount, 4);
    const owner = rows.rows.find((r) => r.id === ids.owner);
    assert.deepEqual({ email: owner.email, display_name: owner.display_name, tier: owner.tier }, { email: 'owner@example.test', display_name: 'The owner', tier: 'free' });
    const changed = randomUUID();
    await client.query(`insert into auth.users (id, email) values ($1, 'Dana@Example.test')`, [changed]);
    await client.query(`update auth.users set email = 'dana.new@example.test' where id = $1`, [changed]);
    const dana = await client.query('select email, display_name from public.profiles where id = $1', [changed]);
    assert.deepEqual(dana.rows[0], { email: 'dana.new@example.test', display_name: 'Dana' });
    await client.query('delete from auth.users where id = $1', [changed]);
    assert.equal((await client.query('select 1 from public.profiles where id = $1', [changed])).rowCount, 0);
  });

  it('sets up a project: the owner creates it and invites; the invitees accept', async () => {
    const created = await allowed(ids.owner, `select * from public.create_project('Sleep study')`);
    project = created.rows[0].id as string;
    assert.equal(created.rows[0].owner_id, ids.owner);
    await refused(ids.owner, `select public.create_project('sleep study')`, [], false, '23505'); // same name, any case
    const toEditor = await allowed(ids.owner, `select public.invite_to_project($1, 'Editor@Example.test', 'editor') as id`, [project]);
    const toViewer = await allowed(ids.owner, `select public.invite_to_project($1, $2, 'viewer') as id`, [project, email('viewer')]);
    pendingInvitation = (await allowed(ids.owner, `select public.invite_to_project($1, 'someone.else@example.test', 'viewer') as id`, [project])).rows[0].id as string;
    // The invitee sees the invitation (with the project's name) before joining; nobody else does.
    const waiting = await allowed(ids.editor, 'select * from public.my_invitations()');
    assert.equal(waiting.rows[0].project_name, 'Sleep study');
    await refused(ids.outsider, 'select * from public.my_invitations()');
    // Only the invited account accepts.
    await refused(ids.outsider, 'select public.accept_invitation($1)', [toEditor.rows[0].id], false, '42501');
    await allowed(ids.editor, 'select public.accept_invitation($1)', [toEditor.rows[0].id], false);
    await allowed(ids.viewer, 'select public.accept_invitation($1)', [toViewer.rows[0].id], false);
    await refused(ids.viewer, 'select public.accept_invitation($1)', [toViewer.rows[0].id], false, '42501'); // once only
    const members = await client.query('select user_id, role from public.project_members where project_id = $1 order by role', [project]);
    assert.deepEqual(members.rows.map((r) => [r.user_id, r.role]), [[ids.editor, 'editor'], [ids.owner, 'owner'], [ids.viewer, 'viewer']]);
    // Rows each member reads in the matrix: runs, LLM calls, figures, a reservation.
    await allowed(ids.owner, runInsert(project).sql, runInsert(project).params, false);
    await allowed(ids.editor, llmInsert(project).sql, llmInsert(project).params, false);
    await allowed(ids.editor, `insert into storage.objects (bucket_id, name, owner) values ('figures', $1, $2)`, [figure(project, ids.editor), ids.editor], false);
    editorReservation = (await allowed(ids.editor, 'select public.reserve_llm_tokens(100, $1) as id', [project])).rows[0].id as string;
  });

  it('reads: members read the project, its members, runs, LLM calls, figures and co-members; outsiders see nothing', async () => {
    await matrix('read the project', ['owner', 'editor', 'viewer'], () => ({ sql: 'select * from public.projects where id = $1', params: [project] }));
    await matrix('list projects at all', ['owner', 'editor', 'viewer'], () => ({ sql: 'select * from public.projects' }));
    await matrix('read the members', ['owner', 'editor', 'viewer'], () => ({ sql: 'select * from public.project_members where project_id = $1', params: [project] }));
    await matrix('read the runs', ['owner', 'editor', 'viewer'], () => ({ sql: 'select * from public.analysis_runs where project_id = $1', params: [project] }));
    await matrix('read the LLM calls', ['owner', 'editor', 'viewer'], () => ({ sql: 'select * from public.llm_calls where project_id = $1', params: [project] }));
    await matrix('read the figures', ['owner', 'editor', 'viewer'], () => ({
      sql: `select name from storage.objects where bucket_id = 'figures' and name like $1`,
      params: [`projects/${project}/%`],
    }));
    await matrix('read the owner’s profile', ['owner', 'editor', 'viewer'], () => ({ sql: 'select * from public.profiles where id = $1', params: [ids.owner] }));
    await matrix('read the project’s reservations', ['owner', 'editor', 'viewer'], () => ({ sql: 'select * from public.llm_reservations where project_id = $1', params: [project] }));
    await matrix('read the pending invitations', ['owner'], () => ({ sql: 'select * from public.project_invitations where project_id = $1 and accepted_at is null', params: [project] }));
    await matrix('read the paying account’s daily use', ['owner'], () => ({ sql: 'select * from public.llm_daily_usage where account_id = $1', params: [ids.owner] }));
    await matrix('read the tiers', EVERYONE, () => ({ sql: 'select * from public.tiers' }));
    await matrix('read one’s own profile', EVERYONE, (who) => ({ sql: 'select * from public.profiles where id = $1', params: [ids[who]] }));
    await matrix('see the quota of the project', ['owner', 'editor'], () => ({ sql: 'select * from public.my_llm_quota($1)', params: [project] }));
  });

  it('appends: editors and owners add runs, LLM calls and figures; viewers and outsiders cannot', async () => {
    await matrix('append a run to the project', ['owner', 'editor'], () => runInsert(project), false);
    await matrix('append an LLM call to the project', ['owner', 'editor'], () => llmInsert(project), false);
    await matrix('upload a figure to the project', ['owner', 'editor'], (who) => ({
      sql: `insert into storage.objects (bucket_id, name, owner) values ('figures', $1, $2)`,
      params: [figure(project, ids[who]), ids[who]],
    }), false);
    await matrix('upload a figure in another member’s folder', [], (who) => ({
      sql: `insert into storage.objects (bucket_id, name, owner) values ('figures', $1, $2)`,
      params: [figure(project, who === 'owner' ? ids.editor : ids.owner), ids[who]],
    }), false);
    await matrix('append a run under another user’s id', [], (who) => runInsert(project, who === 'owner' ? ids.editor : ids.owner), false);
    await matrix('append a personal run', EVERYONE, () => runInsert(null), false);
    await matrix('reserve LLM tokens for the project', ['owner', 'editor'], () => ({ sql: 'select public.reserve_llm_tokens(10, $1)', params: [project] }), false);
    await matrix('reserve LLM tokens for oneself', EVERYONE, () => ({ sql: 'select public.reserve_llm_tokens(10)' }), false);
  });

  it('append-only: nobody updates or deletes a run, an LLM call or a figure', async () => {
    await matrix('update a run', [], () => ({ sql: `update public.analysis_runs set analysis = 'ols' where project_id = $1`, params: [project] }));
    await matrix('move a run to no project', [], () => ({ sql: 'update public.analysis_runs set project_id = null where project_id = $1', params: [project] }));
    await matrix('delete a run', [], () => ({ sql: 'delete from public.analysis_runs where project_id = $1', params: [project] }));
    await matrix('delete an LLM call', [], () => ({ sql: 'delete from public.llm_calls where project_id = $1', params: [project] }));
    await matrix('rename a figure', [], () => ({ sql: `update storage.objects set name = name || '.x' where name like $1`, params: [`projects/${project}/%`] }));
    await matrix('delete a figure', [], () => ({ sql: 'delete from storage.objects where name like $1', params: [`projects/${project}/%`] }));
    await matrix('write a reservation directly', [], (who) => ({
      sql: `insert into public.llm_reservations (user_id, account_id, day, tokens) values ($1, $1, current_date, 1)`,
      params: [ids[who]],
    }), false);
    await matrix('reset the daily use', [], () => ({ sql: 'update public.llm_daily_usage set reserved = 0' }));
    await matrix('settle another user’s reservation', ['editor'], () => ({ sql: 'select public.settle_llm_tokens($1, 40)', params: [editorReservation] }), false);
    await matrix('settle a reservation twice', [], () => ({ sql: 'select public.settle_llm_tokens($1, 40)', params: [editorReservation] }), false);
  });

  it('management: only the owner renames, archives, manages members and invites; nobody forges ownership', async () => {
    await matrix('rename the project', ['owner'], () => ({ sql: `update public.projects set name = 'Sleep study' where id = $1`, params: [project] }));
    await matrix('(un)archive the project', ['owner'], () => ({ sql: 'update public.projects set archived_at = null where id = $1', params: [project] }));
    await matrix('hand the project to someone else', [], (who) => ({ sql: 'update public.projects set owner_id = $2 where id = $1', params: [project, ids[who]] }));
    await matrix('delete the project row directly', [], () => ({ sql: 'delete from public.projects where id = $1', params: [project] }));
    await matrix('insert a project row directly', [], (who) => ({ sql: `insert into public.projects (owner_id, name) values ($1, 'direct')`, params: [ids[who]] }), false);
    await matrix('add oneself as a member', [], (who) => ({
      sql: `insert into public.project_members (project_id, user_id, role) values ($1, $2, 'editor')`,
      params: [project, ids[who]],
    }), false);
    await matrix('change the viewer’s role', ['owner'], () => ({ sql: `update public.project_members set role = 'viewer' where project_id = $1 and user_id = $2`, params: [project, ids.viewer] }));
    await matrix('make someone owner', [], () => ({ sql: `update public.project_members set role = 'owner' where project_id = $1 and user_id = $2`, params: [project, ids.editor] }));
    await matrix('remove the owner', [], () => ({ sql: 'delete from public.project_members where project_id = $1 and user_id = $2', params: [project, ids.owner] }));
    await matrix('invite by e-mail', ['owner'], (who) => ({ sql: `select public.invite_to_project($1, $2, 'viewer')`, params: [project, `new-by-${who}@example.test`] }), false);
    await matrix('invite as owner', [], () => ({ sql: `select public.invite_to_project($1, 'boss@example.test', 'owner')`, params: [project] }), false);
    await matrix('invite to a project that does not exist', [], () => ({ sql: `select public.invite_to_project($1, 'x@example.test', 'viewer')`, params: [randomUUID()] }), false);
    await matrix('accept an invitation sent to another address', [], () => ({ sql: 'select public.accept_invitation($1)', params: [pendingInvitation] }), false);
    // each tries to withdraw an invitation: the owner's own one (allowed), the others the pending one
    await matrix('withdraw a pending invitation', ['owner'], (who) => (who === 'owner'
      ? { sql: `delete from public.project_invitations where project_id = $1 and email = 'new-by-owner@example.test'`, params: [project] }
      : { sql: 'delete from public.project_invitations where id = $1', params: [pendingInvitation] }));
    // (the owner deleting a project is tested below, on a project made for it)
    await matrix('delete the project', [], () => ({ sql: 'select public.delete_project($1)', params: [project] }), false, ['editor', 'viewer', 'outsider']);
    await matrix('rename one’s own profile', EVERYONE, (who) => ({ sql: `update public.profiles set display_name = $2 where id = $1`, params: [ids[who], `Dr ${who}`] }));
    await matrix('raise one’s own tier', [], (who) => ({ sql: `update public.profiles set tier = 'team' where id = $1`, params: [ids[who]] }));
    await matrix('rename another user’s profile', [], (who) => ({ sql: `update public.profiles set display_name = 'x' where id = $1`, params: [who === 'owner' ? ids.editor : ids.owner] }));
    // The refusals say the same whether or not the project exists.
    const real = await refused(ids.outsider, `select public.invite_to_project($1, 'x@example.test', 'viewer')`, [project], false, '42501');
    const imaginary = await refused(ids.outsider, `select public.invite_to_project($1, 'x@example.test', 'viewer')`, [randomUUID()], false, '42501');
    assert.equal(real.message, imaginary.message);
    // The owner withdraws the pending invitation.
    await allowed(ids.owner, 'delete from public.project_invitations where id = $1', [pendingInvitation]);
  });

  it('anon has no access to any of it', async () => {
    for (const table of ['tiers', 'profiles', 'projects', 'project_members', 'project_invitations', 'project_deletions', 'llm_daily_usage', 'llm_reservations']) {
      await refused(null, `select * from public.${table}`, [], true, '42501');
    }
    for (const call of ['public.create_project($1)', 'public.reserve_llm_tokens(1)', 'public.my_invitations()', 'public.accept_invitation($1::uuid)']) {
      const param = call.includes('$1::uuid') ? [randomUUID()] : call.includes('$1') ? ['x'] : [];
      await refused(null, `select ${call}`, param, false, '42501');
    }
  });

  it('archive, removal, leaving: an archived project takes no runs; a removed member sees nothing more', async () => {
    await allowed(ids.owner, 'update public.projects set archived_at = now() where id = $1', [project]);
    await refused(ids.editor, runInsert(project).sql, runInsert(project).params, false, '42501');
    await refused(ids.owner, `select public.reserve_llm_tokens(10, $1)`, [project], false, '42501');
    await allowed(ids.viewer, 'select * from public.analysis_runs where project_id = $1', [project]); // still readable
    await allowed(ids.owner, 'update public.projects set archived_at = null where id = $1', [project]);
    await allowed(ids.owner, 'delete from public.project_members where project_id = $1 and user_id = $2', [project, ids.viewer]);
    await refused(ids.viewer, 'select * from public.analysis_runs where project_id = $1', [project]);
    await refused(ids.viewer, 'select * from public.projects where id = $1', [project]);
    await refused(ids.viewer, 'select * from public.profiles where id = $1', [ids.owner]);
    // The editor leaves on their own; their own runs stay theirs to read.
    await allowed(ids.editor, 'delete from public.project_members where project_id = $1 and user_id = $2', [project, ids.editor]);
    await refused(ids.editor, 'select * from public.projects where id = $1', [project]);
    const own = await allowed(ids.editor, 'select * from public.analysis_runs where project_id = $1 and user_id = $2', [project, ids.editor]);
    assert.ok(own.rowCount >= 1);
  });

  it('deleting a project: owner only, logged; members lose access, authors keep their own runs, the name is free again', async () => {
    const second = (await allowed(ids.owner, `select id from public.create_project('Pilot')`)).rows[0].id as string;
    const invitation = (await allowed(ids.owner, `select public.invite_to_project($1, $2, 'editor') as id`, [second, email('editor')])).rows[0].id;
    await allowed(ids.editor, 'select public.accept_invitation($1)', [invitation], false);
    await allowed(ids.editor, runInsert(second).sql, runInsert(second).params, false);
    await refused(ids.editor, 'select public.delete_project($1)', [second], false, '42501');
    const deleted = await allowed(ids.owner, 'select public.delete_project($1) as runs', [second]);
    assert.equal(deleted.rows[0].runs, 1);
    await refused(ids.owner, 'select * from public.projects where id = $1', [second]);
    await refused(ids.editor, 'select * from public.analysis_runs where project_id = $1 and user_id <> $2', [second, ids.editor]);
    await allowed(ids.editor, 'select * from public.analysis_runs where project_id = $1 and user_id = $2', [second, ids.editor]);
    await refused(ids.editor, runInsert(second).sql, runInsert(second).params, false, '42501');
    const log = await allowed(ids.owner, 'select name, members, runs from public.project_deletions where project_id = $1', [second]);
    assert.deepEqual(log.rows[0], { name: 'Pilot', members: 2, runs: 1 });
    await refused(ids.editor, 'select * from public.project_deletions');
    await refused(ids.owner, 'delete from public.project_deletions', [], true, '42501');
    await allowed(ids.owner, `select public.create_project('Pilot')`, [], false);
  });

  it('quotas: a project call is charged to the owner’s tier; over the allowance the reservation is refused (PT429)', async () => {
    await client.query(`insert into public.tiers (id, daily_llm_tokens, description) values ('tiny', 1000, 'test tier')`);
    await client.query(`update public.profiles set tier = 'tiny' where id = $1`, [ids.outsider]);
    // (the matrix above reserved a few tokens for everyone: start this account's day afresh)
    await client.query('delete from public.llm_daily_usage where account_id = $1', [ids.outsider]);
    const first = await allowed(ids.outsider, 'select public.reserve_llm_tokens(600) as id');
    const over = await refused(ids.outsider, 'select public.reserve_llm_tokens(600)', [], false, 'PT429');
    assert.match(over.message ?? '', /daily LLM allowance is spent: 600 of 1000 tokens/);
    // Settling with what was used frees the rest; releasing (0) frees all.
    await allowed(ids.outsider, 'select public.settle_llm_tokens($1, 150)', [first.rows[0].id], false);
    const quota = await allowed(ids.outsider, 'select allowance, used, remaining, tier from public.my_llm_quota()');
    assert.deepEqual(quota.rows[0], { allowance: '1000', used: '150', remaining: '850', tier: 'tiny' });
    await allowed(ids.outsider, 'select public.reserve_llm_tokens(600)', [], false);
  });

  it('50 concurrent reservations on 50 connections never overspend the allowance', async () => {
    const allowance = 1000;
    const each = 30;
    await client.query(`insert into public.tiers (id, daily_llm_tokens, description) values ('race', $1, 'concurrency test tier')`, [allowance]);
    await client.query(`update public.profiles set tier = 'race' where id = $1`, [ids.owner]);
    // The editor (back in the project) and the owner reserve for the project at once: both charge the owner.
    const invitation = (await allowed(ids.owner, `select public.invite_to_project($1, $2, 'editor') as id`, [project, email('editor')])).rows[0].id;
    await allowed(ids.editor, 'select public.accept_invitation($1)', [invitation], false);
    // (the matrix above reserved a few tokens for the project: start the owner's day afresh)
    await client.query('delete from public.llm_daily_usage where account_id = $1', [ids.owner]);
    const connections = await Promise.all(Array.from({ length: 50 }, async () => {
      const c = new pg.Client({ connectionString: db!.url });
      await c.connect();
      return c;
    }));
    try {
      // Every connection opens its transaction and takes on its user first; then all reserve together.
      await Promise.all(connections.map(async (c, i) => {
        await c.query('begin');
        await c.query(`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claimsOf(i % 2 ? ids.editor : ids.owner))]);
      }));
      const outcomes = await Promise.all(connections.map(async (c) => {
        try {
          await c.query('select public.reserve_llm_tokens($1, $2)', [each, project]);
          await c.query('commit');
          return 'granted';
        } catch (error) {
          await c.query('rollback');
          return (error as { code?: string }).code ?? 'error';
        }
      }));
      const granted = outcomes.filter((o) => o === 'granted').length;
      const refusedCount = outcomes.filter((o) => o === 'PT429').length;
      const counted = await client.query('select reserved::int as n from public.llm_daily_usage where account_id = $1 and day = (now() at time zone \'utc\')::date', [ids.owner]);
      const reservations = await client.query(
        `select coalesce(sum(tokens), 0)::int as n from public.llm_reservations where account_id = $1 and tokens = $2 and settled_at is null and project_id = $3`,
        [ids.owner, each, project],
      );
      console.log(`      concurrency: 50 reservations of ${each} tokens against ${allowance}: ${granted} granted (${granted * each} tokens), ${refusedCount} refused; counter ${counted.rows[0].n}`);
      assert.equal(granted + refusedCount, 50);
      assert.equal(granted, Math.floor(allowance / each)); // as many as fit, and not one more
      assert.ok(counted.rows[0].n <= allowance);
      assert.equal(counted.rows[0].n, granted * each);
      assert.equal(reservations.rows[0].n, granted * each);
    } finally {
      await Promise.all(connections.map((c) => c.end().catch(() => undefined)));
    }
  });
});
