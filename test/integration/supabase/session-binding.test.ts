/**
 * The saved Supabase session is bound to its project URL (security review H4), and Supabase error
 * text is redacted (review L1). A loopback listener plays the "other" Supabase URL a shared folder or
 * environment could point at: it records every request and must never receive the tokens of a
 * session saved for another project. A second listener echoes every request back in its error.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isInferraError } from '../../../kernel/errors.js';
import { buildRecord } from '../../../kernel/provenance/build.js';
import { createCliSupabaseSink } from '../../../kernel/provenance/cli-sink.js';
import { createFileSessionStorage } from '../../../kernel/provenance/session-file.js';
import {
  bindSessionStorage,
  createProvenanceClient,
  LEGACY_STORAGE_KEY,
  normalizeProjectUrl,
  sessionStorageKey,
  type ProvenanceClient,
} from '../../../kernel/provenance/supabase.js';
import { sampleInput, sampleResultJson } from '../../unit/provenance/fixtures.js';

const ACCESS = 'ACCESS-TOKEN-OF-REAL-PROJECT';
const REFRESH = 'REFRESH-TOKEN-OF-REAL-PROJECT';
const PASSWORD = 'Pa55-SECRET-word';

interface Seen {
  method: string;
  path: string;
  authorization: string;
  body: string;
}

/** A listener on 127.0.0.1 that logs method, path, Authorization and body, and answers `reply`. */
async function listener(reply: (req: IncomingMessage, body: string) => { status: number; body: unknown }) {
  const seen: Seen[] = [];
  const server: Server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method ?? '', path: req.url ?? '', authorization: String(req.headers.authorization ?? ''), body });
    const answer = reply(req, body);
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url, seen, stop };
}

/** A JWT-shaped access token (signature not checked by anyone here) with the given claims. */
function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${head}.${createHmac('sha256', 'test').update(head).digest('base64url')}`;
}

/** A supabase-js session JSON as earlier versions stored it; expired unless `fresh`. */
function session(accessToken: string, fresh = false): string {
  const now = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    access_token: accessToken,
    refresh_token: REFRESH,
    expires_in: 3600,
    expires_at: fresh ? now + 3600 : now - 10,
    token_type: 'bearer',
    user: { id: '11111111-1111-1111-1111-111111111111', email: 'v@example.org', aud: 'authenticated' },
  });
}

/** The session file's text ('' once the last item is gone: the file is removed then). */
const fileText = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

const leaked = (seen: Seen[]) => seen.filter((s) => `${s.authorization} ${s.body} ${s.path}`.match(/ACCESS-TOKEN|REFRESH-TOKEN|eyJ/));

describe('Supabase session bound to the project URL (review H4) and redacted errors (L1)', function () {
  this.timeout(30_000);
  let dir: string;
  let other: Awaited<ReturnType<typeof listener>>;
  const clients: ProvenanceClient[] = [];
  const client = (url: string, file: string, notices: string[] = []) => {
    const c = createProvenanceClient({ url, anonKey: 'other-project', storage: createFileSessionStorage(file), onNotice: (m) => notices.push(m), requestTimeoutMs: 5000 });
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inferra-session-binding-'));
    other = await listener(() => ({ status: 400, body: { error: 'invalid_grant', error_description: 'nope' } }));
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close().catch(() => undefined);
    await other.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('normalises the project URL and keys the session by it', () => {
    assert.equal(normalizeProjectUrl('HTTPS://Abcd.Supabase.co/'), 'https://abcd.supabase.co');
    assert.equal(normalizeProjectUrl('https://abcd.supabase.co:443/x//?a=1#f'), 'https://abcd.supabase.co/x');
    assert.equal(sessionStorageKey('https://abcd.supabase.co/'), 'inferra-supabase-session@https://abcd.supabase.co');
    assert.notEqual(sessionStorageKey('https://abcd.supabase.co'), sessionStorageKey('https://evil.example'));
    assert.throws(() => normalizeProjectUrl('file:///etc/passwd'), (e: unknown) => isInferraError(e) && e.code === 'supabase-bad-config');
    assert.throws(() => normalizeProjectUrl('not a url'), (e: unknown) => isInferraError(e) && e.code === 'supabase-bad-config');
  });

  for (const fresh of [false, true]) {
    it(`the review's redirect: an unkeyed ${fresh ? 'unexpired' : 'expired'} session and INFERRA_SUPABASE_URL pointing elsewhere send no token`, async () => {
      const file = join(dir, 'sess.json');
      writeFileSync(file, JSON.stringify({ [LEGACY_STORAGE_KEY]: session(ACCESS, fresh) }));
      const lines: string[] = [];
      const sink = await createCliSupabaseSink({
        INFERRA_SUPABASE_URL: other.url,
        INFERRA_SUPABASE_ANON_KEY: 'other-project',
        INFERRA_SUPABASE_SESSION_FILE: file,
        INFERRA_PROVENANCE_QUEUE_DIR: join(dir, 'q'),
      }, (line) => lines.push(line));
      const result = sampleResultJson();
      sink.submit({ notebookId: 'nb', record: buildRecord(sampleInput('c1', null, result)), result, figures: [{ name: 'f', svg: '<svg/>' }] });
      await sink.flush();
      await sink.close();
      assert.deepEqual(leaked(other.seen), [], JSON.stringify(other.seen));
      assert.deepEqual(other.seen, [], 'nothing at all is sent while signed out');
      assert.ok(lines.some((l) => /earlier Inferra version.*removed.*Sign in again/.test(l)), lines.join('\n'));
      assert.equal(fileText(file).includes('TOKEN-OF-REAL-PROJECT'), false, 'the unprovable session is dropped');
    });
  }

  it('a session saved for project A is never used for project B, and stays for A', async () => {
    const file = join(dir, 'sess.json');
    const a = 'https://real-project.supabase.co';
    await bindSessionStorage(createFileSessionStorage(file), a, sessionStorageKey(a)).setItem(sessionStorageKey(a), session(ACCESS, true));
    const notices: string[] = [];
    assert.equal(await client(other.url, file, notices).currentUser(), null);
    assert.deepEqual(other.seen, []);
    assert.ok(JSON.parse(readFileSync(file, 'utf8'))[sessionStorageKey(a)], 'A keeps its session');
    // ... and A itself still finds it (no network needed for an unexpired session).
    assert.equal((await client(a, file).currentUser())?.email, 'v@example.org');
  });

  it('refuses a session filed under this project that was made for another URL, or whose token another issuer signed', async () => {
    const file = join(dir, 'sess.json');
    const key = sessionStorageKey(other.url);
    const cases = [
      JSON.stringify({ inferra_project_url: 'https://real-project.supabase.co', value: session(ACCESS, false) }),
      JSON.stringify({ inferra_project_url: normalizeProjectUrl(other.url), value: session(jwt({ iss: 'https://real-project.supabase.co/auth/v1', sub: 'x' }), false) }),
      session(ACCESS, false), // not written by Inferra for this project
    ];
    for (const stored of cases) {
      writeFileSync(file, JSON.stringify({ [key]: stored }));
      const notices: string[] = [];
      assert.equal(await client(other.url, file, notices).currentUser(), null);
      assert.deepEqual(leaked(other.seen), [], JSON.stringify(other.seen));
      assert.ok(notices.some((n) => /not used and nothing is sent with it\. Sign in again/.test(n)), notices.join('\n'));
    }
  });

  it('moves an unkeyed session to this project only when its token names this project as issuer', async () => {
    const file = join(dir, 'sess.json');
    const own = jwt({ iss: `${other.url}/auth/v1`, sub: '11111111-1111-1111-1111-111111111111' });
    writeFileSync(file, JSON.stringify({ [LEGACY_STORAGE_KEY]: session(own, false) }));
    const notices: string[] = [];
    await client(other.url, file, notices).currentUser();
    // The owner may see its own refresh token: that is the session's project.
    assert.ok(other.seen.some((s) => s.path.startsWith('/auth/v1/token') && s.body.includes(REFRESH)));
    assert.ok(notices.some((n) => /earlier Inferra version was issued by .* kept for that project only/.test(n)), notices.join('\n'));
    const items = JSON.parse(fileText(file) || '{}') as Record<string, string>;
    assert.equal(items[LEGACY_STORAGE_KEY], undefined);
  });

  it('L1: a server echoing the request does not put the password or tokens into the error or the CLI log', async () => {
    const echo = await listener((req, body) => ({ status: 400, body: { msg: `echo: ${body} auth=${req.headers.authorization}`, error_code: 'x' } }));
    try {
      const c = createProvenanceClient({ url: echo.url, anonKey: jwt({ role: 'anon', iss: 'supabase' }), storage: createFileSessionStorage(join(dir, 's.json')) });
      clients.push(c);
      await assert.rejects(c.signInWithPassword('v@example.org', PASSWORD), (error: unknown) => {
        assert.ok(isInferraError(error), String(error));
        assert.ok(echo.seen.some((s) => s.body.includes(PASSWORD)), 'the double did receive the password');
        const text = `${error.message} ${JSON.stringify(error.params)}`;
        assert.ok(!text.includes(PASSWORD), text);
        assert.ok(!text.includes('eyJ'), text);
        assert.match(text, /echo: /, 'the server\'s text is still quoted');
        return true;
      });
      const lines: string[] = [];
      const sink = await createCliSupabaseSink({
        INFERRA_SUPABASE_URL: echo.url,
        INFERRA_SUPABASE_ANON_KEY: 'anon-key-of-the-project',
        INFERRA_SUPABASE_EMAIL: 'v@example.org',
        INFERRA_SUPABASE_PASSWORD: PASSWORD,
        INFERRA_SUPABASE_SESSION_FILE: join(dir, 's2.json'),
        INFERRA_PROVENANCE_QUEUE_DIR: join(dir, 'q2'),
      }, (line) => lines.push(line));
      await sink.close();
      assert.ok(lines.some((l) => /sign-in failed/i.test(l)), lines.join('\n'));
      assert.ok(!lines.join('\n').includes(PASSWORD), lines.join('\n'));
      assert.ok(!lines.join('\n').includes('anon-key-of-the-project'), lines.join('\n'));
    } finally {
      await echo.stop();
    }
  });
});
