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
  this.timeout(120_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inferra-cancel-'));
    await writeBigCsv(join(dir, 'big.csv'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  // Delays land in different phases: the worker starting, reading the file, DuckDB's sniffing, the
  // load, the summaries.
  const delays = ['15', '60', '150', '300', '600'];

  it('never aborts the process, ends each cancelled call within a second, and the next call works', () => {
    checkRun({});
  });

  it('the same with the bundled worker (dist/worker.mjs, as the CLI and the extension run it)', function () {
    if (!existsSync(bundledWorker)) this.skip(); // npm test builds it first
    checkRun({ INFERRA_WORKER_PATH: bundledWorker });
  });

  function checkRun(env: Record<string, string>): void {
    const run = spawnSync(process.execPath, ['--import', 'tsx', child, join(dir, 'big.csv'), ...delays], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    assert.equal(run.signal, null, `the process was killed by ${run.signal}:\n${run.stderr}`);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { delay: number | null; outcome: string; rows?: number; afterAbortMs?: number });
    assert.equal(lines.length, delays.length + 1, run.stdout);
    for (const line of lines.slice(0, -1)) {
      if (line.outcome === 'finished') assert.equal(line.rows, ROWS);
      else {
        assert.equal(line.outcome, 'cancelled', JSON.stringify(line));
        assert.ok(line.afterAbortMs! < 1000, `cancel took ${line.afterAbortMs} ms`);
      }
    }
    assert.ok(lines.slice(0, -1).filter((line) => line.outcome === 'cancelled').length >= 3, run.stdout);
    assert.deepEqual(lines.at(-1), { delay: null, outcome: 'finished', rows: ROWS });
  }
});
