import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInferraError } from '../../../kernel/errors.js';
import { DEFAULT_OPTIONS, type AnalysisRequest } from '../../../kernel/types.js';
import { KernelWorker, resolveWorkerPath, resolveWorkerPathIn } from '../../../kernel/worker/host.js';
import { adoptPrestartedWorker, prestartWorker, releasePrestartedWorker } from '../../../kernel/worker/prestart.js';
import { BroadcastChannel } from 'node:worker_threads';

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
  let logs: string[];
  let logWaiters: { pattern: RegExp; resolve: (line: string) => void }[];
  let channel: BroadcastChannel;
  let startedNames: Map<string, number>;
  let startWaiters: { name: string; resolve: (threadId: number) => void }[];
  let serial = 0;

  /** The log callback: records lines and wakes whoever waits for one. */
  const log = (line: string) => {
    logs.push(line);
    logWaiters = logWaiters.filter((w) => (w.pattern.test(line) ? (w.resolve(line), false) : true));
  };
  /** Resolves when a log line matches (at once if one already did). */
  const logged = (pattern: RegExp): Promise<string> => {
    const found = logs.find((line) => pattern.test(line));
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => logWaiters.push({ pattern, resolve }));
  };
  /** Resolves when the test worker announces the task or startup `name` (with its thread id). */
  const started = (name: string): Promise<number> => {
    const seen = startedNames.get(name);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => startWaiters.push({ name, resolve }));
  };
  const release = (name: string) => channel.postMessage({ release: name });
  /** A name no other test uses. */
  const unique = (prefix: string) => `${prefix}-${++serial}`;

  beforeEach(() => {
    logs = [];
    logWaiters = [];
    startedNames = new Map();
    startWaiters = [];
    channel = new BroadcastChannel('inferra-test-worker');
    channel.onmessage = (event) => {
      const { started: name, threadId } = event.data as { started?: string; threadId: number };
      if (name === undefined) return;
      startedNames.set(name, threadId);
      startWaiters = startWaiters.filter((w) => (w.name === name ? (w.resolve(threadId), false) : true));
    };
    // The time limit is not under test here (the tests of it set their own): a loaded CI machine may take seconds to start a worker.
    worker = new KernelWorker({ workerPath: testWorker, timeoutMs: 120_000, log });
  });
  afterEach(async () => {
    await worker.close();
    channel.close();
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
    const first = unique('first');
    const all = Promise.all([
      worker.schema(`hold:${first}`).then(() => order.push('first')),
      worker.schema('echo').then(() => order.push('second')),
      worker.schema('echo').then(() => order.push('third')),
    ]);
    await started(first);
    assert.deepEqual(order, [], 'the queued calls wait for the running one');
    release(first);
    await all;
    assert.deepEqual(order, ['first', 'second', 'third']);
  });

  it('cancelling the running call retires the worker; queued calls still run, on a fresh worker', async () => {
    const before = await threadOf(worker);
    const controller = new AbortController();
    const name = unique('cancel');
    const running = worker.schema(`hold:${name}`, { signal: controller.signal });
    const queued = worker.schema('echo');
    await started(name);
    controller.abort();
    await rejectsWithCode(running, 'cancelled');
    assert.notEqual((await queued).name, before);
  });

  it('a cancelled worker busy in native code is terminated only after its native call ends', async () => {
    // Terminating a thread while DuckDB works for it aborts the process; the host must wait.
    const before = await threadOf(worker);
    const controller = new AbortController();
    const name = unique('native');
    const running = worker.schema(`native:${name}`, { signal: controller.signal });
    await started(name);
    controller.abort();
    // The call ends at once for the caller: the native call is still held.
    await rejectsWithCode(running, 'cancelled');
    await logged(/stopping \(cancelled\)/);
    // The next call does not wait for the retiring worker: it gets a fresh one.
    assert.notEqual(await threadOf(worker), before);
    assert.ok(!logs.some((line) => line.includes('retired')), `not yet terminated:\n${logs.join('\n')}`);
    release(name);
    assert.match(await logged(/retired/), /retired \((no DuckDB call in flight|exited)\)/);
  });

  it('a cancelled worker busy in JavaScript with no native call in flight is terminated at once', async () => {
    const controller = new AbortController();
    const name = unique('spin');
    const running = worker.schema(`spin:${name}`, { signal: controller.signal });
    await started(name);
    controller.abort();
    await rejectsWithCode(running, 'cancelled');
    assert.match(await logged(/retired/), /no DuckDB call in flight/);
    assert.match(await threadOf(worker), /^thread-\d+$/);
  });

  it('a cancelled worker busy in JavaScript while a native call is in flight waits for that call', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inferra-host-'));
    try {
      const flag = join(dir, 'release');
      const controller = new AbortController();
      const running = worker.schema(`native-spin:${flag}`, { signal: controller.signal });
      await started(flag);
      controller.abort();
      await rejectsWithCode(running, 'cancelled');
      assert.match(await threadOf(worker), /^thread-\d+$/, 'a fresh worker serves the next call meanwhile');
      assert.ok(!logs.some((line) => line.includes('retired')), `not yet terminated:\n${logs.join('\n')}`);
      await writeFile(flag, '');
      assert.match(await logged(/retired/), /no DuckDB call in flight|exited/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a time limit that lands while the worker is still starting waits until it has loaded', async () => {
    const name = unique('loading');
    process.env.TEST_WORKER_HOLD_START = name;
    let call: Promise<unknown>;
    try {
      call = rejectsWithCode(worker.schema('echo', { timeoutMs: 1 }), 'timeout');
      await started(name);
    } finally {
      delete process.env.TEST_WORKER_HOLD_START;
    }
    await call;
    await logged(/stopping \(timeout\)/);
    assert.ok(!logs.some((line) => line.includes('retired')), 'not terminated while loading');
    let closed = false;
    const closing = worker.close().then(() => (closed = true));
    await logged(/stopping/);
    assert.equal(closed, false, 'close() waits for the retiring worker');
    release(name);
    await closing;
    assert.match(logs.find((line) => line.includes('retired'))!, /no DuckDB call in flight|exited/);
  });

  it('close() keeps the process alive until a retiring worker has ended (no silent exit 13)', async () => {
    const name = unique('native');
    const controller = new AbortController();
    const running = worker.schema(`native:${name}`, { signal: controller.signal });
    await started(name);
    controller.abort();
    await rejectsWithCode(running, 'cancelled');
    let closed = false;
    const closing = worker.close().then(() => (closed = true));
    await logged(/stopping \(cancelled\)/);
    assert.equal(closed, false);
    release(name);
    await closing;
    assert.ok(logs.some((line) => line.includes('retired')));
  });

  it('a DuckDB-call hook sees the running call\'s native call and can make it reach its limit', async () => {
    const seen: number[] = [];
    const hooked = new KernelWorker({
      workerPath: testWorker,
      log,
      onDuckDBCall: (n, expire) => {
        seen.push(n);
        expire();
      },
    });
    const name = unique('native');
    try {
      const error = await rejectsWithCode(hooked.schema(`native:${name}`, { timeoutMs: 60_000 }), 'timeout');
      assert.equal(error.params.timeoutMs, 60_000);
      assert.deepEqual(seen, [1]);
      await started(name);
      release(name);
    } finally {
      await hooked.close();
    }
  });

  it('cancelling a queued call removes it without stopping the running one', async () => {
    const before = await threadOf(worker);
    const controller = new AbortController();
    const name = unique('running');
    const running = worker.schema(`hold:${name}`);
    const queued = worker.schema('echo', { signal: controller.signal });
    controller.abort();
    await rejectsWithCode(queued, 'cancelled');
    await started(name);
    release(name);
    assert.equal((await running).name, before);
  });

  it('an already aborted signal is refused at once', async () => {
    await rejectsWithCode(worker.schema('echo', { signal: AbortSignal.abort() }), 'cancelled');
  });

  it('a call over its time limit is stopped with timeout, and the next call gets a fresh worker', async () => {
    const before = await threadOf(worker);
    // The task is never released: only the time limit can end it.
    const error = await rejectsWithCode(worker.schema(`hold:${unique('never')}`, { timeoutMs: 150 }), 'timeout');
    assert.equal(error.params.timeoutMs, 150);
    assert.notEqual(await threadOf(worker), before);
  });

  it('the default time limit applies when the call sets none', async () => {
    const short = new KernelWorker({ workerPath: testWorker, timeoutMs: 150 });
    try {
      const error = await rejectsWithCode(short.schema(`hold:${unique('never')}`), 'timeout');
      assert.equal(error.params.timeoutMs, 150);
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
    const name = unique('running');
    const running = rejectsWithCode(worker.schema(`hold:${name}`), 'cancelled');
    const queued = rejectsWithCode(worker.schema('echo'), 'cancelled');
    await started(name);
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

  it("each worker spills to its own private folder (mkdtemp, mode 0700), removed when it ends", async () => {
    // A temp folder of the test's own: other processes on the machine (parallel test runs) make
    // spill folders in the system's temp folder too, and must not be counted.
    const privateTmp = await mkdtemp(join(tmpdir(), 'inferra-spill-test-'));
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = privateTmp;
    const spillFolders = async () => (await readdir(privateTmp)).filter((name) => name.startsWith('inferra-duckdb-'));
    const first = new KernelWorker({ workerPath: testWorker });
    const other = new KernelWorker({ workerPath: testWorker });
    try {
      await Promise.all([threadOf(first), threadOf(other)]);
      const fresh = await spillFolders();
      assert.equal(fresh.length, 2, 'one folder per worker');
      assert.notEqual(fresh[0], fresh[1]);
      for (const name of fresh) {
        assert.doesNotMatch(name, new RegExp(`-${process.pid}$`), 'the name is not predictable from the process id');
        const info = await stat(join(privateTmp, name));
        assert.ok(info.isDirectory());
        assert.equal(info.mode & 0o777, 0o700);
      }
      await Promise.all([first.close(), other.close()]);
      assert.deepEqual(await spillFolders(), [], 'removed once the workers ended');
    } finally {
      await Promise.all([first.close(), other.close()]);
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      await rm(privateTmp, { recursive: true, force: true });
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

describe('worker host: a worker started early (prestart.ts)', function () {
  this.timeout(60000);
  const penguins = fileURLToPath(new URL('../../../samples/penguins.csv', import.meta.url));

  it('the first host with the default script adopts it, runs on it, and a second host starts its own', async () => {
    prestartWorker();
    const logs: string[] = [];
    const first = new KernelWorker({ log: (line) => logs.push(line) });
    const second = new KernelWorker({ log: (line) => logs.push(`second: ${line}`) });
    try {
      const schema = await first.schema(penguins);
      assert.equal(schema.rows, 344);
      assert.ok(logs.some((l) => /^worker: adopted the early-started /.test(l)), logs.join('\n'));
      assert.equal((await second.schema(penguins)).rows, 344);
      assert.ok(logs.some((l) => /^second: worker: started /.test(l)), logs.join('\n'));
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('a worker that cannot load fails the call with worker-crashed, whether it ended before the host adopted it or after', async () => {
    const saved = process.env.INFERRA_WORKER_PATH;
    const dir = await mkdtemp(join(tmpdir(), 'inferra-prestart-'));
    const broken = join(dir, 'worker.mjs');
    await writeFile(broken, 'process.exit(3);\n');
    process.env.INFERRA_WORKER_PATH = broken;
    try {
      prestartWorker();
      const host = new KernelWorker();
      await rejectsWithCode(host.schema(penguins), 'worker-crashed');
      assert.equal(adoptPrestartedWorker(broken), undefined, 'handed over once at most');
      await host.close();
    } finally {
      if (saved === undefined) delete process.env.INFERRA_WORKER_PATH;
      else process.env.INFERRA_WORKER_PATH = saved;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a warm early worker (it loads the statistics while it waits) runs an analysis exactly as a cold one', async () => {
    const request: AnalysisRequest = { analysis: 'ttest_welch', roles: { outcome: 'body_mass_g', group: 'sex' }, options: { ...DEFAULT_OPTIONS, where: [] } };
    prestartWorker(true);
    const logs: string[] = [];
    const warm = new KernelWorker({ log: (line) => logs.push(line) });
    const cold = new KernelWorker();
    try {
      const outcome = await warm.run(penguins, request);
      assert.ok(logs.some((l) => /^worker: adopted the early-started /.test(l)), logs.join('\n'));
      assert.deepEqual(outcome, await cold.run(penguins, request));
    } finally {
      await warm.close();
      await cold.close();
    }
  });

  it('a warm early worker that nobody adopts is ended too', async () => {
    prestartWorker(true);
    await releasePrestartedWorker();
    assert.equal(adoptPrestartedWorker(resolveWorkerPath()), undefined);
  });

  it('a worker started early that nobody adopts is ended once it has loaded (the CLI does this before it exits)', async () => {
    prestartWorker();
    await releasePrestartedWorker();
    assert.equal(adoptPrestartedWorker(resolveWorkerPath()), undefined, 'released, so nothing is left to adopt');
    await releasePrestartedWorker(); // nothing waiting: a no-op
  });
});
