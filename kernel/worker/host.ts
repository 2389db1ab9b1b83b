/**
 * The host side of the statistics worker: one worker thread, spawned on first use, running one call
 * at a time in FIFO order. A call ends exactly once: with the worker's result, its error (rebuilt
 * from `{ code, params }`), `cancelled` (AbortSignal), `timeout`, or `worker-crashed`. Cancelling or
 * timing out the running call ends it at once and retires its worker; the next call spawns a fresh
 * one, and calls still queued behind it run as usual.
 *
 * Retiring is careful: terminating a worker thread while DuckDB's native code is working for it
 * aborts the whole process (the extension host, the CLI). So a retiring worker is told to stop
 * through memory both threads share (native-gate.ts: no DuckDB call may start from then on) and is
 * asked to interrupt DuckDB (`{ cancel: id }`); it is terminated only once no DuckDB call is in
 * flight, as the shared counter shows even while its JavaScript is busy. A worker still starting
 * (loading DuckDB's native module) counts as busy. A retiring worker keeps the process alive until
 * it has ended, and close() waits for every retiring worker: a process that exited around it would
 * terminate it regardless.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { InferraError, errorFromData, type ErrorData } from '../errors.js';
import type { AnalysisOutcome, AnalysisRequest, DatasetSchema, ProgressEvent } from '../types.js';
import { NativeWatch, createNativeState } from './native-gate.js';
import { createSpillDirectory, removeSpillDirectory } from './spill.js';
import { adoptPrestartedWorker } from './prestart.js';
import { buildWorkerSpawn, resolveWorkerPath } from './spawn.js';

export { buildWorkerSpawn, resolveWorkerPath, resolveWorkerPathIn } from './spawn.js';
import { readyMessageSchema, replyMessageSchema, resultSchemas, type CancelMessage, type Task, type TaskMessage } from './protocol.js';

/** Options of one call. */
export interface CallOptions {
  /** Aborting cancels the call (and stops the worker if the call is running). */
  signal?: AbortSignal;
  /** Time limit of this call once it runs (queue time excluded); default: the worker's. */
  timeoutMs?: number;
  /** Progress messages from the worker ("Loading 1.2 M rows..."). */
  /** Progress of a long call: a message to show, and where the task is (phase, rows read). */
  onProgress?: (message: string, event?: ProgressEvent) => void;
}

/** Options of a KernelWorker. */
export interface KernelWorkerOptions {
  /** The worker script; default: resolveWorkerPath(). */
  workerPath?: string;
  /** Default time limit of a call, in milliseconds (default 120 000). */
  timeoutMs?: number;
  /** Where the host logs worker lifecycle lines (spawn, exit, crash). */
  log?: (line: string) => void;
  /** V8 heap limits of the worker thread; exceeding them ends the running call with `worker-crashed`. */
  resourceLimits?: ResourceLimits;
  /**
   * Tests: called while the running call's worker has its n-th DuckDB call (n = 1, 2, ...) in flight,
   * with a function that makes the call reach its time limit at once. Default: from the variable
   * INFERRA_TEST_EXPIRE_AT_DUCKDB_CALL=n (the limit is reached inside the n-th DuckDB call).
   */
  onDuckDBCall?: (n: number, expire: () => void) => void;
}

/** The test hook of INFERRA_TEST_EXPIRE_AT_DUCKDB_CALL, if set. */
function expireHookFromEnv(): KernelWorkerOptions['onDuckDBCall'] {
  const target = Number(process.env.INFERRA_TEST_EXPIRE_AT_DUCKDB_CALL);
  if (!Number.isInteger(target) || target < 1) return undefined;
  return (n, expire) => {
    if (n >= target) expire();
  };
}

/** Default time limit of one call. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** After how long close() says that it is still waiting for DuckDB to let go (it keeps waiting). */
const CLOSE_NOTICE_MS = 10_000;

interface Call {
  id: number;
  task: Task;
  options: CallOptions;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  done: boolean;
  timer?: NodeJS.Timeout;
  onAbort?: () => void;
  /** Called once the call has ended. */
  onDone?: () => void;
}

/** The statistics worker, seen from the kernel: schema and run calls, queued, cancellable, with time limits. */
export class KernelWorker {
  private worker: Worker | undefined;
  private readonly queue: Call[] = [];
  private current: Call | undefined;
  private nextId = 1;
  private closed = false;
  private readonly workerPath: string;
  private readonly timeoutMs: number;
  private readonly log: (line: string) => void;
  private readonly resourceLimits: ResourceLimits | undefined;
  private readonly onDuckDBCall: KernelWorkerOptions['onDuckDBCall'];
  /** Workers being retired, until they have exited. */
  private readonly retiring = new Set<Promise<void>>();
  /** Each worker's shared native-call state and spill folder. */
  private readonly resources = new WeakMap<Worker, { watch: NativeWatch; spillDirectory: string }>();

  constructor(options: KernelWorkerOptions = {}) {
    this.workerPath = options.workerPath ?? resolveWorkerPath();
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.log = options.log ?? (() => undefined);
    this.resourceLimits = options.resourceLimits;
    this.onDuckDBCall = options.onDuckDBCall ?? expireHookFromEnv();
  }

  /** The schema of a dataset (kernel/data inferSchema, in the worker). */
  schema(path: string, options: CallOptions = {}): Promise<DatasetSchema> {
    return this.enqueue({ kind: 'schema', path }, options) as Promise<DatasetSchema>;
  }

  /** Runs one analysis or figure task on a dataset, in the worker. */
  run(path: string, request: AnalysisRequest, options: CallOptions = {}): Promise<AnalysisOutcome> {
    return this.enqueue({ kind: 'run', path, request }, options) as Promise<AnalysisOutcome>;
  }

  /** Cancels queued calls and stops the worker; later calls are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const call of this.queue.splice(0)) this.settle(call, new InferraError('cancelled'));
    const running = this.current;
    if (running) this.settle(running, new InferraError('cancelled'));
    this.stopWorker('closed', running?.id);
    const notice = setTimeout(() => this.log('worker: waiting for DuckDB to stop reading before closing'), CLOSE_NOTICE_MS).unref();
    try {
      // Every retiring worker is ref'd until it has ended, so this wait keeps the process alive.
      while (this.retiring.size > 0) await Promise.all([...this.retiring]);
    } finally {
      clearTimeout(notice);
    }
  }

  private enqueue(task: Task, options: CallOptions): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new InferraError('cancelled'));
      if (options.signal?.aborted) return reject(new InferraError('cancelled'));
      const call: Call = { id: this.nextId++, task, options, resolve, reject, done: false };
      if (options.signal) {
        call.onAbort = () => this.cancel(call);
        options.signal.addEventListener('abort', call.onAbort, { once: true });
      }
      this.queue.push(call);
      this.pump();
    });
  }

  private cancel(call: Call): void {
    if (call.done) return;
    const wasRunning = this.current === call;
    this.settle(call, new InferraError('cancelled'));
    if (wasRunning) {
      this.log(`worker: call ${call.id} cancelled; stopping the worker`);
      this.stopWorker('cancelled', call.id);
    } else {
      const index = this.queue.indexOf(call);
      if (index >= 0) this.queue.splice(index, 1);
    }
  }

  /** Starts the next queued call when none is running. */
  private pump(): void {
    if (this.current || this.closed) return;
    const call = this.queue.shift();
    if (!call) {
      this.worker?.unref();
      return;
    }
    this.current = call;
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch (error) {
      this.settle(call, new InferraError('worker-crashed', { detail: error instanceof Error ? error.message : String(error) }));
      return;
    }
    worker.ref();
    const timeoutMs = call.options.timeoutMs ?? this.timeoutMs;
    const expire = () => {
      if (call.done) return;
      this.log(`worker: call ${call.id} exceeded ${timeoutMs} ms; stopping the worker`);
      this.settle(call, new InferraError('timeout', { timeoutMs }));
      this.stopWorker('timeout', call.id);
    };
    call.timer = setTimeout(expire, timeoutMs);
    const watch = this.resources.get(worker)?.watch;
    if (this.onDuckDBCall && watch) void this.watchDuckDBCalls(call, watch, this.onDuckDBCall, expire);
    const message: TaskMessage = { id: call.id, task: call.task };
    try {
      worker.postMessage(message);
    } catch (error) {
      // A request that cannot be cloned never reaches the worker, which stays usable.
      this.settle(call, new InferraError('worker-protocol', { detail: error instanceof Error ? error.message : String(error) }));
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // A worker the door started early (prestart.ts) serves when it was started as this one would be.
    const early = this.resourceLimits ? undefined : adoptPrestartedWorker(this.workerPath);
    const nativeState = early?.nativeState ?? createNativeState();
    const spillDirectory = early?.spillDirectory ?? createSpillDirectory();
    let worker: Worker;
    if (early) worker = early.worker;
    else {
      const { filename, options } = buildWorkerSpawn(this.workerPath);
      try {
        worker = new Worker(filename, {
          ...options,
          workerData: { nativeState, spillDirectory },
          ...(this.resourceLimits ? { resourceLimits: this.resourceLimits } : {}),
        });
      } catch (error) {
        removeSpillDirectory(spillDirectory);
        throw error;
      }
    }
    this.resources.set(worker, { watch: new NativeWatch(nativeState), spillDirectory });
    this.log(`worker: ${early ? 'adopted the early-started' : 'started'} ${this.workerPath} (thread ${worker.threadId})`);
    worker.on('message', (message: unknown) => this.onMessage(worker, message));
    worker.on('error', (error: Error) => this.onCrash(worker, error.message));
    worker.on('messageerror', (error: Error) => this.onCrash(worker, `unreadable message: ${error.message}`));
    worker.on('exit', (code: number) => this.onCrash(worker, `exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private onMessage(worker: Worker, message: unknown): void {
    if (readyMessageSchema.safeParse(message).success) return;
    if (worker !== this.worker) return;
    const call = this.current;
    const parsed = replyMessageSchema.safeParse(message);
    if (!parsed.success) {
      this.log(`worker: invalid reply ${JSON.stringify(message)?.slice(0, 200)}`);
      if (call) this.settle(call, new InferraError('worker-protocol', { detail: parsed.error.issues[0]?.message ?? 'invalid reply' }));
      return;
    }
    const reply = parsed.data;
    if (!call || reply.id !== call.id) {
      this.log(`worker: ignored a reply for call ${reply.id}`);
      return;
    }
    if ('progress' in reply) {
      call.options.onProgress?.(reply.progress, reply.event);
      return;
    }
    if ('error' in reply) {
      this.settle(call, errorFromData(reply.error as ErrorData));
      return;
    }
    // The worker acknowledges a cancel only for a call the host has already ended.
    if ('cancelling' in reply) return;
    const result = resultSchemas[call.task.kind].safeParse(reply.result);
    if (!result.success) {
      const issue = result.error.issues[0];
      const detail = `${call.task.kind} result: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim();
      this.settle(call, new InferraError('worker-protocol', { detail }));
      return;
    }
    this.settle(call, undefined, reply.result);
  }

  /** The worker died on its own (uncaught error, out of memory, process.exit): fail the running call. */
  private onCrash(worker: Worker, detail: string): void {
    if (worker !== this.worker) return;
    this.log(`worker: stopped unexpectedly (${detail})`);
    this.worker = undefined;
    worker.removeAllListeners();
    worker.on('error', () => undefined);
    // It has ended on its own (an 'exit' or a fatal error ends the thread): nothing native is left.
    void worker.terminate().catch(() => undefined).finally(() => this.release(worker));
    if (this.current) this.settle(this.current, new InferraError('worker-crashed', { detail }));
  }

  /**
   * Takes the worker out of service on purpose (its late replies are ignored) and retires it: at once
   * when it is idle, else after the task `runningId` has let go of DuckDB (see the module comment).
   */
  private stopWorker(reason: string, runningId?: number): void {
    const worker = this.worker;
    if (!worker) return;
    // Its listeners stay (removing them all can stop the delivery of its messages) and ignore it now.
    this.worker = undefined;
    const inFlight = this.resources.get(worker)?.watch.inFlight ?? 0;
    this.log(`worker: stopping (${reason})${inFlight > 0 ? `; waiting for ${inFlight} DuckDB call${inFlight > 1 ? 's' : ''} in flight` : ''}`);
    const retired = this.retire(worker, runningId).finally(() => this.retiring.delete(retired));
    this.retiring.add(retired);
  }

  /**
   * Stops the worker: no DuckDB call may start in it from now on, the running task (if any) is asked
   * to interrupt DuckDB, and the thread is terminated once no DuckDB call is in flight, or when it
   * has exited by itself. Until then it keeps the process alive.
   */
  private async retire(worker: Worker, runningId: number | undefined): Promise<void> {
    const watch = this.resources.get(worker)?.watch;
    worker.ref();
    const exited = new Promise<string>((resolve) => worker.once('exit', () => resolve('exited')));
    worker.on('error', () => undefined);
    if (runningId !== undefined) {
      try {
        worker.postMessage({ cancel: runningId } satisfies CancelMessage);
      } catch {
        // A thread that cannot be written to has ended; the wait below sees it.
      }
    }
    const drained = watch ? watch.stopAndDrain().then(() => 'no DuckDB call in flight') : exited;
    const why = await Promise.race([drained, exited]);
    this.log(`worker: thread ${worker.threadId} retired (${runningId === undefined ? 'idle' : why})`);
    await worker.terminate().catch(() => undefined);
    this.release(worker);
  }

  /** Removes a worker's spill folder once its thread has ended. */
  private release(worker: Worker): void {
    const resources = this.resources.get(worker);
    if (!resources) return;
    this.resources.delete(worker);
    removeSpillDirectory(resources.spillDirectory);
  }

  /** Tests: reports each DuckDB call of the running call while it is in flight (onDuckDBCall). */
  private async watchDuckDBCalls(call: Call, watch: NativeWatch, hook: NonNullable<KernelWorkerOptions['onDuckDBCall']>, expire: () => void): Promise<void> {
    let seen = watch.starts;
    let n = 0;
    call.onDone = () => watch.wake();
    while (!call.done) {
      await watch.nextStart(seen);
      const now = watch.starts;
      n += now - seen;
      seen = now;
      if (!call.done && watch.inFlight > 0) hook(n, expire);
    }
  }

  /** Ends a call exactly once and starts the next one. */
  private settle(call: Call, error: unknown, value?: unknown): void {
    if (call.done) return;
    call.done = true;
    if (call.timer) clearTimeout(call.timer);
    if (call.onAbort) call.options.signal?.removeEventListener('abort', call.onAbort);
    if (this.current === call) this.current = undefined;
    call.onDone?.();
    if (error !== undefined) call.reject(error);
    else call.resolve(value);
    queueMicrotask(() => this.pump());
  }
}

