/**
 * The scratch space of one PostgreSQL integration test file: a schema of its own in the local server
 * (127.0.0.1:5432, database test) and a temporary folder, made before the file's tests and removed after.
 * When the server cannot be reached, `admin` stays undefined and `reason` says why, so a test can run its
 * DuckDB half and say what it skipped.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { connect } from '../../../kernel/data/postgres/connect.js';
import { parsePostgresLocator } from '../../../kernel/data/postgres/locator.js';

export const POSTGRES_BASE = 'postgres://postgres@127.0.0.1:5432/test';

export interface Scratch {
  /** The schema's name, unique to this process and file. */
  readonly schema: string;
  /** The temporary folder (set once the hooks ran). */
  folder: string;
  /** A connection for setting up tables, or undefined when PostgreSQL is not reachable. */
  admin: pg.Client | undefined;
  /** Why PostgreSQL is not used, when it is not. */
  reason: string;
}

/** Registers the mocha hooks that make and remove the scratch space; call inside a describe block. */
export function useScratch(prefix: string): Scratch {
  const scratch: Scratch = { schema: `inferra_${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`, folder: '', admin: undefined, reason: '' };
  before(async () => {
    scratch.folder = await mkdtemp(join(tmpdir(), `inferra-${prefix}-`));
    try {
      scratch.admin = await connect(parsePostgresLocator(`${POSTGRES_BASE}?table=public.none`));
      await scratch.admin.query(`CREATE SCHEMA ${scratch.schema}`);
    } catch (error) {
      scratch.reason = (error as Error).message;
      await scratch.admin?.end().catch(() => undefined);
      scratch.admin = undefined;
    }
  });
  after(async () => {
    if (scratch.admin) {
      await scratch.admin.query(`DROP SCHEMA IF EXISTS ${scratch.schema} CASCADE`);
      await scratch.admin.end();
    }
    await rm(scratch.folder, { recursive: true, force: true });
  });
  return scratch;
}

/** A CSV of fixture columns in `folder` (NA for missing), for loading into DuckDB and PostgreSQL alike. */
export async function writeFixtureCsv(folder: string, name: string, columns: readonly { name: string; values: readonly (number | string | null)[]; kind?: string }[]): Promise<string> {
  const file = join(folder, `${name}.csv`);
  const rows = columns[0].values.map((_, i) => columns.map((c) => (c.values[i] === null ? 'NA' : String(c.values[i]))).join(','));
  await writeFile(file, `${columns.map((c) => c.name).join(',')}\n${rows.join('\n')}\n`);
  return file;
}
