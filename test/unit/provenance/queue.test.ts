import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeBackoffDelay, DiskQueue, type QueueEvent } from '../../../kernel/provenance/queue.js';
import { createNullSink, createSupabaseSink } from '../../../kernel/provenance/sink.js';
import { InferraError } from '../../../kernel/errors.js';
import { buildRecord } from '../../../kernel/provenance/build.js';
import type { RunEntry } from '../../../kernel/provenance/supabase.js';
import { sampleInput } from './fixtures.js';

interface Item {
  n: number;
}

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inferra-queue-'));
  dirs.push(dir);
  return dir;
}
const entryFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json'));

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('DiskQueue', () => {
  it('writes one complete JSON file per entry, atomically, and no temp files remain', async () => {
    const dir = freshDir();
    const queue = new DiskQueue<Item>({ dir, send: async () => {} });
    for (let n = 0; n < 5; n++) await queue.enqueue({ n }, `id-${n}`);
    await queue.enqueue({ n: 99 }, 'id-2'); // same id again: not written twice
    const files = entryFiles(dir).sort();
    assert.equal(files.length, 5);
    assert.equal(queue.pending(), 5);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('.tmp-') || f.endsWith('.tmp')), []);
    files.forEach((f, i) => {
      assert.match(f, /^\d{13}-\d{6}-id-\d\.json$/);
      const stored = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      assert.deepEqual(stored.entry, { n: i });
      assert.equal(stored.id, `id-${i}`);
    });
  });

  it('sends oldest first and deletes a file only after the send resolved', async () => {
    const dir = freshDir();
    const sent: number[] = [];
    const queue = new DiskQueue<Item>({
      dir,
      send: async (entry) => {
        assert.equal(entryFiles(dir).length, 5 - sent.length); // still on disk while sending
        sent.push(entry.n);
      },
    });
    for (let n = 0; n < 5; n++) await queue.enqueue({ n }, `id-${n}`);
    await queue.drain();
    assert.deepEqual(sent, [0, 1, 2, 3, 4]);
    assert.equal(queue.pending(), 0);
    assert.deepEqual(entryFiles(dir), []);
  });

  it('backs off exponentially with jitter while sends fail, then delivers everything once', async () => {
    const dir = freshDir();
    const events: QueueEvent[] = [];
    let failuresLeft = 4;
    const delivered: number[] = [];
    const queue = new DiskQueue<Item>({
      dir,
      send: async (entry) => {
        if (failuresLeft-- > 0) throw new InferraError('supabase-network', { url: 'x', detail: 'down' });
        delivered.push(entry.n);
      },
      backoff: { baseMs: 4, maxMs: 20 },
      random: () => 1, // the top of each jitter range, so the delays are exact
      onEvent: (e) => events.push(e),
    });
    for (let n = 0; n < 3; n++) await queue.enqueue({ n }, `id-${n}`);
    await queue.drain();
    await until(() => queue.pending() === 0);
    assert.deepEqual(delivered, [0, 1, 2]);
    assert.deepEqual(events.filter((e) => e.type === 'retry').map((e) => (e as { delayMs: number }).delayMs), [4, 8, 16, 20]);
    assert.equal(events.filter((e) => e.type === 'sent').length, 3);
    await queue.close();
  });

  it('computes equal-jitter delays between half and all of the capped exponential step', () => {
    const backoff = { baseMs: 100, maxMs: 1000 };
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((a) => computeBackoffDelay(a, backoff, () => 0)), [50, 100, 200, 400, 500, 500]);
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((a) => computeBackoffDelay(a, backoff, () => 0.999999)), [100, 200, 400, 800, 1000, 1000]);
  });

  it('moves entries the server refuses for good to rejected/, with the reason, and goes on', async () => {
    const dir = freshDir();
    const sent: number[] = [];
    const queue = new DiskQueue<Item>({
      dir,
      send: async (entry) => {
        if (entry.n === 1) throw new InferraError('supabase-rls-refused', { table: 'analysis_runs', detail: 'x' });
        sent.push(entry.n);
      },
      classify: (e) => ((e as InferraError).code === 'supabase-rls-refused' ? 'reject' : 'retry'),
    });
    for (let n = 0; n < 3; n++) await queue.enqueue({ n }, `id-${n}`);
    await queue.drain();
    assert.deepEqual(sent, [0, 2]);
    assert.equal(queue.pending(), 0);
    assert.equal(queue.rejectedCount(), 1);
    const reason = readdirSync(join(dir, 'rejected')).find((f) => f.endsWith('.reason'));
    assert.equal(JSON.parse(readFileSync(join(dir, 'rejected', reason!), 'utf8')).code, 'supabase-rls-refused');
  });

  it('keeps entries across a restart and the next process drains them', async () => {
    const dir = freshDir();
    const down = new DiskQueue<Item>({ dir, send: async () => Promise.reject(new Error('offline')), backoff: { baseMs: 60_000, maxMs: 60_000 } });
    for (let n = 0; n < 4; n++) await down.enqueue({ n }, `id-${n}`);
    await down.drain();
    await down.close();
    assert.equal(entryFiles(dir).length, 4);
    const sent: number[] = [];
    const up = new DiskQueue<Item>({ dir, send: async (e) => void sent.push(e.n) });
    assert.equal(up.pending(), 4);
    await up.drain();
    assert.deepEqual(sent, [0, 1, 2, 3]);
  });

  it('shares a folder between two processes: each entry is sent once', async () => {
    const dir = freshDir();
    const sentBy: string[] = [];
    const editor = new DiskQueue<Item>({ dir, send: async (e) => void sentBy.push(`editor:${e.n}`) });
    const cli = new DiskQueue<Item>({ dir, send: async (e) => void sentBy.push(`cli:${e.n}`) });
    for (let n = 0; n < 3; n++) await cli.enqueue({ n }, `id-${n}`);
    await editor.drain(); // the editor picks up what the CLI left
    await cli.drain(); // the CLI finds them gone and sends nothing twice
    assert.deepEqual(sentBy, ['editor:0', 'editor:1', 'editor:2']);
    assert.equal(cli.pending(), 0);
    assert.equal(editor.pending(), 0);
  });

  it('survives SIGKILL in the middle of writing: every entry file is complete, temp debris is ignored', async function () {
    this.timeout(30_000);
    const dir = freshDir();
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./queue-writer.ts', import.meta.url)), dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
    });
    await until(() => entryFiles(dir).length >= 20, 20_000);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // What a crash can leave: a temp file that never got renamed (make one old, as after a reboot).
    writeFileSync(join(dir, '.tmp-1-deadbeef'), '{"version":1,"id":"half');
    utimesSync(join(dir, '.tmp-1-deadbeef'), new Date(0), new Date(0));
    const files = entryFiles(dir);
    const sent = new Set<number>();
    const queue = new DiskQueue<{ n: number; payload: string }>({
      dir,
      send: async (e) => {
        assert.equal(e.payload.length, 256 * 1024); // never a partial record
        sent.add(e.n);
      },
    });
    assert.equal(queue.pending(), files.length);
    assert.ok(!readdirSync(dir).includes('.tmp-1-deadbeef'), 'stale temp file removed');
    await queue.drain();
    assert.equal(sent.size, files.length);
    // Entries are numbered in write order; the ones that reached disk are 0..k-1 without gaps.
    assert.deepEqual([...sent].sort((a, b) => a - b), Array.from({ length: files.length }, (_, i) => i));
    console.log(`      crash test: ${files.length} complete entries after SIGKILL, 0 partial`);
  });
});

describe('ProvenanceSink', () => {
  const entry = (): RunEntry => ({ notebookId: 'nb', record: buildRecord(sampleInput()) });

  it('submit never throws, persists first, and flush delivers', async () => {
    const dir = freshDir();
    const appended: string[] = [];
    const sink = createSupabaseSink({ queueDir: dir, client: { appendRun: async (e) => (appended.push(e.record.run_id), { inserted: true, figures: [] }) } });
    const entries = [entry(), entry(), entry()];
    for (const e of entries) sink.submit(e);
    sink.submit(undefined as unknown as RunEntry); // a bug upstream must not break the cell
    assert.ok(sink.pending() >= 3);
    await sink.flush();
    assert.deepEqual(appended.sort(), entries.map((e) => e.record.run_id).sort());
    assert.equal(sink.pending(), 0);
    assert.ok(sink.lastError()); // the undefined entry was refused, and said so
    await sink.close();
  });

  it('keeps entries while Supabase is unreachable and sends them after wake()', async () => {
    const dir = freshDir();
    let online = false;
    const appended: string[] = [];
    const sink = createSupabaseSink({
      queueDir: dir,
      backoff: { baseMs: 60_000, maxMs: 60_000 },
      client: {
        appendRun: async (e) => {
          if (!online) throw new InferraError('supabase-network', { url: 'x', detail: 'fetch failed' });
          appended.push(e.record.run_id);
          return { inserted: true, figures: [] };
        },
      },
    });
    for (let i = 0; i < 3; i++) sink.submit(entry());
    await sink.flush();
    assert.equal(sink.pending(), 3);
    assert.equal(sink.lastError()?.code, 'supabase-network');
    online = true;
    await sink.wake();
    assert.equal(appended.length, 3);
    assert.equal(sink.pending(), 0);
    await sink.close();
  });

  it('the null sink accepts and forgets', async () => {
    const sink = createNullSink();
    sink.submit(entry());
    assert.equal(sink.pending(), 0);
    await sink.flush();
  });
});
