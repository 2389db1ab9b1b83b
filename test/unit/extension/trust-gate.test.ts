import assert from 'node:assert/strict';
import { startWhenTrusted, type Timers, type TrustState } from '../../../extension/trust-gate.js';

/** A workspace whose trust the test grants, with listeners counted. */
class FakeTrust implements TrustState {
  listeners = new Set<() => void>();
  constructor(public isTrusted: boolean) {}
  onDidGrantWorkspaceTrust(listener: () => void) {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }
  grant() {
    this.isTrusted = true;
    for (const l of [...this.listeners]) l();
  }
}

/** Timers that fire only when the test says so. */
class FakeTimers implements Timers {
  pending = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;
  set(callback: () => void, ms: number) {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }
  clear(handle: unknown) {
    this.pending.delete(handle as number);
  }
  fireAll() {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) t.callback();
  }
}

describe('extension start: the Supabase hub starts only in a trusted workspace (review H4)', () => {
  it('trusted at activation: starts once, after the delay', () => {
    const trust = new FakeTrust(true);
    const timers = new FakeTimers();
    let started = 0;
    startWhenTrusted(trust, () => started++, { delayMs: 1500, timers });
    assert.equal(started, 0, 'not on the activation path');
    assert.deepEqual([...timers.pending.values()].map((t) => t.ms), [1500]);
    timers.fireAll();
    assert.equal(started, 1);
    assert.equal(trust.listeners.size, 0);
  });

  it('Restricted Mode: nothing starts and no timer is set until trust is granted; then it starts once', () => {
    const trust = new FakeTrust(false);
    const timers = new FakeTimers();
    let started = 0;
    let restricted = 0;
    startWhenTrusted(trust, () => started++, { delayMs: 1500, timers, onRestricted: () => restricted++ });
    assert.equal(restricted, 1);
    assert.equal(timers.pending.size, 0);
    timers.fireAll();
    assert.equal(started, 0);
    trust.grant();
    assert.equal(started, 0);
    timers.fireAll();
    assert.equal(started, 1);
    trust.grant();
    timers.fireAll();
    assert.equal(started, 1, 'a second grant event does not start it again');
    assert.equal(trust.listeners.size, 0);
  });

  it('disposed before the delay ends (extension deactivated): never starts', () => {
    for (const trusted of [true, false]) {
      const trust = new FakeTrust(trusted);
      const timers = new FakeTimers();
      let started = 0;
      const gate = startWhenTrusted(trust, () => started++, { delayMs: 1500, timers });
      gate.dispose();
      trust.grant();
      timers.fireAll();
      assert.equal(started, 0);
      assert.equal(trust.listeners.size, 0);
    }
  });
});
