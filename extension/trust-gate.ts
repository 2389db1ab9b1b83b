/**
 * Starting what talks to the network only in a trusted workspace (security review H4): in Restricted
 * Mode nothing starts; when the user grants trust later, it starts then. No `vscode` import, so the
 * logic is tested with a fake trust state and a fake clock (test/unit/extension/trust-gate.test.ts).
 */

/** The part of `vscode.workspace` this needs. */
export interface TrustState {
  readonly isTrusted: boolean;
  onDidGrantWorkspaceTrust(listener: () => void): { dispose(): void };
}

/** A timer: `setTimeout`/`clearTimeout` in the extension, a fake in tests. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Calls `start` once, `delayMs` after now when the workspace is trusted, or `delayMs` after trust is
 * granted; never while the workspace is untrusted, and never after the returned disposable is
 * disposed. `onRestricted` is told once when the start waits for trust.
 */
export function startWhenTrusted(
  trust: TrustState,
  start: () => void,
  options: { delayMs: number; timers?: Timers; onRestricted?: () => void },
): { dispose(): void } {
  const timers = options.timers ?? realTimers;
  let handle: unknown;
  let done = false;
  let subscription: { dispose(): void } | undefined;
  const schedule = () => {
    if (done || handle !== undefined) return;
    handle = timers.set(() => {
      handle = undefined;
      if (done || !trust.isTrusted) return;
      done = true;
      subscription?.dispose();
      start();
    }, options.delayMs);
  };
  if (trust.isTrusted) schedule();
  else {
    options.onRestricted?.();
    subscription = trust.onDidGrantWorkspaceTrust(schedule);
  }
  return {
    dispose: () => {
      done = true;
      if (handle !== undefined) timers.clear(handle);
      handle = undefined;
      subscription?.dispose();
    },
  };
}
