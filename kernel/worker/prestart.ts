/**
 * Starting the statistics worker early. A command that will need the worker (`inferra analyze`)
 * starts it first thing, so that the worker's modules and DuckDB's native one load on the other core
 * while the main thread loads the kernel; the first KernelWorker (host.ts) with the default script
 * and no resource limits adopts it instead of starting its own. A leaf (node built-ins and the
 * worker's leaves only): the door loads it before anything else.
 *
 * A started worker that nobody adopts (a usage error, a data-free analysis) must not be cut off while
 * it loads DuckDB's native module (that aborts the process): the door calls
 * `releasePrestartedWorker()` before it exits, which waits until the worker has loaded and then ends
 * it. It does not keep the process alive, and its spill folder is removed when the process exits.
 * One that ended before it was adopted (it could not load) is dropped: the host then starts its own,
 * and reports what goes wrong with it.
 */
import { Worker } from 'node:worker_threads';
import { createNativeState } from './native-state.js';
import { buildWorkerSpawn, resolveWorkerPath } from './spawn.js';
import { createSpillDirectory, removeSpillDirectory } from './spill.js';

/** A worker started ahead of its host, with what the host shares with it. */
export interface PrestartedWorker {
  worker: Worker;
  path: string;
  nativeState: SharedArrayBuffer;
  spillDirectory: string;
}

interface Waiting extends PrestartedWorker {
  ended: boolean;
  onEnd: () => void;
  onMessage: (message: unknown) => void;
  /** Settles once the worker has loaded (its `{ ready: true }`) or ended. */
  settled: Promise<void>;
}

let waiting: Waiting | undefined;

/**
 * Starts the worker now (once), for the host to adopt; a failure to start is left to the host.
 * `warm`: the command will run an analysis, so the worker loads the statistics modules while it waits.
 */
export function prestartWorker(warm = false): void {
  if (waiting) return;
  let spillDirectory: string | undefined;
  try {
    const path = resolveWorkerPath();
    const { filename, options } = buildWorkerSpawn(path);
    const nativeState = createNativeState();
    spillDirectory = createSpillDirectory();
    const worker = new Worker(filename, { ...options, workerData: { nativeState, spillDirectory, warm } });
    let settle = () => undefined as void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const entry: Waiting = {
      worker,
      path,
      nativeState,
      spillDirectory,
      ended: false,
      settled,
      onEnd: () => {
        entry.ended = true;
        settle();
      },
      onMessage: (message) => {
        if ((message as { ready?: unknown } | null)?.ready === true) settle();
      },
    };
    worker.unref();
    worker.on('exit', entry.onEnd);
    worker.on('error', entry.onEnd);
    worker.on('message', entry.onMessage);
    process.once('exit', () => {
      if (waiting === entry) removeSpillDirectory(entry.spillDirectory);
    });
    waiting = entry;
  } catch {
    if (spillDirectory) removeSpillDirectory(spillDirectory);
  }
}

/** The worker started early for the script `path`, if there is one still running; it is handed over once. */
export function adoptPrestartedWorker(path: string): PrestartedWorker | undefined {
  const entry = waiting;
  if (!entry || entry.path !== path) return undefined;
  waiting = undefined;
  entry.worker.off('exit', entry.onEnd);
  entry.worker.off('error', entry.onEnd);
  entry.worker.off('message', entry.onMessage);
  if (entry.ended) {
    // It could not load: drop it (it has ended, so nothing native is in flight).
    entry.worker.on('error', () => undefined);
    removeSpillDirectory(entry.spillDirectory);
    return undefined;
  }
  const { worker, nativeState, spillDirectory } = entry;
  return { worker, path, nativeState, spillDirectory };
}

/**
 * Ends a worker started early that no host adopted, once it has loaded (terminating it while DuckDB's
 * native module loads would abort the process), and removes its spill folder. Nothing to do when
 * none is waiting.
 */
export async function releasePrestartedWorker(): Promise<void> {
  const entry = waiting;
  if (!entry) return;
  waiting = undefined;
  entry.worker.ref();
  await entry.settled;
  entry.worker.off('message', entry.onMessage);
  entry.worker.on('error', () => undefined);
  if (!entry.ended) await entry.worker.terminate().catch(() => undefined);
  removeSpillDirectory(entry.spillDirectory);
}
