/**
 * The provenance client and sink against a real PostgREST 12 over a fresh PostgreSQL database with
 * Inferra's migrations, behind the test gateway of scripts/supabase-test-stack.ts (auth endpoints
 * with HS256 JWTs, Storage uploads recorded in the shim's storage.objects under the user's RLS and
 * stored on disk). Skips, with the reason printed, only when PostgreSQL is unreachable.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInferraError } from '../../../kernel/errors.js';
import { buildRecord } from '../../../kernel/provenance/build.js';
import { toProvJson } from '../../../kernel/provenance/prov-json.js';
import type { QueueEvent } from '../../../kernel/provenance/queue.js';
import { createFileSessionStorage } from '../../../kernel/provenance/session-file.js';
import { createSupabaseSink } from '../../../kernel/provenance/sink.js';
import { createCliSupabaseSink } from '../../../kernel/provenance/cli-sink.js';
import {
  buildRestError,
  classifySupabaseError,
  createProvenanceClient,
  sessionStorageKey,
  type ProvenanceClient,
  type RunEntry,
  type SessionStorage,
} from '../../../kernel/provenance/supabase.js';
import { checkPostgresReachable, findFreePort, startSupabaseTestStack, type SupabaseTestStack } from '../../../scripts/supabase-test-stack.js';
import { sampleInput, sampleResultJson } from '../../unit/provenance/fixtures.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

/** A session storage in memory (the extension passes SecretStorage, which behaves the same). */
function memoryStorage(): SessionStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

function entryFor(notebookId: string, cellId = 'c1', withFigure = true): RunEntry {
  const result = sampleResultJson({ estimate: Math.random() });
  const record = buildRecord(sampleInput(cellId, null, result));
  return { notebookId, record, result, prov: toProvJson(record), figures: withFigure ? [{ name: 'boxplot-1', svg: SVG }] : [] };
}

/** Runs a program to its end without blocking this process' event loop. */
function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const isCode = (code: string) => (e: unknown) => isInferraError(e) && e.code === code;

describe('Supabase provenance client (PostgREST 12 + test gateway)', function () {
  this.timeout(120_000);
  let stack: SupabaseTestStack | undefined;
  let alice: ProvenanceClient;
  let bob: ProvenanceClient;
  let aliceId = '';
  let bobId = '';
  const clients: ProvenanceClient[] = [];
  const dirs: string[] = [];

  const newClient = (storage: SessionStorage = memoryStorage(), url = stack!.url, anonKey = stack!.anonKey) => {
    const client = createProvenanceClient({ url, anonKey, storage });
    clients.push(client);
    return client;
  };
  const countRuns = async (clientRunIds: string[]) =>
    (await stack!.query<{ n: number }>('select count(*)::int as n from public.analysis_runs where client_run_id = any($1::uuid[])', [clientRunIds])).rows[0].n;

  before(async function () {
    const reachable = await checkPostgresReachable();
    if (!reachable.ok) {
      console.log(`      SKIPPED: ${reachable.reason}`);
      this.skip();
    }
    stack = await startSupabaseTestStack();
    aliceId = await stack.createUser('alice@example.test', 'alice-password');
    bobId = await stack.createUser('bob@example.test', 'bob-password');
    alice = newClient();
    bob = newClient();
  });

  after(async () => {
    for (const client of clients) await client.close().catch(() => undefined);
    if (stack) await stack.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('signs in with a password and keeps the session in the storage adapter', async () => {
    const storage = memoryStorage();
    const client = newClient(storage);
    assert.equal(await client.currentUser(), null);
    const user = await client.signInWithPassword('alice@example.test', 'alice-password');
    assert.equal(user.id, aliceId);
    assert.ok(storage.items.has(sessionStorageKey(stack!.url)));
    await alice.signInWithPassword('alice@example.test', 'alice-password');
    await bob.signInWithPassword('bob@example.test', 'bob-password');
    await assert.rejects(newClient().signInWithPassword('alice@example.test', 'wrong'), isCode('supabase-sign-in-failed'));
  });

  it('keeps the CLI session in a 0600 file that a new process picks up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inferra-session-'));
    dirs.push(dir);
    const file = join(dir, 'inferra', 'supabase-session.json');
    await newClient(createFileSessionStorage(file)).signInWithPassword('bob@example.test', 'bob-password');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const later = newClient(createFileSessionStorage(file));
    assert.equal((await later.currentUser())?.id, bobId);
    await later.signOut();
    assert.equal(await newClient(createFileSessionStorage(file)).currentUser(), null);
  });

  it('signs in with an e-mail code (magic link / OTP)', async () => {
    const client = newClient();
    await client.signInWithOtp('carol@example.test');
    const code = stack!.lastOtp('carol@example.test');
    assert.match(code ?? '', /^\d{6}$/);
    await assert.rejects(client.verifyOtp('carol@example.test', '000000' === code ? '111111' : '000000'), isCode('supabase-sign-in-failed'));
    const user = await client.verifyOtp('carol@example.test', code!);
    assert.equal((await client.currentUser())?.id, user.id);
  });

  it('appends a run with its figure; a retry inserts nothing new', async () => {
    const entry = entryFor('nb-append');
    const first = await alice.appendRun(entry);
    assert.equal(first.inserted, true);
    assert.deepEqual(first.figures.map((f) => f.path), [`${aliceId}/nb-append/${entry.record.run_id}/boxplot-1.svg`]);
    const retry = await alice.appendRun(entry);
    assert.equal(retry.inserted, false);
    assert.equal(await countRuns([entry.record.run_id]), 1);

    const row = (await stack!.query('select * from public.analysis_runs where client_run_id = $1', [entry.record.run_id])).rows[0];
    assert.equal(row.user_id, aliceId);
    assert.equal(row.record_hash, entry.record.hash);
    assert.equal(row.result_digest, entry.record.result_digest);
    assert.deepEqual(row.record, JSON.parse(JSON.stringify(entry.record)));
    assert.equal(row.prov.activity[`inferra:run/${entry.record.run_id}`]['inferra:analysis'], 'ttest_welch');
    assert.equal(row.figure_paths[0].sha256, first.figures[0].sha256);
    const stored = readFileSync(join(stack!.storageDir, 'figures', first.figures[0].path), 'utf8');
    assert.equal(stored, SVG);
    const objects = await stack!.query('select owner from storage.objects where name = $1', [first.figures[0].path]);
    assert.equal(objects.rows[0].owner, aliceId);
  });

  it('fills PROV-JSON with the signed-in user when absent, and refuses a malformed record for good', async () => {
    const { prov: _prov, ...entry } = entryFor('nb-prov', 'c1', false);
    await alice.appendRun(entry);
    const row = (await stack!.query('select prov from public.analysis_runs where client_run_id = $1', [entry.record.run_id])).rows[0];
    assert.ok(row.prov.agent[`inferra:user/${aliceId}`]);
    const broken = { ...entry, record: { ...entry.record, hash: 'not-a-hash' } } as unknown as RunEntry;
    const failure = await alice.appendRun(broken).catch((e: unknown) => e);
    assert.ok(isInferraError(failure) && failure.code === 'provenance-record-invalid');
    assert.equal(classifySupabaseError(failure), 'reject');
  });

  it('stores the LLM call of an LLM decision', async () => {
    const input = sampleInput('c2');
    input.plan = { ...input.plan, source: 'llm', llm: { model: 'grok-3-mini', promptHash: 'e'.repeat(64), costUsd: 0.00042 } };
    const record = buildRecord(input);
    await alice.appendRun({ notebookId: 'nb-append', record });
    await alice.appendRun({ notebookId: 'nb-append', record }); // idempotent here too
    const calls = await stack!.query('select user_id, model, cost_usd from public.llm_calls where client_run_id = $1', [record.run_id]);
    assert.equal(calls.rowCount, 1);
    assert.equal(calls.rows[0].user_id, aliceId);
    assert.equal(Number(calls.rows[0].cost_usd), 0.00042); // numeric(12, 6) keeps this exactly
  });

  it('reads a notebook’s history only for the signed-in user', async () => {
    const mine = [entryFor('nb-shared', 'c1'), entryFor('nb-shared', 'c2')];
    const theirs = entryFor('nb-shared', 'c1');
    for (const e of mine) await alice.appendRun(e);
    await bob.appendRun(theirs);
    const aliceRuns = await alice.listRuns('nb-shared');
    assert.deepEqual(aliceRuns.map((r) => r.client_run_id).sort(), mine.map((e) => e.record.run_id).sort());
    assert.ok(aliceRuns.every((r) => r.user_id === aliceId));
    const bobRuns = await bob.listRuns('nb-shared');
    assert.deepEqual(bobRuns.map((r) => r.client_run_id), [theirs.record.run_id]);
    // Bob cannot read Alice's figure either.
    const { error } = await bob.supabase.storage.from('figures').download(`${aliceId}/nb-shared/${mine[0].record.run_id}/boxplot-1.svg`);
    assert.ok(error);
    const own = await alice.supabase.storage.from('figures').download(`${aliceId}/nb-shared/${mine[0].record.run_id}/boxplot-1.svg`);
    assert.equal(await own.data?.text(), SVG);
  });

  it('maps a row-level-security refusal (forged user_id) to supabase-rls-refused, which the queue rejects', async () => {
    const row = { notebook_id: 'nb', cell_id: 'c1', client_run_id: crypto.randomUUID(), status: 'ok', decision: {}, analysis: 'x', environment: {}, record: {}, record_hash: 'a'.repeat(64), started_at: new Date().toISOString(), ended_at: new Date().toISOString(), user_id: bobId };
    const { error, status } = await alice.supabase.from('analysis_runs').insert(row);
    assert.ok(error);
    const mapped = buildRestError(error, status, stack!.url, 'analysis_runs', 'append a run');
    assert.equal(mapped.code, 'supabase-rls-refused');
    assert.equal(classifySupabaseError(mapped), 'reject');
  });

  it('refreshes short-lived access tokens (rotation) and keeps appending', async () => {
    stack!.setAccessTokenTtl(60); // inside supabase-js's 90 s margin: every call refreshes
    const client = newClient();
    await client.signInWithPassword('alice@example.test', 'alice-password');
    const before = stack!.stats.refreshes;
    const e1 = entryFor('nb-refresh', 'c1', false);
    const e2 = entryFor('nb-refresh', 'c2', false);
    assert.equal((await client.appendRun(e1)).inserted, true);
    assert.equal((await client.appendRun(e2)).inserted, true);
    assert.ok(stack!.stats.refreshes - before >= 2, `refreshes: ${stack!.stats.refreshes - before}`);
    stack!.setAccessTokenTtl(3600);
  });

  it('says the session expired when the refresh token was revoked and the access token ran out', async () => {
    stack!.setAccessTokenTtl(1);
    const client = newClient();
    await client.signInWithPassword('bob@example.test', 'bob-password');
    stack!.setAccessTokenTtl(3600);
    stack!.revokeSessions(bobId);
    await new Promise((r) => setTimeout(r, 1500));
    await assert.rejects(client.appendRun(entryFor('nb-expired')), isCode('supabase-session-expired'));
    await bob.signInWithPassword('bob@example.test', 'bob-password'); // the shared Bob client signs in again
  });

  it('explains a wrong key, a wrong URL, a signed-out user and a network outage', async () => {
    await assert.rejects(newClient(memoryStorage(), stack!.url, 'not-the-anon-key').signInWithPassword('alice@example.test', 'alice-password'), isCode('supabase-bad-config'));
    await assert.rejects(newClient(memoryStorage(), `${stack!.url}/wrong-path`).signInWithPassword('alice@example.test', 'alice-password'), isCode('supabase-bad-config'));
    const closedPort = await findFreePort();
    await assert.rejects(newClient(memoryStorage(), `http://127.0.0.1:${closedPort}`).signInWithPassword('alice@example.test', 'x'), isCode('supabase-network'));
    await assert.rejects(newClient().appendRun(entryFor('nb')), isCode('supabase-not-signed-in'));
    await stack!.postgrest.stop();
    try {
      const failure = await alice.appendRun(entryFor('nb-down', 'c1', false)).catch((e: unknown) => e);
      assert.ok(isInferraError(failure));
      assert.equal(failure.code, 'supabase-request-failed'); // the gateway answers 503
      assert.equal(classifySupabaseError(failure), 'retry');
    } finally {
      await stack!.postgrest.start();
    }
  });

  it('gives up on a server that accepts connections but never answers, and says so', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const client = createProvenanceClient({ url: `http://127.0.0.1:${port}`, anonKey: stack!.anonKey, storage: memoryStorage(), requestTimeoutMs: 300 });
      clients.push(client);
      const started = Date.now();
      const failure = await client.signInWithPassword('alice@example.test', 'alice-password').catch((e: unknown) => e);
      assert.ok(isInferraError(failure), String(failure));
      assert.equal(failure.code, 'supabase-network');
      assert.match(failure.message, /no answer within 300 ms/);
      assert.ok(Date.now() - started < 5000, `gave up after ${Date.now() - started} ms`);
    } finally {
      silent.close();
    }
  });

  it('purges the signed-in user’s old runs through the retention function, and only theirs', async () => {
    await stack!.createUser('dave@example.test', 'dave-password');
    const dave = newClient();
    await dave.signInWithPassword('dave@example.test', 'dave-password');
    const runs = [entryFor('nb-purge', 'c1', true), entryFor('nb-purge', 'c2', false)];
    const figures: string[] = [];
    for (const e of runs) figures.push(...(await dave.appendRun(e)).figures.map((f) => f.path));
    assert.equal(figures.length, 1);
    const figureFile = join(stack!.storageDir, 'figures', figures[0]);
    assert.ok(statSync(figureFile).isFile());
    const bobsBefore = (await bob.listRuns('nb-shared')).length;
    assert.equal(await dave.purgeOlderThan(0), 2);
    // The purged run's figure goes too: object row and file.
    const objects = await stack!.query('select 1 from storage.objects where name = $1', [figures[0]]);
    assert.equal(objects.rowCount, 0);
    assert.throws(() => statSync(figureFile), /ENOENT/);
    assert.deepEqual(await dave.listRuns('nb-purge'), []);
    assert.equal((await bob.listRuns('nb-shared')).length, bobsBefore);
    const { data } = await dave.supabase.from('run_deletions').select('client_run_id').eq('table_name', 'analysis_runs');
    assert.deepEqual(new Set((data ?? []).map((r) => r.client_run_id)), new Set(runs.map((e) => e.record.run_id)));
  });

  it('the CLI sink signs in from the environment, sends on close, and reuses the saved session', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inferra-cli-sink-'));
    dirs.push(dir);
    const env = {
      INFERRA_SUPABASE_URL: stack!.url,
      INFERRA_SUPABASE_ANON_KEY: stack!.anonKey,
      INFERRA_SUPABASE_EMAIL: 'bob@example.test',
      INFERRA_SUPABASE_PASSWORD: 'bob-password',
      INFERRA_SUPABASE_SESSION_FILE: join(dir, 'session.json'),
      INFERRA_PROVENANCE_QUEUE_DIR: join(dir, 'queue'),
    };
    const lines: string[] = [];
    const sink = await createCliSupabaseSink(env, (line) => lines.push(line));
    const entry = entryFor('nb-cli');
    sink.submit(entry);
    await sink.close();
    assert.equal(await countRuns([entry.record.run_id]), 1);
    assert.ok(lines.some((l) => l.includes('signed in as bob@example.test')));
    const signInsBefore = stack!.stats.signIns;
    const again = await createCliSupabaseSink({ ...env, INFERRA_SUPABASE_PASSWORD: '' }, (line) => lines.push(line));
    const second = entryFor('nb-cli');
    again.submit(second);
    await again.close();
    assert.equal(stack!.stats.signIns, signInsBefore); // the saved session was enough
    assert.equal(await countRuns([second.record.run_id]), 1);
    // Retention from the environment: Bob's runs are minutes old, so 1 day removes none of them.
    const retained = await createCliSupabaseSink({ ...env, INFERRA_SUPABASE_PASSWORD: '', INFERRA_SUPABASE_RETENTION_DAYS: '1' }, (line) => lines.push(line));
    await retained.close();
    assert.ok(lines.some((l) => l === 'supabase: retention: removed 0 run(s) older than 1 day(s), with their figures'), lines.join('\n'));
    assert.equal(await countRuns([entry.record.run_id, second.record.run_id]), 2);
    const refused = await createCliSupabaseSink({ ...env, INFERRA_SUPABASE_PASSWORD: '', INFERRA_SUPABASE_RETENTION_DAYS: 'a week' }, (line) => lines.push(line));
    await refused.close();
    assert.ok(lines.some((l) => /RETENTION_DAYS must be a whole number of days.*"a week"/.test(l)));
  });

  it('inferra run with INFERRA_SUPABASE_* appends each cell run with its figures as SVG in the bucket', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inferra-cli-run-'));
    dirs.push(dir);
    copyFileSync(join(root, 'samples', 'penguins.csv'), join(dir, 'penguins.csv'));
    const notebook = {
      cells: [
        { id: 'flipper-by-sex', kind: 'ask', source: 'Is flipper length different between male and female penguins?' },
        { id: 'bill-length-depth', kind: 'ask', source: 'Correlate bill length with bill depth' },
      ],
      datasets: [{ name: 'penguins', path: 'penguins.csv' }],
      format: 'inferra-notebook',
      version: 1,
    };
    writeFileSync(join(dir, 'study.inferra'), JSON.stringify(notebook));
    const env = {
      ...process.env,
      INFERRA_SUPABASE_URL: stack!.url,
      INFERRA_SUPABASE_ANON_KEY: stack!.anonKey,
      INFERRA_SUPABASE_EMAIL: 'bob@example.test',
      INFERRA_SUPABASE_PASSWORD: 'bob-password',
      INFERRA_SUPABASE_SESSION_FILE: join(dir, 'session.json'),
      INFERRA_PROVENANCE_QUEUE_DIR: join(dir, 'queue'),
      XAI_API_KEY: '',
    };
    // Not spawnSync: the test gateway runs in this process and must keep answering.
    const run = await runProcess(process.execPath, [join(root, 'bin', 'inferra.js'), 'run', join(dir, 'study.inferra')], env);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /waiting in the local queue/);
    const rows = (
      await stack!.query<{ cell_id: string; user_id: string; figure_paths: { path: string; sha256: string }[] }>(
        'select cell_id, user_id, figure_paths from public.analysis_runs where notebook_id like $1 order by cell_id',
        ['%study.inferra'],
      )
    ).rows;
    assert.deepEqual(rows.map((r) => r.cell_id), ['bill-length-depth', 'flipper-by-sex']);
    for (const row of rows) {
      assert.equal(row.user_id, bobId);
      assert.ok(row.figure_paths.length >= 1, `${row.cell_id}: no figure uploaded`);
      for (const figure of row.figure_paths) {
        assert.ok(figure.path.startsWith(`${bobId}/`), figure.path);
        const svg = readFileSync(join(stack!.storageDir, 'figures', figure.path), 'utf8');
        assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        assert.equal(createHash('sha256').update(svg).digest('hex'), figure.sha256);
      }
    }
  });

  it('loses and duplicates nothing when PostgREST dies mid-run and the app restarts', async () => {
    const queueDir = mkdtempSync(join(tmpdir(), 'inferra-outage-queue-'));
    dirs.push(queueDir);
    const events: QueueEvent[] = [];
    const options = {
      client: alice,
      queueDir,
      backoff: { baseMs: 50, maxMs: 400 },
      onEvent: (e: QueueEvent): void => void events.push(e),
    };
    const submitted: RunEntry[] = [];
    const submit = (sink: ReturnType<typeof createSupabaseSink>, n: number) => {
      for (let i = 0; i < n; i++) {
        const entry = entryFor('nb-outage', `c${submitted.length}`, submitted.length % 2 === 0);
        submitted.push(entry);
        sink.submit(entry);
      }
    };

    // A run the server already has but whose queue file survived (a crash between send and delete).
    const replayed = entryFor('nb-outage', 'replayed');
    await alice.appendRun(replayed);
    submitted.push(replayed);

    const first = createSupabaseSink({ ...options, onEvent: (e) => options.onEvent(e) });
    first.submit(replayed);
    submit(first, 5);
    await first.flush();
    assert.equal(first.pending(), 0);

    // Outage while sends are in flight: SIGKILL PostgREST as soon as the second record of the next
    // batch is acknowledged, while the drain is already sending the third.
    const sentBefore = events.filter((e) => e.type === 'sent').length;
    let killed: Promise<void> | undefined;
    options.onEvent = (e: QueueEvent) => {
      events.push(e);
      if (!killed && events.filter((x) => x.type === 'sent').length === sentBefore + 2) killed = stack!.postgrest.stop();
    };
    submit(first, 5);
    while (!killed) await new Promise((r) => setTimeout(r, 5));
    await killed;
    submit(first, 5);
    await first.flush();
    await new Promise((r) => setTimeout(r, 300)); // a few backed-off retries fail
    const waiting = first.pending();
    assert.ok(waiting >= 5, `waiting during the outage: ${waiting}`);
    assert.equal(first.lastError()?.code, 'supabase-request-failed');
    await first.close(); // the app quits with records still queued

    await stack!.postgrest.start();
    const second = createSupabaseSink({ ...options, onEvent: (e) => options.onEvent(e) }); // next start: drains what it finds on disk
    submit(second, 5);
    const deadline = Date.now() + 30_000;
    while (second.pending() > 0 && Date.now() < deadline) {
      await second.flush();
      if (second.pending() > 0) await new Promise((r) => setTimeout(r, 100));
    }
    await second.close();

    const ids = submitted.map((e) => e.record.run_id);
    const rows = (await stack!.query<{ client_run_id: string }>('select client_run_id from public.analysis_runs where client_run_id = any($1::uuid[])', [ids])).rows;
    const unique = new Set(rows.map((r) => r.client_run_id));
    const lost = ids.filter((id) => !unique.has(id)).length;
    const duplicated = rows.length - unique.size;
    const sent = events.filter((e) => e.type === 'sent').length;
    const retries = events.filter((e) => e.type === 'retry').length;
    const refused = events.filter((e) => e.type === 'rejected').length;
    console.log(
      `      outage: ${ids.length} records submitted, ${sent + retries + refused} send attempts (${sent} acknowledged, ${retries} failed and retried), ` +
        `${refused} refused, ${lost} lost, ${duplicated} duplicated, ${waiting} waited out the outage, ` +
        `${stack!.stats.restUnavailable} gateway 503s, ${stack!.stats.storageDuplicates} figure re-uploads ignored`,
    );
    assert.equal(lost, 0);
    assert.equal(duplicated, 0);
    assert.equal(refused, 0);
    assert.ok(retries > 0);
    assert.equal(rows.length, ids.length);
  });
});
