/**
 * Teams end to end against a real PostgREST 12 over a fresh PostgreSQL with the migrations, behind
 * the test gateway (scripts/supabase-test-stack.ts): projects and invitations through the teams
 * client, `inferra run` recording a notebook's runs in its project (figures under the project),
 * `inferra history --project` and `inferra verify --against-supabase` as another member, a viewer's
 * runs refused, records made offline reaching the project later, and the LLM quota (the local xAI
 * stand-in of the LLM tests) reserved before each call, settled after, refused over the allowance.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isInferraError } from '../../../kernel/errors.js';
import { clearMemoryCache, clearModelCache, decideWithLlm, type LlmSettings } from '../../../kernel/llm/index.js';
import { buildRecord } from '../../../kernel/provenance/build.js';
import { toProvJson } from '../../../kernel/provenance/prov-json.js';
import { createSupabaseSink } from '../../../kernel/provenance/sink.js';
import { createProvenanceClient, type ProvenanceClient, type RunEntry, type SessionStorage } from '../../../kernel/provenance/supabase.js';
import { createTeamsClient, type ProjectSummary, type TeamsClient } from '../../../kernel/provenance/teams.js';
import { checkPostgresReachable, startSupabaseTestStack, type SupabaseTestStack } from '../../../scripts/supabase-test-stack.js';
import { answerText, FakeGrok, responsesBody } from '../llm/grok-server.js';
import { runInferra, ROOT } from '../../support/cli.js';
import { buildSchemaFromCsv } from '../../unit/decide/schema-builder.js';
import { sampleInput, sampleResultJson } from '../../unit/provenance/fixtures.js';

type Who = 'owner' | 'editor' | 'viewer' | 'outsider';
const PEOPLE: readonly Who[] = ['owner', 'editor', 'viewer', 'outsider'];

function memoryStorage(): SessionStorage {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

const isCode = (code: string) => (e: unknown) => isInferraError(e) && e.code === code;

describe('Supabase teams: projects, shared history, verify against the team record, LLM quota (PostgREST 12)', function () {
  this.timeout(180_000);
  let stack: SupabaseTestStack | undefined;
  const ids = {} as Record<Who, string>;
  const clients = {} as Record<Who, ProvenanceClient>;
  const teams = {} as Record<Who, TeamsClient>;
  let project: ProjectSummary;
  let dir = '';
  let notebookPath = '';
  const grok = new FakeGrok();

  const envOf = (who: Who, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    INFERRA_SUPABASE_URL: stack!.url,
    INFERRA_SUPABASE_ANON_KEY: stack!.anonKey,
    INFERRA_SUPABASE_EMAIL: `${who}@example.test`,
    INFERRA_SUPABASE_PASSWORD: `${who}-password`,
    INFERRA_SUPABASE_SESSION_FILE: join(dir, `${who}-session.json`),
    INFERRA_PROVENANCE_QUEUE_DIR: join(dir, `${who}-queue`),
    XDG_STATE_HOME: join(dir, `${who}-state`),
    ...extra,
  });

  before(async function () {
    const reachable = await checkPostgresReachable();
    if (!reachable.ok) {
      console.log(`      SKIPPED: ${reachable.reason}`);
      this.skip();
    }
    stack = await startSupabaseTestStack();
    for (const who of PEOPLE) {
      ids[who] = await stack.createUser(`${who}@example.test`, `${who}-password`);
      clients[who] = createProvenanceClient({ url: stack.url, anonKey: stack.anonKey, storage: memoryStorage() });
      await clients[who].signInWithPassword(`${who}@example.test`, `${who}-password`);
      teams[who] = createTeamsClient(clients[who], stack.url);
    }
    dir = mkdtempSync(join(tmpdir(), 'inferra-teams-'));
    copyFileSync(join(ROOT, 'samples', 'penguins.csv'), join(dir, 'penguins.csv'));
    await grok.start();
  });

  after(async () => {
    for (const who of PEOPLE) await clients[who]?.close().catch(() => undefined);
    if (stack) await stack.stop();
    await grok.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the owner creates a project and invites by e-mail; the invitees accept; outsiders see nothing', async () => {
    project = await teams.owner.createProject('Sleep study');
    assert.equal(project.role, 'owner');
    await assert.rejects(teams.owner.createProject('sleep study'), (e: unknown) => isCode('supabase-refused')(e) && /already have a project named/.test((e as Error).message));
    await teams.owner.inviteToProject(project.id, 'Editor@Example.test', 'editor');
    await teams.owner.inviteToProject(project.id, 'viewer@example.test', 'viewer');
    for (const who of ['editor', 'viewer'] as const) {
      const [invitation] = await teams[who].myInvitations();
      assert.equal(invitation.projectName, 'Sleep study');
      assert.equal(invitation.role, who);
      assert.equal(await teams[who].acceptInvitation(invitation.id), project.id);
      assert.deepEqual((await teams[who].listProjects()).map((p) => [p.name, p.role]), [['Sleep study', who]]);
    }
    assert.deepEqual(await teams.outsider.listProjects(), []);
    assert.deepEqual(await teams.outsider.myInvitations(), []);
    await assert.rejects(teams.outsider.resolveProject('Sleep study'), isCode('supabase-project-not-found'));
    await assert.rejects(teams.outsider.inviteToProject(project.id, 'outsider@example.test', 'editor'), isCode('supabase-refused'));
    await assert.rejects(teams.viewer.inviteToProject(project.id, 'outsider@example.test', 'editor'), isCode('supabase-refused'));
    assert.equal((await teams.editor.resolveProject('SLEEP STUDY')).id, project.id);
  });

  it('inferra run records a notebook’s runs in its project; figures go under the project', async () => {
    notebookPath = join(dir, 'study.inferra');
    writeFileSync(notebookPath, JSON.stringify({
      format: 'inferra-notebook',
      version: 1,
      metadata: { title: 'Sleep', supabase_project: { id: project.id, name: project.name, url: stack!.url } },
      datasets: [{ name: 'penguins', path: 'penguins.csv' }],
      cells: [
        { id: 'flipper-by-sex', kind: 'ask', source: 'Is flipper length different between male and female penguins?' },
        { id: 'bill-length-depth', kind: 'ask', source: 'Correlate bill length with bill depth' },
      ],
    }));
    const run = await runInferra(['run', notebookPath], { env: envOf('editor') });
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /waiting in the local queue|refused/);
    const rows = (await stack!.query<{ cell_id: string; user_id: string; project_id: string; figure_paths: { path: string }[] }>(
      'select cell_id, user_id, project_id, figure_paths from public.analysis_runs where notebook_id like $1 order by cell_id',
      ['%study.inferra'],
    )).rows;
    assert.deepEqual(rows.map((r) => [r.cell_id, r.user_id, r.project_id]), [['bill-length-depth', ids.editor, project.id], ['flipper-by-sex', ids.editor, project.id]]);
    for (const row of rows) {
      assert.ok(row.figure_paths.length >= 1);
      for (const f of row.figure_paths) assert.ok(f.path.startsWith(`projects/${project.id}/${ids.editor}/`), f.path);
    }
  });

  it('members read the project’s runs with who recorded them, and its figures; outsiders cannot', async () => {
    const runs = await teams.viewer.listProjectRuns(project.id);
    assert.equal(runs.length, 2);
    assert.ok(runs.every((r) => r.recordedBy === 'editor <editor@example.test>'), runs.map((r) => r.recordedBy).join());
    const figure = runs[0].figures[0].path;
    assert.match(await teams.viewer.downloadFigure(figure), /^<svg/);
    assert.match(await teams.owner.downloadFigure(figure), /^<svg/);
    await assert.rejects(teams.outsider.downloadFigure(figure));
    assert.deepEqual(await teams.outsider.listProjectRuns(project.id), []);
  });

  it('inferra history --project lists the project’s runs by notebook and cell (text and JSON)', async () => {
    const text = await runInferra(['history', '--project', 'Sleep study'], { env: envOf('viewer') });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^project Sleep study \(you are a viewer\): 2 runs$/m);
    assert.match(text.stdout, /notebook .*study\.inferra\n {2}cell bill-length-depth\n {4}\S+ {2}ok\s+(pearson|spearman|kendall)\s+result [0-9a-f]{12} {2}by editor <editor@example\.test>/);
    const json = await runInferra(['history', '--project', 'sleep study', '--json'], { env: envOf('viewer') });
    const doc = JSON.parse(json.stdout) as { project: { id: string }; runs: { cell_id: string; recorded_by: string; analysis: string; result_digest: string }[] };
    assert.equal(doc.project.id, project.id);
    assert.deepEqual(doc.runs.map((r) => r.cell_id), ['bill-length-depth', 'flipper-by-sex']);
    const outsider = await runInferra(['history', '--project', 'Sleep study'], { env: envOf('outsider') });
    assert.equal(outsider.code, 2, outsider.stderr);
    assert.match(outsider.stderr, /You are not a member of a Supabase project named 'Sleep study' \(you are a member of no project yet\)/);
    const unconfigured = await runInferra(['history', '--project', 'Sleep study'], { env: { INFERRA_SUPABASE_URL: '', INFERRA_SUPABASE_ANON_KEY: '' } });
    assert.match(unconfigured.stderr, /inferra history --project needs a Supabase project, and none is configured/);
  });

  it('inferra verify --against-supabase says who recorded each cell, and flags a run the team never saw', async () => {
    const verified = await runInferra(['verify', notebookPath, '--against-supabase'], { env: envOf('viewer') });
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /team record \(project Sleep study\):\n {2}flipper-by-sex {5}recorded by editor <editor@example\.test> at \S+\n {2}bill-length-depth {2}recorded by editor <editor@example\.test> at \S+\n2 of 2 run cells recorded in the project/);
    // The same notebook run again without Supabase: new records the project never received.
    const offline = join(dir, 'offline.inferra');
    const rerun = await runInferra(['run', notebookPath, '--out', offline], { env: { INFERRA_SUPABASE_URL: '', INFERRA_SUPABASE_ANON_KEY: '', XDG_STATE_HOME: join(dir, 'x-state') } });
    assert.equal(rerun.code, 0, rerun.stderr);
    const unrecorded = await runInferra(['verify', offline, '--against-supabase', '--json'], { env: envOf('owner') });
    assert.equal(unrecorded.code, 1, unrecorded.stderr);
    const doc = JSON.parse(unrecorded.stdout) as { project: { name: string }; cells: { cellId: string; status: string; team_record: { recorded: boolean } }[] };
    assert.equal(doc.project.name, 'Sleep study');
    assert.deepEqual(doc.cells.map((c) => [c.status, c.team_record.recorded]), [['reproduced', false], ['reproduced', false]]);
  });

  it('a viewer’s runs are refused by the project and set aside, never recorded', async () => {
    const sink = createSupabaseSink({ client: clients.viewer, queueDir: join(dir, 'viewer-sink') });
    const result = sampleResultJson({ estimate: 1 });
    const record = buildRecord(sampleInput('viewer-cell', null, result));
    sink.submit({ notebookId: 'nb-viewer', record, result, prov: toProvJson(record), projectId: project.id, figures: [] });
    await sink.flush();
    assert.equal(sink.rejected(), 1);
    assert.equal(sink.lastError()?.code, 'supabase-rls-refused');
    await sink.close();
    assert.equal((await stack!.query('select 1 from public.analysis_runs where client_run_id = $1', [record.run_id])).rowCount, 0);
  });

  it('records made offline reach the right project when the connection is back', async () => {
    const queueDir = join(dir, 'offline-queue');
    const entry = (cell: string): RunEntry => {
      const result = sampleResultJson({ estimate: Math.random() });
      const record = buildRecord(sampleInput(cell, null, result));
      return { notebookId: 'nb-offline', record, result, prov: toProvJson(record), projectId: project.id, figures: [{ name: 'boxplot', svg: '<svg xmlns="http://www.w3.org/2000/svg"/>' }] };
    };
    await stack!.postgrest.stop();
    const first = createSupabaseSink({ client: clients.editor, queueDir, backoff: { baseMs: 50, maxMs: 200 } });
    const entries = [entry('o1'), entry('o2')];
    for (const e of entries) first.submit(e);
    await first.flush();
    assert.equal(first.pending(), 2);
    await first.close(); // the app quits offline
    const queued = JSON.parse(readFileSync(join(queueDir, (await import('node:fs')).readdirSync(queueDir).find((f) => f.endsWith('.json'))!), 'utf8')) as { entry: RunEntry };
    assert.equal(queued.entry.projectId, project.id);
    await stack!.postgrest.start();
    const second = createSupabaseSink({ client: clients.editor, queueDir });
    await second.flush();
    assert.equal(second.pending(), 0);
    await second.close();
    const rows = (await stack!.query<{ project_id: string }>('select project_id from public.analysis_runs where client_run_id = any($1::uuid[])', [entries.map((e) => e.record.run_id)])).rows;
    assert.deepEqual(rows.map((r) => r.project_id), [project.id, project.id]);
    const seen = await teams.viewer.listProjectRuns(project.id, { notebookId: 'nb-offline' });
    assert.equal(seen.length, 2);
  });

  it('the owner renames, archives and deletes a project; others cannot; an archived project takes no runs', async () => {
    const pilot = await teams.owner.createProject('Pilot');
    const invitation = await teams.owner.inviteToProject(pilot.id, 'editor@example.test', 'editor');
    await teams.editor.acceptInvitation(invitation);
    await assert.rejects(teams.editor.renameProject(pilot.id, 'Mine now'), (e: unknown) => isCode('supabase-refused')(e) && /no such project, or you are not its owner/.test((e as Error).message));
    await teams.owner.renameProject(pilot.id, 'Pilot 2');
    assert.equal((await teams.editor.resolveProject('pilot 2')).id, pilot.id);
    await teams.owner.archiveProject(pilot.id, true);
    assert.equal((await teams.editor.resolveProject('Pilot 2')).archived, true);
    const result = sampleResultJson({ estimate: 2 });
    const record = buildRecord(sampleInput('archived-cell', null, result));
    await assert.rejects(clients.editor.appendRun({ notebookId: 'nb-pilot', record, result, projectId: pilot.id }), isCode('supabase-rls-refused'));
    await teams.owner.archiveProject(pilot.id, false);
    await clients.editor.appendRun({ notebookId: 'nb-pilot', record, result, projectId: pilot.id });
    await assert.rejects(teams.editor.deleteProject(pilot.id), isCode('supabase-refused'));
    assert.equal(await teams.owner.deleteProject(pilot.id), 1);
    assert.deepEqual((await teams.editor.listProjects()).map((p) => p.name), ['Sleep study']);
    const log = (await stack!.query<{ name: string; runs: number }>('select name, runs from public.project_deletions where project_id = $1', [pilot.id])).rows;
    assert.deepEqual(log, [{ name: 'Pilot 2', runs: 1 }]);
  });

  describe('LLM quota (the local xAI stand-in)', () => {
    const schema = () => buildSchemaFromCsv(join(ROOT, 'samples', 'penguins.csv'));
    const settings = (quota: LlmSettings['quota']): LlmSettings => ({ apiKey: 'xai-test', baseUrl: grok.baseUrl, model: 'grok-4.3', timeoutMs: 2000, deadlineMs: 8000, retryBaseMs: 5, quota });

    beforeEach(() => {
      grok.reset();
      clearMemoryCache();
      clearModelCache();
      grok.fallback = { kind: 'json', body: responsesBody(answerText('pearson', { x: 'bill_length_mm', y: 'bill_depth_mm' })) };
    });

    it('reserves before the call and settles with the tokens used and the cost, charged to the project’s owner', async () => {
      await stack!.query(`insert into public.tiers (id, daily_llm_tokens, description) values ('lab', 20000, 'test tier') on conflict (id) do nothing`);
      await stack!.query(`update public.profiles set tier = 'lab' where id = $1`, [ids.owner]);
      const decision = await decideWithLlm('zorblax the bills', schema(), settings(teams.editor.llmQuota(project.id)));
      assert.equal(decision.analysis, 'pearson');
      const rows = (await stack!.query<{ user_id: string; account_id: string; tokens: string; used_tokens: string; cost_usd: string; request_id: string }>(
        'select user_id, account_id, tokens, used_tokens, cost_usd, request_id from public.llm_reservations where project_id = $1', [project.id],
      )).rows;
      assert.equal(rows.length, 1);
      assert.deepEqual({ ...rows[0], tokens: undefined }, { user_id: ids.editor, account_id: ids.owner, tokens: undefined, used_tokens: '550', cost_usd: '0.000123', request_id: 'resp_test_123' });
      assert.ok(Number(rows[0].tokens) > 800, 'the estimate includes the most output tokens');
      const used = (await stack!.query<{ reserved: string }>('select reserved from public.llm_daily_usage where account_id = $1', [ids.owner])).rows[0];
      assert.equal(used.reserved, '550');
    });

    it('refuses over the allowance with a clear message, and sends nothing', async () => {
      await stack!.query('update public.llm_daily_usage set reserved = 19900 where account_id = $1', [ids.owner]);
      await assert.rejects(decideWithLlm('quuxify the bills', schema(), settings(teams.editor.llmQuota(project.id))), (error: unknown) => {
        assert.ok(isCode('llm-quota-exhausted')(error), String(error));
        assert.match((error as Error).message, /^The daily LLM allowance of the project's owner \(shared by the team\) is spent for today: 19900 of 20000 tokens used \(UTC day\), and this request needs up to about \d+\. Nothing was sent\./);
        return true;
      });
      assert.deepEqual(grok.responseCalls, []);
      // A viewer may not spend the team's allowance at all.
      await assert.rejects(decideWithLlm('quuxify the bills', schema(), settings(teams.viewer.llmQuota(project.id))), isCode('supabase-refused'));
    });

    it('inferra run --allow-llm: a cell over the quota fails saying so; the xAI stand-in receives no request', async () => {
      const path = join(dir, 'llm.inferra');
      writeFileSync(path, JSON.stringify({
        format: 'inferra-notebook', version: 1,
        metadata: { supabase_project: { id: project.id, name: project.name, url: stack!.url } },
        datasets: [{ name: 'penguins', path: 'penguins.csv' }],
        cells: [{ id: 'odd', kind: 'ask', source: 'zorblax quuxify the wibbles' }],
      }));
      const run = await runInferra(['run', path, '--allow-llm'], { env: envOf('editor', { XAI_API_KEY: 'xai-test', INFERRA_LLM_BASE_URL: grok.baseUrl }) });
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /\[FAILED\] odd: The daily LLM allowance of the project's owner \(shared by the team\) is spent for today: 19900 of 20000 tokens/);
      assert.deepEqual(grok.responseCalls, []);
    });
  });
});
