import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./cancel-during-load.ts', import.meta.url));
const bundledWorker = fileURLToPath(new URL('../../../dist/worker.mjs', import.meta.url));
const ROWS = 600_000;

async function writeBigCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,group,score,weight\n');
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    chunk += `${i},g${i % 7},${((i * 7919) % 10007) / 100},${(i % 113) * 1.5}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
}

describe('worker: cancelling while DuckDB is working (real DuckDB, separate process)', function () {
  this.timeout(300_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inferra-cancel-'));
    await writeBigCsv(join(dir, 'big.csv'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  // Moments, each driven by an event: the worker still loading DuckDB; the first DuckDB call (sniffing
  // the file); schema inference reading the whole file; the columns being streamed.
  const moments = ['start', '1', '3', '40'];

  it('never aborts the process, ends each cancelled call with cancelled, the next call works, close() waits', () => {
    checkRun({});
  });

  it('the same with the bundled worker (dist/worker.mjs, as the CLI and the extension run it)', function () {
    if (!existsSync(bundledWorker)) this.skip(); // npm test builds it first
    checkRun({ INFERRA_WORKER_PATH: bundledWorker });
  });

  function checkRun(env: Record<string, string>): void {
    const run = spawnSync(process.execPath, ['--import', 'tsx', child, join(dir, 'big.csv'), ...moments], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    assert.equal(run.signal, null, `the process was killed by ${run.signal}:\n${run.stderr}`);
    assert.doesNotMatch(run.stderr, /Napi::Error|terminate called/, run.stderr);
    assert.equal(run.status, 0, `exit ${run.status} (13: the process ended while close() still waited):\n${run.stderr}`);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { moment: string | null; kind: string; outcome: string; rows?: number; closed?: true });
    assert.equal(lines.length, moments.length * 2 + 2, run.stdout);
    for (const line of lines.slice(0, -2)) {
      // A call whose DuckDB calls were all done before the n-th may finish; none may end otherwise.
      assert.ok(line.outcome === 'cancelled' || (line.outcome === 'finished' && line.moment !== 'start'), JSON.stringify(line));
    }
    assert.ok(lines.slice(0, -2).filter((line) => line.outcome === 'cancelled').length >= moments.length, run.stdout);
    assert.deepEqual(lines.at(-2), { moment: null, kind: 'schema', outcome: 'finished', rows: ROWS });
    assert.deepEqual(lines.at(-1), { closed: true });
  }
});
