/**
 * The CLI's Supabase sink, configured from the environment:
 *
 *   INFERRA_SUPABASE_URL, INFERRA_SUPABASE_ANON_KEY   the project (both required)
 *   INFERRA_SUPABASE_EMAIL, INFERRA_SUPABASE_PASSWORD sign in when no saved session is valid
 *   INFERRA_SUPABASE_SESSION_FILE                     default ~/.config/inferra/supabase-session.json (0600)
 *   INFERRA_PROVENANCE_QUEUE_DIR                      default ~/.local/state/inferra/provenance-queue
 *   INFERRA_SUPABASE_RETENTION_DAYS                   when > 0: delete own runs (and their figures)
 *                                                     older than this many days, once per command
 *
 * The saved session is bound to the project URL: a session saved for another URL is never used or
 * sent (the user signs in again), and one saved by an earlier version without a project is kept only
 * when its token shows this project issued it (security review H4). Every line logged here has the
 * password, the anon key and anything credential-like redacted (review L1).
 *
 * A CLI run is short: records go to the on-disk queue at once and are sent in the background; on
 * close the sink makes one last delivery attempt (bounded in time) and leaves whatever is still
 * waiting on disk for the next run or the editor. Sign-in problems are logged, never thrown: the
 * notebook keeps its provenance regardless.
 */
import { isInferraError, toInferraError } from '../errors.js';
import { createDefaultFetch } from '../util/proxy-fetch.js';
import { redactSecrets } from '../util/redact.js';
import { createFileSessionStorage } from './session-file.js';
import { createSupabaseSink, defaultQueueDir, type SupabaseSink } from './sink.js';
import { createProvenanceClient, normalizeProjectUrl, type ProvenanceClient } from './supabase.js';
import { createTeamsClient, type TeamsClient } from './teams.js';

/** Longest the final delivery attempt may hold up the end of a CLI command. */
const CLOSE_FLUSH_LIMIT_MS = 10_000;

/** The CLI's connection to the Supabase project of the environment: the client, its team operations. */
export interface CliSupabase {
  /** The normalised project URL (a notebook's project is used only on the URL it was chosen on). */
  url: string;
  client: ProvenanceClient;
  teams: TeamsClient;
  signedIn: boolean;
  log(line: string): void;
  close(): Promise<void>;
}

/** Connects and signs in from the environment (see the module comment); sign-in problems are logged, not thrown. */
export async function connectCliSupabase(env: NodeJS.ProcessEnv, writeLog: (line: string) => void): Promise<CliSupabase> {
  const log = (line: string) => writeLog(redactSecrets(line, [env.INFERRA_SUPABASE_PASSWORD, env.INFERRA_SUPABASE_ANON_KEY]));
  const url = normalizeProjectUrl(env.INFERRA_SUPABASE_URL ?? '');
  const client = createProvenanceClient({
    url: env.INFERRA_SUPABASE_URL ?? '',
    anonKey: env.INFERRA_SUPABASE_ANON_KEY ?? '',
    storage: createFileSessionStorage(env.INFERRA_SUPABASE_SESSION_FILE || undefined),
    // As the LLM client: undici with HTTPS_PROXY / NO_PROXY honoured.
    fetch: createDefaultFetch(),
    onNotice: (message) => log(`supabase: ${message}`),
  });
  let signedIn = false;
  try {
    const user = await client.currentUser();
    signedIn = user !== null;
    if (!user && env.INFERRA_SUPABASE_EMAIL && env.INFERRA_SUPABASE_PASSWORD) {
      const fresh = await client.signInWithPassword(env.INFERRA_SUPABASE_EMAIL, env.INFERRA_SUPABASE_PASSWORD);
      signedIn = true;
      log(`supabase: signed in as ${fresh.email ?? fresh.id}`);
    } else if (!user) {
      log('supabase: not signed in (set INFERRA_SUPABASE_EMAIL and INFERRA_SUPABASE_PASSWORD); records wait in the local queue');
    }
  } catch (error) {
    log(`supabase: ${toInferraError(error).message}`);
  }
  return { url, client, teams: createTeamsClient(client, url), signedIn, log, close: () => client.close() };
}

/** A Supabase sink for the CLI from environment variables (see the module comment), over `connection` when given (left open on close). */
export async function createCliSupabaseSink(env: NodeJS.ProcessEnv, writeLog: (line: string) => void, connection?: CliSupabase): Promise<SupabaseSink> {
  const connected = connection ?? (await connectCliSupabase(env, writeLog));
  const { client, signedIn, log } = connected;
  const retentionDays = parseRetentionDays(env.INFERRA_SUPABASE_RETENTION_DAYS, log);
  if (signedIn && retentionDays > 0) {
    try {
      const removed = await client.purgeOlderThan(retentionDays);
      log(`supabase: retention: removed ${removed} run(s) older than ${retentionDays} day(s), with their figures`);
    } catch (error) {
      log(`supabase: retention: ${toInferraError(error).message}`);
    }
  }
  const sink = createSupabaseSink({
    client,
    queueDir: env.INFERRA_PROVENANCE_QUEUE_DIR || defaultQueueDir(),
    onEvent: (event) => {
      if (event.type === 'rejected') log(`supabase: a record was refused and set aside: ${toInferraError(event.error).message}`);
    },
  });
  return {
    ...sink,
    async close() {
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_FLUSH_LIMIT_MS);
      });
      await Promise.race([sink.flush().catch(() => undefined), limit]);
      clearTimeout(timer);
      const waiting = sink.pending();
      const error = sink.lastError();
      if (waiting > 0) {
        const why = error && isInferraError(error) ? `: ${error.message}` : '';
        log(`supabase: ${waiting} provenance record(s) still waiting in the local queue${why}`);
      }
      await sink.close();
      if (!connection) await client.close();
    },
  };
}

/** INFERRA_SUPABASE_RETENTION_DAYS as a whole number of days (0: keep everything). */
function parseRetentionDays(value: string | undefined, log: (line: string) => void): number {
  if (value === undefined || value.trim() === '') return 0;
  const days = Number(value);
  if (Number.isInteger(days) && days >= 0) return days;
  log(`supabase: INFERRA_SUPABASE_RETENTION_DAYS must be a whole number of days (0 keeps everything), got "${value}"; nothing is deleted`);
  return 0;
}
