import assert from 'node:assert/strict';
import { isInferraError } from '../../../kernel/errors.js';
import { NativeGate, NativeWatch, createNativeState } from '../../../kernel/worker/native-gate.js';

describe('worker: the native-call gate shared by host and worker', () => {
  it('counts a loading worker as busy until it has loaded', () => {
    const state = createNativeState();
    const watch = new NativeWatch(state);
    assert.equal(watch.inFlight, 1);
    new NativeGate(state).loaded();
    assert.equal(watch.inFlight, 0);
  });

  it('counts each native call while it runs, and the calls started', () => {
    const state = createNativeState();
    const gate = new NativeGate(state);
    const watch = new NativeWatch(state);
    gate.loaded();
    gate.enter();
    gate.enter();
    assert.equal(watch.inFlight, 2);
    assert.equal(watch.starts, 2);
    gate.exit();
    gate.exit();
    assert.equal(watch.inFlight, 0);
  });

  it('once stopping, refuses new native calls with cancelled (and leaves the count as it was)', async () => {
    const state = createNativeState();
    const gate = new NativeGate(state);
    const watch = new NativeWatch(state);
    gate.loaded();
    await watch.stopAndDrain();
    assert.equal(gate.stopping, true);
    assert.throws(
      () => gate.enter(),
      (error: unknown) => isInferraError(error) && error.code === 'cancelled',
    );
    assert.equal(watch.inFlight, 0);
    assert.equal(watch.starts, 0);
  });

  it('stopAndDrain() resolves only after the calls in flight have ended', async () => {
    const state = createNativeState();
    const gate = new NativeGate(state);
    const watch = new NativeWatch(state);
    gate.loaded();
    gate.enter();
    let drained = false;
    const draining = watch.stopAndDrain().then(() => (drained = true));
    // Let the waiter run: nothing ended yet, so it still waits.
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(drained, false);
    gate.exit();
    await draining;
    assert.equal(drained, true);
  });

  it('nextStart() resolves when a call starts, or when woken', async () => {
    const state = createNativeState();
    const gate = new NativeGate(state);
    const watch = new NativeWatch(state);
    gate.loaded();
    const started = watch.nextStart(watch.starts);
    gate.enter();
    await started;
    assert.equal(watch.starts, 1);
    const woken = watch.nextStart(watch.starts);
    watch.wake();
    await woken;
    gate.exit();
  });
});
