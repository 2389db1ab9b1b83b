/**
 * What the host must know before it may terminate a worker thread: whether DuckDB's native code is
 * working for it. Terminating a thread while a native call is in flight aborts the whole process
 * (`terminate called after throwing an instance of 'Napi::Error'`), so the two threads share two
 * counters in a SharedArrayBuffer, readable even while the worker's JavaScript is busy:
 *
 * - NATIVE: native calls in flight. It starts at 1 (the worker is loading, DuckDB's native module
 *   included) and the worker lowers it once it is ready; every DuckDB call raises it while it runs.
 * - STOP: set by the host when it retires the worker; from then on no native call may start.
 *
 * A worker raises NATIVE before it reads STOP, and the host sets STOP before it reads NATIVE
 * (sequentially consistent atomics), so once the host sees STOP set and NATIVE at 0 no native call
 * is in flight nor can one start: terminating is safe.
 */
import { InferraError } from '../errors.js';
import { NATIVE, STARTS, STOP } from './native-state.js';

export { createNativeState } from './native-state.js';

/** The worker's side: counts its native calls and refuses new ones once the host stops it. */
export class NativeGate {
  private readonly state: Int32Array;

  constructor(buffer: SharedArrayBuffer) {
    this.state = new Int32Array(buffer);
  }

  /** The worker has loaded (its native modules included): ends the startup count. */
  loaded(): void {
    this.exit();
  }

  /** Before a native call: counts it, or throws `cancelled` when the host is stopping this worker. */
  enter(): void {
    Atomics.add(this.state, NATIVE, 1);
    if (Atomics.load(this.state, STOP) !== 0) {
      this.exit();
      throw new InferraError('cancelled');
    }
    Atomics.add(this.state, STARTS, 1);
    Atomics.notify(this.state, STARTS);
  }

  /** After a native call has ended (its promise settled). */
  exit(): void {
    Atomics.sub(this.state, NATIVE, 1);
    Atomics.notify(this.state, NATIVE);
  }

  /** True once the host has asked this worker to stop. */
  get stopping(): boolean {
    return Atomics.load(this.state, STOP) !== 0;
  }
}

/** Atomics.waitAsync (Node 16+; in TypeScript's lib from es2024 on). */
interface AtomicsWithWaitAsync {
  waitAsync(array: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> };
}

/** The host's side of one worker's shared state. */
export class NativeWatch {
  private readonly state: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.state = new Int32Array(buffer);
  }

  /** Native calls in flight (1 while the worker is still loading). */
  get inFlight(): number {
    return Atomics.load(this.state, NATIVE);
  }

  /** Native calls started so far. */
  get starts(): number {
    return Atomics.load(this.state, STARTS);
  }

  /** Resolves once more than `seen` native calls have started (or wake() was called). */
  async nextStart(seen: number): Promise<void> {
    const wait = (Atomics as unknown as AtomicsWithWaitAsync).waitAsync(this.state, STARTS, seen);
    if (wait.async) await wait.value;
  }

  /** Wakes whoever waits in nextStart(). */
  wake(): void {
    Atomics.notify(this.state, STARTS);
  }

  /** Forbids new native calls in the worker, and resolves once none is in flight. */
  async stopAndDrain(): Promise<void> {
    Atomics.store(this.state, STOP, 1);
    for (;;) {
      const inFlight = Atomics.load(this.state, NATIVE);
      if (inFlight <= 0) return;
      const wait = (Atomics as unknown as AtomicsWithWaitAsync).waitAsync(this.state, NATIVE, inFlight);
      if (wait.async) await wait.value;
    }
  }
}
