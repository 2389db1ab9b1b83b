/**
 * Where finished runs go besides the notebook. A sink takes entries without ever blocking or
 * throwing (a cell's run must not wait for, or fail because of, a database), keeps them durably, and
 * delivers them in the background. The Supabase sink writes each entry to the on-disk queue first,
 * then drains the queue to Supabase with backoff.
 */
import { homedir } from 'node:os';
import * as nodePath from 'node:path';
import { toInferraError, type InferraError } from '../errors.js';
import { DiskQueue, type BackoffOptions, type QueueEvent } from './queue.js';
import { classifySupabaseError, type ProvenanceClient, type RunEntry } from './supabase.js';

/** A destination for provenance entries. */
export interface ProvenanceSink {
  /** Takes an entry; never blocks, never throws. */
  submit(entry: RunEntry): void;
  /** Entries not yet delivered (being written or waiting in the queue). */
  pending(): number;
  /** Waits until submitted entries are on disk, then tries one delivery pass now. */
  flush(): Promise<void>;
  /** Stops background delivery; waiting entries stay on disk for the next start. */
  close(): Promise<void>;
}

/** The Supabase sink, with what a status bar and a sign-in command need. */
export interface SupabaseSink extends ProvenanceSink {
  /** Resets the backoff and delivers now (call after sign-in). */
  wake(): Promise<void>;
  /** The latest write error (until a write succeeds), else the latest delivery error (until a send succeeds). */
  lastError(): InferraError | undefined;
  /** Entries set aside because Supabase refused them for good. */
  rejected(): number;
}

/** How to build the Supabase sink. */
export interface SupabaseSinkConfig {
  client: Pick<ProvenanceClient, 'appendRun'>;
  /** Queue folder; default `defaultQueueDir()`. */
  queueDir?: string;
  backoff?: BackoffOptions;
  random?: () => number;
  onEvent?(event: QueueEvent): void;
}

/**
 * `$XDG_STATE_HOME/inferra/provenance-queue`, or under `~/.local/state` (on Windows
 * `%USERPROFILE%\.local\state\inferra\provenance-queue`). Tests pass the environment, home folder and
 * `node:path/win32`.
 */
export function defaultQueueDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir(), path: Pick<typeof nodePath, 'join'> = nodePath): string {
  const base = env.XDG_STATE_HOME || path.join(home, '.local', 'state');
  return path.join(base, 'inferra', 'provenance-queue');
}

/** A sink that enqueues to disk and drains to Supabase in the background. */
export function createSupabaseSink(config: SupabaseSinkConfig): SupabaseSink {
  let deliveryError: InferraError | undefined;
  let writeError: InferraError | undefined;
  let writing = 0;
  let writes: Promise<void> = Promise.resolve();
  const queue = new DiskQueue<RunEntry>({
    dir: config.queueDir ?? defaultQueueDir(),
    send: async (entry) => {
      await config.client.appendRun(entry);
    },
    classify: classifySupabaseError,
    backoff: config.backoff,
    random: config.random,
    onEvent: (event) => {
      if (event.type === 'retry' || event.type === 'rejected') deliveryError = toInferraError(event.error);
      if (event.type === 'sent') deliveryError = undefined;
      config.onEvent?.(event);
    },
  });
  // Entries left by an earlier session start on their way at once.
  if (queue.pending() > 0) void queue.drain();

  return {
    submit(entry) {
      writing++;
      writes = writes
        .then(() => queue.enqueue(entry, entry.record.run_id))
        .then(() => {
          writeError = undefined;
          queue.kick();
        })
        .catch((error: unknown) => {
          writeError = toInferraError(error);
        })
        .finally(() => {
          writing--;
        });
    },
    pending: () => writing + queue.pending(),
    async flush() {
      await writes;
      await queue.drain();
    },
    async close() {
      await writes;
      await queue.close();
    },
    wake: () => queue.wake(),
    lastError: () => writeError ?? deliveryError,
    rejected: () => queue.rejectedCount(),
  };
}

/** A sink that drops everything (Supabase not configured): the notebook keeps the provenance. */
export function createNullSink(): ProvenanceSink {
  return { submit() {}, pending: () => 0, flush: async () => {}, close: async () => {} };
}
