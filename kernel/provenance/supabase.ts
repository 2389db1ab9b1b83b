/**
 * The Supabase client of provenance: sign-in (password, e-mail code / magic link), appending a run
 * (idempotent by `client_run_id`), uploading its figures to the private `figures` bucket, and
 * reading a notebook's history. Failures become `InferraError`s with a `supabase-*` code; whether
 * the queue should retry them is `classifySupabaseError`'s call.
 */
import { createClient, type SupabaseClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import { WebSocket } from 'undici';
import { InferraError, isInferraError } from '../errors.js';
import { redactSecrets } from '../util/redact.js';
import { sha256Hex } from './canonical.js';
import { toProvJson } from './prov-json.js';
import { parseProvenanceRecord, type ProvenanceRecord } from './record.js';

/** Where the auth session is kept: supabase-js's storage adapter (VS Code SecretStorage, or a file). */
export interface SessionStorage {
  getItem(key: string): string | null | Promise<string | null>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}

/** How to reach a Supabase project. */
export interface SupabaseConfig {
  /** Project URL, e.g. https://<ref>.supabase.co. */
  url: string;
  anonKey: string;
  storage: SessionStorage;
  /** Key of the session inside `storage`; default `sessionStorageKey(url)`, i.e. bound to the project. */
  storageKey?: string;
  /** Told (once each) when a saved session is refused, dropped or moved to the project's key. */
  onNotice?: (message: string) => void;
  fetch?: typeof fetch;
  /** A request without an answer after this long fails as a network error (default 20 000 ms). */
  requestTimeoutMs?: number;
}

/** How long one request to Supabase may go unanswered. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

/** One rendered figure of a run. */
export interface FigureFile {
  /** File name without extension, e.g. `boxplot-1`. */
  name: string;
  svg: string;
}

/** One run to append: the record, the result JSON and PROV-JSON to store with it, and its figures. */
export interface RunEntry {
  /** A stable id of the notebook (e.g. its path relative to the workspace, or a UUID in its metadata). */
  notebookId: string;
  record: ProvenanceRecord;
  result?: unknown;
  /** PROV-JSON of the record; computed (with the signed-in user as agent) when absent. */
  prov?: unknown;
  figures?: FigureFile[];
  /**
   * The Supabase project (a team's shared record) the run belongs to, from the notebook's metadata;
   * absent: a personal run. Kept with the entry in the offline queue, so a record made offline
   * reaches its project later.
   */
  projectId?: string;
}

/** Where a figure went in the bucket. */
export interface StoredFigure {
  name: string;
  path: string;
  sha256: string;
}

/** What `appendRun` did: `inserted` is false when the run was already there (a retry). */
export interface AppendOutcome {
  inserted: boolean;
  figures: StoredFigure[];
}

/** A run as `listRuns` returns it. */
export interface RunRow {
  id: string;
  user_id: string;
  notebook_id: string;
  cell_id: string;
  client_run_id: string;
  status: string;
  analysis: string;
  result_digest: string | null;
  record_hash: string;
  previous_hash: string | null;
  record: ProvenanceRecord;
  figure_paths: StoredFigure[];
  started_at: string;
  created_at: string;
}

/** The signed-in user. */
export interface SupabaseUser {
  id: string;
  email?: string;
}

/** The bucket figures go to. */
export const FIGURES_BUCKET = 'figures';

/**
 * The key earlier versions kept the session under, the same for every project (security review H4).
 * A session found there is moved to its project's key only when its token names that project as
 * issuer; otherwise it is removed unused.
 */
export const LEGACY_STORAGE_KEY = 'inferra-supabase-session';

/** What the queue should do with a failed send. */
export type FailureAction = 'retry' | 'reject';

/** The Supabase operations provenance uses. */
export interface ProvenanceClient {
  signInWithPassword(email: string, password: string): Promise<SupabaseUser>;
  /** Sends a magic link / one-time code to the address. */
  signInWithOtp(email: string, options?: { redirectTo?: string }): Promise<void>;
  /** Completes an e-mail code sign-in (the code from the mail). */
  verifyOtp(email: string, token: string): Promise<SupabaseUser>;
  signOut(): Promise<void>;
  /** The signed-in user, refreshing the session if needed; null when signed out. */
  currentUser(): Promise<SupabaseUser | null>;
  appendRun(entry: RunEntry): Promise<AppendOutcome>;
  listRuns(notebookId: string, options?: { limit?: number }): Promise<RunRow[]>;
  /** Deletes the signed-in user's runs older than `days` days; returns how many runs went. */
  purgeOlderThan(days: number): Promise<number>;
  /** Stops the session refresh timer. */
  close(): Promise<void>;
  readonly supabase: SupabaseClient;
}

/** A provenance client over supabase-js. */
export function createProvenanceClient(config: SupabaseConfig): ProvenanceClient {
  const url = normalizeProjectUrl(config.url);
  const storageKey = config.storageKey ?? sessionStorageKey(url);
  const supabase = createClient(url, config.anonKey, {
    auth: {
      storage: bindSessionStorage(config.storage, url, storageKey, config.onNotice),
      storageKey,
      persistSession: true,
      autoRefreshToken: true,
      detectSessionInUrl: false,
    },
    global: {
      fetch: quietAuthFetch(timedFetch(config.fetch ?? fetch, config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS), (detail) => {
        lastNetworkError = detail;
      }),
    },
    // Node 20 has no global WebSocket; supabase-js's realtime client needs one at construction.
    realtime: { transport: WebSocket as unknown as NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport'] },
  });
  let hadSession = false;
  /** What the last failed auth call met (auth-js reports a network failure as just "{}"). */
  let lastNetworkError: string | undefined;
  const authError = (error: ErrorLike, url: string, hadSession: boolean) => authErrorOf(error, url, hadSession, lastNetworkError);
  const signInError = (error: ErrorLike | null, url: string, secrets: string[] = []) => signInErrorOf(error, url, lastNetworkError, [...secrets, config.anonKey]);

  /**
   * Deletes from the bucket the figures of the runs the retention function just removed (the latest
   * `count` entries of the caller's deletion log; a policy lets the owner delete exactly those).
   * Objects already gone are skipped by Storage, so repeating this is harmless.
   */
  async function removePurgedFigures(count: number): Promise<void> {
    const { data, error, status } = await supabase
      .from('run_deletions')
      .select('figure_paths')
      .eq('table_name', 'analysis_runs')
      .order('deleted_at', { ascending: false })
      .limit(count);
    if (error) throw buildRestError(error, status, url, 'run_deletions', 'read the deletion log');
    const paths = (data ?? []).flatMap((row) => ((row.figure_paths ?? []) as { path?: unknown }[]).map((f) => f.path)).filter((p): p is string => typeof p === 'string');
    for (let i = 0; i < paths.length; i += 1000) {
      const { error: removeError } = await supabase.storage.from(FIGURES_BUCKET).remove(paths.slice(i, i + 1000));
      if (removeError) throw storageError(removeError as ErrorLike, url);
    }
  }

  async function requireUser(): Promise<SupabaseUser> {
    const { data, error } = await supabase.auth.getSession();
    if (error) throw authError(error, url, hadSession);
    const session = data.session;
    if (!session) throw new InferraError(hadSession ? 'supabase-session-expired' : 'supabase-not-signed-in');
    hadSession = true;
    return { id: session.user.id, email: session.user.email };
  }

  async function uploadFigures(user: SupabaseUser, entry: RunEntry): Promise<StoredFigure[]> {
    const stored: StoredFigure[] = [];
    for (const figure of entry.figures ?? []) {
      const path = figurePath(user.id, entry.notebookId, entry.record.run_id, figure.name, entry.projectId);
      const { error } = await supabase.storage
        .from(FIGURES_BUCKET)
        .upload(path, figure.svg, { contentType: 'image/svg+xml', upsert: false });
      // A retry finds the figure already there: the path holds the run id, so it is this run's figure.
      if (error && !isDuplicateUpload(error)) throw storageError(error, url);
      stored.push({ name: figure.name, path, sha256: sha256Hex(figure.svg) });
    }
    return stored;
  }

  return {
    supabase,
    async signInWithPassword(email, password) {
      const { data, error } = await supabase.auth.signInWithPassword({ email, password });
      if (error || !data.user) throw signInError(error, url, [password]);
      hadSession = true;
      return { id: data.user.id, email: data.user.email };
    },
    async signInWithOtp(email, options = {}) {
      const { error } = await supabase.auth.signInWithOtp({ email, options: { emailRedirectTo: options.redirectTo } });
      if (error) throw signInError(error, url);
    },
    async verifyOtp(email, token) {
      const { data, error } = await supabase.auth.verifyOtp({ email, token, type: 'email' });
      if (error || !data.user) throw signInError(error, url, [token]);
      hadSession = true;
      return { id: data.user.id, email: data.user.email };
    },
    async signOut() {
      const { error } = await supabase.auth.signOut({ scope: 'local' });
      hadSession = false;
      if (error && !/session missing/i.test(error.message)) throw authError(error, url, false);
    },
    async currentUser() {
      try {
        return await requireUser();
      } catch (error) {
        if (isInferraError(error) && (error.code === 'supabase-not-signed-in' || error.code === 'supabase-session-expired')) return null;
        throw error;
      }
    },
    async appendRun(entry) {
      // A queue file edited by hand (or written by a buggy caller) is refused here, for good.
      const record = parseProvenanceRecord(entry?.record, 'the provenance queue');
      const user = await requireUser();
      const checked: RunEntry = { ...entry, record, prov: entry.prov ?? toProvJson(record, { user: user.id }) };
      const figures = await uploadFigures(user, checked);
      const { data, error, status } = await supabase
        .from('analysis_runs')
        .upsert(buildRunRow(user.id, checked, figures), { onConflict: 'user_id,client_run_id', ignoreDuplicates: true })
        .select('id');
      if (error) throw buildRestError(error, status, url, 'analysis_runs', 'append a run');
      const llm = record.plan.llm;
      if (llm) {
        const { error: llmError, status: llmStatus } = await supabase.from('llm_calls').upsert(
          {
            user_id: user.id,
            client_run_id: record.run_id,
            model: llm.model,
            prompt_hash: llm.prompt_hash,
            request_id: llm.request_id ?? null,
            usage: llm.usage ?? null,
            cost_usd: llm.cost_usd ?? null,
            ...(checked.projectId ? { project_id: checked.projectId } : {}),
          },
          { onConflict: 'user_id,client_run_id', ignoreDuplicates: true },
        );
        if (llmError) throw buildRestError(llmError, llmStatus, url, 'llm_calls', 'append an LLM call');
      }
      return { inserted: (data ?? []).length > 0, figures };
    },
    async listRuns(notebookId, options = {}) {
      await requireUser();
      const { data, error, status } = await supabase
        .from('analysis_runs')
        .select('id,user_id,notebook_id,cell_id,client_run_id,status,analysis,result_digest,record_hash,previous_hash,record,figure_paths,started_at,created_at')
        .eq('notebook_id', notebookId)
        .order('created_at', { ascending: false })
        .limit(options.limit ?? 1000);
      if (error) throw buildRestError(error, status, url, 'analysis_runs', 'read the history');
      return (data ?? []) as RunRow[];
    },
    async purgeOlderThan(days) {
      await requireUser();
      const { data, error, status } = await supabase.rpc('purge_my_runs_older_than', { days });
      if (error) throw buildRestError(error, status, url, 'analysis_runs', 'purge old runs');
      const removed = Number(data);
      if (removed > 0) await removePurgedFigures(removed);
      return removed;
    },
    async close() {
      await supabase.auth.stopAutoRefresh();
      await supabase.removeAllChannels();
    },
  };
}

/**
 * The project URL sessions are bound to: scheme, host, port and path, without trailing slashes,
 * query or fragment (`HTTPS://Abcd.supabase.co/` -> `https://abcd.supabase.co`).
 */
export function normalizeProjectUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new InferraError('supabase-bad-config', { detail: `the project URL '${url}' is not a URL (expected e.g. https://abcd.supabase.co)` });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new InferraError('supabase-bad-config', { detail: `the project URL '${url}' must start with https:// (or http:// for a local test server)` });
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** The storage key of the session of one project: a session is only ever read back for the URL it was made for. */
export function sessionStorageKey(url: string): string {
  return `${LEGACY_STORAGE_KEY}@${normalizeProjectUrl(url)}`;
}

/** How a value is kept: supabase-js's value with the project URL it belongs to. */
interface BoundValue {
  inferra_project_url: string;
  value: string;
}

function parseBound(raw: string): BoundValue | undefined {
  try {
    const parsed = JSON.parse(raw) as Partial<BoundValue>;
    return parsed && typeof parsed.inferra_project_url === 'string' && typeof parsed.value === 'string' ? (parsed as BoundValue) : undefined;
  } catch {
    return undefined;
  }
}

/** The `iss` claim of a stored session's access token, when there is one. */
export function sessionIssuer(sessionJson: string): string | undefined {
  try {
    const session = JSON.parse(sessionJson) as { access_token?: unknown; currentSession?: { access_token?: unknown } };
    const token = session.access_token ?? session.currentSession?.access_token;
    if (typeof token !== 'string') return undefined;
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iss?: unknown };
    return typeof payload.iss === 'string' ? payload.iss : undefined;
  } catch {
    return undefined;
  }
}

/** Whether an issuer (Supabase Auth's is `<project URL>/auth/v1`) is on the project's host. */
function issuerIsProject(iss: string, url: string): boolean {
  try {
    return new URL(iss).origin === new URL(url).origin;
  } catch {
    return false;
  }
}

/**
 * supabase-js's storage, bound to one project (security review H4): every value is written with the
 * project URL and read back only for that URL; a session whose token names another issuer is
 * refused; the unkeyed session of earlier versions is moved to this project's key only when its
 * token proves it was issued by this project, and removed unused otherwise. A refused session is
 * never handed to supabase-js, so its tokens are sent nowhere; the user signs in again.
 */
export function bindSessionStorage(storage: SessionStorage, url: string, storageKey: string, onNotice?: (message: string) => void): SessionStorage {
  const told = new Set<string>();
  const notice = (message: string) => {
    if (told.has(message)) return;
    told.add(message);
    onNotice?.(message);
  };
  const refuse = (why: string) => notice(`The saved Supabase sign-in ${why}, so it is not used and nothing is sent with it. Sign in again for ${url}.`);

  async function migrateLegacy(): Promise<string | null> {
    const legacy = await storage.getItem(LEGACY_STORAGE_KEY);
    if (legacy === null) return null;
    const iss = sessionIssuer(legacy);
    await storage.removeItem(LEGACY_STORAGE_KEY);
    await storage.removeItem(`${LEGACY_STORAGE_KEY}-user`);
    await storage.removeItem(`${LEGACY_STORAGE_KEY}-code-verifier`);
    if (iss !== undefined && issuerIsProject(iss, url)) {
      await storage.setItem(storageKey, JSON.stringify({ inferra_project_url: url, value: legacy } satisfies BoundValue));
      notice(`The saved Supabase sign-in of an earlier Inferra version was issued by ${url} and is now kept for that project only.`);
      return legacy;
    }
    refuse(`of an earlier Inferra version was not bound to a project and its token does not show that ${url} issued it (${iss ? `issuer ${iss}` : 'no issuer'}); it was removed`);
    return null;
  }

  return {
    async getItem(key) {
      const raw = await storage.getItem(key);
      if (raw === null) return key === storageKey ? migrateLegacy() : null;
      const bound = parseBound(raw);
      if (!bound) {
        refuse('under this project\'s key was not written by Inferra for it');
        return null;
      }
      if (bound.inferra_project_url !== url) {
        refuse(`was made for ${bound.inferra_project_url}, not ${url}`);
        return null;
      }
      const iss = key === storageKey ? sessionIssuer(bound.value) : undefined;
      if (iss !== undefined && /^https?:\/\//i.test(iss) && !issuerIsProject(iss, url)) {
        refuse(`holds a token issued by ${iss}, not by ${url}`);
        return null;
      }
      return bound.value;
    },
    setItem: (key, value) => storage.setItem(key, JSON.stringify({ inferra_project_url: url, value } satisfies BoundValue)),
    removeItem: (key) => storage.removeItem(key),
  };
}

/**
 * A fetch that turns a network failure of an auth call into a 503 answer. supabase-js's auth client
 * prints every network error's stack to the console before reporting it as retryable; with a 503 it
 * reports the same retryable error without the noise (a CLI's stderr, the extension host's log).
 * Data and storage calls pass through untouched.
 */
export function quietAuthFetch(base: typeof fetch, onNetworkError?: (detail: string) => void): typeof fetch {
  return async (input, init) => {
    try {
      return await base(input, init);
    } catch (error) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.includes('/auth/v1/') || (error as Error).name === 'AbortError') throw error;
      const detail = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      onNetworkError?.(detail);
      return new Response(JSON.stringify({ msg: `network error: ${detail}` }), { status: 503, headers: { 'content-type': 'application/json' } });
    }
  };
}

/**
 * A fetch whose requests fail after `timeoutMs` without an answer (undici's own limit is five
 * minutes, which would hold `inferra run` or a sign-in that long against a server that never answers).
 */
export function timedFetch(base: typeof fetch, timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      return await base(input, { ...init, signal });
    } catch (error) {
      if (!timeout.aborted || init?.signal?.aborted) throw error;
      const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
      throw new TypeError('fetch failed', { cause: { code: `no answer within ${limit}` } });
    }
  };
}

/** The row of `analysis_runs` for one run. */
export function buildRunRow(userId: string, entry: RunEntry, figures: StoredFigure[]): Record<string, unknown> {
  const { record } = entry;
  const { roles, options, ...decision } = record.plan;
  return {
    user_id: userId,
    notebook_id: entry.notebookId,
    cell_id: record.cell_id,
    client_run_id: record.run_id,
    status: record.status,
    dataset_hashes: record.datasets.map((d) => ({ name: d.name, sha256: d.sha256, table_hash: d.table_hash, rows: d.rows, rows_used: d.rows_used })),
    decision,
    analysis: record.plan.analysis,
    parameters: { roles, options, seed: record.seed },
    environment: record.environment,
    result_digest: record.result_digest,
    result: entry.result ?? null,
    prov: entry.prov ?? null,
    record,
    record_hash: record.hash,
    previous_hash: record.previous_hash,
    figure_paths: figures,
    started_at: record.started_at,
    ended_at: record.ended_at,
    // Only when set: a database without the teams migration still takes personal runs.
    ...(entry.projectId ? { project_id: entry.projectId } : {}),
  };
}

/**
 * The bucket path of a figure: `<user id>/<notebook>/<run id>/<name>.svg` (notebook id made
 * path-safe), or for a project's run `projects/<project id>/<user id>/<notebook>/<run id>/<name>.svg`
 * (the project's members read it there).
 */
export function figurePath(userId: string, notebookId: string, runId: string, name: string, projectId?: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_').slice(0, 120) || '_';
  return `${projectId ? `projects/${projectId}/` : ''}${userId}/${safe(notebookId)}/${runId}/${safe(name)}.svg`;
}

/**
 * Retry or reject: network trouble, 5xx, timeouts, an expired or missing session and bad settings
 * are retried later (the user can fix them); a refusal by row-level security or a malformed row (4xx)
 * would fail the same way forever, so the entry is put aside.
 */
export function classifySupabaseError(error: unknown): FailureAction {
  if (!isInferraError(error)) return 'retry';
  if (error.code === 'supabase-rls-refused') return 'reject';
  if (error.code === 'provenance-record-invalid') return 'reject';
  if (error.code === 'supabase-request-failed') {
    const status = Number(error.params.status);
    return status >= 400 && status < 500 && status !== 408 && status !== 429 ? 'reject' : 'retry';
  }
  return 'retry';
}

interface ErrorLike {
  message?: string;
  code?: string;
  status?: number;
  statusCode?: string | number;
  details?: string;
  name?: string;
}

/** A PostgREST error (as supabase-js returns it, with the HTTP status) as an InferraError with a `supabase-*` code. */
export function buildRestError(error: ErrorLike, status: number, url: string, table: string, operation: string): InferraError {
  const message = error.message ?? '';
  if (status === 0 || /fetch failed|ECONNREFUSED|ENOTFOUND|network/i.test(message)) {
    return new InferraError('supabase-network', { url, detail: firstLine(error.details || message) });
  }
  if (/jwt expired/i.test(message)) return new InferraError('supabase-session-expired');
  if (/invalid api key|JWSError|JWT|No API key/i.test(message) || error.code?.startsWith('PGRST30')) {
    return new InferraError('supabase-bad-config', { detail: firstLine(message) });
  }
  if (status === 404 && !error.code?.startsWith('PGRST2')) return new InferraError('supabase-bad-config', { detail: `${status} ${firstLine(message)}` });
  if (error.code === '42501') return new InferraError('supabase-rls-refused', { table, detail: firstLine(message) });
  return new InferraError('supabase-request-failed', { status, operation, detail: firstLine(message) || `code ${error.code}` });
}

function storageError(error: ErrorLike, url: string): InferraError {
  const status = Number(error.statusCode ?? error.status ?? 0);
  const message = error.message ?? '';
  if (error.name === 'StorageUnknownError' || /fetch failed|ECONNREFUSED|ENOTFOUND/i.test(message)) {
    return new InferraError('supabase-network', { url, detail: firstLine(message) });
  }
  if (/jwt expired/i.test(message)) return new InferraError('supabase-session-expired');
  if (/row-level security|unauthorized/i.test(message) || status === 403) {
    return new InferraError('supabase-rls-refused', { table: `storage bucket ${FIGURES_BUCKET}`, detail: firstLine(message) });
  }
  return new InferraError('supabase-request-failed', { status, operation: 'upload a figure', detail: firstLine(message) });
}

function isDuplicateUpload(error: ErrorLike): boolean {
  return String(error.statusCode) === '409' || /already exists|duplicate/i.test(error.message ?? '');
}

function authErrorOf(error: ErrorLike, url: string, hadSession: boolean, networkDetail: string | undefined): InferraError {
  if (error.name === 'AuthRetryableFetchError' || error.status === 0) {
    return new InferraError('supabase-network', { url, detail: networkErrorDetail(error, networkDetail) });
  }
  if (/invalid api key|no api key/i.test(error.message ?? '')) return new InferraError('supabase-bad-config', { detail: firstLine(error.message ?? '') });
  return new InferraError(hadSession ? 'supabase-session-expired' : 'supabase-not-signed-in');
}

function signInErrorOf(error: ErrorLike | null, url: string, networkDetail: string | undefined, secrets: string[]): InferraError {
  if (!error) return new InferraError('supabase-sign-in-failed', { detail: 'no user in the answer' });
  if (error.name === 'AuthRetryableFetchError' || error.status === 0) {
    return new InferraError('supabase-network', { url, detail: firstLine(networkErrorDetail(error, networkDetail), secrets) });
  }
  if (/invalid api key|no api key/i.test(error.message ?? '') || error.status === 404) {
    return new InferraError('supabase-bad-config', { detail: firstLine(error.message ?? '', secrets) });
  }
  return new InferraError('supabase-sign-in-failed', { detail: firstLine(error.message ?? 'refused', secrets) });
}

/** auth-js's message for a network failure, or what the fetch met when that message says nothing. */
function networkErrorDetail(error: ErrorLike, networkDetail: string | undefined): string {
  const message = firstLine(error.message ?? '');
  const says = message !== '' && message !== '{}' && !/^\{.*\}$/.test(message);
  if (says && !/network error/.test(message)) return message;
  return networkDetail ?? (says ? message : 'no answer');
}

/** The first line of quoted upstream text, with the given secrets and anything credential-like redacted (review L1). */
function firstLine(text: string, secrets: readonly string[] = []): string {
  return redactSecrets(text, secrets).split('\n')[0].slice(0, 300);
}
