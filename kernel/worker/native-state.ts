/**
 * The layout of the state a host and its worker share (native-gate.ts says what it is for), and a
 * fresh one. A leaf (no kernel imports), so a worker can be started before the kernel is loaded
 * (prestart.ts).
 */

/** Native calls in flight. */
export const NATIVE = 0;
/** Set by the host when it retires the worker. */
export const STOP = 1;
/** Native calls started so far (tests land a cancel inside the n-th one). */
export const STARTS = 2;

/** A fresh shared state for one worker: loading (NATIVE = 1), not stopped. */
export function createNativeState(): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  Atomics.store(new Int32Array(buffer), NATIVE, 1);
  return buffer;
}
