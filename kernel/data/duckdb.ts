/**
 * The process' one DuckDB instance (in-memory), created on first use. In the kernel this is the
 * worker thread's instance; the statistics never see DuckDB, only the typed columns it hands over.
 *
 * Every asynchronous DuckDB call passes a gate (kernel/worker/native-gate.ts in the worker): it is
 * counted while its native code runs, so the host knows when the thread may be terminated safely,
 * and it is refused once the host is stopping the worker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DuckDBConnection,
  DuckDBInstance,
  DuckDBPendingResult,
  DuckDBPreparedStatement,
  DuckDBResult,
  DuckDBResultReader,
  version as duckdbVersion,
} from '@duckdb/node-api';
import { InferraError } from '../errors.js';

/** Counts native calls in flight and refuses new ones once stopping (the worker installs one). */
export interface NativeWorkGate {
  enter(): void;
  exit(): void;
}

const openGate: NativeWorkGate = { enter: () => undefined, exit: () => undefined };

let gate: NativeWorkGate = openGate;
let connection: Promise<DuckDBConnection> | undefined;
let opened: DuckDBConnection | undefined;
let stopped = false;
let spillDirectory: string | undefined;
let ownsSpillDirectory = false;

/** Installs the gate every DuckDB call passes (the worker's NativeGate). */
export function setNativeWorkGate(next: NativeWorkGate): void {
  gate = next;
}

/**
 * The folder DuckDB spills to. The worker host creates one per worker (and removes it when the
 * worker has ended); without one, the first connection creates its own with mkdtemp (mode 0700, a
 * random name in the temp folder) and removes it when the process exits.
 */
export function setSpillDirectory(directory: string): void {
  spillDirectory = directory;
  ownsSpillDirectory = false;
}

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
 * whole process, so the host waits until no DuckDB call is in flight.
 */
export function stopQueries(): void {
  stopped = true;
  opened?.interrupt();
}

async function createConnection(): Promise<DuckDBConnection> {
  if (!spillDirectory) {
    // mkdtemp: mode 0700 and a random name, so no other account can create it first or read it.
    spillDirectory = mkdtempSync(join(tmpdir(), 'inferra-duckdb-'));
    ownsSpillDirectory = true;
    process.once('exit', removeOwnSpillDirectory);
  }
  // An in-memory database spills large intermediates to '.tmp' in the working directory by default;
  // keep them out of the user's project, in a folder only this user can read.
  const instance = await gated(() => DuckDBInstance.create(':memory:', { temp_directory: spillDirectory! }));
  const conn = tracked(await gated(() => instance.connect()));
  // Timestamps with a time zone print in UTC, so loaded values do not depend on the machine.
  await conn.run(`SET TimeZone = 'UTC'`).catch(() => undefined);
  return conn;
}

function removeOwnSpillDirectory(): void {
  if (ownsSpillDirectory && spillDirectory) rmSync(spillDirectory, { recursive: true, force: true });
}

/**
 * Runs one DuckDB call counted as in flight until it settles (synchronous or a promise), refused
 * once stopping; `then` maps the settled value (results are wrapped so their own calls count too).
 */
function throughGate(call: () => unknown, then: (value: unknown) => unknown = (value) => value): unknown {
  if (stopped) throw new InferraError('cancelled');
  gate.enter();
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    gate.exit();
    throw error;
  }
  if (result instanceof Promise) {
    return result.then(
      (settled: unknown) => {
        gate.exit();
        return then(settled);
      },
      (error: unknown) => {
        gate.exit();
        throw error;
      },
    );
  }
  gate.exit();
  return then(result);
}

/** An asynchronous DuckDB call through the gate (a refusal rejects). */
async function gated<T>(call: () => Promise<T>): Promise<T> {
  return (await throughGate(call)) as T;
}

/** Calls that stop or free DuckDB work: always allowed, even once stopping. */
const ALWAYS_ALLOWED = new Set<PropertyKey>(['interrupt', 'closeSync', 'disconnectSync', 'destroySync']);

/**
 * The object with every method call passing the gate; results that have asynchronous methods of
 * their own (streamed results, readers, prepared statements) are wrapped the same way. Data chunks
 * and vectors are not: they only read memory DuckDB has already handed over.
 */
function tracked<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key, object);
      if (typeof value !== 'function' || key === 'constructor' || ALWAYS_ALLOWED.has(key)) {
        return typeof value === 'function' ? value.bind(object) : value;
      }
      return (...args: unknown[]) => throughGate(() => (value as (...a: unknown[]) => unknown).apply(object, args), wrapResult);
    },
  });
}

function wrapResult(value: unknown): unknown {
  const wrap =
    value instanceof DuckDBResult ||
    value instanceof DuckDBResultReader ||
    value instanceof DuckDBPreparedStatement ||
    value instanceof DuckDBPendingResult;
  return wrap ? tracked(value as object) : value;
}

/** DuckDB's library version, e.g. "v1.5.6" (for provenance). */
export function getDuckDBVersion(): string {
  return duckdbVersion();
}
