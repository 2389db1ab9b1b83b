/**
 * The process' one DuckDB instance (in-memory), created on first use. In the kernel this is the
 * worker thread's instance; the statistics never see DuckDB, only the typed columns it hands over.
 */
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { DuckDBConnection, DuckDBInstance, version as duckdbVersion } from '@duckdb/node-api';
import { InferraError } from '../errors.js';

let connection: Promise<DuckDBConnection> | undefined;
let opened: DuckDBConnection | undefined;
let stopped = false;

/** The shared connection, creating the in-memory instance on the first call. */
export function getConnection(): Promise<DuckDBConnection> {
  if (stopped) return Promise.reject(new InferraError('cancelled'));
  connection ??= createConnection().then(
    (conn) => (opened = conn),
    (error: unknown) => {
      connection = undefined;
      throw error;
    },
  );
  return connection;
}

/**
 * Stops this process' DuckDB work for good: interrupts the running query (it fails with DuckDB's
 * "interrupted" error) and refuses new ones. The worker calls it when its task is cancelled, just
 * before it is retired: terminating a thread while DuckDB's native code is in flight aborts the
 * whole process, so the host waits for the interrupted task to end first.
 */
export function stopQueries(): void {
  stopped = true;
  opened?.interrupt();
}

/**
 * Where DuckDB spills large intermediates: a folder of this process under the system's temp folder
 * (an in-memory database would otherwise use '.tmp' in the working directory, the user's project).
 * Tests pass the temp folder, process id and `node:path/win32`.
 */
export function duckdbTempDirectory(temp: string = tmpdir(), pid: number = process.pid, path: Pick<typeof nodePath, 'join'> = nodePath): string {
  return path.join(temp, `inferra-duckdb-${pid}`);
}

async function createConnection(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', { temp_directory: duckdbTempDirectory() });
  const conn = await instance.connect();
  // Timestamps with a time zone print in UTC, so loaded values do not depend on the machine.
  await conn.run(`SET TimeZone = 'UTC'`).catch(() => undefined);
  return conn;
}

/** DuckDB's library version, e.g. "v1.5.6" (for provenance). */
export function getDuckDBVersion(): string {
  return duckdbVersion();
}
