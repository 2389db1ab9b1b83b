/**
 * The terminal's progress line (cli/progress.ts) under an injected clock and timer: nothing before a
 * second, then the latest step (rows as a percentage), rewritten in place on a terminal and cleared
 * at the end; one line per step when stderr is not a terminal (--progress).
 */
import assert from 'node:assert/strict';
import { PROGRESS_DELAY_MS, ProgressLine, progressOnStderr, type ProgressOutput } from '../../../cli/progress.js';

/** A fake terminal: the clock is advanced by the test, the timer's tick is called by the test. */
function output(tty: boolean) {
  const written: string[] = [];
  let now = 0;
  let tick: (() => void) | undefined;
  let stopped = false;
  const out: ProgressOutput = {
    write: (text) => void written.push(text),
    tty,
    now: () => now,
    every: (_ms, fn) => {
      tick = fn;
      return () => (stopped = true);
    },
  };
  return {
    out,
    written,
    advance: (ms: number) => (now += ms),
    tick: () => tick?.(),
    get stopped() {
      return stopped;
    },
  };
}

describe('cli progress line', () => {
  it('shows nothing for work shorter than a second', () => {
    const t = output(true);
    const line = new ProgressLine(t.out);
    line.update('Loading 1.0 M rows...', { phase: 'load', rows: 0, total: 1e6 });
    t.advance(PROGRESS_DELAY_MS - 1);
    t.tick();
    line.update('Running ttest welch on 1.0 M rows...', { phase: 'run' });
    line.finish();
    assert.deepEqual(t.written, []);
    assert.ok(t.stopped, 'the timer is stopped');
  });

  it('on a terminal: after a second the latest step, rows as a percentage, rewritten in place, cleared at the end', () => {
    const t = output(true);
    const line = new ProgressLine(t.out);
    line.update('Loading 1.0 M rows...', { phase: 'load', rows: 0, total: 1e6 });
    t.advance(1200);
    t.tick();
    line.update('Loading 1.0 M rows: 400.0 k read...', { phase: 'load', rows: 400_000, total: 1e6 });
    t.advance(900);
    line.update('Running ttest welch on 1.0 M rows...', { phase: 'run' });
    line.finish();
    assert.deepEqual(t.written, [
      '\r\x1b[KLoading 1.0 M rows... (0%) 1 s',
      '\r\x1b[KLoading 1.0 M rows: 400.0 k read... (40%) 1 s',
      '\r\x1b[KRunning ttest welch on 1.0 M rows... 2 s',
      '\r\x1b[K',
    ]);
  });

  it('not a terminal (--progress): one line per new step, no escape codes, nothing to clear', () => {
    const t = output(false);
    const line = new ProgressLine(t.out);
    t.advance(1500);
    line.update('Reading table.csv (35.0 MB)...', { phase: 'read' });
    t.tick();
    t.tick();
    line.update('Drawing the figure...', { phase: 'figure' });
    line.finish();
    assert.deepEqual(t.written, ['Reading table.csv (35.0 MB)... (1 s)\n', 'Drawing the figure... (1 s)\n']);
  });

  it('is off when stderr is not a terminal and --progress is not given', () => {
    const stream = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
    assert.equal(progressOnStderr(false, stream), undefined);
    const forced = progressOnStderr(true, stream);
    assert.ok(forced instanceof ProgressLine);
    forced.finish();
  });
});
