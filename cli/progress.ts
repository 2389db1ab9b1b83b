/**
 * Progress of a long load or analysis on the terminal. The worker's progress events (file read,
 * rows loaded, analysis, check, figure) are shown on stderr once the work has taken a second:
 * a quick command prints nothing. On a terminal the line is rewritten in place and cleared at the
 * end; with `--progress` and stderr not a terminal (a log file), each message is a line of its own.
 * Without a terminal and without `--progress`, nothing is shown. Never on stdout (`--json` there
 * stays one document).
 *
 * The clock and the timer are injected, so the policy is tested without waiting.
 */
import { progressText, type ProgressEvent } from '../kernel/api.js';

/** Progress is shown once the work has lasted this long. */
export const PROGRESS_DELAY_MS = 1000;
/** How often a shown line is refreshed when no new event came (its elapsed time). */
const TICK_MS = 250;

/** Where and how progress goes. */
export interface ProgressOutput {
  write(text: string): void;
  /** A terminal: one line rewritten in place. Else one line per message. */
  tty: boolean;
  now(): number;
  /** Starts a repeating timer; returns its stop. */
  every?(ms: number, tick: () => void): () => void;
}

/** Shows a command's progress messages under the policy above. */
export class ProgressLine {
  private readonly started: number;
  private message: string | undefined;
  private shown: string | undefined;
  private drawn = false;
  private readonly stopTimer: () => void;

  constructor(
    private readonly output: ProgressOutput,
    private readonly delayMs = PROGRESS_DELAY_MS,
  ) {
    this.started = output.now();
    this.stopTimer = output.every?.(TICK_MS, () => this.render()) ?? (() => undefined);
  }

  /** A progress event from the kernel (the message to show; the event says where the task is). */
  update = (message: string, event?: ProgressEvent): void => {
    this.message = progressText(message, event);
    this.render();
  };

  /** Shows the latest message if the work has lasted long enough. */
  render(): void {
    if (this.message === undefined) return;
    const elapsed = this.output.now() - this.started;
    if (elapsed < this.delayMs) return;
    const seconds = `${Math.floor(elapsed / 1000)} s`;
    if (this.output.tty) {
      this.output.write(`\r\x1b[K${this.message} ${seconds}`);
      this.drawn = true;
    } else if (this.shown !== this.message) {
      this.output.write(`${this.message} (${seconds})\n`);
    }
    this.shown = this.message;
  }

  /** Ends the display: the terminal's line is cleared, so the answer starts on a clean line. */
  finish(): void {
    this.stopTimer();
    if (this.drawn) this.output.write('\r\x1b[K');
    this.drawn = false;
  }
}

/**
 * The progress line of a command on this process' stderr: shown on a terminal, or everywhere with
 * `--progress`; `undefined` when neither (nothing to show). `INFERRA_PROGRESS_DELAY_MS` changes the
 * one-second delay (0 shows every event: tests and slow-log debugging).
 */
export function progressOnStderr(forced: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressLine | undefined {
  const tty = Boolean(stream.isTTY);
  if (!tty && !forced) return undefined;
  const delay = Number(process.env.INFERRA_PROGRESS_DELAY_MS);
  return new ProgressLine(
    {
      write: (text) => void stream.write(text),
      tty,
      now: () => performance.now(),
      every: (ms, tick) => {
        const timer = setInterval(tick, ms).unref();
        return () => clearInterval(timer);
      },
    },
    Number.isFinite(delay) && delay >= 0 ? delay : PROGRESS_DELAY_MS,
  );
}
