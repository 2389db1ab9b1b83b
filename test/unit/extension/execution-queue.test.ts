import assert from 'node:assert/strict';
import { ExecutionQueue, guardExecution, type ExecutionLike, type TokenLike } from '../../../extension/execution-queue.js';

/** A fake of vscode.CancellationTokenSource + NotebookCellExecution that records every call. */
class FakeExecution implements ExecutionLike {
  executionOrder: number | undefined;
  readonly calls: string[] = [];
  private cancelled = false;
  private readonly listeners = new Set<() => void>();
  readonly token: TokenLike = {
    isCancellationRequested: false,
    onCancellationRequested: (listener) => {
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    },
  };

  constructor(readonly cell: string, private readonly log: string[]) {
    Object.defineProperty(this.token, 'isCancellationRequested', { get: () => this.cancelled });
  }

  start(): void {
    this.calls.push('start');
    this.log.push(`start ${this.cell}`);
  }

  end(success: boolean | undefined): void {
    this.calls.push(`end ${success}`);
    this.log.push(`end ${this.cell} ${success}`);
  }

  cancel(): void {
    this.cancelled = true;
    for (const l of [...this.listeners]) l();
  }
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => { resolve = a; reject = b; });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setImmediate(r));

function buildQueue(run: (cell: string, signal: AbortSignal) => Promise<boolean>) {
  const log: string[] = [];
  const executions = new Map<string, FakeExecution>();
  const queue = new ExecutionQueue<string, undefined, FakeExecution>({
    keyOfCell: (cell) => cell,
    createExecution: (cell) => {
      log.push(`pending ${cell}`);
      const execution = new FakeExecution(cell, log);
      executions.set(cell, execution);
      return execution;
    },
    runCell: (cell, _execution, signal) => run(cell, signal),
    isCancellation: (error) => (error as { code?: string }).code === 'cancelled',
  });
  return { queue, log, executions };
}

describe('extension/execution-queue', () => {
  it('marks every requested cell pending at once, then runs one at a time in order', async () => {
    const gates = new Map(['a', 'b', 'c'].map((c) => [c, deferred<boolean>()]));
    const { queue, log } = buildQueue((cell) => gates.get(cell)!.promise);
    const done = queue.enqueue('nb', ['a', 'b', 'c']);
    await tick();
    assert.deepEqual(log, ['pending a', 'pending b', 'pending c', 'start a']);
    gates.get('a')!.resolve(true);
    await tick();
    assert.deepEqual(log.slice(3), ['start a', 'end a true', 'start b']);
    gates.get('b')!.resolve(false);
    gates.get('c')!.resolve(true);
    assert.deepEqual(await done, ['succeeded', 'failed', 'succeeded']);
    assert.deepEqual(log.slice(6), ['end b false', 'start c', 'end c true']);
  });

  it('runs notebooks independently', async () => {
    const gate = deferred<boolean>();
    const { queue, log } = buildQueue((cell) => (cell === 'slow' ? gate.promise : Promise.resolve(true)));
    const slow = queue.enqueue('nb1', ['slow']);
    const fast = await queue.enqueue('nb2', ['fast']);
    assert.deepEqual(fast, ['succeeded']);
    assert.ok(log.includes('end fast true') && !log.some((l) => l.startsWith('end slow')));
    gate.resolve(true);
    assert.deepEqual(await slow, ['succeeded']);
  });

  it('ends every execution exactly once, even when the runner ends it itself or throws', async () => {
    const { queue, executions } = buildQueue(async (cell) => {
      if (cell === 'throws') throw new Error('boom');
      return true;
    });
    const outcomes = await queue.enqueue('nb', ['ok', 'throws']);
    assert.deepEqual(outcomes, ['succeeded', 'failed']);
    assert.deepEqual(executions.get('ok')!.calls, ['start', 'end true']);
    assert.deepEqual(executions.get('throws')!.calls, ['start', 'end false']);
  });

  it('guardExecution ignores a second end and starts before a verdict', () => {
    const log: string[] = [];
    const raw = new FakeExecution('x', log);
    const guarded = guardExecution(raw, () => 5);
    guarded.end(true);
    guarded.end(false);
    guarded.start();
    assert.deepEqual(raw.calls, ['start', 'end true']);
    assert.equal(guarded.ended, true);
    assert.equal(guarded.raw, raw);
  });

  it('cancels the running cell through its token: the signal aborts and the cell ends without a verdict', async () => {
    let seen: AbortSignal | undefined;
    const { queue, executions } = buildQueue((_cell, signal) => {
      seen = signal;
      return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(Object.assign(new Error('cancelled'), { code: 'cancelled' }))));
    });
    const done = queue.enqueue('nb', ['long', 'next']);
    await tick();
    executions.get('long')!.cancel();
    executions.get('next')!.cancel();
    assert.deepEqual(await done, ['cancelled', 'cancelled']);
    assert.equal(seen?.aborted, true);
    assert.deepEqual(executions.get('long')!.calls, ['start', 'end undefined']);
    // A pending cell cancelled before its turn never starts.
    assert.deepEqual(executions.get('next')!.calls, ['end undefined']);
  });

  it('ends a pending cell as soon as it is cancelled, without waiting for the running one', async () => {
    const gate = deferred<boolean>();
    const { queue, executions } = buildQueue(() => gate.promise);
    const done = queue.enqueue('nb', ['a', 'b']);
    await tick();
    executions.get('b')!.cancel();
    assert.deepEqual(executions.get('b')!.calls, ['end undefined']);
    gate.resolve(true);
    assert.deepEqual(await done, ['succeeded', 'cancelled']);
  });

  it('skips a cell that is already queued and frees it when it ended', async () => {
    const gate = deferred<boolean>();
    const { queue, log } = buildQueue(() => gate.promise);
    const first = queue.enqueue('nb', ['a']);
    const second = queue.enqueue('nb', ['a']);
    assert.equal(queue.isQueued('a'), true);
    assert.deepEqual(await second, []);
    gate.resolve(true);
    await first;
    assert.equal(queue.isQueued('a'), false);
    assert.equal(log.filter((l) => l === 'pending a').length, 1);
  });

  it('clear() ends the waiting cells of a notebook as cancelled', async () => {
    const gate = deferred<boolean>();
    const { queue, executions } = buildQueue(() => gate.promise);
    const done = queue.enqueue('nb', ['a', 'b', 'c']);
    await tick();
    queue.clear('nb');
    gate.resolve(true);
    assert.deepEqual(await done, ['succeeded', 'cancelled', 'cancelled']);
    assert.deepEqual(executions.get('c')!.calls, ['end undefined']);
    assert.equal(queue.size('nb'), 0);
  });
});
