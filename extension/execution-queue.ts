/**
 * The per-notebook execution queue (vscode-jupyter's habits): all requested cells are marked pending
 * at once, one cell runs at a time per notebook, every execution ends exactly once, and cancellation
 * goes from the execution's token to an `AbortSignal`. No `vscode` import: the controller passes
 * adapters, tests pass fakes.
 */

/** The part of `vscode.CancellationToken` the queue uses. */
export interface TokenLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/** The part of `vscode.NotebookCellExecution` the queue uses. */
export interface ExecutionLike {
  readonly token: TokenLike;
  executionOrder: number | undefined;
  start(startTime?: number): void;
  end(success: boolean | undefined, endTime?: number): void;
}

/** An execution whose `end` can be called any number of times but takes effect once. */
export interface GuardedExecution<E extends ExecutionLike = ExecutionLike> extends ExecutionLike {
  readonly ended: boolean;
  readonly started: boolean;
  /** The wrapped execution (for its other methods, e.g. `replaceOutput`). */
  readonly raw: E;
}

/** Wraps an execution so that `start` and `end` take effect at most once each (and `end` implies a start). */
export function guardExecution<E extends ExecutionLike>(execution: E, now: () => number = Date.now): GuardedExecution<E> {
  let started = false;
  let ended = false;
  return {
    raw: execution,
    get token() { return execution.token; },
    get executionOrder() { return execution.executionOrder; },
    set executionOrder(order: number | undefined) { execution.executionOrder = order; },
    get started() { return started; },
    get ended() { return ended; },
    start(startTime?: number) {
      if (started || ended) return;
      started = true;
      execution.start(startTime ?? now());
    },
    end(success: boolean | undefined, endTime?: number) {
      if (ended) return;
      ended = true;
      // VS Code refuses to end an execution that never started when it reports a result.
      if (!started && success !== undefined) {
        started = true;
        execution.start(endTime ?? now());
      }
      execution.end(success, endTime ?? now());
    },
  };
}

/** How one queued cell ended. */
export type RunOutcome = 'succeeded' | 'failed' | 'cancelled';

/** What the queue needs from its owner. */
export interface QueueDeps<C, R, E extends ExecutionLike = ExecutionLike> {
  /** A stable key per cell (its document URI), so a cell already queued is not queued twice. */
  keyOfCell(cell: C): string;
  /** Creates VS Code's execution for a cell: this is what shows it as pending. */
  createExecution(cell: C): E;
  /** Runs one cell; resolves true/false for success/failure; rejects (or sees the signal) when cancelled. */
  runCell(cell: C, execution: GuardedExecution<E>, signal: AbortSignal, request: R | undefined): Promise<boolean>;
  /** Whether a rejection of `runCell` means "cancelled" (not a failure). */
  isCancellation?(error: unknown): boolean;
  /** Called when `runCell` rejects with something else; the cell is then ended as failed. */
  onUnexpectedError?(cell: C, execution: GuardedExecution<E>, error: unknown): Promise<void> | void;
  now?: () => number;
}

interface Job<C, R, E extends ExecutionLike> {
  cell: C;
  key: string;
  execution: GuardedExecution<E>;
  request: R | undefined;
  done: (outcome: RunOutcome) => void;
  unsubscribe?: () => void;
}

/** One queue per notebook; cells of one notebook run one after another, notebooks run independently. */
export class ExecutionQueue<C, R = undefined, E extends ExecutionLike = ExecutionLike> {
  private readonly queues = new Map<string, Job<C, R, E>[]>();
  private readonly running = new Map<string, Job<C, R, E>>();
  private readonly queued = new Set<string>();

  constructor(private readonly deps: QueueDeps<C, R, E>) {}

  /**
   * Queues cells of one notebook: each gets its execution (pending) now, in order; resolves with each
   * cell's outcome when all of them ended. A cell already queued or running is skipped.
   */
  enqueue(notebookKey: string, cells: readonly C[], request?: R): Promise<RunOutcome[]> {
    const queue = this.queues.get(notebookKey) ?? [];
    this.queues.set(notebookKey, queue);
    const promises: Promise<RunOutcome>[] = [];
    for (const cell of cells) {
      const key = this.deps.keyOfCell(cell);
      if (this.queued.has(key)) continue;
      const execution = guardExecution(this.deps.createExecution(cell), this.deps.now);
      this.queued.add(key);
      promises.push(new Promise<RunOutcome>((done) => {
        const job: Job<C, R, E> = { cell, key, execution, request, done };
        queue.push(job);
        // A pending cell cancelled by the user ends at once instead of waiting for its turn.
        const subscription = execution.token.onCancellationRequested(() => {
          subscription.dispose();
          const index = queue.indexOf(job);
          if (index >= 0) {
            queue.splice(index, 1);
            this.finish(job, 'cancelled');
          }
        });
        job.unsubscribe = () => subscription.dispose();
      }));
    }
    void this.pump(notebookKey);
    return Promise.all(promises);
  }

  /** Whether a cell is queued or running. */
  isQueued(cell: C): boolean {
    return this.queued.has(this.deps.keyOfCell(cell));
  }

  /** How many cells of a notebook wait or run. */
  size(notebookKey: string): number {
    return (this.queues.get(notebookKey)?.length ?? 0) + (this.running.has(notebookKey) ? 1 : 0);
  }

  /** Ends every waiting cell of a notebook as cancelled (the running one is cancelled by its token). */
  clear(notebookKey: string): void {
    const queue = this.queues.get(notebookKey) ?? [];
    for (const job of queue.splice(0)) this.finish(job, 'cancelled');
  }

  private async pump(notebookKey: string): Promise<void> {
    if (this.running.has(notebookKey)) return;
    const queue = this.queues.get(notebookKey);
    const job = queue?.shift();
    if (!job) {
      this.queues.delete(notebookKey);
      return;
    }
    this.running.set(notebookKey, job);
    try {
      this.finish(job, await this.runJob(job));
    } finally {
      this.running.delete(notebookKey);
      void this.pump(notebookKey);
    }
  }

  private async runJob(job: Job<C, R, E>): Promise<RunOutcome> {
    const { execution } = job;
    if (execution.token.isCancellationRequested) return 'cancelled';
    const controller = new AbortController();
    const subscription = execution.token.onCancellationRequested(() => controller.abort());
    try {
      execution.start();
      const ok = await this.deps.runCell(job.cell, execution, controller.signal, job.request);
      if (controller.signal.aborted) return 'cancelled';
      execution.end(ok);
      return ok ? 'succeeded' : 'failed';
    } catch (error) {
      if (controller.signal.aborted || this.deps.isCancellation?.(error)) return 'cancelled';
      try {
        await this.deps.onUnexpectedError?.(job.cell, execution, error);
      } catch { /* the failure is reported by ending the cell */ }
      execution.end(false);
      return 'failed';
    } finally {
      subscription.dispose();
    }
  }

  private finish(job: Job<C, R, E>, outcome: RunOutcome): void {
    // Cancelled cells end without a verdict (VS Code shows neither a tick nor a cross).
    if (outcome === 'cancelled') job.execution.end(undefined);
    job.unsubscribe?.();
    this.queued.delete(job.key);
    job.done(outcome);
  }
}
