/**
 * An on-disk queue of provenance entries waiting to be sent: one JSON file per entry, written
 * atomically (temp file + fsync + rename + fsync of the folder), so a crash leaves either the whole
 * entry or nothing. Entries are sent oldest first; a file is deleted only after the server
 * acknowledged it, so a crash between the two resends it, which the server ignores (idempotent by
 * id). Retryable failures back off exponentially with jitter; entries the server will never accept
 * move to `rejected/` (kept, with the reason), never deleted.
 *
 * Layout: `<dir>/<13-digit ms>-<6-digit seq>-<id>.json`, temp files `<dir>/.NAME.PID.HEX.tmp` (kernel/util/atomic-write.ts;
 * older versions wrote `<dir>/.tmp-*`), `<dir>/rejected/`.
 */
import { mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { InferraError } from '../errors.js';
import { isAtomicTempName, writeFileAtomic } from '../util/atomic-write.js';

/** What to do with an entry whose send failed. */
export type QueueFailureAction = 'retry' | 'reject';

/** Exponential backoff: the n-th consecutive failure waits about `baseMs * 2^(n-1)`, at most `maxMs`. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/** Something the queue did, for logs, status bars and tests. */
export type QueueEvent =
  | { type: 'sent'; id: string; attempt: number }
  | { type: 'retry'; id: string; attempt: number; delayMs: number; error: unknown }
  | { type: 'rejected'; id: string; error: unknown };

/** How to build a queue. */
export interface QueueOptions<T> {
  dir: string;
  /** Sends one entry; resolves when the server acknowledged it, throws otherwise. */
  send(entry: T, id: string): Promise<void>;
  /** Whether a failure is worth retrying (default: always retry). */
  classify?(error: unknown): QueueFailureAction;
  backoff?: BackoffOptions;
  /** Random number in [0, 1) for jitter (tests pass a fixed one). */
  random?: () => number;
  onEvent?(event: QueueEvent): void;
}

/** The default backoff: 1 s doubling up to 5 minutes. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 5 * 60 * 1000 };

/** The wait before retry number `attempt` (1-based): "equal jitter", between half and all of the exponential step. */
export function computeBackoffDelay(attempt: number, backoff: BackoffOptions, random: () => number = Math.random): number {
  const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

interface StoredEntry<T> {
  version: 1;
  id: string;
  enqueued_at: string;
  entry: T;
}

/** Temp files older than this are leftovers of a crash (a live writer renames within milliseconds). */
const STALE_TEMP_MS = 60_000;

/** A durable FIFO of entries with a background drain. */
export class DiskQueue<T> {
  private readonly files = new Map<string, string>(); // id -> file name, in enqueue order
  private sequence = 0;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private closed = false;
  private rerun = false;
  private readonly backoff: BackoffOptions;
  private readonly random: () => number;

  /** Opens (creating if needed) the queue folder and indexes the entries already in it. */
  constructor(private readonly options: QueueOptions<T>) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.random = options.random ?? Math.random;
    try {
      mkdirSync(join(options.dir, 'rejected'), { recursive: true });
      this.indexExisting();
    } catch (error) {
      throw new InferraError('provenance-queue-io', { dir: options.dir, detail: String((error as Error).message) }, { cause: error });
    }
  }

  /** Entries waiting to be sent. */
  pending(): number {
    return this.files.size;
  }

  /** Ids of the waiting entries, oldest first. */
  pendingIds(): string[] {
    return [...this.files.keys()];
  }

  /** Files put aside because the server refused them for good. */
  rejectedCount(): number {
    try {
      return readdirSync(join(this.options.dir, 'rejected')).filter((f) => f.endsWith('.json')).length;
    } catch {
      return 0;
    }
  }

  /** Writes an entry durably; an id already waiting is not written twice. */
  async enqueue(entry: T, id: string): Promise<void> {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) throw new InferraError('provenance-record-invalid', { problem: `queue id '${id}' is not a plain identifier` });
    if (this.files.has(id)) return;
    const name = `${String(Date.now()).padStart(13, '0')}-${String(this.sequence++ % 1e6).padStart(6, '0')}-${id}.json`;
    const stored: StoredEntry<T> = { version: 1, id, enqueued_at: new Date().toISOString(), entry };
    try {
      await writeFileAtomic(join(this.options.dir, name), JSON.stringify(stored), { mode: 0o600, removeStale: false });
    } catch (error) {
      throw new InferraError('provenance-queue-io', { dir: this.options.dir, detail: String((error as Error).message) }, { cause: error });
    }
    this.files.set(id, name);
  }

  /** Starts a drain now (or, if one is running, makes it take another pass) and resolves when it ends. */
  drain(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.draining) {
      this.rerun = true;
      return this.draining;
    }
    this.clearTimer();
    this.draining = (async () => {
      try {
        do {
          this.rerun = false;
          if (!(await this.drainPass())) break;
        } while (this.rerun && !this.closed);
      } catch (error) {
        // The folder itself failed (removed, unreadable): keep the index and try again later.
        this.failures++;
        const delayMs = computeBackoffDelay(this.failures, this.backoff, this.random);
        this.options.onEvent?.({ type: 'retry', id: '', attempt: this.failures, delayMs, error });
        this.schedule(delayMs);
      }
    })().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  /** Drains soon unless the queue is waiting out a backoff (new entries then wait their turn). */
  kick(): void {
    if (!this.timer) void this.drain();
  }

  /** Resets the backoff and drains now (after sign-in, or when the network is back). */
  wake(): Promise<void> {
    this.failures = 0;
    return this.drain();
  }

  /** Stops the background retries; entries stay on disk for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimer();
    await this.draining;
  }

  /** One pass over the waiting entries; false when it stopped on a retryable failure. */
  private async drainPass(): Promise<boolean> {
    this.indexExisting();
    for (const [id, name] of [...this.files]) {
      if (this.closed) return true;
      let stored: StoredEntry<T>;
      try {
        stored = JSON.parse(await readFile(join(this.options.dir, name), 'utf8')) as StoredEntry<T>;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          this.files.delete(id); // another process sharing the queue delivered it
          continue;
        }
        await this.reject(id, name, error);
        continue;
      }
      try {
        await this.options.send(stored.entry, id);
      } catch (error) {
        const action = this.options.classify ? this.options.classify(error) : 'retry';
        if (action === 'reject') {
          await this.reject(id, name, error);
          continue;
        }
        this.failures++;
        const delayMs = computeBackoffDelay(this.failures, this.backoff, this.random);
        this.options.onEvent?.({ type: 'retry', id, attempt: this.failures, delayMs, error });
        this.schedule(delayMs);
        return false;
      }
      await unlink(join(this.options.dir, name)).catch(() => undefined);
      this.files.delete(id);
      this.options.onEvent?.({ type: 'sent', id, attempt: this.failures + 1 });
      this.failures = 0;
    }
    return true;
  }

  private async reject(id: string, name: string, error: unknown): Promise<void> {
    const reason = error instanceof Error ? { name: error.name, message: error.message, code: (error as { code?: unknown }).code } : { message: String(error) };
    const rejectedDir = join(this.options.dir, 'rejected');
    await writeFileAtomic(join(rejectedDir, `${name}.reason`), JSON.stringify(reason), { mode: 0o600, removeStale: false }).catch(() => undefined);
    await rename(join(this.options.dir, name), join(rejectedDir, name)).catch(() => undefined);
    this.files.delete(id);
    this.options.onEvent?.({ type: 'rejected', id, error });
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    this.clearTimer();
    this.timer = setTimeout(() => void this.drain(), delayMs);
    // Waiting records must not keep a CLI process alive; they are on disk for the next start.
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Rebuilds the index from the folder: entries written by another process sharing the queue (the
   * CLI and the editor use the same default folder) are picked up, entries it delivered dropped.
   * Temp files are writes that never reached their rename, not entries; old ones are crash debris.
   */
  private indexExisting(): void {
    const now = Date.now();
    const found = new Map<string, string>();
    for (const name of readdirSync(this.options.dir).sort()) {
      const path = join(this.options.dir, name);
      if (name.startsWith('.tmp-') || isAtomicTempName(name)) {
        ignoreMissing(() => {
          if (now - statSync(path).mtimeMs > STALE_TEMP_MS) unlinkSync(path);
        });
        continue;
      }
      const match = /^(\d{13})-(\d{6})-([A-Za-z0-9_-]+)\.json$/.exec(name);
      if (!match) continue;
      const id = match[3];
      if (found.has(id)) {
        ignoreMissing(() => unlinkSync(path)); // the same entry enqueued twice: one copy is enough
        continue;
      }
      found.set(id, name);
    }
    this.files.clear();
    for (const [id, name] of found) this.files.set(id, name);
  }

}

function ignoreMissing(action: () => void): void {
  try {
    action();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
