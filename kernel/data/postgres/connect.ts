/**
 * One connection to PostgreSQL per task, with timeouts, and its errors as messages a researcher can
 * act on (host, what to check) rather than stack traces. The password is never in the notebook: it
 * comes from PGPASSWORD or from ~/.pgpass (PGPASSFILE), looked up here.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { InferraError, isInferraError } from '../../errors.js';
import { tableName, type PostgresLocator, type PostgresServer } from './locator.js';

/** Seconds to wait for a connection. */
export const CONNECT_TIMEOUT_SECONDS = 10;

/** Seconds one statement may run (a plan's queries on a large table are full scans). */
export const STATEMENT_TIMEOUT_SECONDS = 600;

/** The password for a server: PGPASSWORD, else the first matching line of ~/.pgpass, else none. */
export async function lookupPassword(l: PostgresServer, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  if (env.PGPASSWORD) return env.PGPASSWORD;
  const file = env.PGPASSFILE ?? join(homedir(), '.pgpass');
  const text = await readFile(file, 'utf8').catch(() => '');
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = splitPgpass(line);
    if (fields.length !== 5) continue;
    const [host, port, database, user, password] = fields;
    const match = (field: string, value: string) => field === '*' || field === value;
    if (match(host, l.host) && match(port, String(l.port)) && match(database, l.database) && match(user, l.user)) return password;
  }
  return undefined;
}

/** The five fields of a .pgpass line (`:` separates, `\` escapes). */
function splitPgpass(line: string): string[] {
  const fields: string[] = [''];
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) fields[fields.length - 1] += line[++i];
    else if (ch === ':') fields.push('');
    else fields[fields.length - 1] += ch;
  }
  return fields;
}

/** A connected client; the caller ends it. */
export async function connect(l: PostgresServer): Promise<pg.Client> {
  const password = await lookupPassword(l);
  const client = new pg.Client({
    host: l.host,
    port: l.port,
    user: l.user,
    database: l.database,
    password: password ?? '',
    ssl: l.ssl ? { rejectUnauthorized: false } : false,
    connectionTimeoutMillis: CONNECT_TIMEOUT_SECONDS * 1000,
    statement_timeout: STATEMENT_TIMEOUT_SECONDS * 1000,
    application_name: 'inferra',
  });
  // A dropped connection must not crash the worker: the failing query reports it.
  client.on('error', () => undefined);
  try {
    await client.connect();
    // Doubles print in their shortest exact form and dates as ISO 8601, whatever the server's defaults.
    await client.query(`SET extra_float_digits = 1; SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET IntervalStyle = 'iso_8601'`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionError(error, l);
  }
  return client;
}

/** Runs `use` with a connected client, ending it afterwards. */
export async function withClient<T>(l: PostgresServer | PostgresLocator, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(l);
  try {
    return await use(client);
  } catch (error) {
    throw queryError(error, l);
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface PgError {
  code?: string;
  message?: string;
}

/** A failure to connect as a message naming the host and what to check. */
export function connectionError(error: unknown, l: PostgresServer): InferraError {
  if (isInferraError(error)) return error;
  const e = error as PgError;
  const message = String(e?.message ?? error);
  if (e?.code === '28P01' || e?.code === '28000' || /password authentication|no password supplied|SASL/i.test(message)) {
    return new InferraError('database-login-failed', { user: l.user, host: l.host, database: l.database, detail: firstLine(message) }, { cause: error });
  }
  if (e?.code === '3D000') return new InferraError('database-not-found', { database: l.database, host: l.host }, { cause: error });
  if (/timeout/i.test(message)) return new InferraError('database-timeout', { host: l.host, seconds: CONNECT_TIMEOUT_SECONDS }, { cause: error });
  const reason =
    e?.code === 'ECONNREFUSED'
      ? 'the connection was refused'
      : e?.code === 'ENOTFOUND' || e?.code === 'EAI_AGAIN'
        ? 'the host name was not found'
        : firstLine(message);
  return new InferraError('database-unreachable', { host: l.host, port: l.port, detail: reason }, { cause: error });
}

/** A failed query as a message (a statement timeout says so). */
export function queryError(error: unknown, l: PostgresServer | PostgresLocator): InferraError {
  if (isInferraError(error)) return error;
  const e = error as PgError;
  if (e?.code === '57014') return new InferraError('database-timeout', { host: l.host, seconds: STATEMENT_TIMEOUT_SECONDS }, { cause: error });
  if (e?.code === undefined || /^E[A-Z]+$/.test(e.code)) return connectionError(error, l);
  return new InferraError('database-query-failed', { table: 'table' in l ? tableName(l) : l.database, detail: firstLine(String(e.message ?? error)) }, { cause: error });
}

function firstLine(text: string): string {
  return text.split('\n')[0].replace(/[.\s]+$/, '');
}
