import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInferraError } from '../../../kernel/errors.js';
import { KernelWorker, RETIRE_ACK_MS, resolveWorkerPath, resolveWorkerPathIn } from '../../../kernel/worker/host.js';

const testWorker = fileURLToPath(new URL('./fixtures/test-worker.ts', import.meta.url));

async function rejectsWithCode(promise: Promise<unknown>, code: string) {
  try {
    await promise;
  } catch (error) {
    assert.ok(isInferraError(error), `expected an InferraError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}, but the call resolved`);
}

/** The thread id the test worker reports, to tell a fresh worker from the old one. */
async function threadOf(worker: KernelWorker, command = 'echo'): Promise<string> {
  return (await worker.schema(command)).name;
}

describe('worker host: KernelWorker with a test worker', function () {
  this.timeout(20000);
  let worker: KernelWorker;
  const logs: string[] = [];
  beforeEach(() => {
    worker = new KernelWorker({ workerPath: testWorker, timeoutMs: 5000, log: (line) => logs.push(line) });
  });
  afterEach(async () => {
    await worker.close();
  });

  it('spawns lazily and answers a call', async () => {
    assert.match(await threadOf(worker), /^thread-\d+$/);
    assert.ok(logs.some((line) => line.includes('started')));
  });

  it('reuses one worker for successive calls', async () => {
    assert.equal(await threadOf(worker), await threadOf(worker));
  });

  it('forwards progress messages to onProgress', async () => {
    const progress: string[] = [];
    await worker.schema('progress', { onProgress: (m) => progress.push(m) });
    assert.deepEqual(progress, ['Loading 1.2 M rows...', 'Computing...']);
  });

  it('rebuilds an error reply as an InferraError with its code and params', async () => {
    const error = await rejectsWithCode(worker.schema('error:file-not-found'), 'file-not-found');
    assert.equal(error.params.path, 'x.csv');
  });

  it('runs queued calls one at a time, first in first out', async () => {
    const order: string[] = [];
    await Promise.all([
      worker.schema('sleep:200').then(() => order.push('slow')),
      worker.schema('echo').then(() => order.push('fast')),
      worker.schema('sleep:10').then(() => order.push('short')),
    ]);
    assert.deepEqual(order, ['slow', 'fast', 'short']);
  });

  it('cancelling the running call terminates the worker; queued calls still run, on a fresh worker', async () => {
    const before = await threadOf(worker);
    const controller = new AbortController();
    const running = worker.schema('sleep:10000', { signal: controller.signal });
    const queued = worker.schema('echo');
    setTimeout(() => controller.abort(), 100);
    await rejectsWithCode(running, 'cancelled');
    const after = (await queued).name;
    assert.notEqual(after, before);
  });

  it('a cancelled worker busy in native code (it acknowledges) is terminated only after its task ends', async () => {
    // Terminating a thread while DuckDB works for it aborts the process; the host must wait.
    const before = await threadOf(worker);
    const controller = new AbortController();
    const running = worker.schema('native:400', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const cancelledAt = Date.now();
    await rejectsWithCode(running, 'cancelled');
    assert.ok(Date.now() - cancelledAt < 300, 'the call itself ends at once');
    // The next call does not wait for the retiring worker: it gets a fresh one.
    assert.notEqual(await threadOf(worker), before);
    assert.ok(!logs.some((line) => line.includes('retired (its task ended)')), 'not yet terminated');
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.ok(logs.some((line) => line.includes('retired (its task ended)')), logs.join('\n'));
  });

  it('a cancelled worker busy in JavaScript (no acknowledgement) is terminated after RETIRE_ACK_MS', async () => {
    logs.length = 0;
    const controller = new AbortController();
    const running = worker.schema('spin:8000', { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    await rejectsWithCode(running, 'cancelled');
    const started = Date.now();
    while (!logs.some((line) => line.includes('busy in JavaScript')) && Date.now() - started < RETIRE_ACK_MS + 2000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(logs.some((line) => line.includes('retired (busy in JavaScript')), logs.join('\n'));
    assert.match(await threadOf(worker), /^thread-\d+$/);
  });

  it('cancelling a queued call removes it without stopping the running one', async () => {
    const before = await threadOf(worker);
    const controller = new AbortController();
    const running = worker.schema('sleep:200');
    const queued = worker.schema('echo', { signal: controller.signal });
    controller.abort();
    await rejectsWithCode(queued, 'cancelled');
    assert.equal((await running).name, before);
  });

  it('an already aborted signal is refused at once', async () => {
    await rejectsWithCode(worker.schema('echo', { signal: AbortSignal.abort() }), 'cancelled');
  });

  it('a call over its time limit is stopped with timeout, and the next call gets a fresh worker', async () => {
    const before = await threadOf(worker);
    const error = await rejectsWithCode(worker.schema('sleep:10000', { timeoutMs: 150 }), 'timeout');
    assert.equal(error.params.timeoutMs, 150);
    assert.notEqual(await threadOf(worker), before);
  });

  it('the default time limit applies when the call sets none', async () => {
    const short = new KernelWorker({ workerPath: testWorker, timeoutMs: 150 });
    try {
      await rejectsWithCode(short.schema('sleep:10000'), 'timeout');
    } finally {
      await short.close();
    }
  });

  it('a worker that exits fails the running call with worker-crashed; the next call works', async () => {
    const before = await threadOf(worker);
    const queued = [worker.schema('exit'), worker.schema('echo')];
    const error = await rejectsWithCode(queued[0], 'worker-crashed');
    assert.match(String(error.params.detail), /exit code 3/);
    assert.notEqual((await queued[1]).name, before);
  });

  it('an uncaught exception in the worker -> worker-crashed', async () => {
    const error = await rejectsWithCode(worker.schema('throw'), 'worker-crashed');
    assert.match(String(error.params.detail), /boom/);
    assert.match(await threadOf(worker), /^thread-/);
  });

  it('a worker that runs out of memory -> worker-crashed; the next call works', async () => {
    const small = new KernelWorker({ workerPath: testWorker, resourceLimits: { maxOldGenerationSizeMb: 48 } });
    try {
      const error = await rejectsWithCode(small.schema('oom'), 'worker-crashed');
      assert.match(String(error.params.detail), /memory/i);
      assert.match(await threadOf(small), /^thread-/);
    } finally {
      await small.close();
    }
  });

  it('a result of the wrong shape -> worker-protocol', async () => {
    await rejectsWithCode(worker.schema('bad-result'), 'worker-protocol');
  });

  it('a message outside the protocol -> worker-protocol', async () => {
    await rejectsWithCode(worker.schema('garbage'), 'worker-protocol');
  });

  it('close() cancels queued calls and refuses new ones', async () => {
    const running = rejectsWithCode(worker.schema('sleep:10000'), 'cancelled');
    const queued = rejectsWithCode(worker.schema('echo'), 'cancelled');
    await new Promise((r) => setTimeout(r, 50));
    await worker.close();
    await running;
    await queued;
    await rejectsWithCode(worker.schema('echo'), 'cancelled');
  });

  it('a worker script that cannot start -> worker-crashed', async () => {
    const broken = new KernelWorker({ workerPath: join(tmpdir(), 'no-such-worker.mjs') });
    try {
      await rejectsWithCode(broken.schema('echo'), 'worker-crashed');
    } finally {
      await broken.close();
    }
  });
});

describe('worker host: resolveWorkerPath', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inferra-dist-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('uses worker.ts beside the host under tsx', () => {
    const saved = process.env.INFERRA_WORKER_PATH;
    delete process.env.INFERRA_WORKER_PATH;
    try {
      assert.equal(resolveWorkerPath(), fileURLToPath(new URL('../../../kernel/worker/worker.ts', import.meta.url)));
    } finally {
      if (saved !== undefined) process.env.INFERRA_WORKER_PATH = saved;
    }
  });

  it('prefers worker.mjs beside a bundle (dist/cli.mjs, dist/extension.js)', async () => {
    assert.equal(resolveWorkerPathIn(dir), join(dir, 'worker.ts'));
    await writeFile(join(dir, 'worker.mjs'), '');
    assert.equal(resolveWorkerPathIn(dir), join(dir, 'worker.mjs'));
  });

  it('INFERRA_WORKER_PATH overrides', () => {
    const saved = process.env.INFERRA_WORKER_PATH;
    process.env.INFERRA_WORKER_PATH = '/opt/inferra/worker.mjs';
    try {
      assert.equal(resolveWorkerPath(), '/opt/inferra/worker.mjs');
    } finally {
      if (saved === undefined) delete process.env.INFERRA_WORKER_PATH;
      else process.env.INFERRA_WORKER_PATH = saved;
    }
  });
});
